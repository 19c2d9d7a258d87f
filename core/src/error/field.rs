//! What an input error is about: every field a form reports on (the facts of RULES.md,
//! the holdings, the member's name and relationship, the 資格確認書 (R6), the fields of a
//! 資格情報 (R9–R11), the reminder settings, a typed date) and the few inputs outside
//! forms (a content address, a transfer code, the CLI's arguments). Each has a label in
//! both languages (`input-…` in the locales, mapped in [`crate::i18n::messages`]).

/// An input the member (or a shell, or the CLI's user) gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Field {
    // Facts (RULES.md vocabulary).
    BirthDate,
    CardIssuedOn,
    CardAppliedOn,
    CardExpiresOn,
    ResidenceLimitOn,
    CertIssuedOn,
    CertExpiresOn,
    PreviousCertExpiresOn,
    MovedOutPlannedOn,
    MovedOn,
    MovedWithinMunicipality,
    ForeignNational,
    MoveInFiledOn,
    ContinuedUseDoneOn,
    OverseasDepartureOn,
    OverseasContinuedUseAppliedOn,
    InsurerRegisteredOn,
    InsurerJoinedOn,
    /// The facts as a whole (not an object, not JSON, an unknown key).
    Facts,
    // Holdings (R6, R8).
    HasCard,
    CardCondition,
    RegisteredForInsurance,
    HasSmartphone,
    SmartphoneInsuranceCard,
    CarriesNotice,
    NeedsHelper,
    HasMyNumber,
    // The member.
    DisplayName,
    /// The 氏名 as printed on the card and the 資格情報, compared with an imported PDF.
    NameAsPrinted,
    Relationship,
    EligibilityCertificateExpiresOn,
    /// R6: the day the 資格確認書 was issued (交付年月日).
    EligibilityCertificateIssuedOn,
    /// R13: the member whose dependent (被扶養者) this member is.
    DependentOf,
    /// The member form's question "do you hold a 資格確認書?" (R6).
    HasEligibilityCertificate,
    /// The member form's question "did you bring your card to the 転入届?" (R4): yes
    /// records the 継続利用 on the day of the 転入届.
    ContinuedUseAtMoveIn,
    /// A member record as a whole (JSON of the wrong shape).
    Member,
    // The fields of a 資格情報 (DocumentFields).
    InsurerName,
    InsurerNumber,
    InsuranceSymbol,
    InsuranceNumber,
    InsuranceBranch,
    InsuredName,
    InsuredBirthDate,
    CopayShare,
    QualifiedOn,
    DocumentIssuedOn,
    /// The document fields as a whole (JSON of the wrong shape).
    DocumentFields,
    // Reminder settings.
    TimeOfDay,
    QuietHoursStart,
    QuietHoursEnd,
    LeadTimes,
    /// The reminder settings as a whole (JSON of the wrong shape).
    ReminderSettings,
    /// When a snoozed reminder fires again.
    SnoozeUntil,
    /// A date typed as `YYYY-MM-DD` or an era date (R9).
    DateInput,
    // Inputs outside the forms.
    FlowchartAnswers,
    ContentAddress,
    ContentBundle,
    SigningKey,
    QrText,
    /// A camera's picture of a QR code.
    CameraPicture,
    TransferCode,
    /// The one-time code shown beside a member code that carries insurance numbers.
    OneTimeCode,
    SecretName,
    /// The day to judge on (the CLI's `--today`).
    Today,
    /// The instant to plan from (the CLI's `--now`).
    Now,
    Language,
    InputFile,
    OutputFile,
    TrustedKeysFile,
    DataDirectory,
    /// Text read from standard input.
    StandardInput,
}

impl Field {
    /// Every field, the facts of RULES.md first (in its order), for tests and for a
    /// form's catalogue.
    pub const ALL: [Field; 71] = [
        Field::BirthDate,
        Field::CardIssuedOn,
        Field::CardAppliedOn,
        Field::CardExpiresOn,
        Field::ResidenceLimitOn,
        Field::CertIssuedOn,
        Field::CertExpiresOn,
        Field::PreviousCertExpiresOn,
        Field::MovedOutPlannedOn,
        Field::MovedOn,
        Field::MovedWithinMunicipality,
        Field::ForeignNational,
        Field::MoveInFiledOn,
        Field::ContinuedUseDoneOn,
        Field::OverseasDepartureOn,
        Field::OverseasContinuedUseAppliedOn,
        Field::InsurerRegisteredOn,
        Field::InsurerJoinedOn,
        Field::Facts,
        Field::HasCard,
        Field::CardCondition,
        Field::RegisteredForInsurance,
        Field::HasSmartphone,
        Field::SmartphoneInsuranceCard,
        Field::CarriesNotice,
        Field::NeedsHelper,
        Field::HasMyNumber,
        Field::DisplayName,
        Field::NameAsPrinted,
        Field::Relationship,
        Field::EligibilityCertificateExpiresOn,
        Field::EligibilityCertificateIssuedOn,
        Field::DependentOf,
        Field::HasEligibilityCertificate,
        Field::ContinuedUseAtMoveIn,
        Field::Member,
        Field::InsurerName,
        Field::InsurerNumber,
        Field::InsuranceSymbol,
        Field::InsuranceNumber,
        Field::InsuranceBranch,
        Field::InsuredName,
        Field::InsuredBirthDate,
        Field::CopayShare,
        Field::QualifiedOn,
        Field::DocumentIssuedOn,
        Field::DocumentFields,
        Field::TimeOfDay,
        Field::QuietHoursStart,
        Field::QuietHoursEnd,
        Field::LeadTimes,
        Field::ReminderSettings,
        Field::SnoozeUntil,
        Field::DateInput,
        Field::FlowchartAnswers,
        Field::ContentAddress,
        Field::ContentBundle,
        Field::SigningKey,
        Field::QrText,
        Field::CameraPicture,
        Field::TransferCode,
        Field::OneTimeCode,
        Field::SecretName,
        Field::Today,
        Field::Now,
        Field::Language,
        Field::InputFile,
        Field::OutputFile,
        Field::TrustedKeysFile,
        Field::DataDirectory,
        Field::StandardInput,
    ];

    /// The input's key where it has one (the JSON key of a fact, a holding or a
    /// document field, the CLI's option): for logs, never shown to a member.
    pub fn key(self) -> &'static str {
        use Field as F;
        match self {
            F::BirthDate => "birth_date",
            F::CardIssuedOn => "card_issued_on",
            F::CardAppliedOn => "card_applied_on",
            F::CardExpiresOn => "card_expires_on",
            F::ResidenceLimitOn => "residence_limit_on",
            F::CertIssuedOn => "cert_issued_on",
            F::CertExpiresOn => "cert_expires_on",
            F::PreviousCertExpiresOn => "previous_cert_expires_on",
            F::MovedOutPlannedOn => "moved_out_planned_on",
            F::MovedOn => "moved_on",
            F::MovedWithinMunicipality => "moved_within_municipality",
            F::ForeignNational => "foreign_national",
            F::MoveInFiledOn => "move_in_filed_on",
            F::ContinuedUseDoneOn => "continued_use_done_on",
            F::OverseasDepartureOn => "overseas_departure_on",
            F::OverseasContinuedUseAppliedOn => "overseas_continued_use_applied_on",
            F::InsurerRegisteredOn => "insurer_registered_on",
            F::InsurerJoinedOn => "insurer_joined_on",
            F::Facts => "facts",
            F::HasCard => "holdings.has_card",
            F::CardCondition => "holdings.card_condition",
            F::RegisteredForInsurance => "holdings.registered_for_insurance",
            F::HasSmartphone => "holdings.has_smartphone",
            F::SmartphoneInsuranceCard => "holdings.smartphone_insurance_card",
            F::CarriesNotice => "holdings.carries_notice",
            F::NeedsHelper => "holdings.needs_helper",
            F::HasMyNumber => "holdings.has_my_number",
            F::DisplayName => "display_name",
            F::NameAsPrinted => "name_as_printed",
            F::Relationship => "relationship",
            F::EligibilityCertificateExpiresOn => "eligibility_certificate_expires_on",
            F::EligibilityCertificateIssuedOn => "eligibility_certificate_issued_on",
            F::DependentOf => "dependent_of",
            F::HasEligibilityCertificate => "has_eligibility_certificate",
            F::ContinuedUseAtMoveIn => "continued_use_at_move_in",
            F::Member => "member",
            F::InsurerName => "insurer_name",
            F::InsurerNumber => "insurer_number",
            F::InsuranceSymbol => "symbol",
            F::InsuranceNumber => "number",
            F::InsuranceBranch => "branch",
            F::InsuredName => "name",
            F::InsuredBirthDate => "fields.birth_date",
            F::CopayShare => "copay_share",
            F::QualifiedOn => "qualified_on",
            F::DocumentIssuedOn => "issued_on",
            F::DocumentFields => "fields",
            F::TimeOfDay => "time_of_day",
            F::QuietHoursStart => "quiet_hours.start",
            F::QuietHoursEnd => "quiet_hours.end",
            F::LeadTimes => "lead_times",
            F::ReminderSettings => "settings",
            F::SnoozeUntil => "until",
            F::DateInput => "date",
            F::FlowchartAnswers => "answers",
            F::ContentAddress => "url",
            F::ContentBundle => "bundle",
            F::SigningKey => "key",
            F::QrText => "qr",
            F::CameraPicture => "picture",
            F::TransferCode => "transfer_code",
            F::OneTimeCode => "one_time_code",
            F::SecretName => "secret_name",
            F::Today => "--today",
            F::Now => "--now",
            F::Language => "--lang",
            F::InputFile => "file",
            F::OutputFile => "--out",
            F::TrustedKeysFile => "--trust",
            F::DataDirectory => "--data-dir",
            F::StandardInput => "stdin",
        }
    }

    /// The facts of RULES.md, in its order: the first fields of [`Field::ALL`].
    pub const FACTS: &'static [Field] = Field::ALL.split_at(18).0;

    /// The fact whose JSON key is `key`.
    pub fn fact(key: &str) -> Option<Field> {
        Field::FACTS
            .iter()
            .copied()
            .find(|field| field.key() == key)
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}
