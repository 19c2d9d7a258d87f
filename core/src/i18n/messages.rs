//! The one place that maps each kind the core words to its messages: a card state, a
//! relationship, a card's condition, a document warning, a deadline (its name and its
//! reminder body), the advice of R8, the
//! reasons for a 資格確認書 (R6), the situations and the flowchart, the clinic card's
//! fields, the errors with their fields and reasons. Nothing else derives a message id from a name, and no stored id (reminder
//! ids, calendar UIDs) is derived from a message id: renaming or rewording a message
//! changes only what is shown.

use super::MessageId;
use super::ids;
use crate::error::{Entity, Field, Reason, ShikakuError};
use crate::guidance::clinic::ClinicFieldKind;
use crate::guidance::{
    EligibilityReason, FallbackWay, FlowNode, NeverAlone, Preparation, PresentWay, Situation,
};
use crate::household::{CardCondition, DeadlineKind, Relationship};
use crate::rules::CardState;
use crate::vault::WarningCode;

impl CardState {
    /// The state's name.
    pub fn message_id(self) -> MessageId {
        match self {
            CardState::Valid => ids::STATE_VALID,
            CardState::RenewalWindow => ids::STATE_RENEWAL_WINDOW,
            CardState::Grace => ids::STATE_GRACE,
            CardState::Expired => ids::STATE_EXPIRED,
            CardState::InvalidMoved => ids::STATE_INVALID_MOVED,
            CardState::InvalidOverseas => ids::STATE_INVALID_OVERSEAS,
            CardState::Unknown => ids::STATE_UNKNOWN,
            CardState::Lost => ids::STATE_LOST,
        }
    }
}

impl Relationship {
    /// The relationship's name.
    pub fn message_id(self) -> MessageId {
        match self {
            Relationship::Myself => ids::RELATIONSHIP_MYSELF,
            Relationship::Spouse => ids::RELATIONSHIP_SPOUSE,
            Relationship::Child => ids::RELATIONSHIP_CHILD,
            Relationship::Parent => ids::RELATIONSHIP_PARENT,
            Relationship::Other => ids::RELATIONSHIP_OTHER,
        }
    }
}

impl CardCondition {
    /// The condition's name, as the member form offers it.
    pub fn message_id(self) -> MessageId {
        match self {
            CardCondition::InHand => ids::CARD_CONDITION_IN_HAND,
            CardCondition::Lost => ids::CARD_CONDITION_LOST,
            CardCondition::BeingRenewed => ids::CARD_CONDITION_BEING_RENEWED,
            CardCondition::Returned => ids::CARD_CONDITION_RETURNED,
        }
    }
}

impl WarningCode {
    /// What the warning tells the member, naming the field (`$field`).
    pub fn message_id(self) -> MessageId {
        match self {
            WarningCode::Unreadable => ids::DOCUMENT_WARNING_UNREADABLE,
            WarningCode::MyNumberRefused => ids::DOCUMENT_WARNING_MY_NUMBER_REFUSED,
            WarningCode::InsurerNumberInvalid => ids::DOCUMENT_WARNING_INSURER_NUMBER_INVALID,
            WarningCode::NameMismatch => ids::DOCUMENT_WARNING_NAME_MISMATCH,
            WarningCode::NameScriptDiffers => ids::DOCUMENT_WARNING_NAME_SCRIPT_DIFFERS,
            WarningCode::BirthDateMismatch => ids::DOCUMENT_WARNING_BIRTH_DATE_MISMATCH,
        }
    }
}

impl DeadlineKind {
    /// The deadline's name, e.g. 電子証明書の有効期限.
    pub fn message_id(self) -> MessageId {
        use DeadlineKind as K;
        match self {
            K::CertRenewalOpens => ids::DEADLINE_CERT_RENEWAL_OPENS,
            K::CertExpires => ids::DEADLINE_CERT_EXPIRES,
            K::GraceEnds => ids::DEADLINE_GRACE_ENDS,
            K::CardRenewalOpens => ids::DEADLINE_CARD_RENEWAL_OPENS,
            K::CardExpires => ids::DEADLINE_CARD_EXPIRES,
            K::MoveInDue => ids::DEADLINE_MOVE_IN_DUE,
            K::ContinuedUseDue => ids::DEADLINE_CONTINUED_USE_DUE,
            K::OverseasApplyBy => ids::DEADLINE_OVERSEAS_APPLY_BY,
            K::InsuranceUsableFrom => ids::DEADLINE_INSURANCE_USABLE_FROM,
            K::EligibilityCertificateExpires => ids::DEADLINE_ELIGIBILITY_CERTIFICATE_EXPIRES,
            K::RefreshDocument => ids::DEADLINE_REFRESH_DOCUMENT,
            K::ResidencePeriodEnds => ids::DEADLINE_RESIDENCE_PERIOD_ENDS,
            K::ElderlyCopayFrom => ids::DEADLINE_ELDERLY_COPAY_FROM,
            K::LateStageElderlyFrom => ids::DEADLINE_LATE_STAGE_ELDERLY_FROM,
            K::JoinOtherInsuranceDue => ids::DEADLINE_JOIN_OTHER_INSURANCE_DUE,
            K::ChangeOfAddressDue => ids::DEADLINE_CHANGE_OF_ADDRESS_DUE,
        }
    }

    /// What to do by the deadline, for a reminder's body and a calendar event.
    pub fn reminder_body_id(self) -> MessageId {
        use DeadlineKind as K;
        match self {
            K::CertRenewalOpens => ids::REMINDER_BODY_CERT_RENEWAL_OPENS,
            K::CertExpires => ids::REMINDER_BODY_CERT_EXPIRES,
            K::GraceEnds => ids::REMINDER_BODY_GRACE_ENDS,
            K::CardRenewalOpens => ids::REMINDER_BODY_CARD_RENEWAL_OPENS,
            K::CardExpires => ids::REMINDER_BODY_CARD_EXPIRES,
            K::MoveInDue => ids::REMINDER_BODY_MOVE_IN_DUE,
            K::ContinuedUseDue => ids::REMINDER_BODY_CONTINUED_USE_DUE,
            K::OverseasApplyBy => ids::REMINDER_BODY_OVERSEAS_APPLY_BY,
            K::InsuranceUsableFrom => ids::REMINDER_BODY_INSURANCE_USABLE_FROM,
            K::EligibilityCertificateExpires => ids::REMINDER_BODY_ELIGIBILITY_CERTIFICATE_EXPIRES,
            K::RefreshDocument => ids::REMINDER_BODY_REFRESH_DOCUMENT,
            K::ResidencePeriodEnds => ids::REMINDER_BODY_RESIDENCE_PERIOD_ENDS,
            K::ElderlyCopayFrom => ids::REMINDER_BODY_ELDERLY_COPAY_FROM,
            K::LateStageElderlyFrom => ids::REMINDER_BODY_LATE_STAGE_ELDERLY_FROM,
            K::JoinOtherInsuranceDue => ids::REMINDER_BODY_JOIN_OTHER_INSURANCE_DUE,
            K::ChangeOfAddressDue => ids::REMINDER_BODY_CHANGE_OF_ADDRESS_DUE,
        }
    }
}

impl PresentWay {
    /// The way, as advice.
    pub fn message_id(self) -> MessageId {
        match self {
            PresentWay::MynaCard => ids::PRESENT_MYNA_CARD,
            PresentWay::SmartphoneInsuranceCard => ids::PRESENT_SMARTPHONE_INSURANCE_CARD,
            PresentWay::EligibilityCertificate => ids::PRESENT_ELIGIBILITY_CERTIFICATE,
        }
    }
}

impl FallbackWay {
    /// The fallback, as advice.
    pub fn message_id(self) -> MessageId {
        match self {
            FallbackWay::CardWithDownloadedRecord => ids::FALLBACK_CARD_WITH_DOWNLOADED_RECORD,
            FallbackWay::CardWithNotice => ids::FALLBACK_CARD_WITH_NOTICE,
            FallbackWay::CardWithDeclarationForm => ids::FALLBACK_CARD_WITH_DECLARATION_FORM,
        }
    }
}

impl NeverAlone {
    /// Why it is not enough on its own.
    pub fn message_id(self) -> MessageId {
        match self {
            NeverAlone::DownloadedRecord => ids::NEVER_ALONE_DOWNLOADED_RECORD,
            NeverAlone::Notice => ids::NEVER_ALONE_NOTICE,
        }
    }
}

impl Preparation {
    /// The step, as advice.
    pub fn message_id(self) -> MessageId {
        use Preparation as P;
        match self {
            P::GetCard => ids::PREPARE_GET_CARD,
            P::SuspendAndReissueCard => ids::PREPARE_SUSPEND_AND_REISSUE_CARD,
            P::RegisterCardForInsurance => ids::PREPARE_REGISTER_CARD_FOR_INSURANCE,
            P::RenewCertificate => ids::PREPARE_RENEW_CERTIFICATE,
            P::RestoreCardAtMunicipality => ids::PREPARE_RESTORE_CARD_AT_MUNICIPALITY,
            P::DownloadRecord => ids::PREPARE_DOWNLOAD_RECORD,
            P::CarryNotice => ids::PREPARE_CARRY_NOTICE,
            P::ApplyForEligibilityCertificate => ids::PREPARE_APPLY_FOR_ELIGIBILITY_CERTIFICATE,
            P::ReplaceEligibilityCertificate => ids::PREPARE_REPLACE_ELIGIBILITY_CERTIFICATE,
            P::ApplyForNewCard => ids::PREPARE_APPLY_FOR_NEW_CARD,
            P::ChangeCardValidity => ids::PREPARE_CHANGE_CARD_VALIDITY,
        }
    }
}

impl EligibilityReason {
    /// The reason, as the insurers list it.
    pub fn message_id(self) -> MessageId {
        use EligibilityReason as R;
        match self {
            R::CardLost => ids::REASON_CARD_LOST,
            R::CardBeingRenewed => ids::REASON_CARD_BEING_RENEWED,
            R::CertificateExpired => ids::REASON_CERTIFICATE_EXPIRED,
            R::NotRegistered => ids::REASON_NOT_REGISTERED,
            R::NoCard => ids::REASON_NO_CARD,
            R::CardReturned => ids::REASON_CARD_RETURNED,
            R::NeedsHelper => ids::REASON_NEEDS_HELPER,
            R::EligibilityCertificateLostOrDamaged => ids::REASON_CERTIFICATE_LOST,
            R::NoMyNumber => ids::REASON_NO_MY_NUMBER,
            R::VoidAfterLeavingJapan => ids::REASON_VOID_ABROAD,
        }
    }
}

impl Situation {
    /// The situation's title.
    pub fn title_id(self) -> MessageId {
        use Situation as S;
        match self {
            S::CardLost => ids::SITUATION_CARD_LOST,
            S::CertificateExpired => ids::SITUATION_CERTIFICATE_EXPIRED,
            S::Moved => ids::SITUATION_MOVED,
            S::GoingAbroad => ids::SITUATION_GOING_ABROAD,
            S::NewInsurer => ids::SITUATION_NEW_INSURER,
            S::EligibilityCertificate => ids::SITUATION_ELIGIBILITY_CERTIFICATE,
            S::CardExpiring => ids::SITUATION_CARD_EXPIRING,
            S::MovedWithinMunicipality => ids::SITUATION_MOVED_WITHIN,
            S::HospitalStayOrHighCosts => ids::SITUATION_HOSPITAL_AND_COSTS,
            S::AtTheReader => ids::SITUATION_AT_THE_READER,
            S::SmartphoneInsuranceCard => ids::SITUATION_SMARTPHONE_INSURANCE_CARD,
            S::ForeignResident => ids::SITUATION_FOREIGN_RESIDENT,
            S::TurningSeventy => ids::SITUATION_TURNING_70,
            S::TurningSeventyFive => ids::SITUATION_TURNING_75,
            S::InsuredTurnsSeventyFive => ids::SITUATION_INSURED_TURNS_75,
            S::LegacyInsuranceCard => ids::SITUATION_LEGACY_CARD,
        }
    }

    /// The situation's steps in general, in order (see [`Situation::steps_for`] for a
    /// member's).
    pub fn step_ids(self) -> &'static [MessageId] {
        use Situation as S;
        match self {
            S::CardLost => &[
                ids::SITUATION_CARD_LOST_1,
                ids::SITUATION_CARD_LOST_2,
                ids::SITUATION_CARD_LOST_3,
                ids::SITUATION_CARD_LOST_4,
                ids::SITUATION_CARD_LOST_5,
            ],
            S::CertificateExpired => &[
                ids::SITUATION_CERTIFICATE_EXPIRED_1,
                ids::SITUATION_CERTIFICATE_EXPIRED_2,
                ids::SITUATION_CERTIFICATE_EXPIRED_3,
                ids::SITUATION_CERTIFICATE_EXPIRED_4,
            ],
            S::CardExpiring => &[
                ids::SITUATION_CARD_EXPIRING_1,
                ids::SITUATION_CARD_EXPIRING_2,
                ids::SITUATION_CARD_EXPIRING_3,
                ids::SITUATION_CARD_EXPIRING_4,
            ],
            S::Moved => &[
                ids::SITUATION_MOVED_1,
                ids::SITUATION_MOVED_2,
                ids::SITUATION_MOVED_3,
                ids::SITUATION_MOVED_4,
            ],
            S::MovedWithinMunicipality => &[
                ids::SITUATION_MOVED_WITHIN_1,
                ids::SITUATION_MOVED_WITHIN_2,
                ids::SITUATION_MOVED_3,
                ids::SITUATION_MOVED_4,
            ],
            S::GoingAbroad => &[
                ids::SITUATION_GOING_ABROAD_1,
                ids::SITUATION_GOING_ABROAD_2,
                ids::SITUATION_GOING_ABROAD_3,
                ids::SITUATION_GOING_ABROAD_4,
            ],
            S::NewInsurer => &[
                ids::SITUATION_NEW_INSURER_1,
                ids::SITUATION_NEW_INSURER_2,
                ids::SITUATION_NEW_INSURER_3,
                ids::SITUATION_NEW_INSURER_4,
            ],
            S::EligibilityCertificate => &[
                ids::SITUATION_ELIGIBILITY_CERTIFICATE_1,
                ids::SITUATION_ELIGIBILITY_CERTIFICATE_2,
                ids::SITUATION_ELIGIBILITY_CERTIFICATE_3,
                ids::SITUATION_ELIGIBILITY_CERTIFICATE_4,
            ],
            S::HospitalStayOrHighCosts => &[
                ids::SITUATION_HOSPITAL_AND_COSTS_1,
                ids::SITUATION_HOSPITAL_AND_COSTS_2,
                ids::SITUATION_HOSPITAL_AND_COSTS_3,
                ids::SITUATION_HOSPITAL_AND_COSTS_4,
                ids::SITUATION_HOSPITAL_AND_COSTS_5,
                ids::SITUATION_HOSPITAL_AND_COSTS_6,
            ],
            S::AtTheReader => &[
                ids::SITUATION_AT_THE_READER_1,
                ids::SITUATION_AT_THE_READER_2,
                ids::SITUATION_AT_THE_READER_3,
                ids::SITUATION_AT_THE_READER_4,
                ids::SITUATION_AT_THE_READER_5,
                ids::SITUATION_AT_THE_READER_6,
            ],
            S::SmartphoneInsuranceCard => &[
                ids::SITUATION_SMARTPHONE_INSURANCE_CARD_1,
                ids::SITUATION_SMARTPHONE_INSURANCE_CARD_2,
                ids::SITUATION_SMARTPHONE_INSURANCE_CARD_3,
            ],
            S::ForeignResident => &[
                ids::SITUATION_FOREIGN_RESIDENT_1,
                ids::SITUATION_FOREIGN_RESIDENT_2,
                ids::SITUATION_FOREIGN_RESIDENT_3,
                ids::SITUATION_FOREIGN_RESIDENT_4,
            ],
            S::TurningSeventy => &[
                ids::SITUATION_TURNING_70_1,
                ids::SITUATION_TURNING_70_2,
                ids::SITUATION_TURNING_70_3,
            ],
            S::TurningSeventyFive => &[
                ids::SITUATION_TURNING_75_1,
                ids::SITUATION_TURNING_75_2,
                ids::SITUATION_TURNING_75_3,
                ids::SITUATION_TURNING_75_4,
            ],
            S::InsuredTurnsSeventyFive => &[
                ids::SITUATION_INSURED_TURNS_75_1,
                ids::SITUATION_INSURED_TURNS_75_2,
                ids::SITUATION_INSURED_TURNS_75_3,
                ids::SITUATION_INSURED_TURNS_75_4,
            ],
            S::LegacyInsuranceCard => &[
                ids::SITUATION_LEGACY_CARD_1,
                ids::SITUATION_LEGACY_CARD_2,
                ids::SITUATION_LEGACY_CARD_3,
            ],
        }
    }
}

impl FlowNode {
    /// The question asked at this node (none at an outcome).
    pub fn question_id(self) -> Option<MessageId> {
        match self {
            FlowNode::CardAndSmartphone => Some(ids::FLOW_QUESTION_CARD_AND_SMARTPHONE),
            FlowNode::CardOnly => Some(ids::FLOW_QUESTION_CARD_ONLY),
            FlowNode::DownloadRecord | FlowNode::CarryNotice | FlowNode::NoCard => None,
        }
    }

    /// The steps of an outcome, in order (none at a question).
    pub fn step_ids(self) -> &'static [MessageId] {
        match self {
            FlowNode::CardAndSmartphone | FlowNode::CardOnly => &[],
            FlowNode::DownloadRecord => &[
                ids::FLOW_DOWNLOAD_1,
                ids::FLOW_DOWNLOAD_2,
                ids::FLOW_DOWNLOAD_3,
                ids::FLOW_DOWNLOAD_4,
                ids::FLOW_DOWNLOAD_5,
                ids::FLOW_DOWNLOAD_6,
            ],
            FlowNode::CarryNotice => &[ids::FLOW_NOTICE_1, ids::FLOW_NOTICE_2, ids::FLOW_NOTICE_3],
            FlowNode::NoCard => &[
                ids::FLOW_NO_CARD_1,
                ids::FLOW_NO_CARD_2,
                ids::FLOW_NO_CARD_3,
            ],
        }
    }
}

impl ClinicFieldKind {
    /// The field's label on the clinic card.
    pub fn message_id(self) -> MessageId {
        match self {
            ClinicFieldKind::Name => ids::FIELD_NAME,
            ClinicFieldKind::InsurerNumber => ids::FIELD_INSURER_NUMBER,
            ClinicFieldKind::SymbolNumberBranch => ids::FIELD_SYMBOL_NUMBER_BRANCH,
            ClinicFieldKind::CopayShare => ids::FIELD_COPAY_SHARE,
            ClinicFieldKind::InsurerName => ids::FIELD_INSURER_NAME,
            ClinicFieldKind::BirthDate => ids::FIELD_BIRTH_DATE,
            ClinicFieldKind::InsurerPhone => ids::FIELD_INSURER_PHONE,
        }
    }
}

impl Field {
    /// The input's name as the member knows it (生年月日, not `birth_date`).
    pub fn message_id(self) -> MessageId {
        use Field as F;
        match self {
            F::BirthDate => ids::INPUT_BIRTH_DATE,
            F::CardIssuedOn => ids::INPUT_CARD_ISSUED_ON,
            F::CardAppliedOn => ids::INPUT_CARD_APPLIED_ON,
            F::CardExpiresOn => ids::INPUT_CARD_EXPIRES_ON,
            F::ResidenceLimitOn => ids::INPUT_RESIDENCE_LIMIT_ON,
            F::CertIssuedOn => ids::INPUT_CERT_ISSUED_ON,
            F::CertExpiresOn => ids::INPUT_CERT_EXPIRES_ON,
            F::PreviousCertExpiresOn => ids::INPUT_PREVIOUS_CERT_EXPIRES_ON,
            F::MovedOutPlannedOn => ids::INPUT_MOVED_OUT_PLANNED_ON,
            F::MovedOn => ids::INPUT_MOVED_ON,
            F::MovedWithinMunicipality => ids::INPUT_MOVED_WITHIN_MUNICIPALITY,
            F::ForeignNational => ids::INPUT_FOREIGN_NATIONAL,
            F::MoveInFiledOn => ids::INPUT_MOVE_IN_FILED_ON,
            F::ContinuedUseDoneOn => ids::INPUT_CONTINUED_USE_DONE_ON,
            F::OverseasDepartureOn => ids::INPUT_OVERSEAS_DEPARTURE_ON,
            F::OverseasContinuedUseAppliedOn => ids::INPUT_OVERSEAS_CONTINUED_USE_APPLIED_ON,
            F::InsurerRegisteredOn => ids::INPUT_INSURER_REGISTERED_ON,
            F::InsurerJoinedOn => ids::INPUT_INSURER_JOINED_ON,
            F::Facts => ids::INPUT_FACTS,
            F::HasCard => ids::INPUT_HAS_CARD,
            F::CardCondition => ids::INPUT_CARD_CONDITION,
            F::RegisteredForInsurance => ids::INPUT_REGISTERED_FOR_INSURANCE,
            F::HasSmartphone => ids::INPUT_HAS_SMARTPHONE,
            F::SmartphoneInsuranceCard => ids::INPUT_SMARTPHONE_INSURANCE_CARD,
            F::CarriesNotice => ids::INPUT_CARRIES_NOTICE,
            F::NeedsHelper => ids::INPUT_NEEDS_HELPER,
            F::HasMyNumber => ids::INPUT_HAS_MY_NUMBER,
            F::DisplayName => ids::INPUT_DISPLAY_NAME,
            F::NameAsPrinted => ids::INPUT_NAME_AS_PRINTED,
            F::Relationship => ids::INPUT_RELATIONSHIP,
            F::EligibilityCertificateExpiresOn => ids::INPUT_ELIGIBILITY_CERTIFICATE_EXPIRES_ON,
            F::EligibilityCertificateIssuedOn => ids::INPUT_ELIGIBILITY_CERTIFICATE_ISSUED_ON,
            F::DependentOf => ids::INPUT_DEPENDENT_OF,
            F::HasEligibilityCertificate => ids::INPUT_HAS_ELIGIBILITY_CERTIFICATE,
            F::ContinuedUseAtMoveIn => ids::INPUT_CONTINUED_USE_AT_MOVE_IN,
            F::Member => ids::INPUT_MEMBER,
            F::InsurerName => ids::INPUT_INSURER_NAME,
            F::InsurerNumber => ids::INPUT_INSURER_NUMBER,
            F::InsuranceSymbol => ids::INPUT_INSURANCE_SYMBOL,
            F::InsuranceNumber => ids::INPUT_INSURANCE_NUMBER,
            F::InsuranceBranch => ids::INPUT_INSURANCE_BRANCH,
            F::InsuredName => ids::INPUT_INSURED_NAME,
            F::InsuredBirthDate => ids::INPUT_INSURED_BIRTH_DATE,
            F::CopayShare => ids::INPUT_COPAY_SHARE,
            F::QualifiedOn => ids::INPUT_QUALIFIED_ON,
            F::DocumentIssuedOn => ids::INPUT_DOCUMENT_ISSUED_ON,
            F::DocumentFields => ids::INPUT_DOCUMENT_FIELDS,
            F::TimeOfDay => ids::INPUT_TIME_OF_DAY,
            F::QuietHoursStart => ids::INPUT_QUIET_HOURS_START,
            F::QuietHoursEnd => ids::INPUT_QUIET_HOURS_END,
            F::LeadTimes => ids::INPUT_LEAD_TIMES,
            F::ReminderSettings => ids::INPUT_REMINDER_SETTINGS,
            F::SnoozeUntil => ids::INPUT_SNOOZE_UNTIL,
            F::DateInput => ids::INPUT_DATE,
            F::FlowchartAnswers => ids::INPUT_FLOWCHART_ANSWERS,
            F::ContentAddress => ids::INPUT_CONTENT_ADDRESS,
            F::ContentBundle => ids::INPUT_CONTENT_BUNDLE,
            F::SigningKey => ids::INPUT_SIGNING_KEY,
            F::QrText => ids::INPUT_QR_TEXT,
            F::CameraPicture => ids::INPUT_CAMERA_PICTURE,
            F::TransferCode => ids::INPUT_TRANSFER_CODE,
            F::OneTimeCode => ids::INPUT_ONE_TIME_CODE,
            F::SecretName => ids::INPUT_SECRET_NAME,
            F::Today => ids::INPUT_TODAY,
            F::Now => ids::INPUT_NOW,
            F::Language => ids::INPUT_LANGUAGE,
            F::InputFile => ids::INPUT_FILE,
            F::OutputFile => ids::INPUT_OUTPUT_FILE,
            F::TrustedKeysFile => ids::INPUT_TRUSTED_KEYS_FILE,
            F::DataDirectory => ids::INPUT_DATA_DIRECTORY,
            F::StandardInput => ids::INPUT_STANDARD_INPUT,
        }
    }
}

impl Reason {
    /// Why the input was refused, as a sentence with this reason's arguments.
    pub fn message_id(&self) -> MessageId {
        use Reason as R;
        match self {
            R::Required => ids::INVALID_REQUIRED,
            R::NotADate => ids::INVALID_NOT_A_DATE,
            R::NotATimeOfDay => ids::INVALID_NOT_A_TIME_OF_DAY,
            R::NotAnInstant => ids::INVALID_NOT_AN_INSTANT,
            R::NotYesOrNo => ids::INVALID_NOT_YES_OR_NO,
            R::NotAChoice => ids::INVALID_NOT_A_CHOICE,
            R::YearOutOfRange { .. } => ids::INVALID_YEAR_OUT_OF_RANGE,
            R::EarlierThan { .. } => ids::INVALID_EARLIER_THAN,
            R::NotInFuture => ids::INVALID_NOT_IN_FUTURE,
            R::Length { .. } => ids::INVALID_LENGTH,
            R::ControlCharacters => ids::INVALID_CONTROL_CHARACTERS,
            R::DirectionControls => ids::INVALID_DIRECTION_CONTROLS,
            R::NotDigits => ids::INVALID_NOT_DIGITS,
            R::InsurerNumberLength => ids::INVALID_INSURER_NUMBER_LENGTH,
            R::CheckDigit => ids::INVALID_CHECK_DIGIT,
            R::BranchDigits => ids::INVALID_BRANCH_DIGITS,
            R::CopayShareForm => ids::INVALID_COPAY_SHARE,
            R::MyNumberRefused => ids::INVALID_MY_NUMBER_REFUSED,
            R::InsideQuietHours => ids::INVALID_INSIDE_QUIET_HOURS,
            R::KindTwice { .. } => ids::INVALID_KIND_TWICE,
            R::LeadTooLong { .. } => ids::INVALID_LEAD_TOO_LONG,
            R::TooManyAnswers { .. } => ids::INVALID_TOO_MANY_ANSWERS,
            R::Malformed { .. } => ids::INVALID_MALFORMED,
            R::NotAnObject => ids::INVALID_NOT_AN_OBJECT,
            R::UnknownKey { .. } => ids::INVALID_UNKNOWN_KEY,
            R::TooLarge { .. } => ids::INVALID_TOO_LARGE,
            R::NotText => ids::INVALID_NOT_TEXT,
            R::NotAnAddress => ids::INVALID_NOT_AN_ADDRESS,
            R::HttpsOnly => ids::INVALID_HTTPS_ONLY,
            R::NotATransferCode => ids::INVALID_NOT_A_TRANSFER_CODE,
            R::TransferCodeDamaged => ids::INVALID_TRANSFER_CODE_DAMAGED,
            R::TransferCodeFromNewerApp => ids::INVALID_TRANSFER_CODE_NEWER,
            R::TransferCodeExpired => ids::INVALID_TRANSFER_CODE_EXPIRED,
            R::OneTimeCodeWrong => ids::INVALID_ONE_TIME_CODE_WRONG,
            R::NoQrCode => ids::INVALID_NO_QR_CODE,
            R::TooLongForQr { .. } => ids::INVALID_TOO_LONG_FOR_QR,
            R::SecretNameForm => ids::INVALID_SECRET_NAME_FORM,
            R::NotASigningKey => ids::INVALID_NOT_A_SIGNING_KEY,
            R::BundleRefused { .. } => ids::INVALID_BUNDLE_REFUSED,
            R::UnknownLanguage => ids::INVALID_UNKNOWN_LANGUAGE,
            R::FileMissing => ids::INVALID_FILE_MISSING,
            R::FileNotPermitted => ids::INVALID_FILE_NOT_PERMITTED,
            R::FileFailed => ids::INVALID_FILE_FAILED,
            R::NotARegularFile => ids::INVALID_NOT_A_REGULAR_FILE,
            R::NoDataDirectory => ids::INVALID_NO_DATA_DIRECTORY,
            R::ValidForAtMostYears { .. } => ids::INVALID_VALID_FOR_AT_MOST_YEARS,
            R::NotAnotherMember => ids::INVALID_NOT_ANOTHER_MEMBER,
        }
    }
}

impl Entity {
    /// What was not found, as the member knows it.
    pub fn message_id(self) -> MessageId {
        match self {
            Entity::Member => ids::ENTITY_MEMBER,
            Entity::Document => ids::ENTITY_DOCUMENT,
            Entity::PreviousDocument => ids::ENTITY_PREVIOUS_DOCUMENT,
            Entity::Reminder => ids::ENTITY_REMINDER,
            Entity::HouseholdStore => ids::ENTITY_HOUSEHOLD_STORE,
        }
    }
}

impl ShikakuError {
    /// The sentence of this kind of error.
    pub fn message_id(&self) -> MessageId {
        use ShikakuError as E;
        match self {
            E::NotFound { .. } => ids::ERROR_NOT_FOUND,
            E::InvalidInput { .. } => ids::ERROR_INVALID_INPUT,
            E::NotAPdf => ids::ERROR_NOT_A_PDF,
            E::DocumentTooLarge { .. } => ids::ERROR_DOCUMENT_TOO_LARGE,
            E::DocumentEncrypted => ids::ERROR_DOCUMENT_ENCRYPTED,
            E::DocumentDamaged => ids::ERROR_DOCUMENT_DAMAGED,
            E::DocumentHasNoPages => ids::ERROR_DOCUMENT_HAS_NO_PAGES,
            E::DocumentTooManyPages { .. } => ids::ERROR_DOCUMENT_TOO_MANY_PAGES,
            E::DocumentActiveContent => ids::ERROR_DOCUMENT_ACTIVE_CONTENT,
            E::DocumentCarriesMyNumber => ids::ERROR_DOCUMENT_CARRIES_MY_NUMBER,
            E::DocumentNotScreened => ids::ERROR_DOCUMENT_NOT_SCREENED,
            E::VaultLocked => ids::ERROR_VAULT_LOCKED,
            E::KeyMismatch => ids::ERROR_KEY_MISMATCH,
            E::Integrity => ids::ERROR_INTEGRITY,
            E::Storage { .. } => ids::ERROR_STORAGE,
            E::SecretStore { .. } => ids::ERROR_SECRET_STORE,
            E::Network { .. } => ids::ERROR_NETWORK,
        }
    }
}
