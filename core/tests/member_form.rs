//! The member form: every field of the facts, of the holdings and of the member is a
//! field of the form (the field names are read from the types themselves, so a new one
//! without a form field fails here), each can be set through the form, submitting the
//! form unchanged gives the member back, fields appear when they apply, era dates stay
//! as typed, and a member who moved across municipalities and brought the card to the
//! 転入届 is valid after 90 days (R4).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{Days, NaiveDate};
use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::Value;
use shikaku_core::clock::FixedClock;
use shikaku_core::companion::ShikakuCompanion;
use shikaku_core::error::{Field, Reason};
use shikaku_core::household::{CardCondition, Holdings, MemberDraft, Relationship};
use shikaku_core::i18n::{Locale, Words, format_iso};
use shikaku_core::rules::{CardState, Facts};
use shikaku_core::secrets::MemorySecretStore;
use shikaku_core::view::form::{NO, YES};
use shikaku_core::view::{
    FormField, FormInput, FormModel, FormOutcome, FormValues, OtherMember, member_form,
    submit_member_form,
};

// ---- the names of a struct's fields, from its Serialize implementation ----

/// Records the field names a struct's `Serialize` passes, serialized or skipped (serde
/// calls `skip_field` for a field left out by `skip_serializing_if`): every field of the
/// type, whatever the value.
#[derive(Default)]
struct FieldNames(Vec<&'static str>);

#[derive(Debug)]
struct NotAStruct;

impl std::fmt::Display for NotAStruct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("only a struct's field names are recorded")
    }
}

impl std::error::Error for NotAStruct {}

impl ser::Error for NotAStruct {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NotAStruct
    }
}

macro_rules! refuse {
    ($($name:ident($($ty:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $ty),*) -> Result<(), NotAStruct> { Err(NotAStruct) })*
    };
}

impl ser::Serializer for &mut FieldNames {
    type Ok = ();
    type Error = NotAStruct;
    type SerializeSeq = Impossible<(), NotAStruct>;
    type SerializeTuple = Impossible<(), NotAStruct>;
    type SerializeTupleStruct = Impossible<(), NotAStruct>;
    type SerializeTupleVariant = Impossible<(), NotAStruct>;
    type SerializeMap = Impossible<(), NotAStruct>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), NotAStruct>;

    refuse!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), NotAStruct> {
        Err(NotAStruct)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotAStruct> {
        Err(NotAStruct)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotAStruct> {
        Err(NotAStruct)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotAStruct> {
        Err(NotAStruct)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotAStruct> {
        Err(NotAStruct)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotAStruct> {
        Err(NotAStruct)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotAStruct> {
        Err(NotAStruct)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotAStruct> {
        Err(NotAStruct)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotAStruct> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotAStruct> {
        Err(NotAStruct)
    }
}

impl ser::SerializeStruct for &mut FieldNames {
    type Ok = ();
    type Error = NotAStruct;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        _: &T,
    ) -> Result<(), NotAStruct> {
        self.0.push(key);
        Ok(())
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), NotAStruct> {
        self.0.push(key);
        Ok(())
    }

    fn end(self) -> Result<(), NotAStruct> {
        Ok(())
    }
}

/// Every field of `T`, read from its `Serialize` implementation.
fn field_names<T: Serialize>(value: &T) -> Vec<&'static str> {
    let mut names = FieldNames::default();
    value.serialize(&mut names).unwrap();
    names.0
}

// ---- members ----

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn words() -> Words<'static> {
    Words::built_in(Locale::Ja)
}

/// A Japanese national with a card, who moved across municipalities and did the 継続利用
/// on a later day, is leaving Japan, holds a 資格確認書: every field but 在留期間 shown.
fn national() -> MemberDraft {
    let facts = Facts {
        card_issued_on: Some(day(2020, 1, 10)),
        card_applied_on: Some(day(2019, 12, 1)),
        card_expires_on: Some(day(2030, 4, 12)),
        cert_issued_on: Some(day(2024, 5, 1)),
        cert_expires_on: Some(day(2029, 4, 12)),
        previous_cert_expires_on: Some(day(2025, 4, 12)),
        moved_out_planned_on: Some(day(2026, 2, 20)),
        moved_on: Some(day(2026, 3, 1)),
        move_in_filed_on: Some(day(2026, 3, 10)),
        continued_use_done_on: Some(day(2026, 3, 20)),
        overseas_departure_on: Some(day(2027, 8, 1)),
        overseas_continued_use_applied_on: Some(day(2027, 7, 1)),
        insurer_registered_on: Some(day(2026, 4, 3)),
        insurer_joined_on: Some(day(2026, 4, 1)),
        ..Facts::born_on(day(1985, 4, 12))
    };
    MemberDraft {
        display_name: "はなこ".to_owned(),
        name_as_printed: Some("佐藤 花子".to_owned()),
        relationship: Relationship::Spouse,
        facts,
        eligibility_certificate_expires_on: Some(day(2029, 11, 30)),
        holdings: Holdings {
            has_card: true,
            card_condition: CardCondition::BeingRenewed,
            registered_for_insurance: false,
            has_smartphone: true,
            smartphone_insurance_card: true,
            carries_notice: true,
            needs_helper: true,
            has_my_number: true,
        },
        insurance_fields: None,
        eligibility_certificate_issued_on: Some(day(2024, 12, 1)),
        dependent_of: None,
    }
}

/// A foreign resident with a 在留期間 and no card: 在留期間 and マイナンバー shown.
fn resident() -> MemberDraft {
    MemberDraft {
        display_name: "Maria".to_owned(),
        name_as_printed: None,
        relationship: Relationship::Other,
        facts: Facts {
            foreign_national: true,
            residence_limit_on: Some(day(2028, 3, 31)),
            moved_on: Some(day(2026, 5, 1)),
            moved_within_municipality: true,
            move_in_filed_on: Some(day(2026, 5, 8)),
            ..Facts::born_on(day(1992, 9, 9))
        },
        eligibility_certificate_expires_on: None,
        holdings: Holdings {
            has_card: false,
            has_my_number: false,
            has_smartphone: false,
            ..Holdings::default()
        },
        insurance_fields: None,
        eligibility_certificate_issued_on: None,
        dependent_of: Some("insured-1".to_owned()),
    }
}

/// The field ids the member form must have: the facts' names, the holdings' names
/// under `holdings.`, and the member's own fields (its insurance numbers are the
/// document form's).
fn ids_the_types_have() -> BTreeSet<String> {
    let draft = national();
    let mut ids: BTreeSet<String> = field_names(&draft.facts)
        .into_iter()
        .map(str::to_owned)
        .collect();
    ids.extend(
        field_names(&draft.holdings)
            .into_iter()
            .map(|name| format!("holdings.{name}")),
    );
    ids.extend(
        field_names(&draft)
            .into_iter()
            .filter(|name| !["facts", "holdings", "insurance_fields"].contains(name))
            .map(str::to_owned),
    );
    ids
}

/// The rest of the household the tests' members live in.
fn others() -> Vec<OtherMember> {
    vec![OtherMember {
        id: "insured-1".to_owned(),
        display_name: "山田 一郎".to_owned(),
    }]
}

fn form_of(draft: Option<&MemberDraft>, values: &FormValues) -> FormModel {
    member_form(words(), draft, &others(), values).unwrap()
}

fn values(pairs: &[(&str, &str)]) -> FormValues {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn submitted(draft: Option<&MemberDraft>, given: &FormValues) -> MemberDraft {
    match submit_member_form(words(), draft, &others(), given).unwrap() {
        Ok(draft) => draft,
        Err((_, errors)) => panic!("{errors:?}"),
    }
}

fn shown(form: &FormModel) -> BTreeSet<String> {
    form.fields()
        .filter(|f| f.shown)
        .map(|f| f.id.clone())
        .collect()
}

/// A value other than `field`'s that the member could enter, and what it becomes in
/// the member's JSON.
fn another_value(field: &FormField) -> (String, Value) {
    match &field.input {
        FormInput::Date => {
            let current: NaiveDate = field.value.parse().unwrap();
            let next = format_iso(current.checked_add_days(Days::new(1)).unwrap());
            (next.clone(), Value::String(next))
        }
        FormInput::YesNo => {
            let flipped = field.value != YES;
            let value = if flipped { YES } else { NO };
            (value.to_owned(), Value::Bool(flipped))
        }
        FormInput::Choice { choices } => {
            let other = choices.iter().find(|c| c.value != field.value).unwrap();
            (other.value.clone(), Value::String(other.value.clone()))
        }
        FormInput::Text { .. } => {
            let text = format!("{}（別）", field.value);
            (text.clone(), Value::String(text))
        }
    }
}

/// The value of form id `id` in a member's JSON.
fn json_value(draft: &MemberDraft, id: &str) -> Value {
    let json = serde_json::to_value(draft).unwrap();
    let found = match id.split_once('.') {
        Some((group, name)) => json[group].get(name),
        None => json.get(id).or_else(|| json["facts"].get(id)),
    };
    found.cloned().unwrap_or(Value::Null)
}

// ---- the tests ----

#[test]
fn every_field_of_the_facts_holdings_and_member_is_a_form_field() {
    let form = form_of(None, &FormValues::new());
    let form_ids: BTreeSet<String> = form.fields().map(|f| f.id.clone()).collect();
    let missing: Vec<String> = ids_the_types_have()
        .difference(&form_ids)
        .cloned()
        .collect();
    assert_eq!(missing, Vec::<String>::new(), "fields the form lacks");
    let facts = field_names(&national().facts);
    assert_eq!(facts.len(), Field::FACTS.len(), "{facts:?}");
    assert_eq!(field_names(&national().holdings).len(), 8);
    let unique: BTreeSet<&String> = form.fields().map(|f| &f.id).collect();
    assert_eq!(
        unique.len(),
        form.fields().count(),
        "two fields share an id"
    );
}

#[test]
fn every_field_is_shown_for_some_member_and_set_through_the_form() {
    let members = [national(), resident()];
    for id in ids_the_types_have() {
        let (draft, field) = members
            .iter()
            .find_map(|draft| {
                let form = form_of(Some(draft), &FormValues::new());
                let field = form.field(&id).filter(|f| f.shown)?.clone();
                Some((draft, field))
            })
            .unwrap_or_else(|| panic!("{id} is shown for none of the members"));
        let (typed, expected) = another_value(&field);
        assert_ne!(json_value(draft, &id), expected, "{id}: not a change");
        let saved = submitted(Some(draft), &values(&[(&id, &typed)]));
        assert_eq!(json_value(&saved, &id), expected, "{id}");
    }
}

#[test]
fn submitting_the_form_unchanged_gives_every_value_back() {
    for draft in [national(), resident()] {
        let form = form_of(Some(&draft), &FormValues::new());
        assert_eq!(submitted(Some(&draft), &form.values()), draft);
        assert_eq!(submitted(Some(&draft), &FormValues::new()), draft);
    }
    let national_shown = shown(&form_of(Some(&national()), &FormValues::new()));
    let resident_shown = shown(&form_of(Some(&resident()), &FormValues::new()));
    let all: BTreeSet<String> = national_shown.union(&resident_shown).cloned().collect();
    assert!(ids_the_types_have().is_subset(&all));
}

#[test]
fn a_new_member_starts_empty_and_needs_a_name_and_a_birth_date() {
    let form = form_of(None, &FormValues::new());
    assert_eq!(form.field("birth_date").unwrap().value, "");
    assert_eq!(form.field("display_name").unwrap().value, "");
    let Err((form, errors)) = submit_member_form(words(), None, &[], &FormValues::new()).unwrap()
    else {
        panic!("saved without a name or a birth date");
    };
    let refused: Vec<(Field, Reason)> =
        errors.iter().map(|e| (e.field, e.reason.clone())).collect();
    assert_eq!(
        refused,
        [
            (Field::DisplayName, Reason::Required),
            (Field::BirthDate, Reason::Required)
        ]
    );
    assert_eq!(
        form.field("birth_date").unwrap().error.as_deref(),
        Some("入力してください。")
    );
    let en = Words::built_in(Locale::En);
    let Err((form, _)) = submit_member_form(en, None, &[], &FormValues::new()).unwrap() else {
        panic!();
    };
    assert_eq!(
        form.field("birth_date").unwrap().error.as_deref(),
        Some("Please fill it in.")
    );
    let saved = submitted(
        None,
        &values(&[
            ("display_name", "佐藤 陽太"),
            ("birth_date", "平成28年8月3日"),
        ]),
    );
    assert_eq!(saved.facts, Facts::born_on(day(2016, 8, 3)));
    assert_eq!(saved.holdings, Holdings::default());
}

#[test]
fn an_era_date_stays_as_typed_and_is_read_back_as_the_core_writes_it() {
    let form = form_of(None, &values(&[("birth_date", "令和7年6月16日")]));
    let field = form.field("birth_date").unwrap();
    assert_eq!(field.value, "令和7年6月16日");
    assert_eq!(field.reading.as_deref(), Some("令和7年6月16日(月)"));
    assert_eq!(field.error, None);
    let typing = form_of(None, &values(&[("birth_date", "令和7年6")]));
    let field = typing.field("birth_date").unwrap();
    assert_eq!(field.value, "令和7年6");
    assert!(field.error.is_some() && field.reading.is_none());
}

#[test]
fn fields_appear_when_they_apply() {
    let new = shown(&form_of(None, &FormValues::new()));
    for hidden in [
        "residence_limit_on",
        "moved_within_municipality",
        "move_in_filed_on",
        "continued_use_at_move_in",
        "continued_use_done_on",
        "overseas_continued_use_applied_on",
        "eligibility_certificate_expires_on",
        "previous_cert_expires_on",
        "holdings.has_my_number",
    ] {
        assert!(!new.contains(hidden), "{hidden} shown to a new member");
    }
    let foreign = shown(&form_of(None, &values(&[("foreign_national", YES)])));
    assert!(foreign.contains("residence_limit_on"));
    let moved = shown(&form_of(None, &values(&[("moved_on", "2026-03-01")])));
    assert!(moved.contains("moved_within_municipality") && moved.contains("move_in_filed_on"));
    assert!(!moved.contains("continued_use_at_move_in"));
    let filed = values(&[
        ("moved_on", "2026-03-01"),
        ("move_in_filed_on", "2026-03-10"),
    ]);
    let filed_form = shown(&form_of(None, &filed));
    assert!(filed_form.contains("continued_use_at_move_in"));
    let mut within = filed.clone();
    within.insert("moved_within_municipality".into(), YES.into());
    let within = form_of(None, &within);
    assert!(!shown(&within).contains("continued_use_at_move_in"));
    assert!(!shown(&within).contains("moved_out_planned_on"));
    assert_eq!(
        within.field("move_in_filed_on").unwrap().label,
        "転居届を出した日"
    );
    let abroad = shown(&form_of(
        None,
        &values(&[("overseas_departure_on", "2027-08-01")]),
    ));
    assert!(abroad.contains("overseas_continued_use_applied_on"));
    let foreign_abroad = shown(&form_of(
        None,
        &values(&[
            ("overseas_departure_on", "2027-08-01"),
            ("foreign_national", YES),
        ]),
    ));
    assert!(
        !foreign_abroad.contains("overseas_continued_use_applied_on"),
        "R12"
    );
    let no_card = shown(&form_of(None, &values(&[("holdings.has_card", NO)])));
    assert!(no_card.contains("holdings.has_my_number") && !no_card.contains("card_issued_on"));
}

#[test]
fn a_hidden_field_is_not_saved() {
    let mut draft = national();
    draft.facts.residence_limit_on = Some(day(2028, 3, 31));
    let saved = submitted(Some(&draft), &FormValues::new());
    assert_eq!(
        saved.facts.residence_limit_on, None,
        "not a foreign resident"
    );
    let no_card = submitted(Some(&national()), &values(&[("holdings.has_card", NO)]));
    assert_eq!(no_card.facts.card_issued_on, None);
    assert_eq!(no_card.facts.continued_use_done_on, None);
    assert_eq!(no_card.facts.moved_on, national().facts.moved_on);
}

#[test]
fn errors_are_per_field_and_name_no_value() {
    let given = values(&[
        ("display_name", "佐藤 花子"),
        ("birth_date", "1985-04-12"),
        ("card_issued_on", "2020-02-30"),
        ("holdings.has_smartphone", "maybe"),
        ("relationship", "cousin"),
    ]);
    let Err((form, errors)) = submit_member_form(words(), None, &[], &given).unwrap() else {
        panic!("saved");
    };
    let refused: Vec<(&str, Reason)> = errors
        .iter()
        .map(|e| (e.id.as_str(), e.reason.clone()))
        .collect();
    assert_eq!(
        refused,
        [
            ("relationship", Reason::NotAChoice),
            ("card_issued_on", Reason::NotADate),
            ("holdings.has_smartphone", Reason::NotYesOrNo),
        ]
    );
    for error in &errors {
        assert_eq!(
            form.field(&error.id).unwrap().error.as_ref(),
            Some(&error.message)
        );
        assert!(!error.message.contains("2020") && !error.message.contains("cousin"));
    }
    // Facts that cannot be true together: the field that cannot be, after the others.
    let earlier = values(&[
        ("display_name", "佐藤 花子"),
        ("birth_date", "1985-04-12"),
        ("card_issued_on", "1980-01-01"),
    ]);
    let Err((form, errors)) = submit_member_form(words(), None, &[], &earlier).unwrap() else {
        panic!("saved");
    };
    assert_eq!(errors[0].field, Field::CardIssuedOn);
    assert_eq!(
        form.field("card_issued_on").unwrap().error.as_deref(),
        Some("「生年月日」より前の日付にはできません。")
    );
    let unknown = member_form(
        words(),
        None,
        &[],
        &values(&[("card_issued", "2020-01-01")]),
    );
    assert!(unknown.is_err());
}

#[test]
fn the_card_brought_to_the_move_in_notice_records_the_continued_use() {
    let given = values(&[
        ("display_name", "佐藤 花子"),
        ("birth_date", "昭和60年4月12日"),
        ("card_issued_on", "2024-06-01"),
        ("moved_on", "2026-03-01"),
        ("moved_within_municipality", NO),
        ("move_in_filed_on", "令和8年3月10日"),
        ("continued_use_at_move_in", YES),
    ]);
    let saved = submitted(None, &given);
    assert_eq!(saved.facts.continued_use_done_on, Some(day(2026, 3, 10)));
    let form = form_of(Some(&saved), &FormValues::new());
    assert_eq!(form.field("continued_use_at_move_in").unwrap().value, YES);
    assert!(!form.field("continued_use_done_on").unwrap().shown);
}

/// R4: moved to another municipality, filed the 転入届 with the card and did nothing
/// else: still valid 90 days later, entered through the form as a shell enters it.
#[test]
fn a_member_who_brought_the_card_to_the_move_in_notice_is_valid_after_90_days() {
    let dir = tempfile::tempdir().unwrap();
    let today = day(2026, 6, 20);
    let companion = ShikakuCompanion::open_with(
        dir.path().to_path_buf(),
        &MemorySecretStore::default(),
        Locale::Ja,
        Arc::new(FixedClock::noon_in_japan(today)),
        Vec::new(),
    )
    .unwrap();
    let mut given = values(&[
        ("display_name", "佐藤 花子"),
        ("birth_date", "昭和60年4月12日"),
        ("card_issued_on", "令和6年6月1日"),
        ("moved_on", "2026-03-01"),
        ("move_in_filed_on", "2026-03-10"),
    ]);
    // The form asks as the member answers.
    let form = companion.member_form(None, given.clone()).unwrap();
    assert!(form.field("continued_use_at_move_in").unwrap().shown);
    given.insert("moved_within_municipality".into(), NO.into());
    given.insert("continued_use_at_move_in".into(), YES.into());
    let FormOutcome::Saved { member } = companion.submit_member_form(None, given.clone()).unwrap()
    else {
        panic!("not saved");
    };
    assert!(today > day(2026, 3, 10).checked_add_days(Days::new(90)).unwrap());
    let status = companion.member_status(member.id.clone()).unwrap();
    assert_eq!(status.card_state(), CardState::Valid);
    assert!(status.overdue.is_empty(), "{:?}", status.overdue);

    // Without the card at the 転入届 (and no 継続利用 since): invalid.
    let FormOutcome::Saved { member } = companion
        .submit_member_form(Some(member.id), values(&[("continued_use_at_move_in", NO)]))
        .unwrap()
    else {
        panic!("not saved");
    };
    let status = companion.member_status(member.id).unwrap();
    assert_eq!(status.card_state(), CardState::InvalidMoved);
}
