//! Text with its position: the page content streams (and the forms they draw) read
//! operator by operator (ISO 32000-1 §9.4), each shown string a [`TextRun`] at its place
//! on the page, in page space. Text drawn invisibly (render modes 3 and 7: neither
//! filled nor stroked) or too small to see is marked so and not read for fields.
//!
//! Bounded: the document's [`Budget`] (one deadline, checked every few operators inside
//! a page, and one count of decoded bytes), at most [`MAX_FONTS_PER_PAGE`] fonts a page
//! (a page with more is skipped: a 資格情報 has a handful), forms nested at most
//! [`MAX_FORM_DEPTH`] deep and drawn at most [`MAX_FORM_DRAWS`] times a page, and at most
//! [`MAX_RUNS`] runs and [`MAX_TEXT_CHARS`] characters in all. Whatever a limit leaves
//! unread is recorded in the budget ([`Budget::unread`]): that text was not screened
//! for a マイナンバー, so the import refuses the PDF (R10).

use std::collections::HashMap;
use std::rc::Rc;

use super::document::Document;
use super::object::{Dictionary, Object, ObjectId};

use super::budget::Budget;
use super::fonts::{Font, FontCache};
use super::syntax::{Lexer, Token};

/// Pages whose resources name more fonts than this are not read.
pub const MAX_FONTS_PER_PAGE: usize = 32;
/// Forms drawn inside forms, at most this deep.
pub const MAX_FORM_DEPTH: usize = 4;
/// Forms drawn on one page, at most this many times.
pub const MAX_FORM_DRAWS: usize = 256;
/// The most runs kept for a document.
pub const MAX_RUNS: usize = 20_000;
/// The most characters kept for a document.
pub const MAX_TEXT_CHARS: usize = 200_000;
/// Text smaller than this (in points, as drawn) cannot be read by anyone.
pub const MIN_VISIBLE_SIZE: f32 = 1.0;
/// Operands kept on the stack; more are dropped (no operator takes more than six).
const MAX_OPERANDS: usize = 16;
/// Elements kept of one array operand (a `TJ` array).
const MAX_ARRAY_ITEMS: usize = 4096;
/// The deadline is checked every this many tokens.
const DEADLINE_STRIDE: usize = 256;
/// `q` nests at most this deep; deeper saves are counted, not kept.
const MAX_SAVED_STATES: usize = 64;

/// One string as shown on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The page, from 0.
    pub page: usize,
    /// Where the string starts and ends, on its baseline, in page space.
    pub x: f32,
    pub y: f32,
    pub end_x: f32,
    pub end_y: f32,
    /// The font size as drawn.
    pub size: f32,
    pub text: String,
    /// Drawn so that it can be seen.
    pub visible: bool,
}

type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b` (PDF matrices act on row vectors).
fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

fn translate(x: f32, y: f32) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, x, y]
}

#[derive(Debug, Clone)]
struct GraphicsState {
    ctm: Matrix,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    font: Option<Rc<Font>>,
    font_size: f32,
    rise: f32,
    render_mode: i64,
}

impl GraphicsState {
    fn new(ctm: Matrix) -> Self {
        GraphicsState {
            ctm,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            font: None,
            font_size: 0.0,
            rise: 0.0,
            render_mode: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Operand {
    Number(f32),
    Bytes(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Operand>),
    Other,
}

impl Operand {
    fn number(&self) -> Option<f32> {
        match self {
            Operand::Number(value) => Some(*value),
            _ => None,
        }
    }
}

/// A number, string or name operand.
fn scalar(token: Token<'_>) -> Option<Operand> {
    match token {
        Token::Number(value) => Some(Operand::Number(to_f32(value))),
        Token::Integer(value) => Some(Operand::Number(to_f32(value as f64))),
        Token::String(bytes) => Some(Operand::Bytes(bytes)),
        Token::Name(name) => Some(Operand::Name(name)),
        _ => None,
    }
}

fn to_f32(value: f64) -> f32 {
    if value.is_finite() {
        value.clamp(-1.0e9, 1.0e9) as f32
    } else {
        0.0
    }
}

/// The resources in force: the fonts and forms a content stream may name.
#[derive(Debug, Clone, Copy)]
struct Resources<'a> {
    fonts: Option<&'a Dictionary>,
    xobjects: Option<&'a Dictionary>,
}

fn sub_dict<'a>(
    document: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    document.resolve(dict.get(key)?)?.as_dict()
}

impl<'a> Resources<'a> {
    fn of(document: &'a Document, dict: Option<&'a Dictionary>) -> Self {
        Resources {
            fonts: dict.and_then(|d| sub_dict(document, d, b"Font")),
            xobjects: dict.and_then(|d| sub_dict(document, d, b"XObject")),
        }
    }

    fn font_count(&self) -> usize {
        self.fonts.map_or(0, Dictionary::len)
    }
}

/// Reads the text of `pages` (in order) within `budget`.
pub fn extract_runs(document: &Document, pages: &[ObjectId], budget: &mut Budget) -> Vec<TextRun> {
    let mut reader = Reader {
        document,
        fonts: FontCache::default(),
        forms: HashMap::new(),
        budget,
        runs: Vec::new(),
        chars: 0,
        page: 0,
        form_draws: 0,
        form_stack: Vec::new(),
    };
    for (index, page) in pages.iter().enumerate() {
        if reader.budget.expired() || reader.stop_when_full() {
            break;
        }
        reader.page = index;
        reader.form_draws = 0;
        let resources = Resources::of(document, document.page_resources(*page));
        if resources.font_count() > MAX_FONTS_PER_PAGE {
            reader.budget.leave_unread(TOO_MANY_FONTS);
            continue;
        }
        let mut content = Vec::new();
        for stream in document.page_contents(*page) {
            let Some(data) = reader.budget.decode(stream) else {
                continue;
            };
            content.extend_from_slice(&data);
            content.push(b'\n');
        }
        reader.interpret(&content, resources, IDENTITY);
    }
    reader.runs
}

struct Reader<'a, 'b> {
    document: &'a Document,
    fonts: FontCache,
    forms: HashMap<ObjectId, Option<Rc<Vec<u8>>>>,
    budget: &'b mut Budget,
    runs: Vec<TextRun>,
    chars: usize,
    page: usize,
    form_draws: usize,
    form_stack: Vec<ObjectId>,
}

/// Why a page or form was not read.
const TOO_MANY_FONTS: &str = "a page or form names more fonts than a 資格情報 has";

impl<'a> Reader<'a, '_> {
    /// Whether as many runs or characters as are kept were read; then whatever remains
    /// is left unread.
    fn stop_when_full(&mut self) -> bool {
        let full = self.runs.len() >= MAX_RUNS || self.chars >= MAX_TEXT_CHARS;
        if full {
            self.budget.leave_unread("more text than a 資格情報 has");
        }
        full
    }

    /// Interprets one content stream with the resources and matrix it is drawn with.
    fn interpret(&mut self, content: &[u8], resources: Resources<'a>, ctm: Matrix) {
        let mut lexer = Lexer::new(content);
        let mut operands: Vec<Operand> = Vec::new();
        let mut state = GraphicsState::new(ctm);
        let mut saved: Vec<GraphicsState> = Vec::new();
        let mut unsaved_depth = 0usize;
        let mut text_matrix = IDENTITY;
        let mut line_matrix = IDENTITY;
        while let Some(token) = lexer.next_token() {
            if (lexer.tokens().is_multiple_of(DEADLINE_STRIDE) && self.budget.expired())
                || self.stop_when_full()
            {
                return;
            }
            let operator = match token {
                Token::Keyword(word) => word,
                other => {
                    let operand = self.operand(other, &mut lexer);
                    if operands.len() >= MAX_OPERANDS {
                        operands.remove(0);
                    }
                    operands.push(operand);
                    continue;
                }
            };
            let number = |index: usize| operands.get(index).and_then(Operand::number);
            match operator {
                b"q" => {
                    if saved.len() < MAX_SAVED_STATES {
                        saved.push(state.clone());
                    } else {
                        unsaved_depth += 1;
                    }
                }
                b"Q" => {
                    if unsaved_depth > 0 {
                        unsaved_depth -= 1;
                    } else if let Some(previous) = saved.pop() {
                        state = previous;
                    }
                }
                b"cm" => {
                    if let [Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)] =
                        [0, 1, 2, 3, 4, 5].map(number)
                    {
                        state.ctm = multiply(&[a, b, c, d, e, f], &state.ctm);
                    }
                }
                b"BT" => {
                    text_matrix = IDENTITY;
                    line_matrix = IDENTITY;
                }
                b"Tf" => {
                    if let (Some(Operand::Name(name)), Some(size)) = (operands.first(), number(1)) {
                        state.font = resources
                            .fonts
                            .and_then(|fonts| fonts.get(name))
                            .and_then(|font| self.fonts.font(self.document, font, self.budget));
                        state.font_size = size;
                    }
                }
                b"Tc" => state.char_spacing = number(0).unwrap_or(state.char_spacing),
                b"Tw" => state.word_spacing = number(0).unwrap_or(state.word_spacing),
                b"Tz" => {
                    state.horizontal_scale = number(0).map_or(state.horizontal_scale, |s| s / 100.0)
                }
                b"TL" => state.leading = number(0).unwrap_or(state.leading),
                b"Ts" => state.rise = number(0).unwrap_or(state.rise),
                b"Tr" => state.render_mode = number(0).map_or(state.render_mode, |m| m as i64),
                b"Td" | b"TD" => {
                    if let (Some(x), Some(y)) = (number(0), number(1)) {
                        if operator == b"TD" {
                            state.leading = -y;
                        }
                        line_matrix = multiply(&translate(x, y), &line_matrix);
                        text_matrix = line_matrix;
                    }
                }
                b"Tm" => {
                    if let [Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)] =
                        [0, 1, 2, 3, 4, 5].map(number)
                    {
                        line_matrix = [a, b, c, d, e, f];
                        text_matrix = line_matrix;
                    }
                }
                b"T*" => {
                    line_matrix = multiply(&translate(0.0, -state.leading), &line_matrix);
                    text_matrix = line_matrix;
                }
                b"Tj" | b"'" | b"\"" => {
                    if operator != b"Tj" {
                        if operator == b"\"" {
                            state.word_spacing = number(0).unwrap_or(state.word_spacing);
                            state.char_spacing = number(1).unwrap_or(state.char_spacing);
                        }
                        line_matrix = multiply(&translate(0.0, -state.leading), &line_matrix);
                        text_matrix = line_matrix;
                    }
                    if let Some(Operand::Bytes(bytes)) = operands.last() {
                        self.show(bytes, &state, &mut text_matrix);
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = operands.last() {
                        for item in items {
                            match item {
                                Operand::Bytes(bytes) => self.show(bytes, &state, &mut text_matrix),
                                Operand::Number(adjust) => {
                                    let shift = -adjust / 1000.0 * state.font_size;
                                    let vertical = state.font.as_ref().is_some_and(|f| f.vertical);
                                    let step = if vertical {
                                        translate(0.0, shift)
                                    } else {
                                        translate(shift * state.horizontal_scale, 0.0)
                                    };
                                    text_matrix = multiply(&step, &text_matrix);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Do" => {
                    if let Some(Operand::Name(name)) = operands.first() {
                        self.draw_form(name, resources, &state);
                    }
                }
                b"ID" => lexer.skip_inline_image(),
                _ => {}
            }
            operands.clear();
        }
    }

    /// An operand token; arrays are read whole (strings and numbers only), dictionaries
    /// (marked-content properties) skipped.
    fn operand(&mut self, token: Token<'_>, lexer: &mut Lexer<'_>) -> Operand {
        let collect = match token {
            Token::ArrayStart => true,
            Token::DictStart => false,
            other => return scalar(other).unwrap_or(Operand::Other),
        };
        let mut items = Vec::new();
        let mut depth = 1usize;
        while let Some(token) = lexer.next_token() {
            match token {
                Token::ArrayStart | Token::DictStart => depth += 1,
                Token::ArrayEnd | Token::DictEnd => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                other if collect && depth == 1 => {
                    if items.len() < MAX_ARRAY_ITEMS {
                        items
                            .extend(scalar(other).filter(|item| !matches!(item, Operand::Name(_))));
                    } else {
                        self.budget.leave_unread("a text array longer than is read");
                    }
                }
                _ => {}
            }
        }
        if collect {
            Operand::Array(items)
        } else {
            Operand::Other
        }
    }

    /// Shows a string: one run, and the text matrix moved past it.
    fn show(&mut self, bytes: &[u8], state: &GraphicsState, text_matrix: &mut Matrix) {
        let Some(font) = state.font.clone() else {
            return;
        };
        let size = state.font_size;
        let start = multiply(text_matrix, &state.ctm);
        let (x, y) = apply(&start, 0.0, state.rise);
        let mut text = String::new();
        for glyph in font.glyphs(bytes) {
            text.push_str(&glyph.text);
            let spacing = state.char_spacing
                + if glyph.word_space {
                    state.word_spacing
                } else {
                    0.0
                };
            let step = if font.vertical {
                translate(0.0, -size + spacing)
            } else {
                translate(
                    (glyph.width / 1000.0 * size + spacing) * state.horizontal_scale,
                    0.0,
                )
            };
            *text_matrix = multiply(&step, text_matrix);
        }
        if text.is_empty() {
            return;
        }
        let end = multiply(text_matrix, &state.ctm);
        let (end_x, end_y) = apply(&end, 0.0, state.rise);
        let drawn_size = size.abs() * (start[2] * start[2] + start[3] * start[3]).sqrt();
        let visible = !matches!(state.render_mode, 3 | 7) && drawn_size >= MIN_VISIBLE_SIZE;
        self.chars += text.chars().count();
        self.runs.push(TextRun {
            page: self.page,
            x,
            y,
            end_x,
            end_y,
            size: drawn_size,
            text,
            visible,
        });
    }

    /// `Do` of a form: its content with its matrix and resources.
    fn draw_form(&mut self, name: &[u8], resources: Resources<'a>, state: &GraphicsState) {
        let document = self.document;
        let Some((Some(id), Object::Stream(stream))) = resources
            .xobjects
            .and_then(|x| x.get(name))
            .and_then(|object| document.dereference(object))
        else {
            return;
        };
        let is_form =
            stream.dict.get(b"Subtype").and_then(Object::as_name) == Some(b"Form".as_slice());
        // A form drawing itself (directly or through others) draws nothing new.
        if !is_form || self.form_stack.contains(&id) {
            return;
        }
        if self.form_stack.len() >= MAX_FORM_DEPTH {
            self.budget.leave_unread("forms nested deeper than is read");
            return;
        }
        if self.form_draws >= MAX_FORM_DRAWS {
            self.budget
                .leave_unread("forms drawn more often than is read");
            return;
        }
        self.form_draws += 1;
        let form_resources = match sub_dict(document, &stream.dict, b"Resources") {
            Some(own) => Resources::of(document, Some(own)),
            None => resources,
        };
        if form_resources.font_count() > MAX_FONTS_PER_PAGE {
            self.budget.leave_unread(TOO_MANY_FONTS);
            return;
        }
        let content = match self.forms.get(&id) {
            Some(cached) => cached.clone(),
            None => {
                let decoded = self.budget.decode(stream).map(Rc::new);
                self.forms.insert(id, decoded.clone());
                decoded
            }
        };
        let Some(content) = content else {
            return;
        };
        let matrix: Option<Vec<f32>> = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .and_then(|items| items.iter().map(|i| i.as_number().map(to_f32)).collect());
        let form_matrix = match matrix.as_deref() {
            Some(&[a, b, c, d, e, f]) => [a, b, c, d, e, f],
            _ => IDENTITY,
        };
        self.form_stack.push(id);
        self.interpret(&content, form_resources, multiply(&form_matrix, &state.ctm));
        self.form_stack.pop();
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::vault::pdf::structure::{classic_pdf, classic_stream, read_structure};

    const UNIJIS: &[u8] = b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /DW 1000 >>] >>";

    /// One page drawing `content` with font /F1 (UniJIS-UCS2-H) and form /X1 (which
    /// shows 氏名 at its origin); `fonts` more font names in its resources.
    fn page_runs(content: &[u8], fonts: usize, budget: &mut Budget) -> Vec<TextRun> {
        let extra: String = (0..fonts).map(|i| format!(" /G{i} 4 0 R")).collect();
        let page = format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R{extra} >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>"
        );
        let form = classic_stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 300 100] /Resources << /Font << /F1 4 0 R >> >>",
            b"BT /F1 10 Tf 0 0 Td <6C0F540D> Tj ET",
        );
        let objects: [&[u8]; 6] = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page.as_bytes(),
            UNIJIS,
            &classic_stream("", content),
            &form,
        ];
        let data = classic_pdf(&objects);
        let structure = read_structure(&data).unwrap();
        let document = Document::load(&data, &structure).unwrap();
        let pages = document.pages(16);
        extract_runs(&document, &pages, budget)
    }

    fn texts(runs: &[TextRun]) -> Vec<(&str, f32, f32, bool)> {
        runs.iter()
            .map(|r| (r.text.as_str(), r.x.round(), r.y.round(), r.visible))
            .collect()
    }

    #[test]
    fn strings_are_placed_where_they_are_drawn() {
        let content = b"q 2 0 0 2 0 0 cm BT /F1 10 Tf 10 20 Td <4FDD> Tj 5 0 Td [<967A> -1000 <8005>] TJ ET Q
            BT /F1 12 Tf 1 0 0 1 100 700 Tm 3 Tr <0031> Tj 0 Tr 0.05 0 0 0.05 0 0 Tm <0032> Tj ET /X1 Do";
        let runs = page_runs(content, 0, &mut Budget::for_import());
        assert_eq!(
            texts(&runs),
            [
                ("保", 20.0, 40.0, true),
                // Td moves from the start of the line: (10 + 5) × 2.
                ("険", 30.0, 40.0, true),
                // After 険 (1 em of 10, scaled by 2) and a 1-em adjustment.
                ("者", 70.0, 40.0, true),
                ("1", 100.0, 700.0, false),
                ("2", 0.0, 0.0, false),
                ("氏名", 300.0, 100.0, true),
            ]
        );
        assert_eq!(runs[0].size, 20.0);
        assert_eq!(runs[0].end_x, 40.0);
    }

    #[test]
    fn a_page_with_more_fonts_than_a_shikaku_has_is_not_read() {
        let content = b"BT /F1 10 Tf 10 20 Td <4FDD> Tj ET";
        let mut within = Budget::for_import();
        assert_eq!(
            page_runs(content, MAX_FONTS_PER_PAGE - 1, &mut within).len(),
            1
        );
        assert_eq!(within.unread(), None);
        let mut past = Budget::for_import();
        assert!(page_runs(content, MAX_FONTS_PER_PAGE, &mut past).is_empty());
        assert_eq!(past.unread(), Some(TOO_MANY_FONTS));
    }

    #[test]
    fn forms_past_their_limits_and_long_arrays_leave_text_unread() {
        let mut deep = b"/X1 Do ".repeat(MAX_FORM_DRAWS);
        let mut budget = Budget::for_import();
        assert_eq!(page_runs(&deep, 0, &mut budget).len(), MAX_FORM_DRAWS);
        assert_eq!(budget.unread(), None);
        deep.extend_from_slice(b"/X1 Do");
        let mut budget = Budget::for_import();
        assert_eq!(page_runs(&deep, 0, &mut budget).len(), MAX_FORM_DRAWS);
        assert!(budget.unread().is_some());
        let long = format!(
            "BT /F1 10 Tf [{}] TJ ET",
            "<4FDD> ".repeat(MAX_ARRAY_ITEMS + 1)
        );
        let mut budget = Budget::for_import();
        assert_eq!(
            page_runs(long.as_bytes(), 0, &mut budget).len(),
            MAX_ARRAY_ITEMS
        );
        assert!(budget.unread().is_some());
    }

    #[test]
    fn extraction_stops_at_its_deadline_and_its_bytes() {
        let mut flood = b"BT /F1 10 Tf ".to_vec();
        for _ in 0..5_000 {
            flood.extend_from_slice(b"1 0 0 1 10 10 Tm <4FDD> Tj ");
        }
        flood.extend_from_slice(b"ET");
        let mut expired = Budget::new(usize::MAX, Duration::ZERO);
        assert!(page_runs(&flood, 0, &mut expired).is_empty());
        assert!(expired.unread().is_some());
        let mut small = Budget::new(100, Duration::from_secs(60));
        assert!(page_runs(&flood, 0, &mut small).is_empty());
        assert!(small.unread().is_some());
        let mut ample = Budget::new(usize::MAX, Duration::from_secs(600));
        assert_eq!(page_runs(&flood, 0, &mut ample).len(), 5_000);
        assert_eq!(ample.unread(), None);
    }

    #[test]
    fn matrices_compose_as_pdf_does() {
        let scaled = multiply(&[2.0, 0.0, 0.0, 2.0, 0.0, 0.0], &translate(10.0, 20.0));
        assert_eq!(apply(&scaled, 1.0, 1.0), (12.0, 22.0));
        let moved_then_scaled = multiply(&translate(10.0, 20.0), &[2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        assert_eq!(apply(&moved_then_scaled, 1.0, 1.0), (22.0, 42.0));
    }
}
