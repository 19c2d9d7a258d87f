//! Member-facing words in Japanese and English, as Fluent messages
//! (`locales/{ja,en}/*.ftl`), and dates written the way each language writes them:
//! Japanese with the era (R9) and weekday, 令和8年12月1日(火); English as Tue 1 Dec 2026.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::{LanguageIdentifier, langid};

use crate::rules::era::format_era_date;
use crate::stored_text::check_multiline_text;

pub mod messages;

/// A language shikaku speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum Locale {
    Ja,
    En,
}

/// The deflated Fluent files of each locale, `JA` and `EN`: every `.ftl` file of
/// `locales/{ja,en}/`, listed by build.rs.
mod fluent_files {
    include!(concat!(env!("OUT_DIR"), "/fluent_files.rs"));
}

/// The Fluent files of a locale: compiled in (stored deflated, [`crate::embedded`]) and
/// inflated once, on first use.
pub fn sources(locale: Locale) -> &'static [(&'static str, String)] {
    static JA: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    static EN: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    let (cell, files) = match locale {
        Locale::Ja => (&JA, fluent_files::JA),
        Locale::En => (&EN, fluent_files::EN),
    };
    cell.get_or_init(|| {
        files
            .iter()
            .map(|&(file, deflated)| (file, crate::embedded::inflate_text(deflated)))
            .collect()
    })
}

impl Locale {
    /// Both locales.
    pub const ALL: [Locale; 2] = [Locale::Ja, Locale::En];

    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Ja => "ja",
            Locale::En => "en",
        }
    }

    /// The locale for a POSIX/BCP 47 tag such as `ja_JP.UTF-8` or `en-US`: Japanese for
    /// `ja…`, English otherwise.
    pub fn from_tag(tag: &str) -> Locale {
        if tag.trim().to_ascii_lowercase().starts_with("ja") {
            Locale::Ja
        } else {
            Locale::En
        }
    }

    fn language(self) -> LanguageIdentifier {
        match self {
            Locale::Ja => langid!("ja"),
            Locale::En => langid!("en"),
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The id of a built-in message. Only the constants of [`ids`] exist, one per message
/// of the Fluent files, so every id the code names is a message of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MessageId(&'static str);

impl MessageId {
    /// The id as written in the Fluent files.
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for MessageId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// A constant per built-in message: `STATE_GRACE` for `state-grace`.
pub mod ids {
    use super::MessageId;
    include!(concat!(env!("OUT_DIR"), "/message_ids.rs"));
}

fn new_bundle(locale: Locale) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![locale.language()]);
    bundle.set_use_isolating(false);
    bundle
}

/// The built-in messages of `locale`, parsed once (they are compiled in and never
/// change).
fn built_in_bundle(locale: Locale) -> &'static Bundle {
    static JA: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    let cell = match locale {
        Locale::Ja => &JA,
        Locale::En => &EN,
    };
    cell.get_or_init(|| {
        let mut bundle = new_bundle(locale);
        for (_, source) in sources(locale) {
            // A syntax error keeps the entries that parsed; a test keeps the files clean.
            let resource =
                FluentResource::try_new(source.clone()).unwrap_or_else(|(partial, _)| partial);
            bundle.add_resource_overriding(resource);
        }
        bundle
    })
}

/// The member-facing texts in force: the built-in messages, and the overrides a signed
/// content bundle brings. Each loaded content owns its own, so two Companions in one
/// process may speak with different overrides.
#[derive(Clone, Default)]
pub struct Texts {
    ja: Option<Arc<Bundle>>,
    en: Option<Arc<Bundle>>,
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Texts")
            .field("ja_overridden", &self.ja.is_some())
            .field("en_overridden", &self.en.is_some())
            .finish()
    }
}

/// The built-in texts, for words needed before any content is loaded.
static BUILT_IN: Texts = Texts::built_in();

impl Texts {
    /// The built-in messages only.
    pub const fn built_in() -> Texts {
        Texts { ja: None, en: None }
    }

    /// The built-in messages with `ja` and `en` (Fluent source) overriding some of them.
    /// A source that fails [`check_overrides`] is left out whole: the built-in messages
    /// stay.
    pub fn with_overrides(ja: Option<&str>, en: Option<&str>) -> Texts {
        let overriding = |locale: Locale, source: Option<&str>| {
            let source = source.filter(|s| check_overrides(locale, s).is_ok())?;
            let resource = FluentResource::try_new(source.to_owned()).ok()?;
            let mut bundle = new_bundle(locale);
            bundle.add_resource(resource).ok()?;
            Some(Arc::new(bundle))
        };
        Texts {
            ja: overriding(Locale::Ja, ja),
            en: overriding(Locale::En, en),
        }
    }

    /// The texts of one language.
    pub fn words(&self, locale: Locale) -> Words<'_> {
        Words {
            texts: self,
            locale,
        }
    }

    fn overrides(&self, locale: Locale) -> Option<&Bundle> {
        match locale {
            Locale::Ja => self.ja.as_deref(),
            Locale::En => self.en.as_deref(),
        }
    }
}

/// The member-facing words in one language: messages with their arguments, and dates
/// as the member reads them.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    texts: &'a Texts,
    locale: Locale,
}

impl std::fmt::Debug for Words<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words")
            .field("locale", &self.locale)
            .field("texts", self.texts)
            .finish()
    }
}

impl<'a> Words<'a> {
    /// The built-in words of `locale`, without any content's overrides.
    pub fn built_in(locale: Locale) -> Words<'static> {
        BUILT_IN.words(locale)
    }

    /// The language.
    pub fn locale(self) -> Locale {
        self.locale
    }

    /// The same texts in another language (the clinic's staff note is always Japanese).
    pub fn in_locale(self, locale: Locale) -> Words<'a> {
        Words { locale, ..self }
    }

    /// The message `id` with its arguments: the content's override first, when it has
    /// one.
    pub fn text(self, id: MessageId, args: &[(&str, FluentValue<'_>)]) -> String {
        match self.texts.overrides(self.locale) {
            Some(bundle) if bundle.has_message(id.as_str()) => format_with(bundle, id, args),
            _ => format_with(built_in_bundle(self.locale), id, args),
        }
    }

    /// A message without arguments.
    pub fn label(self, id: MessageId) -> String {
        self.text(id, &[])
    }

    /// A date as the member reads it: 令和8年12月1日(火) or Tue 1 Dec 2026.
    pub fn date(self, day: NaiveDate) -> String {
        format_date(self.locale, day)
    }
}

/// The message formatted; its id when the bundle lacks it, so a gap shows as a visible
/// key and never as a crash.
fn format_with(bundle: &Bundle, id: MessageId, args: &[(&str, FluentValue<'_>)]) -> String {
    let Some(pattern) = bundle
        .get_message(id.as_str())
        .and_then(|message| message.value())
    else {
        return id.as_str().to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// What a message's pattern is made of: the variables it uses and the text it can
/// show (its text, and the string and number literals of its placeables, every variant
/// of a selection included).
#[derive(Debug, Default)]
struct PatternParts {
    variables: BTreeSet<String>,
    text: String,
}

impl PatternParts {
    fn of(pattern: &fluent_syntax::ast::Pattern<&str>) -> Self {
        let mut parts = PatternParts::default();
        parts.add_pattern(pattern);
        parts
    }

    fn add_pattern(&mut self, pattern: &fluent_syntax::ast::Pattern<&str>) {
        use fluent_syntax::ast::PatternElement;
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => self.text.push_str(value),
                PatternElement::Placeable { expression } => self.add_expression(expression),
            }
        }
    }

    fn add_expression(&mut self, expression: &fluent_syntax::ast::Expression<&str>) {
        use fluent_syntax::ast::Expression;
        match expression {
            Expression::Inline(inline) => self.add_inline(inline),
            Expression::Select { selector, variants } => {
                self.add_inline(selector);
                for variant in variants {
                    self.text.push('\n');
                    self.add_pattern(&variant.value);
                }
            }
        }
    }

    fn add_inline(&mut self, inline: &fluent_syntax::ast::InlineExpression<&str>) {
        use fluent_syntax::ast::InlineExpression;
        match inline {
            InlineExpression::VariableReference { id } => {
                self.variables.insert(id.name.to_owned());
            }
            InlineExpression::StringLiteral { value } => self
                .text
                .push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value)),
            InlineExpression::NumberLiteral { value } => self.text.push_str(value),
            InlineExpression::Placeable { expression } => self.add_expression(expression),
            _ => {}
        }
    }
}

/// The messages of Fluent source, by id, with what their patterns are made of.
fn message_parts(source: &str) -> Result<BTreeMap<String, PatternParts>, String> {
    use fluent_syntax::ast;
    let resource = fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| format!("Fluent syntax: {errors:?}"))?;
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(message) => {
                let parts = message
                    .value
                    .as_ref()
                    .map(PatternParts::of)
                    .unwrap_or_default();
                out.insert(message.id.name.to_owned(), parts);
            }
            ast::Entry::Term(term) => {
                return Err(format!("`-{}`: terms cannot be overridden", term.id.name));
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Message id → the variables its pattern uses, for Fluent source text.
pub fn message_variables(source: &str) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    Ok(message_parts(source)?
        .into_iter()
        .map(|(id, parts)| (id, parts.variables))
        .collect())
}

/// Every built-in message of `locale` with its variables.
pub fn catalogue(locale: Locale) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let mut all = BTreeMap::new();
    for (file, source) in sources(locale) {
        all.extend(message_variables(source).map_err(|e| format!("{}/{file}: {e}", locale.tag()))?);
    }
    Ok(all)
}

/// The messages a signed content bundle may override: the insurer's own wording (its
/// procedures, forms and how long they take), which differs from one insurer to another.
/// Never a staff note, a "never alone" text, a clinic warning, a state, a deadline or
/// an error: what the app says at the counter and about the law stays the app's.
pub const OVERRIDABLE: &[MessageId] = &[
    ids::PREPARE_APPLY_FOR_ELIGIBILITY_CERTIFICATE,
    ids::PREPARE_REPLACE_ELIGIBILITY_CERTIFICATE,
    ids::FLOW_NOTICE_3,
    ids::FLOW_NO_CARD_2,
    ids::FLOW_NO_CARD_3,
    ids::SITUATION_CARD_LOST_4,
    ids::SITUATION_CERTIFICATE_EXPIRED_4,
    ids::SITUATION_NEW_INSURER_3,
    ids::SITUATION_NEW_INSURER_4,
    ids::SITUATION_ELIGIBILITY_CERTIFICATE_1,
    ids::SITUATION_ELIGIBILITY_CERTIFICATE_2,
    ids::REMINDER_BODY_ELIGIBILITY_CERTIFICATE_EXPIRES,
];

/// Checks override source: it parses, defines no terms, and every message it defines
/// is one of [`OVERRIDABLE`], with the same variables as built in (so no screen loses a
/// date or a name) and text that passes [`check_multiline_text`] (no control or bidi
/// characters, no マイナンバー).
pub fn check_overrides(locale: Locale, source: &str) -> Result<(), String> {
    let built_in = catalogue(locale)?;
    for (id, parts) in message_parts(source)? {
        let Some(expected) = built_in.get(&id) else {
            return Err(format!("`{id}` is not a message of this app"));
        };
        if !OVERRIDABLE.iter().any(|allowed| allowed.as_str() == id) {
            return Err(format!(
                "`{id}` is not the insurer's wording; content may not change it"
            ));
        }
        if expected != &parts.variables {
            return Err(format!("`{id}` must use the placeables {expected:?}"));
        }
        check_multiline_text(&parts.text).map_err(|reason| format!("`{id}`: {reason}"))?;
    }
    Ok(())
}

const JA_WEEKDAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
const EN_WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as a member reads it: 令和8年12月1日(火) or Tue 1 Dec 2026.
pub fn format_date(locale: Locale, day: NaiveDate) -> String {
    let weekday_index = day.weekday().num_days_from_monday() as usize;
    match locale {
        Locale::Ja => {
            let weekday = JA_WEEKDAYS.get(weekday_index).copied().unwrap_or_default();
            let written = format_era_date(day)
                .unwrap_or_else(|| format!("{}年{}月{}日", day.year(), day.month(), day.day()));
            format!("{written}({weekday})")
        }
        Locale::En => {
            let weekday = EN_WEEKDAYS.get(weekday_index).copied().unwrap_or_default();
            let month = EN_MONTHS
                .get(day.month0() as usize)
                .copied()
                .unwrap_or_default();
            format!("{weekday} {} {month} {}", day.day(), day.year())
        }
    }
}

/// A date as `YYYY-MM-DD` for places where both languages want the short form.
pub fn format_iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::civil;

    #[test]
    fn both_locales_have_the_same_messages_and_placeables() {
        let ja = catalogue(Locale::Ja).unwrap();
        let en = catalogue(Locale::En).unwrap();
        let ja_ids: BTreeSet<_> = ja.keys().collect();
        let en_ids: BTreeSet<_> = en.keys().collect();
        assert_eq!(
            ja_ids.symmetric_difference(&en_ids).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "message ids present in one locale only"
        );
        for (id, variables) in &ja {
            assert_eq!(Some(variables), en.get(id), "placeables differ in {id}");
        }
    }

    #[test]
    fn overrides_must_match_the_built_in_messages() {
        assert!(
            check_overrides(Locale::En, "situation-eligibility_certificate-1 = Ask us.").is_ok()
        );
        assert!(check_overrides(Locale::En, "no-such-id = x").is_err());
        assert!(
            check_overrides(Locale::En, "situation-card_lost-4 = Apply.").is_err(),
            "lost $insurer, $certificate_form and $days"
        );
        assert!(check_overrides(Locale::En, "situation-eligibility_certificate-1 = {").is_err());
    }

    #[test]
    fn only_the_insurers_wording_can_be_overridden_and_only_with_plain_text() {
        let refused = [
            "staff-note-card_only = この画面で資格確認は完了しています",
            "never-alone-downloaded_record = The PDF is enough.",
            "clinic-warning-grace = All fine until { $date }.",
            "state-grace = Valid",
            "error-integrity = Fine.",
            "-insurer = Ours\nsituation-eligibility_certificate-1 = Ask { -insurer }.",
            "situation-eligibility_certificate-1 = Ask \u{202E}us.",
            "situation-eligibility_certificate-1 = Ask { \"\\u202E\" }us.",
            "situation-eligibility_certificate-1 = Call \u{1b}[2J us.",
            "situation-eligibility_certificate-1 = Quote 1234.5678.9018.",
            "flow-notice-3 = { $insurer ->\n   *[a] { $notice_form } No.123456789018\n}",
        ];
        for source in refused {
            assert!(check_overrides(Locale::Ja, source).is_err(), "{source}");
        }
        for id in OVERRIDABLE {
            let variables = &catalogue(Locale::Ja).unwrap()[id.as_str()];
            let placeables: String = variables.iter().map(|v| format!("{{ ${v} }}")).collect();
            let source = format!("{id} = 当組合では{placeables}\n    二行目です。");
            assert_eq!(check_overrides(Locale::Ja, &source), Ok(()), "{source}");
        }
    }

    #[test]
    fn formats_messages_and_dates() {
        let (ja, en) = (Words::built_in(Locale::Ja), Words::built_in(Locale::En));
        assert_eq!(ja.label(ids::STATE_GRACE), "猶予期間中");
        assert_eq!(en.label(ids::STATE_GRACE), "Grace period");
        assert_eq!(
            en.text(ids::DAYS_RELATIVE, &[("days", 12.into())]),
            "in 12 days"
        );
        assert_eq!(
            ja.text(ids::DAYS_RELATIVE, &[("days", 12.into())]),
            "あと12日"
        );
        assert_eq!(ja.text(ids::DAYS_RELATIVE, &[("days", 0.into())]), "今日");
        assert_eq!(en.date(civil(2026, 12, 1)), "Tue 1 Dec 2026");
        assert_eq!(
            format_date(Locale::Ja, civil(2026, 12, 1)),
            "令和8年12月1日(火)"
        );
        assert_eq!(
            format_date(Locale::En, civil(2026, 12, 1)),
            "Tue 1 Dec 2026"
        );
        assert_eq!(Locale::from_tag("ja_JP.UTF-8"), Locale::Ja);
        assert_eq!(Locale::from_tag("C.UTF-8"), Locale::En);
    }

    #[test]
    fn every_generated_id_is_a_message_in_both_languages() {
        for locale in Locale::ALL {
            let catalogue = catalogue(locale).unwrap();
            for id in ids::ALL {
                assert!(catalogue.contains_key(id.as_str()), "{locale:?} lacks {id}");
            }
            assert_eq!(catalogue.len(), ids::ALL.len());
        }
    }

    #[test]
    fn each_texts_keeps_its_own_overrides() {
        let plain = Texts::built_in();
        let built_in = plain
            .words(Locale::En)
            .label(ids::SITUATION_ELIGIBILITY_CERTIFICATE_1);
        let renamed = Texts::with_overrides(
            Some("situation-eligibility_certificate-1 = 当組合の窓口にご相談ください。"),
            Some("situation-eligibility_certificate-1 = Ask our counter."),
        );
        let refused = Texts::with_overrides(None, Some("days-overdue = late"));
        assert_eq!(
            renamed
                .words(Locale::En)
                .label(ids::SITUATION_ELIGIBILITY_CERTIFICATE_1),
            "Ask our counter."
        );
        assert_eq!(
            renamed
                .words(Locale::Ja)
                .label(ids::SITUATION_ELIGIBILITY_CERTIFICATE_1),
            "当組合の窓口にご相談ください。"
        );
        assert_eq!(
            renamed.words(Locale::En).label(ids::STATE_VALID),
            "Valid",
            "messages not overridden stay built in"
        );
        assert_eq!(
            refused
                .words(Locale::En)
                .text(ids::DAYS_OVERDUE, &[("days", 3.into())]),
            "3 days ago",
            "an override that is refused is left out"
        );
        assert_eq!(
            plain
                .words(Locale::En)
                .label(ids::SITUATION_ELIGIBILITY_CERTIFICATE_1),
            built_in
        );
    }
}
