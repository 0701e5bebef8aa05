//! The reader itself: a hand-written recursive-descent parser that tracks line and UTF-16 column
//! as it goes, so finding a place never rescans the text (minified input stays linear).

use super::{Json, Member, Pos, Span, Value};

/// Bounds that keep hostile input from exhausting memory or the stack.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest accepted text, in bytes.
    pub max_bytes: usize,
    /// Deepest accepted nesting of arrays and objects.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 2 * 1024 * 1024,
            max_depth: 64,
        }
    }
}

/// Why the text is not JSON, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub message: String,
    pub at: Pos,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.at.line, self.at.column, self.message)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Json, JsonError> {
        parse(text, &Limits::default())
    }

    #[test]
    fn reads_nested_values_with_spans() {
        let json = read("{\n  \"a\": [1, true, null],\n  \"b\": \"x\"\n}").unwrap();
        let b = json.get("b").unwrap();
        assert_eq!(b.as_str(), Some("x"));
        assert_eq!((b.span.start.line, b.span.start.column), (3, 8));
        assert_eq!((b.span.end.line, b.span.end.column), (3, 11));
        let a = json.get("a").unwrap().as_array().unwrap();
        assert_eq!(a[1].value, Value::Bool(true));
        assert_eq!(a[0].value, Value::Number("1".into()));
    }

    #[test]
    fn columns_count_utf16_units() {
        // "開発" is two UTF-16 units (6 bytes); the emoji is two units (4 bytes).
        let json = read("{\"Sid\": \"開発😀\", \"x\": 1}").unwrap();
        let x = json.get("x").unwrap();
        assert_eq!(x.span.start.column, 22);
        assert_eq!(x.span.start.offset, "{\"Sid\": \"開発😀\", \"x\": ".len());
    }

    #[test]
    fn keeps_duplicate_keys() {
        let json = read(r#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(json.members().unwrap().len(), 2);
    }

    #[test]
    fn reports_errors_with_place() {
        let err = read("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!((err.at.line, err.at.column), (3, 1));
        assert!(err.message.contains("trailing comma"), "{}", err.message);
        let err = read("{\"a\" 1}").unwrap_err();
        assert_eq!(err.at.column, 6);
        assert!(err.message.contains("':'"));
        assert!(read("").unwrap_err().message.contains("empty"));
        assert!(read("[1] x").unwrap_err().message.contains("after the end"));
        assert!(read("{'a': 1}").is_err());
        assert!(read("[01]").is_err());
        assert!(read("[1.]").is_err());
        assert!(read("\"\\ud800\"").is_err());
        assert!(read("\"a\nb\"").is_err());
    }

    #[test]
    fn decodes_escapes() {
        let json = read(r#""\u00e9\ud83d\ude00\n\/""#).unwrap();
        assert_eq!(json.as_str(), Some("é😀\n/"));
    }

    #[test]
    fn refuses_deep_and_large_input() {
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(read(&deep).unwrap_err().message.contains("nesting"));
        let limits = Limits {
            max_bytes: 10,
            max_depth: 64,
        };
        assert!(parse("[1,2,3,4,5,6]", &limits)
            .unwrap_err()
            .message
            .contains("bytes"));
    }

    /// Where the value `1` of `text` starts, as (offset, line, column).
    fn place_of_one(text: &str) -> (usize, u32, u32) {
        let json = read(text).unwrap();
        let one = json.get("b").unwrap();
        assert_eq!(one.value, Value::Number("1".into()), "{text}");
        let at = one.span.start;
        (at.offset, at.line, at.column)
    }

    #[test]
    fn columns_after_strings_count_what_the_editor_shows() {
        // A four-byte emoji is two UTF-16 units; an escape counts as the characters written.
        assert_eq!(place_of_one("{\"a\":\"😀\",\"b\":1}"), (16, 1, 15));
        assert_eq!(place_of_one(r#"{"a":"\u00e9\n","b":1}"#), (20, 1, 21));
        assert_eq!(place_of_one(r#"{"a":"\ud83d\ude00","b":1}"#), (24, 1, 25));
        // A byte order mark elsewhere than at the start is an ordinary character.
        assert_eq!(place_of_one("{\"a\":\"\u{feff}\",\"b\":1}"), (15, 1, 14));
        let json = read("[\"開発😀\"]").unwrap();
        let s = &json.as_array().unwrap()[0];
        assert_eq!((s.span.end.offset, s.span.end.column), (13, 8));
    }

    #[test]
    fn lines_and_columns_across_line_breaks() {
        let text = "{\n  \"開発\": \"😀\",\n\t\"b\": 1\n}";
        assert_eq!(place_of_one(text), (text.find('1').unwrap(), 3, 7));
        // CR is a character of its line; only LF starts a new one.
        let text = "{\r\n  \"a\": \"é\",\r\n  \"b\": 1\r\n}";
        assert_eq!(place_of_one(text), (text.find('1').unwrap(), 3, 8));
        let json = read(text).unwrap();
        assert_eq!((json.span.end.line, json.span.end.column), (4, 2));
        let json = read("{\"b\":\r1}").unwrap();
        assert_eq!(json.get("b").unwrap().span.start.column, 7);
    }

    #[test]
    fn a_leading_byte_order_mark_is_skipped_and_takes_no_column() {
        let json = read("\u{feff}{\"b\": 1}").unwrap();
        assert_eq!((json.span.start.offset, json.span.start.column), (3, 1));
        assert_eq!(place_of_one("\u{feff}{\"b\": 1}"), (9, 1, 7));
        let err = read("\u{feff} \n ").unwrap_err();
        assert!(err.message.contains("empty"), "{}", err.message);
        assert_eq!((err.at.offset, err.at.line, err.at.column), (6, 2, 2));
    }

    #[test]
    fn errors_point_at_the_offending_character() {
        // (text, message, line, column)
        let cases: &[(&str, &str, u32, u32)] = &[
            ("\"abc", "the string is not closed: expected '\"'", 1, 5),
            (
                "\"開\u{1}\"",
                "control character U+0001 inside a string must be written as an escape",
                1,
                3,
            ),
            (
                "[\"😀\n\"]",
                "line break inside a string must be written as an escape",
                1,
                5,
            ),
            ("\"\\é\"", "unknown escape '\\é'", 1, 4),
            ("\"\\\n\"", "unknown escape '\\\n'", 2, 1),
            ("\"\\", "the text ends inside an escape", 1, 3),
            (
                "\"\\u12G4\"",
                "expected four hexadecimal digits after '\\u'",
                1,
                6,
            ),
            (
                "\"\\ud800x\"",
                "a high surrogate escape must be followed by a low one",
                1,
                8,
            ),
            (
                "\"\\ud800\\u0041\"",
                "a high surrogate escape must be followed by a low one",
                1,
                14,
            ),
            (
                "\"\\udc00\"",
                "a lone surrogate escape is not a character",
                1,
                8,
            ),
            (
                "[1] 開",
                "unexpected character '開' after the end of the JSON value",
                1,
                5,
            ),
            ("[開]", "expected a value, found character '開'", 1, 2),
            (
                "[\u{85}]",
                "expected a value, found control character U+0085",
                1,
                2,
            ),
            (
                "[tru]",
                "expected a value, found character 't' (strings need double quotes)",
                1,
                2,
            ),
            ("[-]", "expected a digit in the number", 1, 3),
            ("[1.e]", "expected a digit after the decimal point", 1, 4),
            ("[1e+]", "expected a digit in the exponent", 1, 5),
            ("[01]", "expected ',' or ']', found character '1'", 1, 3),
            ("[1", "the array is not closed: expected ']'", 1, 3),
            ("[1,", "expected a value, but the text ends here", 1, 4),
            (
                "[1,\r\n]",
                "a trailing comma before ']' is not allowed in JSON",
                2,
                1,
            ),
            ("{\"a\":1", "the object is not closed: expected '}'", 1, 7),
            (
                "{\"a\":1 x",
                "expected ',' or '}', found character 'x'",
                1,
                8,
            ),
            (
                "{\"a\"",
                "expected ':' after the key, but the text ends here",
                1,
                5,
            ),
            (
                "{\"a\"\t\n1",
                "expected ':' after the key, found character '1'",
                2,
                1,
            ),
            (
                "{\"a\":1,",
                "expected a key in double quotes, found the end of the text",
                1,
                8,
            ),
            (
                "{\"a\":1, 開",
                "expected a key in double quotes, found character '開'",
                1,
                9,
            ),
            (
                "{\n}}",
                "unexpected character '}' after the end of the JSON value",
                2,
                2,
            ),
        ];
        for &(text, message, line, column) in cases {
            let err = read(text).unwrap_err();
            assert_eq!(
                (err.message.as_str(), err.at.line, err.at.column),
                (message, line, column),
                "{text:?}"
            );
        }
        let err = read(&"[".repeat(65)).unwrap_err();
        assert_eq!(err.message, "nesting is deeper than the 64 levels accepted");
        assert_eq!((err.at.offset, err.at.column), (64, 65));
        let err = read(&"[".repeat(64)).unwrap_err();
        assert_eq!(err.message, "expected a value, but the text ends here");
    }

    #[test]
    fn compact_round_trip() {
        let text = r#"{"a":[1,"x\"y",null,{"b":false}]}"#;
        assert_eq!(read(text).unwrap().to_compact_string(), text);
    }
}
