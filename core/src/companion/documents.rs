//! The member's 資格情報 on the Companion: import (R9, R10), the stored PDF and its
//! details with the warnings that it may be someone else's, the document form, going
//! back to the previous PDF, and the clinic card built from them (R8).

use super::{MemberContext, ShikakuCompanion};
use crate::error::{Entity, Result, ShikakuError};
use crate::guidance::clinic::{ClinicCard, CounterDisplay, clinic_card};
use crate::household::Member;
use crate::store::{MemberWithDocument, WithPdf};
use crate::vault::identity::identity_warnings;
use crate::vault::seal::Plaintext;
use crate::vault::{DocumentFields, DocumentInfo, ImportReport};
use crate::view::{
    DocumentSource, FormModel, FormOutcome, FormValues, document_form, submit_document_form,
};

impl ShikakuCompanion {
    /// The member, the household's members that open, and the member's current document
    /// if any (its PDF too when `with_pdf` asks), with the warnings that it may not be
    /// theirs while its fields are not confirmed: one snapshot of the store.
    pub(super) fn member_with_document(
        &self,
        member_id: &str,
        with_pdf: WithPdf,
    ) -> Result<MemberWithDocument> {
        let mut read = self
            .store()
            .member_with_document(member_id, self.now(), with_pdf)?;
        read.document = read
            .document
            .map(|info| with_identity_warnings(info, &read.member));
        Ok(read)
    }

    /// The clinic card of a member's context.
    fn card_of(&self, context: &MemberContext) -> ClinicCard {
        self.with_words(|words, _| {
            clinic_card(
                &context.member,
                &context.status,
                context.document.as_ref(),
                &context.insurer,
                words,
            )
        })
    }

    /// The member and their document, checked, read in one go.
    pub(super) fn member_and_document(
        &self,
        member_id: &str,
    ) -> Result<(Member, Option<DocumentInfo>)> {
        let read = self.member_with_document(member_id, WithPdf::No)?;
        Ok((read.member, read.document))
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl ShikakuCompanion {
    /// The fields of the member's 資格情報 as a form: read from the stored PDF and
    /// proposed for the member to confirm or correct, with its warnings beside them; or,
    /// with no PDF stored, the numbers typed from the お知らせ.
    pub fn document_form(
        &self,
        member_id: String,
        values: FormValues,
    ) -> Result<FormModel, ShikakuError> {
        let (member, document) = self.member_and_document(&member_id)?;
        let (fields, source, warnings) = document_fields(&member, document);
        Ok(self.with_words(|words, _| document_form(words, &fields, source, &warnings, &values))?)
    }

    /// Confirms the document form's `values`: the stored PDF's fields, confirmed
    /// (`set_document_fields`), or the numbers typed from the お知らせ when no PDF is
    /// stored; or the form with its errors (nothing is saved then).
    pub fn submit_document_form(
        &self,
        member_id: String,
        values: FormValues,
    ) -> Result<FormOutcome, ShikakuError> {
        let (member, document) = self.member_and_document(&member_id)?;
        let has_document = document.is_some();
        let (fields, source, _) = document_fields(&member, document);
        let submitted =
            self.with_words(|words, _| submit_document_form(words, &fields, source, &values))?;
        let fields = match submitted {
            Ok(fields) => fields,
            Err((form, errors)) => return Ok(FormOutcome::Invalid { form, errors }),
        };
        if has_document {
            self.set_document_fields(member_id.clone(), fields)?;
        } else {
            let typed = (!fields.is_empty()).then_some(fields);
            self.update_member(Member {
                insurance_fields: typed,
                ..member
            })?;
        }
        Ok(FormOutcome::Saved {
            member: self.member(member_id)?,
        })
    }

    /// The card a member shows across the counter.
    pub fn clinic_card(&self, member_id: String) -> Result<ClinicCard, ShikakuError> {
        let context = self.member_context(&member_id)?;
        Ok(self.card_of(&context))
    }

    /// What a tap on "show at the counter" shows: the member's clinic card and, when
    /// their record is available offline, their current PDF exactly as imported; both
    /// from one snapshot of the store, so the card speaks of the PDF shown.
    pub fn counter_display(&self, member_id: String) -> Result<CounterDisplay, ShikakuError> {
        let mut read = self.member_with_document(&member_id, WithPdf::Yes)?;
        // Handed over whole: the shell owns the bytes from here.
        let pdf = read.pdf.take().map(Plaintext::into_unwiped);
        let card = self.card_of(&self.member_context_of(read)?);
        Ok(CounterDisplay { card, pdf })
    }

    /// Imports a member's 資格情報 PDF (checked, read, sealed; the previous one is kept).
    /// The fields read are proposed, not applied; the report's warnings say what was not
    /// kept and whether the 氏名 or 生年月日 are not the member's.
    pub fn import_document(
        &self,
        member_id: String,
        pdf: Vec<u8>,
    ) -> Result<ImportReport, ShikakuError> {
        let now = self.now();
        let mut store = self.store();
        let report = store.import_document(&member_id, &pdf, now)?;
        let member = store.member(&member_id)?;
        Ok(ImportReport {
            info: with_identity_warnings(report.info, &member),
            ..report
        })
    }

    /// The member's current PDF, exactly as imported, for the PDF viewer.
    pub fn document(&self, member_id: String) -> Result<Vec<u8>, ShikakuError> {
        // Handed over whole: the shell owns the bytes from here.
        Ok(self.store().document(&member_id)?.into_unwiped())
    }

    /// What is known of the member's current PDF, with the warnings that it may not be
    /// theirs until they confirm its fields.
    pub fn document_info(&self, member_id: String) -> Result<DocumentInfo, ShikakuError> {
        self.member_and_document(&member_id)?
            .1
            .ok_or(ShikakuError::NotFound {
                what: Entity::Document,
            })
    }

    /// Saves the fields the member confirmed or typed (R9–R11 checked).
    pub fn set_document_fields(
        &self,
        member_id: String,
        fields: DocumentFields,
    ) -> Result<DocumentInfo, ShikakuError> {
        let now = self.now();
        Ok(self.store().set_document_fields(&member_id, fields, now)?)
    }

    /// Makes the previous PDF current again.
    pub fn revert_document(&self, member_id: String) -> Result<DocumentInfo, ShikakuError> {
        let now = self.now();
        let mut store = self.store();
        let info = store.revert_document(&member_id, now)?;
        Ok(with_identity_warnings(info, &store.member(&member_id)?))
    }
}

/// `info` with the warnings that its 氏名 or 生年月日 are not `member`'s, until the
/// member confirms its fields.
fn with_identity_warnings(mut info: DocumentInfo, member: &Member) -> DocumentInfo {
    if !info.fields_confirmed {
        info.warnings
            .extend(identity_warnings(&info.fields, member));
    }
    info
}

/// The fields the document form edits, where they come from, and the warnings beside
/// them: the stored PDF's, or the member's typed numbers when no PDF is stored.
fn document_fields(
    member: &Member,
    document: Option<DocumentInfo>,
) -> (
    DocumentFields,
    DocumentSource,
    Vec<crate::vault::FieldWarning>,
) {
    match document {
        Some(info) if info.fields_confirmed => {
            (info.fields, DocumentSource::Confirmed, info.warnings)
        }
        Some(info) => (info.fields, DocumentSource::Proposed, info.warnings),
        None => (
            member.insurance_fields.clone().unwrap_or_default(),
            DocumentSource::Typed,
            Vec::new(),
        ),
    }
}
