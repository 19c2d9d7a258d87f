//! Rows and cells rebuilt from text with positions: strings on one baseline form a row
//! (whatever order the PDF wrote them in); within a row, strings close together form a
//! cell (a label, a value), joined directly or by a space as their gap says; a wide gap
//! starts the next cell. So a label and its value written as separate text objects on
//! one row, or in two table cells, stand side by side, and a value under its label in a
//! table column stands under it.

use std::collections::BTreeMap;

use crate::vault::pdf::TextRun;

/// Strings whose baselines differ by at most this share of their font size are on one
/// row (cells of one table row may centre text of different sizes).
const ROW_TOLERANCE: f32 = 0.4;
/// A gap up to this share of the font size joins two strings directly.
const JOIN_GAP: f32 = 0.25;
/// A gap up to this share of the font size is a space within a cell; wider starts a cell.
const SPACE_GAP: f32 = 1.5;
/// Runs larger than any page (in points) are not placed.
const MAX_COORDINATE: f32 = 100_000.0;

/// Text standing together within a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub x0: f32,
    pub x1: f32,
    pub text: String,
}

/// One row of a page, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub page: usize,
    /// The baseline, in page space (larger is higher on the page).
    pub y: f32,
    /// The largest font size in the row.
    pub size: f32,
    pub cells: Vec<Cell>,
}

/// The text of a document as rows of cells, page after page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub rows: Vec<Row>,
}

fn placeable(run: &TextRun) -> bool {
    [run.x, run.y, run.end_x, run.size]
        .iter()
        .all(|v| v.is_finite() && v.abs() < MAX_COORDINATE)
        && run.size > 0.0
}

impl Layout {
    /// Rows rebuilt from `runs`.
    pub fn from_runs<'a>(runs: impl Iterator<Item = &'a TextRun>) -> Layout {
        let mut pages: BTreeMap<usize, Vec<&TextRun>> = BTreeMap::new();
        for run in runs.filter(|run| placeable(run)) {
            pages.entry(run.page).or_default().push(run);
        }
        let mut rows = Vec::new();
        for (page, mut runs) in pages {
            runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
            let mut current: Vec<&TextRun> = Vec::new();
            for run in runs {
                let joins = current.first().is_some_and(|first| {
                    let size = first.size.max(run.size);
                    (first.y - run.y).abs() <= ROW_TOLERANCE * size
                });
                if !joins && !current.is_empty() {
                    rows.push(row(page, std::mem::take(&mut current)));
                }
                current.push(run);
            }
            if !current.is_empty() {
                rows.push(row(page, current));
            }
        }
        Layout { rows }
    }

    /// A layout of plain text: each line a row of one cell.
    pub fn from_text(text: &str) -> Layout {
        let rows = text
            .lines()
            .enumerate()
            .map(|(index, line)| Row {
                page: 0,
                y: -(index as f32) * 12.0,
                size: 10.0,
                cells: vec![Cell {
                    x0: 0.0,
                    x1: 10.0,
                    text: line.to_owned(),
                }],
            })
            .collect();
        Layout { rows }
    }

    /// Each row as a line, its cells joined by a space.
    pub fn lines(&self) -> Vec<String> {
        self.joined(" ")
    }

    /// The whole text for screening: cells apart by tabs, rows by line breaks, so that
    /// numbers in different cells never read as one.
    pub fn scan_text(&self) -> String {
        self.joined("\t").join("\n")
    }

    fn joined(&self, between_cells: &str) -> Vec<String> {
        self.rows
            .iter()
            .map(|row| {
                let cells: Vec<&str> = row.cells.iter().map(|cell| cell.text.as_str()).collect();
                cells.join(between_cells)
            })
            .collect()
    }
}

/// One row from runs on one baseline: left to right, joined into cells by their gaps.
fn row(page: usize, mut runs: Vec<&TextRun>) -> Row {
    runs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let y = runs.first().map_or(0.0, |run| run.y);
    let size = runs.iter().map(|run| run.size).fold(0.0, f32::max);
    let mut cells: Vec<Cell> = Vec::new();
    let mut last: Option<&TextRun> = None;
    for run in runs {
        let x1 = run.end_x.max(run.x);
        // The same string drawn again on itself (a bold effect) is read once.
        let repeated = last
            .is_some_and(|last| last.text == run.text && (last.x - run.x).abs() < 0.5 * run.size);
        if repeated {
            continue;
        }
        match cells.last_mut() {
            Some(cell) if run.x - cell.x1 <= JOIN_GAP * run.size => {
                cell.text.push_str(&run.text);
                cell.x1 = cell.x1.max(x1);
            }
            Some(cell) if run.x - cell.x1 <= SPACE_GAP * run.size => {
                cell.text.push(' ');
                cell.text.push_str(&run.text);
                cell.x1 = cell.x1.max(x1);
            }
            _ => cells.push(Cell {
                x0: run.x,
                x1,
                text: run.text.clone(),
            }),
        }
        last = Some(run);
    }
    Row {
        page,
        y,
        size,
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x: f32, y: f32, text: &str) -> TextRun {
        TextRun {
            page: 0,
            x,
            y,
            end_x: x + 10.0 * text.chars().count() as f32,
            end_y: y,
            size: 10.0,
            text: text.to_owned(),
            visible: true,
        }
    }

    #[test]
    fn rows_from_runs_in_any_order() {
        let runs = [
            run(250.0, 700.0, "06139992"),
            run(70.0, 680.0, "記号"),
            run(70.0, 701.5, "保険者番号"),
            run(250.0, 680.0, "4123"),
            run(100.0, 660.0, "佐藤"),
            run(130.0, 660.0, "花子"),
            run(120.0, 660.0, "X"),
        ];
        let layout = Layout::from_runs(runs.iter());
        assert_eq!(
            layout.lines(),
            ["保険者番号 06139992", "記号 4123", "佐藤X花子"]
        );
        assert_eq!(layout.rows[0].cells.len(), 2);
        assert_eq!(
            layout.scan_text(),
            "保険者番号\t06139992\n記号\t4123\n佐藤X花子"
        );
    }

    #[test]
    fn a_word_gap_is_a_space_and_a_bold_repeat_reads_once() {
        let runs = [
            run(100.0, 500.0, "佐藤"),
            run(130.0, 500.0, "花子"),
            run(130.3, 500.0, "花子"),
        ];
        assert_eq!(Layout::from_runs(runs.iter()).lines(), ["佐藤 花子"]);
    }
}
