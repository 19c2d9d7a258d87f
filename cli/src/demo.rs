//! `shikaku demo`: the sample household of `shikaku_core::demo` evaluated on a day and
//! shown as a table, coloured when the terminal supports it.

use chrono::NaiveDate;
use shikaku_core::demo::demo_household;
use shikaku_core::household::MemberStatus;
use shikaku_core::i18n::{Words, ids};
use shikaku_core::rules::CardState;
use shikaku_core::view::member_row;
use unicode_width::UnicodeWidthStr;

use crate::CliError;

/// Colour only for a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it.
pub fn colour_wanted(stdout_is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    if set("CLICOLOR_FORCE") {
        return true;
    }
    stdout_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The evaluated sample household as JSON.
pub fn json(today: NaiveDate) -> Result<String, CliError> {
    let statuses = demo_household(today).evaluate(today);
    crate::files::to_json(&statuses)
}

const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const RED: &str = "\x1b[31m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

fn state_colour(state: CardState) -> &'static str {
    match state {
        CardState::Valid => GREEN,
        CardState::RenewalWindow | CardState::Grace => YELLOW,
        CardState::Expired
        | CardState::InvalidMoved
        | CardState::InvalidOverseas
        | CardState::Lost => RED,
        CardState::Unknown => DIM,
    }
}

/// A cell's text and the colour it is drawn in.
struct Cell {
    text: String,
    colour: Option<&'static str>,
}

impl Cell {
    fn plain(text: String) -> Self {
        Cell { text, colour: None }
    }
}

fn row(status: &MemberStatus, words: Words<'_>) -> [Cell; 5] {
    // The words are the shells' (shikaku_core::view), laid out as a table row.
    let row = member_row(words, status);
    let member = format!("{} ({})", row.display_name, row.relationship_label);
    let (next, when) = match &row.next_deadline {
        Some(line) => {
            let next = if line.estimated {
                format!("{} ({})", line.label, words.label(ids::DEMO_ESTIMATE))
            } else {
                line.label.clone()
            };
            (next, format!("{} {}", line.date_text, line.when_text))
        }
        None => (words.label(ids::DEMO_NOTHING_DUE), String::new()),
    };
    let mut attention: Vec<String> = row
        .overdue
        .iter()
        .map(|line| format!("{} ({})", line.label, line.when_text))
        .collect();
    if !status.card_usable {
        attention.push(if status.covered_today() {
            words.label(ids::DEMO_COVERED_BY_ELIGIBILITY_CERTIFICATE)
        } else {
            words.label(ids::DEMO_NOT_COVERED)
        });
    }
    [
        Cell::plain(member),
        Cell {
            text: row.state_label,
            colour: Some(state_colour(row.state)),
        },
        Cell::plain(next),
        Cell::plain(when),
        Cell {
            text: attention.join("; "),
            colour: (!attention.is_empty()).then_some(RED),
        },
    ]
}

/// The sample household on `today` as a table in the words' language.
pub fn table(today: NaiveDate, words: Words<'_>, colour: bool) -> String {
    let statuses = demo_household(today).evaluate(today);
    let headers = [
        ids::DEMO_COLUMN_MEMBER,
        ids::DEMO_COLUMN_STATE,
        ids::DEMO_COLUMN_NEXT,
        ids::DEMO_COLUMN_WHEN,
        ids::DEMO_COLUMN_ATTENTION,
    ]
    .map(|id| Cell::plain(words.label(id)));
    let rows: Vec<[Cell; 5]> = statuses.iter().map(|s| row(s, words)).collect();
    let mut widths = headers.each_ref().map(|cell| cell.text.width());
    for cells in &rows {
        for (width, cell) in widths.iter_mut().zip(cells) {
            *width = (*width).max(cell.text.width());
        }
    }
    let paint = |cell: &Cell, pad_to: Option<usize>, bold: bool| -> String {
        let padding = pad_to.map_or(0, |w| w.saturating_sub(cell.text.width()));
        let body = match (colour, bold, cell.colour) {
            (true, true, _) => format!("{BOLD}{}{RESET}", cell.text),
            (true, false, Some(code)) => format!("{code}{}{RESET}", cell.text),
            _ => cell.text.clone(),
        };
        format!("{body}{}", " ".repeat(padding))
    };
    let line = |cells: &[Cell; 5], bold: bool| -> String {
        let last = cells.len() - 1;
        let parts: Vec<String> = cells
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (cell, width))| paint(cell, (i < last).then_some(width), bold))
            .collect();
        parts.join("  ").trim_end().to_owned()
    };
    let date = words.date(today);
    let mut out = String::new();
    out.push_str(&words.text(ids::DEMO_TITLE, &[("date", date.into())]));
    out.push_str("\n\n");
    out.push_str(&line(&headers, true));
    out.push('\n');
    let rule_width = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
    out.push_str(&"─".repeat(rule_width.min(120)));
    out.push('\n');
    for cells in &rows {
        out.push_str(&line(cells, false));
        out.push('\n');
    }
    out.push('\n');
    let iso = today.format("%Y-%m-%d").to_string();
    out.push_str(&words.text(ids::DEMO_FOOTER, &[("date", iso.into())]));
    out.push('\n');
    out
}
