//! `shikaku guide` and `shikaku clinic`: what to present and do, per member of the store
//! (or in general), and the clinic card in the terminal (`shikaku_core::guidance`).

use clap::ValueEnum;
use shikaku_core::content::InsurerDetails;
use shikaku_core::error::{Field, Reason};
use shikaku_core::guidance::clinic::ClinicCard;
use shikaku_core::guidance::{Situation, situation_guide, walk_preparation};
use shikaku_core::i18n::{Locale, Words, ids};
use unicode_width::UnicodeWidthStr;

use crate::CliError;
use crate::files::to_json;
use crate::session::Session;

/// A situation, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SituationArg {
    Lost,
    Expired,
    CardExpiring,
    Moved,
    MovedWithin,
    Abroad,
    NewInsurer,
    Certificate,
    Costs,
    Reader,
    Smartphone,
    ForeignResident,
    Turning70,
    Turning75,
    InsuredTurns75,
    LegacyCard,
}

impl From<SituationArg> for Situation {
    fn from(arg: SituationArg) -> Self {
        match arg {
            SituationArg::Lost => Situation::CardLost,
            SituationArg::Expired => Situation::CertificateExpired,
            SituationArg::CardExpiring => Situation::CardExpiring,
            SituationArg::Moved => Situation::Moved,
            SituationArg::MovedWithin => Situation::MovedWithinMunicipality,
            SituationArg::Abroad => Situation::GoingAbroad,
            SituationArg::NewInsurer => Situation::NewInsurer,
            SituationArg::Certificate => Situation::EligibilityCertificate,
            SituationArg::Costs => Situation::HospitalStayOrHighCosts,
            SituationArg::Reader => Situation::AtTheReader,
            SituationArg::Smartphone => Situation::SmartphoneInsuranceCard,
            SituationArg::ForeignResident => Situation::ForeignResident,
            SituationArg::Turning70 => Situation::TurningSeventy,
            SituationArg::Turning75 => Situation::TurningSeventyFive,
            SituationArg::InsuredTurns75 => Situation::InsuredTurnsSeventyFive,
            SituationArg::LegacyCard => Situation::LegacyInsuranceCard,
        }
    }
}

/// `--flow yes,no,…` as answers.
pub fn parse_answers(text: &str) -> Result<Vec<bool>, CliError> {
    text.split(',')
        .filter(|part| !part.trim().is_empty())
        .map(|part| match part.trim().to_ascii_lowercase().as_str() {
            "yes" | "y" | "はい" => Ok(true),
            "no" | "n" | "いいえ" => Ok(false),
            _ => Err(CliError::invalid(
                Field::FlowchartAnswers,
                Reason::NotYesOrNo,
            )),
        })
        .collect()
}

fn bullet_section(out: &mut Vec<String>, heading: String, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push(heading);
    out.extend(items.iter().map(|item| format!("  ・{item}")));
}

/// The flowchart walked with `answers`.
pub fn flow(answers: &[bool], words: Words<'_>, json: bool) -> Result<String, CliError> {
    let step = walk_preparation(answers, words, &InsurerDetails::embedded())?;
    if json {
        return to_json(&step);
    }
    let mut out = Vec::new();
    if let Some(question) = step.question {
        out.push(question);
        out.push(format!("  → shikaku guide --flow {}", next_hint(answers)));
    }
    out.extend(
        step.steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {s}", i + 1)),
    );
    Ok(out.join("\n"))
}

fn next_hint(answers: &[bool]) -> String {
    let so_far: Vec<&str> = answers
        .iter()
        .map(|a| if *a { "yes" } else { "no" })
        .collect();
    let prefix = if so_far.is_empty() {
        String::new()
    } else {
        format!("{},", so_far.join(","))
    };
    format!("{prefix}yes | {prefix}no")
}

/// `guide` for one situation in general: no store needed.
pub fn general(situation: Situation, words: Words<'_>, json: bool) -> Result<String, CliError> {
    let guide = situation_guide(situation, None, words, &InsurerDetails::embedded());
    if json {
        return to_json(&guide);
    }
    let mut out = vec![guide.title];
    out.extend(
        guide
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {s}", i + 1)),
    );
    Ok(out.join("\n"))
}

/// `guide` per member of the store (all, or one), with one situation or those their
/// state calls for.
pub fn guide(
    session: &Session,
    member_id: Option<String>,
    situation: Option<Situation>,
    words: Words<'_>,
    json: bool,
) -> Result<String, CliError> {
    let companion = &session.companion;
    let members = match member_id {
        Some(id) => vec![companion.member(id)?],
        None => companion.members()?,
    };
    let mut values = Vec::new();
    let mut out = Vec::new();
    for member in &members {
        let status = companion.member_status(member.id.clone())?;
        let written = companion.guidance(member.id.clone())?;
        let situations = match situation {
            Some(one) => vec![one],
            None => companion.situations_for(member.id.clone())?,
        };
        let guides = situations
            .into_iter()
            .map(|s| companion.situation(s, Some(member.id.clone())))
            .collect::<Result<Vec<_>, _>>()?;
        if json {
            values.push(serde_json::json!({
                "member_id": member.id,
                "display_name": member.display_name,
                "card_state": status.shown_state,
                "advice": written,
                "situations": guides,
            }));
            continue;
        }
        out.push(format!(
            "■ {} ({}) — {}",
            member.display_name,
            words.label(member.relationship.message_id()),
            words.label(status.shown_state.message_id())
        ));
        if !written.advice.covered {
            out.push(format!("  {}", words.label(ids::GUIDE_NOT_COVERED)));
        }
        bullet_section(
            &mut out,
            words.label(ids::GUIDE_HEADING_PRESENT),
            &written.primary,
        );
        bullet_section(
            &mut out,
            words.label(ids::GUIDE_HEADING_FALLBACK),
            &written.fallback,
        );
        bullet_section(
            &mut out,
            words.label(ids::GUIDE_HEADING_NEVER_ALONE),
            &written.never_alone,
        );
        bullet_section(
            &mut out,
            words.label(ids::GUIDE_HEADING_TO_DO),
            &written.to_do,
        );
        bullet_section(
            &mut out,
            words.label(ids::GUIDE_HEADING_REASONS),
            &written.eligibility_reasons,
        );
        if !guides.is_empty() {
            out.push(words.label(ids::GUIDE_HEADING_SITUATIONS));
        }
        for guide in guides {
            out.push(format!("  【{}】", guide.title));
            out.extend(
                guide
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| format!("    {}. {s}", i + 1)),
            );
            out.extend(
                guide
                    .dates
                    .iter()
                    .map(|d| format!("    ▶ {}: {}", d.label, d.written)),
            );
        }
        out.push(String::new());
    }
    if json {
        return to_json(&values);
    }
    Ok(out.join("\n").trim_end().to_owned())
}

/// `clinic --member ID`.
pub fn clinic(
    session: &Session,
    member_id: String,
    words: Words<'_>,
    json: bool,
) -> Result<String, CliError> {
    let card = session.companion.clinic_card(member_id)?;
    if json {
        to_json(&card)
    } else {
        Ok(render_card(&card, words))
    }
}

/// Punctuation that must not begin a line (禁則).
const NO_LINE_START: &[char] = &['。', '、', '」', '）', ')', '・', '：'];

/// Lines of at most `width` columns (CJK counts double); closing punctuation stays on
/// the line before.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_inclusive(|c: char| c == ' ' || !c.is_ascii()) {
        let closes = word.starts_with(NO_LINE_START);
        if line.width() + word.width() > width && !line.is_empty() && !closes {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        line.push_str(word);
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// The clinic card as a box of text for the terminal.
pub fn render_card(card: &ClinicCard, words: Words<'_>) -> String {
    const WIDTH: usize = 56;
    let mut out = Vec::new();
    let rule = |left: &str, title: &str| {
        let fill = WIDTH.saturating_sub(title.width() + 1);
        format!("{left}─{title}{}", "─".repeat(fill))
    };
    out.push(rule(
        "┌",
        &format!(
            " {} ",
            words
                .in_locale(Locale::Ja)
                .label(ids::CLINIC_HEADING_STAFF_NOTE)
        ),
    ));
    out.extend(
        wrap(&card.staff_note_ja, WIDTH - 2)
            .into_iter()
            .map(|l| format!("│ {l}")),
    );
    out.push(rule("├", ""));
    let label_width = card
        .fields
        .iter()
        .map(|f| f.label_ja.width())
        .max()
        .unwrap_or(0);
    for field in &card.fields {
        let value = field.value.as_deref().unwrap_or("—");
        let pad = " ".repeat(label_width.saturating_sub(field.label_ja.width()));
        let value = if field.large {
            format!("【{value}】")
        } else {
            value.to_owned()
        };
        out.push(format!("│ {}{pad}  {value}", field.label_ja));
    }
    out.push(format!("└{}", "─".repeat(WIDTH)));
    if words.locale() != Locale::Ja {
        out.push(format!("({})", card.staff_note_translated));
    }
    if !card.warnings.is_empty() {
        out.push(format!("{}:", words.label(ids::CLINIC_HEADING_WARNINGS)));
        out.extend(card.warnings.iter().map(|w| format!("  ! {}", w.text)));
    }
    out.push(words.label(if card.record_available_offline {
        ids::CLINIC_RECORD_OFFLINE
    } else {
        ids::CLINIC_RECORD_MISSING
    }));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_closing_punctuation_on_the_line() {
        let lines = wrap("あいうえおかきくけこ。さしすせそ", 20);
        assert_eq!(lines, ["あいうえおかきくけこ。", "さしすせそ"]);
        assert!(wrap("one two three four", 9).iter().all(|l| l.width() <= 9));
    }
}
