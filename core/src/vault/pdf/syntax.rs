//! The tokens of PDF syntax (ISO 32000-1 §7.2–7.3), read without building objects: the
//! cross-reference check, content streams and CMaps all read through this one lexer, so
//! each counts what it reads and nothing grows with hostile input beyond one token.

/// One token. Strings and names are decoded (escapes, `#xx`); numbers are `f64`.
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    Number(f64),
    /// An integer as written (no decimal point), for object numbers and offsets.
    Integer(i64),
    Name(Vec<u8>),
    String(Vec<u8>),
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
    /// Anything else: an operator, `true`, `null`, `obj`, `R`, `stream` ….
    Keyword(&'a [u8]),
}

impl Token<'_> {
    /// The number of a numeric token.
    pub fn number(&self) -> Option<f64> {
        match self {
            Token::Number(value) => Some(*value),
            Token::Integer(value) => Some(*value as f64),
            _ => None,
        }
    }
}

/// The longest string or name kept; longer ones are cut (a CMap or a 資格情報 never
/// comes near it).
const MAX_STRING_BYTES: usize = 64 * 1024;

/// PDF white space (§7.2.2).
pub fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b'\0' | b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// PDF delimiters (§7.2.2).
pub fn is_delimiter(byte: u8) -> bool {
    matches!(
        byte,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(byte: u8) -> bool {
    !is_whitespace(byte) && !is_delimiter(byte)
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// A cursor over PDF bytes that counts the tokens it reads, and may stop at a number of
/// them.
#[derive(Debug, Clone)]
pub struct Lexer<'a> {
    data: &'a [u8],
    position: usize,
    tokens: usize,
    limit: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self::at(data, 0)
    }

    pub fn at(data: &'a [u8], position: usize) -> Self {
        Lexer {
            data,
            position: position.min(data.len()),
            tokens: 0,
            limit: usize::MAX,
        }
    }

    /// The lexer ends (as at the end of the data) once it has read `limit` tokens.
    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    pub fn position(&self) -> usize {
        self.position
    }

    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// How many tokens were read so far.
    pub fn tokens(&self) -> usize {
        self.tokens
    }

    pub fn seek(&mut self, position: usize) {
        self.position = position.min(self.data.len());
    }

    fn peek_byte(&self) -> Option<u8> {
        self.data.get(self.position).copied()
    }

    /// Skips white space and comments.
    pub fn skip_whitespace(&mut self) {
        while let Some(byte) = self.peek_byte() {
            if is_whitespace(byte) {
                self.position += 1;
            } else if byte == b'%' {
                while let Some(byte) = self.peek_byte() {
                    if byte == b'\n' || byte == b'\r' {
                        break;
                    }
                    self.position += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The rest of the data from the current position.
    pub fn rest(&self) -> &'a [u8] {
        self.data.get(self.position..).unwrap_or_default()
    }

    /// Reads the next token; `None` at the end of the data or of the token limit.
    pub fn next_token(&mut self) -> Option<Token<'a>> {
        if self.tokens >= self.limit {
            return None;
        }
        self.skip_whitespace();
        let byte = self.peek_byte()?;
        self.tokens += 1;
        let token = match byte {
            b'[' => {
                self.position += 1;
                Token::ArrayStart
            }
            b']' => {
                self.position += 1;
                Token::ArrayEnd
            }
            b'<' if self.data.get(self.position + 1) == Some(&b'<') => {
                self.position += 2;
                Token::DictStart
            }
            b'>' if self.data.get(self.position + 1) == Some(&b'>') => {
                self.position += 2;
                Token::DictEnd
            }
            b'<' => Token::String(self.hex_string()),
            b'(' => Token::String(self.literal_string()),
            b'/' => Token::Name(self.name()),
            b'{' | b'}' | b')' | b'>' => {
                // Stray delimiters (PostScript braces in a CMap, an unbalanced paren)
                // read as one-byte keywords.
                let start = self.position;
                self.position += 1;
                Token::Keyword(self.data.get(start..self.position).unwrap_or_default())
            }
            _ => self.regular(),
        };
        Some(token)
    }

    fn regular(&mut self) -> Token<'a> {
        let start = self.position;
        while self.peek_byte().is_some_and(is_regular) {
            self.position += 1;
        }
        let word = self.data.get(start..self.position).unwrap_or_default();
        parse_number(word).unwrap_or(Token::Keyword(word))
    }

    fn name(&mut self) -> Vec<u8> {
        self.position += 1;
        let mut name = Vec::new();
        while let Some(byte) = self.peek_byte().filter(|b| is_regular(*b)) {
            self.position += 1;
            let decoded = if byte == b'#' {
                let high = self.peek_byte().and_then(hex_value);
                let low = self
                    .data
                    .get(self.position + 1)
                    .copied()
                    .and_then(hex_value);
                match (high, low) {
                    (Some(high), Some(low)) => {
                        self.position += 2;
                        high << 4 | low
                    }
                    _ => byte,
                }
            } else {
                byte
            };
            if name.len() < MAX_STRING_BYTES {
                name.push(decoded);
            }
        }
        name
    }

    fn hex_string(&mut self) -> Vec<u8> {
        self.position += 1;
        let mut bytes = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(byte) = self.peek_byte() {
            self.position += 1;
            if byte == b'>' {
                break;
            }
            let Some(value) = hex_value(byte) else {
                continue;
            };
            match high.take() {
                Some(first) => {
                    if bytes.len() < MAX_STRING_BYTES {
                        bytes.push(first << 4 | value);
                    }
                }
                None => high = Some(value),
            }
        }
        if let Some(first) = high
            && bytes.len() < MAX_STRING_BYTES
        {
            bytes.push(first << 4);
        }
        bytes
    }

    fn literal_string(&mut self) -> Vec<u8> {
        self.position += 1;
        let mut bytes = Vec::new();
        let mut depth = 1usize;
        let push = |bytes: &mut Vec<u8>, byte: u8| {
            if bytes.len() < MAX_STRING_BYTES {
                bytes.push(byte);
            }
        };
        while let Some(byte) = self.peek_byte() {
            self.position += 1;
            match byte {
                b'(' => {
                    depth += 1;
                    push(&mut bytes, byte);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    push(&mut bytes, byte);
                }
                b'\\' => {
                    let Some(escaped) = self.peek_byte() else {
                        break;
                    };
                    self.position += 1;
                    match escaped {
                        b'n' => push(&mut bytes, b'\n'),
                        b'r' => push(&mut bytes, b'\r'),
                        b't' => push(&mut bytes, b'\t'),
                        b'b' => push(&mut bytes, 0x08),
                        b'f' => push(&mut bytes, 0x0C),
                        b'\r' => {
                            if self.peek_byte() == Some(b'\n') {
                                self.position += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut value = u32::from(escaped - b'0');
                            for _ in 0..2 {
                                match self.peek_byte() {
                                    Some(digit @ b'0'..=b'7') => {
                                        self.position += 1;
                                        value = value * 8 + u32::from(digit - b'0');
                                    }
                                    _ => break,
                                }
                            }
                            push(&mut bytes, (value & 0xFF) as u8);
                        }
                        other => push(&mut bytes, other),
                    }
                }
                _ => push(&mut bytes, byte),
            }
        }
        bytes
    }

    /// Skips one whole value (a nested array or dictionary included), counting its
    /// tokens; nesting deeper than `max_depth` ends the skip at the current token.
    /// Returns `false` at the end of the data.
    pub fn skip_value(&mut self, max_depth: usize) -> bool {
        let mut depth = 0usize;
        loop {
            let Some(token) = self.next_token() else {
                return false;
            };
            match token {
                Token::ArrayStart | Token::DictStart => {
                    depth += 1;
                    if depth > max_depth {
                        return true;
                    }
                }
                Token::ArrayEnd | Token::DictEnd => {
                    depth = depth.saturating_sub(1);
                }
                _ => {}
            }
            if depth == 0 {
                return true;
            }
        }
    }

    /// After the `ID` operator of an inline image: skips its data up to and including
    /// `EI` standing alone (§8.9.7).
    pub fn skip_inline_image(&mut self) {
        let data = self.rest();
        let end = data
            .windows(4)
            .position(|w| {
                matches!(w, [a, b'E', b'I', c] if is_whitespace(*a) && (is_whitespace(*c) || is_delimiter(*c)))
            })
            .map_or(data.len(), |at| at + 3);
        self.position += end;
    }
}

/// A PDF number (`12`, `-3.5`, `.5`, `+4`), `None` for any other word.
fn parse_number(word: &[u8]) -> Option<Token<'static>> {
    let first = *word.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return None;
    }
    let text = std::str::from_utf8(word).ok()?;
    if !text.contains('.')
        && let Ok(value) = text.parse::<i64>()
    {
        return Some(Token::Integer(value));
    }
    let body = text.trim_start_matches(['+', '-']);
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    if body.bytes().filter(|b| *b == b'.').count() > 1 {
        return None;
    }
    // Producers write "4." and "-.5"; Rust parses both once a zero is added.
    let value: f64 = format!("{text}0").parse().ok()?;
    value.is_finite().then_some(Token::Number(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(data: &[u8]) -> Vec<Token<'_>> {
        let mut lexer = Lexer::new(data);
        std::iter::from_fn(|| lexer.next_token()).collect()
    }

    #[test]
    fn reads_every_kind_of_token() {
        let read = tokens(
            b"<< /Type /Pa#67e /N 12 /R -.5 >> [ (a\\(b\\)\\101\\\n) <41 4> ] 3 0 R % note\nTj",
        );
        assert_eq!(
            read,
            vec![
                Token::DictStart,
                Token::Name(b"Type".to_vec()),
                Token::Name(b"Page".to_vec()),
                Token::Name(b"N".to_vec()),
                Token::Integer(12),
                Token::Name(b"R".to_vec()),
                Token::Number(-0.5),
                Token::DictEnd,
                Token::ArrayStart,
                Token::String(b"a(b)A".to_vec()),
                Token::String(vec![0x41, 0x40]),
                Token::ArrayEnd,
                Token::Integer(3),
                Token::Integer(0),
                Token::Keyword(b"R"),
                Token::Keyword(b"Tj"),
            ]
        );
    }

    #[test]
    fn nested_strings_and_odd_numbers() {
        assert_eq!(tokens(b"(a(b)c)"), vec![Token::String(b"a(b)c".to_vec())]);
        assert_eq!(tokens(b"4."), vec![Token::Number(4.0)]);
        assert_eq!(tokens(b"1.2.3"), vec![Token::Keyword(b"1.2.3")]);
        assert_eq!(tokens(b"--"), vec![Token::Keyword(b"--")]);
        assert_eq!(tokens(b"-"), vec![Token::Keyword(b"-")]);
    }

    #[test]
    fn skips_values_and_inline_images() {
        let mut lexer = Lexer::new(b"[1 [2 << /A [3] >>] 4] next");
        assert!(lexer.skip_value(10));
        assert_eq!(lexer.next_token(), Some(Token::Keyword(b"next")));
        let mut lexer = Lexer::new(b"[[[[1]]]] x");
        assert!(lexer.skip_value(2));
        let mut image = Lexer::new(b"ID \x00EI\xff\nEI\n(after) Tj");
        assert_eq!(image.next_token(), Some(Token::Keyword(b"ID")));
        image.skip_inline_image();
        assert_eq!(image.next_token(), Some(Token::String(b"after".to_vec())));
    }

    #[test]
    fn stops_at_its_token_limit() {
        let mut lexer = Lexer::new(b"[1 2 3 4 5 6]").with_limit(3);
        assert!(!lexer.skip_value(10));
        assert_eq!(lexer.tokens(), 3);
    }

    #[test]
    fn never_runs_past_the_end() {
        for data in [
            &b"(unterminated"[..],
            b"<4142",
            b"/",
            b"<<",
            b"\\",
            b"%only",
        ] {
            let mut lexer = Lexer::new(data);
            while lexer.next_token().is_some() {}
            assert_eq!(lexer.position(), data.len());
        }
    }
}
