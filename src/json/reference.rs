//! The reader as it was before it worked on bytes (one `char` at a time, slow but plainly
//! right), kept for tests only: the byte reader must give the same values, places and errors on
//! every text, and the tests in `json::tests` compare the two on generated input.

use super::parse::Limits;
use super::{Json, Member, Pos, Span, Value};

/// The reference reader's error: the English sentence as the byte reader's
/// [`super::JsonError::message`] writes it, and the place.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub message: String,
    pub at: Pos,
}

/// Reads one JSON value that must fill the whole text (white space around it is allowed).
pub fn parse(text: &str, limits: &Limits) -> Result<Json, JsonError> {
    let mut reader = Reader {
        text,
        pos: Pos {
            offset: 0,
            line: 1,
            column: 1,
        },
        depth: 0,
        limits,
    };
    if text.len() > limits.max_bytes {
        return Err(reader.error(format!(
            "the text is {} bytes, more than the {} bytes accepted",
            text.len(),
            limits.max_bytes
        )));
    }
    reader.skip_bom();
    reader.skip_whitespace();
    if reader.peek().is_none() {
        return Err(reader.error("the text is empty: expected a JSON value".into()));
    }
    let value = reader.value()?;
    reader.skip_whitespace();
    if let Some(c) = reader.peek() {
        return Err(reader.error(format!(
            "unexpected {} after the end of the JSON value",
            describe(c)
        )));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    pos: Pos,
    depth: usize,
    limits: &'a Limits,
}

fn describe(c: char) -> String {
    match c {
        '\n' => "line break".into(),
        c if c.is_control() => format!("control character U+{:04X}", c as u32),
        c => format!("character '{c}'"),
    }
}

impl<'a> Reader<'a> {
    fn error(&self, message: String) -> JsonError {
        JsonError {
            message,
            at: self.pos,
        }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.pos.offset..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos.offset += c.len_utf8();
        if c == '\n' {
            self.pos.line += 1;
            self.pos.column = 1;
        } else {
            self.pos.column += c.len_utf16() as u32;
        }
        Some(c)
    }

    fn skip_bom(&mut self) {
        if self.peek() == Some('\u{feff}') {
            self.pos.offset += '\u{feff}'.len_utf8();
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(' ' | '\t' | '\n' | '\r') = self.peek() {
            self.bump();
        }
    }

    fn expect(&mut self, wanted: char, what: &str) -> Result<(), JsonError> {
        match self.peek() {
            Some(c) if c == wanted => {
                self.bump();
                Ok(())
            }
            Some(c) => Err(self.error(format!("expected {what}, found {}", describe(c)))),
            None => Err(self.error(format!("expected {what}, but the text ends here"))),
        }
    }

    fn value(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        let value = match self.peek() {
            None => return Err(self.error("expected a value, but the text ends here".into())),
            Some('{') => self.nested(Self::object)?,
            Some('[') => self.nested(Self::array)?,
            Some('"') => Value::String(self.string()?),
            Some('-' | '0'..='9') => Value::Number(self.number()?),
            Some('t') => self.literal("true", Value::Bool(true))?,
            Some('f') => self.literal("false", Value::Bool(false))?,
            Some('n') => self.literal("null", Value::Null)?,
            Some(c) => return Err(self.error(format!("expected a value, found {}", describe(c)))),
        };
        Ok(Json {
            value,
            span: Span {
                start,
                end: self.pos,
            },
        })
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Value, JsonError>,
    ) -> Result<Value, JsonError> {
        if self.depth >= self.limits.max_depth {
            return Err(self.error(format!(
                "nesting is deeper than the {} levels accepted",
                self.limits.max_depth
            )));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        self.bump(); // '{'
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some('}') {
            self.bump();
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some('"') {
                let found = self
                    .peek()
                    .map_or("the end of the text".to_string(), describe);
                return Err(self.error(format!("expected a key in double quotes, found {found}")));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span {
                start: key_start,
                end: self.pos,
            };
            self.skip_whitespace();
            self.expect(':', "':' after the key")?;
            self.skip_whitespace();
            let value = self.value()?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_whitespace();
            match self.peek() {
                Some(',') => {
                    self.bump();
                    self.skip_whitespace();
                    if self.peek() == Some('}') {
                        return Err(
                            self.error("a trailing comma before '}' is not allowed in JSON".into())
                        );
                    }
                }
                Some('}') => {
                    self.bump();
                    return Ok(Value::Object(members));
                }
                Some(c) => {
                    return Err(self.error(format!("expected ',' or '}}', found {}", describe(c))))
                }
                None => return Err(self.error("the object is not closed: expected '}'".into())),
            }
        }
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        self.bump(); // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(']') {
            self.bump();
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                Some(',') => {
                    self.bump();
                    self.skip_whitespace();
                    if self.peek() == Some(']') {
                        return Err(
                            self.error("a trailing comma before ']' is not allowed in JSON".into())
                        );
                    }
                }
                Some(']') => {
                    self.bump();
                    return Ok(Value::Array(items));
                }
                Some(c) => {
                    return Err(self.error(format!("expected ',' or ']', found {}", describe(c))))
                }
                None => return Err(self.error("the array is not closed: expected ']'".into())),
            }
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        if self.text[self.pos.offset..].starts_with(word) {
            for _ in 0..word.len() {
                self.bump();
            }
            Ok(value)
        } else {
            let c = self.peek().unwrap_or(' ');
            Err(self.error(format!(
                "expected a value, found {} (strings need double quotes)",
                describe(c)
            )))
        }
    }

    fn number(&mut self) -> Result<String, JsonError> {
        let start = self.pos.offset;
        if self.peek() == Some('-') {
            self.bump();
        }
        match self.peek() {
            Some('0') => {
                self.bump();
            }
            Some('1'..='9') => self.digits(),
            _ => return Err(self.error("expected a digit in the number".into())),
        }
        if self.peek() == Some('.') {
            self.bump();
            if !matches!(self.peek(), Some('0'..='9')) {
                return Err(self.error("expected a digit after the decimal point".into()));
            }
            self.digits();
        }
        if let Some('e' | 'E') = self.peek() {
            self.bump();
            if let Some('+' | '-') = self.peek() {
                self.bump();
            }
            if !matches!(self.peek(), Some('0'..='9')) {
                return Err(self.error("expected a digit in the exponent".into()));
            }
            self.digits();
        }
        Ok(self.text[start..self.pos.offset].to_string())
    }

    fn digits(&mut self) {
        while let Some('0'..='9') = self.peek() {
            self.bump();
        }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.bump(); // opening quote
        let mut out = String::new();
        loop {
            match self.peek() {
                None => return Err(self.error("the string is not closed: expected '\"'".into())),
                Some('"') => {
                    self.bump();
                    return Ok(out);
                }
                Some('\\') => {
                    self.bump();
                    out.push(self.escape()?);
                }
                Some(c) if (c as u32) < 0x20 => {
                    return Err(self.error(format!(
                        "{} inside a string must be written as an escape",
                        describe(c)
                    )))
                }
                Some(c) => {
                    self.bump();
                    out.push(c);
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, JsonError> {
        let c = self
            .bump()
            .ok_or_else(|| self.error("the text ends inside an escape".into()))?;
        Ok(match c {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => return self.unicode_escape(),
            c => return Err(self.error(format!("unknown escape '\\{c}'"))),
        })
    }

    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) {
            if !self.text[self.pos.offset..].starts_with("\\u") {
                return Err(
                    self.error("a high surrogate escape must be followed by a low one".into())
                );
            }
            self.bump();
            self.bump();
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(
                    self.error("a high surrogate escape must be followed by a low one".into())
                );
            }
            let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
            return char::from_u32(code).ok_or_else(|| self.error("invalid unicode escape".into()));
        }
        char::from_u32(first)
            .ok_or_else(|| self.error("a lone surrogate escape is not a character".into()))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|c| c.to_digit(16));
            match digit {
                Some(d) => {
                    self.bump();
                    code = code * 16 + d;
                }
                None => {
                    return Err(self.error("expected four hexadecimal digits after '\\u'".into()))
                }
            }
        }
        Ok(code)
    }
}

/// The byte reader against this one: identical results (values, spans, errors and their places)
/// on real documents, on generated JSON with random white space and one random edit, and on
/// random sequences of JSON's pieces (mostly errors, at every kind of place).
#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::sample::{select, Index};

    use super::super::parse::{parse as byte_parse, Limits};
    use super::parse as reference_parse;

    /// Pieces that matter to the reader: structure, escapes, numbers, literals, every kind of
    /// white space and line ending, and characters of 1 to 4 UTF-8 bytes (and 1 or 2 UTF-16 units).
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud83d", "\\ude00", "\\u00e9",
        "\\uD800", "\\n", "\\\"", "\\/", "\\x", "00e9", "0", "1", "9", "-", "+", ".", "e", "E",
        "true", "tru", "false", "null", " ", "\t", "\r", "\n", "\r\n", "é", "開", "😀",
        "\u{feff}", "\u{1}", "\u{1f}", "\u{7f}", "\u{85}", "\u{2028}", "x", "\"a\"",
        "\"開発😀\"", "\"\\t\"",
    ];

    const LEAVES: &[&str] = &[
        "0",
        "-1",
        "12.5e-3",
        "1E+9",
        "true",
        "false",
        "null",
        "\"\"",
        "\"s3:GetObject\"",
        "\"開発🚀\"",
        "\"é\\u00e9\\ud83d\\ude00\"",
        "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"",
        "\"\u{feff}\u{7f}\u{85}\u{2028}\"",
    ];

    const KEYS: &[&str] = &[
        "\"a\"",
        "\"Sid\"",
        "\"部署\"",
        "\"😀\"",
        "\"\\u0041\"",
        "\"\"",
    ];

    const SPACE: &[&str] = &["", "", " ", "\n", "\r\n", "\t", " \n\t\r "];

    fn same(text: &str, limits: &Limits) -> Result<(), TestCaseError> {
        prop_assert_eq!(
            byte_parse(text, limits).map_err(|e| (e.message(), e.at)),
            reference_parse(text, limits).map_err(|e| (e.message, e.at)),
            "{:?}",
            text
        );
        Ok(())
    }

    fn space() -> impl Strategy<Value = &'static str> {
        select(SPACE)
    }

    fn json_text() -> impl Strategy<Value = String> {
        let leaf = select(LEAVES).prop_map(String::from);
        leaf.prop_recursive(5, 64, 6, |inner| {
            let item = (space(), inner.clone(), space()).prop_map(|(a, v, b)| format!("{a}{v}{b}"));
            let member = (space(), select(KEYS), space(), space(), inner, space())
                .prop_map(|(a, k, b, c, v, d)| format!("{a}{k}{b}:{c}{v}{d}"));
            prop_oneof![
                prop::collection::vec(item, 0..6).prop_map(|v| format!("[{}]", v.join(","))),
                prop::collection::vec(member, 0..6).prop_map(|v| format!("{{{}}}", v.join(","))),
            ]
        })
    }

    /// `text` with one piece inserted, or one character removed, at a random character boundary.
    fn edited(text: String, at: Index, piece: &str, edit: u8) -> String {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let i = boundaries[at.index(boundaries.len())];
        let mut out = text;
        match edit {
            0 => {}
            1 => out.insert_str(i, piece),
            _ => {
                if i < out.len() {
                    out.remove(i);
                }
            }
        }
        out
    }

    #[test]
    fn same_on_every_stored_document() {
        let dirs = [
            "tests/corpus",
            "bench/fixtures",
            "www/examples",
            "fuzz/seeds",
        ];
        let mut read = 0;
        for dir in dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    same(&text, &Limits::default()).unwrap();
                    read += 1;
                }
            }
        }
        assert!(read > 40, "only {read} documents found");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn same_on_generated_json_with_an_edit(
            text in json_text(),
            bom in any::<bool>(),
            before in space(),
            after in space(),
            at in any::<Index>(),
            piece in select(PIECES),
            edit in 0u8..3,
        ) {
            let text = format!("{}{before}{text}{after}", if bom { "\u{feff}" } else { "" });
            same(&edited(text, at, piece, edit), &Limits::default())?;
        }

        #[test]
        fn same_on_random_pieces(pieces in prop::collection::vec(select(PIECES), 0..40)) {
            same(&pieces.concat(), &Limits::default())?;
        }

        #[test]
        fn same_under_tight_limits(
            text in json_text(),
            max_bytes in 0usize..200,
            max_depth in 0usize..4,
        ) {
            same(&text, &Limits { max_bytes, max_depth })?;
        }
    }
}
