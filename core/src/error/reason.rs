//! Why an input was refused, and what was not found: typed, never the input itself, so
//! an error can be logged without personal data. Each reason has a sentence in both
//! languages (`invalid-…` in the locales, mapped in [`crate::i18n::messages`]).

use crate::household::DeadlineKind;

use super::Field;

/// Why an input was refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Reason {
    /// Nothing was given where something must be.
    Required,
    /// Not a date: `YYYY-MM-DD` or an era date such as 令和7年6月16日 (R9).
    NotADate,
    /// Not a time of day (hour 0–23, minute 0–59).
    NotATimeOfDay,
    /// Not an instant with its offset, such as 2026-11-21T09:00:00+09:00.
    NotAnInstant,
    /// Not yes or no.
    NotYesOrNo,
    /// Not one of the choices the form offers.
    NotAChoice,
    /// A date outside the years a fact may carry (R9: 明治 onwards).
    YearOutOfRange { first: i32, last: i32 },
    /// A date before the date of `other`, which it cannot precede.
    EarlierThan { other: Field },
    /// An instant that is not later than now.
    NotInFuture,
    /// Text shorter or longer than allowed, in characters.
    Length { min: u32, max: u32 },
    /// Text with control characters (line breaks, tabs, escapes, line separators).
    ControlCharacters,
    /// Text with invisible characters that reorder it (bidi controls such as U+202E).
    DirectionControls,
    /// Not only digits.
    NotDigits,
    /// R11: a 保険者番号 has 6 (国民健康保険) or 8 digits.
    InsurerNumberLength,
    /// R11: the check digit does not match (a digit is mistyped).
    CheckDigit,
    /// An 枝番 has 2 digits.
    BranchDigits,
    /// A 負担割合 is written 1割, 2割 or 3割.
    CopayShareForm,
    /// R10: a マイナンバー, or any 12-digit number, is never stored.
    MyNumberRefused,
    /// The reminder time falls inside the quiet hours: no reminder could fire.
    InsideQuietHours,
    /// The same kind of deadline is set twice.
    KindTwice { kind: DeadlineKind },
    /// A lead time further ahead than allowed.
    LeadTooLong { kind: DeadlineKind, max_days: u32 },
    /// More answers than the flowchart has questions on that path.
    TooManyAnswers { answered: u32 },
    /// Not JSON, or JSON of another shape than expected, at a line and column.
    Malformed { line: u32, column: u32 },
    /// Not one JSON object.
    NotAnObject,
    /// A key the input does not have (the key is named, a value never is).
    UnknownKey { key: String },
    /// More bytes than allowed.
    TooLarge { max_bytes: u64 },
    /// Not UTF-8 text.
    NotText,
    /// Not a web address.
    NotAnAddress,
    /// Content is fetched over https only (plain http only from this machine).
    HttpsOnly,
    /// Not a shikaku member code.
    NotATransferCode,
    /// A member code that is damaged: scan or copy it again.
    TransferCodeDamaged,
    /// A member code from a newer version of the app: update first.
    TransferCodeFromNewerApp,
    /// A member code past its expiry (or of a format that had none): show a new one.
    TransferCodeExpired,
    /// The one-time code typed does not open the member code.
    OneTimeCodeWrong,
    /// No QR code could be read in the picture.
    NoQrCode,
    /// Text too long for a QR code.
    TooLongForQr { max_bytes: u32 },
    /// A secret's name: 1–64 letters, digits, `-` or `_`.
    SecretNameForm,
    /// Not a base64 Ed25519 secret key.
    NotASigningKey,
    /// A content bundle the app would refuse, and why (the publisher's own content;
    /// no member data).
    BundleRefused { detail: String },
    /// A language shikaku does not speak (ja or en).
    UnknownLanguage,
    /// No such file.
    FileMissing,
    /// The file may not be read or written.
    FileNotPermitted,
    /// The file could not be read or written.
    FileFailed,
    /// The path is a link, a folder or a special file that is not written to.
    NotARegularFile,
    /// No data directory is given and no home directory is known.
    NoDataDirectory,
    /// R6: a 資格確認書 is valid for at most this many years after its issue.
    ValidForAtMostYears { years: u32 },
    /// Another member of the household was meant, and this is none of them (or the
    /// member themselves).
    NotAnotherMember,
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use Reason as R;
        match self {
            R::Required => f.write_str("required"),
            R::NotADate => f.write_str("not a YYYY-MM-DD or era date"),
            R::NotATimeOfDay => f.write_str("not a time of day"),
            R::NotAnInstant => f.write_str("not an RFC 3339 instant"),
            R::NotYesOrNo => f.write_str("not yes or no"),
            R::NotAChoice => f.write_str("not one of the choices"),
            R::YearOutOfRange { first, last } => write!(f, "outside the years {first}..{last}"),
            R::EarlierThan { other } => write!(f, "before {other}"),
            R::NotInFuture => f.write_str("not later than now"),
            R::Length { min, max } => write!(f, "not {min} to {max} characters"),
            R::ControlCharacters => f.write_str("has control characters"),
            R::DirectionControls => f.write_str("has bidi control characters"),
            R::NotDigits => f.write_str("not only digits"),
            R::InsurerNumberLength => f.write_str("not 6 or 8 digits"),
            R::CheckDigit => f.write_str("check digit does not match"),
            R::BranchDigits => f.write_str("not 2 digits"),
            R::CopayShareForm => f.write_str("not 1割, 2割 or 3割"),
            R::MyNumberRefused => f.write_str("a 12-digit number is never stored"),
            R::InsideQuietHours => f.write_str("inside the quiet hours"),
            R::KindTwice { kind } => write!(f, "{} twice", kind.stable_name()),
            R::LeadTooLong { kind, max_days } => {
                write!(f, "{}: more than {max_days} days", kind.stable_name())
            }
            R::TooManyAnswers { answered } => write!(f, "{answered} answers, too many"),
            R::Malformed { line, column } => write!(f, "malformed at line {line} column {column}"),
            R::NotAnObject => f.write_str("not a JSON object"),
            R::UnknownKey { key } => write!(f, "unknown key `{key}`"),
            R::TooLarge { max_bytes } => write!(f, "more than {max_bytes} bytes"),
            R::NotText => f.write_str("not UTF-8 text"),
            R::NotAnAddress => f.write_str("not a URL"),
            R::HttpsOnly => f.write_str("https only"),
            R::NotATransferCode => f.write_str("not a member code"),
            R::TransferCodeDamaged => f.write_str("damaged member code"),
            R::TransferCodeFromNewerApp => f.write_str("member code from a newer app"),
            R::TransferCodeExpired => f.write_str("member code expired"),
            R::OneTimeCodeWrong => f.write_str("one-time code does not match"),
            R::NoQrCode => f.write_str("no QR code found"),
            R::TooLongForQr { max_bytes } => write!(f, "more than {max_bytes} bytes for a QR code"),
            R::SecretNameForm => f.write_str("not 1-64 letters, digits, - or _"),
            R::NotASigningKey => f.write_str("not a base64 Ed25519 secret key"),
            R::BundleRefused { detail } => write!(f, "bundle refused: {detail}"),
            R::UnknownLanguage => f.write_str("not ja or en"),
            R::FileMissing => f.write_str("no such file"),
            R::FileNotPermitted => f.write_str("not permitted"),
            R::FileFailed => f.write_str("could not be read or written"),
            R::NotARegularFile => f.write_str("not a regular file"),
            R::NoDataDirectory => f.write_str("no data directory and no HOME"),
            R::ValidForAtMostYears { years } => write!(f, "more than {years} years after issue"),
            R::NotAnotherMember => f.write_str("not another member of the household"),
        }
    }
}

/// What was looked for and not found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Entity {
    Member,
    /// A member's 資格情報 PDF.
    Document,
    /// The version before a member's current PDF.
    PreviousDocument,
    /// A reminder (its id is not one of the household's).
    Reminder,
    /// The household's store (the database and its key).
    HouseholdStore,
}

impl std::fmt::Display for Entity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Entity::Member => "member",
            Entity::Document => "document",
            Entity::PreviousDocument => "previous document",
            Entity::Reminder => "reminder",
            Entity::HouseholdStore => "household store",
        })
    }
}
