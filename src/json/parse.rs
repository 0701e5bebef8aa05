//! The reader itself: a hand-written recursive-descent parser that tracks line and UTF-16 column
//! as it goes, so finding a place never rescans the text (minified input stays linear).
//!
//! It reads bytes, not characters: every byte that shapes JSON (brackets, quotes, digits, white
//! space) is ASCII, and in UTF-8 no byte of a multi-byte character is ever ASCII, so the reader
//! decides on single bytes and only decodes a character to name it in an error or after a
//! backslash. The inside of a string is copied a run at a time, up to the next quote, backslash
//! or control character; the scan that finds the run's end (`scan::plain`) also counts what its
//! non-ASCII characters do to the column.

use super::{scan, Json, Member, Pos, Span, Value};
use crate::lang::{gap, say, Lang};

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

/// Why the text is not JSON, and where. The reader only records what it found (no text is
/// written while reading); [`JsonError::message_in`] writes the sentence in a language.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub kind: Syntax,
    pub at: Pos,
}

/// What was wrong at the error's place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    Empty,
    AfterEnd(char),
    /// Something else was wanted: the character found there, or `None` at the end of the text.
    Expected(Wanted, Option<char>),
    TooDeep(usize),
    /// A comma right before this closing bracket.
    TrailingComma(char),
    /// A letter where a value starts that is not `true`, `false` or `null`.
    BareWord(char),
    NoDigit,
    NoFractionDigit,
    NoExponentDigit,
    StringNotClosed,
    Unescaped(char),
    EndInEscape,
    UnknownEscape(char),
    LoneHighSurrogate,
    InvalidUnicode,
    LoneSurrogate,
    NoHexDigits,
}

/// What [`Syntax::Expected`] wanted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    Colon,
    Value,
    Key,
    /// `,` or `}` after an object's member.
    ObjectNext,
    /// `,` or `]` after an array's item.
    ArrayNext,
}

impl JsonError {
    /// The sentence in English.
    pub fn message(&self) -> String {
        self.kind.message(Lang::En)
    }

    /// The sentence in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        self.kind.message(lang)
    }
}

impl Syntax {
    pub fn message(self, lang: Lang) -> String {
        use Syntax::*;
        let d = |c| describe(c, lang);
        match self {
            TooLarge { bytes, max } => say!(
                lang,
                "the text is {bytes} bytes, more than the {max} bytes accepted",
                "テキストが {bytes} バイトあり、上限の {max} バイトを超えています"
            ),
            Empty => lang
                .pick(
                    "the text is empty: expected a JSON value",
                    "テキストが空です: JSON 値が必要です",
                )
                .into(),
            AfterEnd(c) => say!(
                lang,
                "unexpected {} after the end of the JSON value",
                "JSON 値の終わりの後に予期しない{}があります",
                d(c)
            ),
            Expected(wanted, Some(c)) => {
                let (en, ja) = match wanted {
                    Wanted::Colon => ("':' after the key", "キーの後に ':'"),
                    Wanted::Value => ("a value", "値"),
                    Wanted::Key => ("a key in double quotes", "二重引用符で囲んだキー"),
                    Wanted::ObjectNext => ("',' or '}'", "',' または '}'"),
                    Wanted::ArrayNext => ("',' or ']'", "',' または ']'"),
                };
                let (gap, found) = (gap(ja), d(c));
                say!(
                    lang,
                    "expected {en}, found {found}",
                    "{ja}{gap}が必要ですが、{found}があります"
                )
            }
            Expected(wanted, None) => match wanted {
                Wanted::Colon => lang.pick(
                    "expected ':' after the key, but the text ends here",
                    "キーの後に ':' が必要ですが、テキストがここで終わっています",
                ),
                Wanted::Value => lang.pick(
                    "expected a value, but the text ends here",
                    "値が必要ですが、テキストがここで終わっています",
                ),
                Wanted::Key => lang.pick(
                    "expected a key in double quotes, found the end of the text",
                    "二重引用符で囲んだキーが必要ですが、テキストが終わっています",
                ),
                Wanted::ObjectNext => lang.pick(
                    "the object is not closed: expected '}'",
                    "オブジェクトが閉じていません: '}' が必要です",
                ),
                Wanted::ArrayNext => lang.pick(
                    "the array is not closed: expected ']'",
                    "配列が閉じていません: ']' が必要です",
                ),
            }
            .into(),
            TooDeep(max) => say!(
                lang,
                "nesting is deeper than the {max} levels accepted",
                "入れ子が上限の {max} 階層より深くなっています"
            ),
            TrailingComma(c) => say!(
                lang,
                "a trailing comma before '{c}' is not allowed in JSON",
                "JSON では '{c}' の前に末尾のカンマを置けません"
            ),
            BareWord(c) => say!(
                lang,
                "expected a value, found {} (strings need double quotes)",
                "値が必要ですが、{}があります (文字列は二重引用符で囲みます)",
                d(c)
            ),
            NoDigit => lang
                .pick("expected a digit in the number", "数値に数字が必要です")
                .into(),
            NoFractionDigit => lang
                .pick(
                    "expected a digit after the decimal point",
                    "小数点の後に数字が必要です",
                )
                .into(),
            NoExponentDigit => lang
                .pick("expected a digit in the exponent", "指数に数字が必要です")
                .into(),
            StringNotClosed => lang
                .pick(
                    "the string is not closed: expected '\"'",
                    "文字列が閉じていません: '\"' が必要です",
                )
                .into(),
            Unescaped(c) => say!(
                lang,
                "{} inside a string must be written as an escape",
                "文字列内の{}はエスケープで書く必要があります",
                d(c)
            ),
            EndInEscape => lang
                .pick(
                    "the text ends inside an escape",
                    "エスケープの途中でテキストが終わっています",
                )
                .into(),
            UnknownEscape(c) => say!(
                lang,
                "unknown escape '\\{c}'",
                "不明なエスケープ '\\{c}' です"
            ),
            LoneHighSurrogate => lang
                .pick(
                    "a high surrogate escape must be followed by a low one",
                    "上位サロゲートのエスケープの後には下位サロゲートのエスケープが必要です",
                )
                .into(),
            InvalidUnicode => lang
                .pick("invalid unicode escape", "無効な Unicode エスケープです")
                .into(),
            LoneSurrogate => lang
                .pick(
                    "a lone surrogate escape is not a character",
                    "単独のサロゲートのエスケープは文字ではありません",
                )
                .into(),
            NoHexDigits => lang
                .pick(
                    "expected four hexadecimal digits after '\\u'",
                    "'\\u' の後には 16 進数 4 桁が必要です",
                )
                .into(),
        }
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.at.line, self.at.column, self.message())
    }
}

/// Reads one JSON value that must fill the whole text (white space around it is allowed).
pub fn parse(text: &str, limits: &Limits) -> Result<Json, JsonError> {
    let mut reader = Reader::new(text, limits);
    if text.len() > limits.max_bytes {
        return Err(reader.error(Syntax::TooLarge {
            bytes: text.len(),
            max: limits.max_bytes,
        }));
    }
    reader.skip_bom();
    reader.skip_whitespace();
    if reader.peek().is_none() {
        return Err(reader.error(Syntax::Empty));
    }
    let value = reader.value()?;
    reader.skip_whitespace();
    if let Some(c) = reader.peek_char() {
        return Err(reader.error(Syntax::AfterEnd(c)));
    }
    Ok(value)
}

/// Reads the one JSON value that starts at `start` in `text` (white space before it is
/// skipped), nested `depth` levels deep, exactly as [`parse`] reads it there: the same value with
/// the same positions. Nothing after the value is read; its span's end says where it stops.
///
/// For reading again only the part of a document that changed: when the text before `start`
/// is byte for byte what an earlier whole reading saw, [`parse`] would reach `start` in the same
/// state. `start` must be a place that reading gave (a character boundary, its line and column),
/// and `depth` the nesting that reading had there; a place no reading could give is an error.
pub fn parse_value_at(
    text: &str,
    start: Pos,
    depth: usize,
    limits: &Limits,
) -> Result<Json, JsonError> {
    let mut reader = Reader::new(text, limits);
    if text.len() > limits.max_bytes {
        return Err(reader.error(Syntax::TooLarge {
            bytes: text.len(),
            max: limits.max_bytes,
        }));
    }
    // Column 1 is 0 bytes into its line, and every line but the first follows a line feed.
    let within = |n: u32| (1..=start.offset + 1).contains(&(n as usize));
    if !text.is_char_boundary(start.offset) || !within(start.column) || !within(start.line) {
        return Err(reader.error(Syntax::Expected(Wanted::Value, None)));
    }
    reader.offset = start.offset;
    reader.line = start.line;
    // `pos` makes the column `offset - line_start - narrow + 1`, and only `pos` reads these two
    // (a line feed resets both): `line_start` here stands for the line's start plus `narrow`.
    reader.line_start = start.offset + 1 - start.column as usize;
    reader.depth = depth;
    reader.skip_whitespace();
    reader.value()
}

/// The reader's state. The place is kept as a byte offset plus what turns it into a column, so
/// that stepping over an ASCII byte (nearly every step) only increments `offset`.
struct Reader<'a> {
    text: &'a str,
    /// `text` as bytes, which the reader decides on.
    bytes: &'a [u8],
    /// The next byte to read; between tokens and string runs it is always a character boundary.
    offset: usize,
    /// 1-based line of `offset`.
    line: u32,
    /// Byte offset where the current line starts.
    line_start: usize,
    /// Bytes of the current line, before `offset`, that add no UTF-16 unit of their own: a
    /// character of n UTF-8 bytes and u UTF-16 units adds n - u, and a skipped byte order mark
    /// adds all three of its bytes. The column is then bytes since the line start minus these.
    narrow: usize,
    depth: usize,
    limits: &'a Limits,
}

/// A character as an error names it.
fn describe(c: char, lang: Lang) -> String {
    match c {
        '\n' => lang.pick("line break", "改行").into(),
        c if c.is_control() => say!(
            lang,
            "control character U+{:04X}",
            "制御文字 U+{:04X} ",
            c as u32
        ),
        c => say!(lang, "character '{c}'", "文字 '{c}' "),
    }
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, limits: &'a Limits) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
            line_start: 0,
            narrow: 0,
            depth: 0,
            limits,
        }
    }

    fn pos(&self) -> Pos {
        Pos {
            offset: self.offset,
            line: self.line,
            column: (self.offset - self.line_start - self.narrow + 1) as u32,
        }
    }

    fn error(&self, kind: Syntax) -> JsonError {
        JsonError {
            kind,
            at: self.pos(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.offset).copied()
    }

    /// The whole next character, decoded: only to name it in an error, or after a backslash.
    fn peek_char(&self) -> Option<char> {
        self.text[self.offset..].chars().next()
    }

    /// Steps over `byte` if it comes next. Only for ASCII bytes other than a line feed, which
    /// take one column each.
    fn eat(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        self.offset += usize::from(next);
        next
    }

    /// Steps over a line feed: the next byte is column 1 of the next line.
    fn newline(&mut self) {
        self.offset += 1;
        self.line += 1;
        self.line_start = self.offset;
        self.narrow = 0;
    }

    /// Steps over the next character whatever it is (the slow path, after a backslash).
    fn bump_char(&mut self) -> Option<char> {
        let c = self.peek_char()?;
        if c == '\n' {
            self.newline();
        } else {
            self.offset += c.len_utf8();
            self.narrow += c.len_utf8() - c.len_utf16();
        }
        Some(c)
    }

    /// A byte order mark is not part of the text: it is skipped and takes no column.
    fn skip_bom(&mut self) {
        const BOM: &str = "\u{feff}";
        if self.text.starts_with(BOM) {
            self.offset += BOM.len();
            self.narrow += BOM.len();
        }
    }

    /// Most calls find no white space (between a key and its colon, in minified text), so that
    /// case is decided on one byte before the loop.
    #[inline]
    fn skip_whitespace(&mut self) {
        if let Some(b' ' | b'\t' | b'\r' | b'\n') = self.peek() {
            self.skip_whitespace_run();
        }
    }

    fn skip_whitespace_run(&mut self) {
        loop {
            self.offset += scan::blank_len(&self.bytes[self.offset..]);
            if self.peek() != Some(b'\n') {
                return;
            }
            self.newline();
        }
    }

    /// The error for a place where something else was wanted: the character there, or the
    /// end of the text.
    fn unexpected(&self, wanted: Wanted) -> JsonError {
        self.error(Syntax::Expected(wanted, self.peek_char()))
    }

    fn value(&mut self) -> Result<Json, JsonError> {
        let start = self.pos();
        let value = match self.peek() {
            Some(b'{') => self.nested(Self::object)?,
            Some(b'[') => self.nested(Self::array)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            _ => return Err(self.unexpected(Wanted::Value)),
        };
        Ok(Json {
            value,
            span: Span {
                start,
                end: self.pos(),
            },
        })
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Value, JsonError>,
    ) -> Result<Value, JsonError> {
        if self.depth >= self.limits.max_depth {
            return Err(self.error(Syntax::TooDeep(self.limits.max_depth)));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        self.offset += 1; // '{'
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            members.push(self.member()?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.offset += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        return Err(self.error(Syntax::TrailingComma('}')));
                    }
                }
                Some(b'}') => {
                    self.offset += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.unexpected(Wanted::ObjectNext)),
            }
        }
    }

    /// `"key": value`, from the key's opening quote (white space before it is skipped).
    fn member(&mut self) -> Result<Member, JsonError> {
        self.skip_whitespace();
        if self.peek() != Some(b'"') {
            return Err(self.unexpected(Wanted::Key));
        }
        let key_start = self.pos();
        let key = self.string()?;
        let key_span = Span {
            start: key_start,
            end: self.pos(),
        };
        self.skip_whitespace();
        if !self.eat(b':') {
            return Err(self.unexpected(Wanted::Colon));
        }
        self.skip_whitespace();
        let value = self.value()?;
        Ok(Member {
            key,
            key_span,
            value,
        })
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        self.offset += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.offset += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err(self.error(Syntax::TrailingComma(']')));
                    }
                }
                Some(b']') => {
                    self.offset += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected(Wanted::ArrayNext)),
            }
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        if self.bytes[self.offset..].starts_with(word.as_bytes()) {
            self.offset += word.len();
            Ok(value)
        } else {
            let c = self.peek_char().unwrap_or(' ');
            Err(self.error(Syntax::BareWord(c)))
        }
    }

    /// The number as written (a slice of the text), after checking it has JSON's shape.
    fn number(&mut self) -> Result<String, JsonError> {
        let start = self.offset;
        self.eat(b'-');
        match self.peek() {
            Some(b'0') => self.offset += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(Syntax::NoDigit)),
        }
        if self.eat(b'.') {
            if !self.at_digit() {
                return Err(self.error(Syntax::NoFractionDigit));
            }
            self.digits();
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !self.at_digit() {
                return Err(self.error(Syntax::NoExponentDigit));
            }
            self.digits();
        }
        Ok(self.text[start..self.offset].to_owned())
    }

    fn at_digit(&self) -> bool {
        self.peek().is_some_and(|b| b.is_ascii_digit())
    }

    fn digits(&mut self) {
        while self.at_digit() {
            self.offset += 1;
        }
    }

    /// A string from its opening quote. Most strings hold no escape, so the first run is checked
    /// for the closing quote and, if it is there, copied out with exactly its length.
    fn string(&mut self) -> Result<String, JsonError> {
        self.offset += 1; // opening quote
        let first = self.run();
        if self.eat(b'"') {
            return Ok(first.to_owned());
        }
        let mut out = String::from(first);
        loop {
            match self.peek() {
                None => return Err(self.error(Syntax::StringNotClosed)),
                Some(b'"') => {
                    self.offset += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.offset += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    let c = self.peek_char().unwrap_or_default();
                    return Err(self.error(Syntax::Unescaped(c)));
                }
            }
            out.push_str(self.run());
        }
    }

    /// Steps over plain string content (see `scan::is_plain`) and returns it. It stops at an
    /// ASCII byte or the end, so the run ends on a character boundary.
    fn run(&mut self) -> &'a str {
        let start = self.offset;
        let (len, narrow) = scan::plain(&self.bytes[start..]);
        self.offset += len;
        self.narrow += narrow;
        &self.text[start..self.offset]
    }

    fn escape(&mut self) -> Result<char, JsonError> {
        let c = self
            .bump_char()
            .ok_or_else(|| self.error(Syntax::EndInEscape))?;
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
            c => return Err(self.error(Syntax::UnknownEscape(c))),
        })
    }

    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) {
            if !self.bytes[self.offset..].starts_with(b"\\u") {
                return Err(self.error(Syntax::LoneHighSurrogate));
            }
            self.offset += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error(Syntax::LoneHighSurrogate));
            }
            let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
            return char::from_u32(code).ok_or_else(|| self.error(Syntax::InvalidUnicode));
        }
        char::from_u32(first).ok_or_else(|| self.error(Syntax::LoneSurrogate))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16));
            match digit {
                Some(d) => {
                    self.offset += 1;
                    code = code * 16 + d;
                }
                None => return Err(self.error(Syntax::NoHexDigits)),
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
    fn a_value_read_again_where_it_stands_is_the_same() {
        // Non-ASCII text and a byte order mark before the value, lines inside it.
        let text = "\u{feff}{\"Sid\": \"開発😀\",\n \"x\":  [1,\n {\"y\": \"é\"}], \"z\": 2}";
        let whole = read(text).unwrap();
        for member in whole.members().unwrap() {
            let again = parse_value_at(text, member.value.span.start, 1, &Limits::default());
            assert_eq!(again.as_ref(), Ok(&member.value), "{}", member.key);
        }
        // White space before the value is skipped, as the whole reading skips it.
        let x = whole.get("x").unwrap();
        let before = Pos {
            offset: x.span.start.offset - 2,
            column: x.span.start.column - 2,
            ..x.span.start
        };
        assert_eq!(
            parse_value_at(text, before, 1, &Limits::default()),
            Ok(x.clone())
        );
        // The depth it is read at counts toward the limit; a broken value is an error there.
        let shallow = Limits {
            max_depth: 2,
            ..Limits::default()
        };
        let deep = parse_value_at(text, x.span.start, 1, &shallow).unwrap_err();
        assert_eq!(deep.kind, Syntax::TooDeep(2));
        let broken = "{\"a\": [1,, 2]}";
        let err = parse_value_at(
            broken,
            Pos {
                offset: 6,
                line: 1,
                column: 7,
            },
            1,
            &Limits::default(),
        );
        assert_eq!(err.unwrap_err().at.column, 10);
        // A place inside a character is refused, not a panic.
        let inside = Pos {
            offset: 13,
            line: 1,
            column: 10,
        };
        assert!(parse_value_at(text, inside, 1, &Limits::default()).is_err());
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
        assert!(
            err.message().contains("trailing comma"),
            "{}",
            err.message()
        );
        let err = read("{\"a\" 1}").unwrap_err();
        assert_eq!(err.at.column, 6);
        assert!(err.message().contains("':'"));
        assert!(read("").unwrap_err().message().contains("empty"));
        assert!(read("[1] x")
            .unwrap_err()
            .message()
            .contains("after the end"));
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
        assert!(read(&deep).unwrap_err().message().contains("nesting"));
        let limits = Limits {
            max_bytes: 10,
            max_depth: 64,
        };
        assert!(parse("[1,2,3,4,5,6]", &limits)
            .unwrap_err()
            .message()
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
        assert!(err.message().contains("empty"), "{}", err.message());
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
                (err.message().as_str(), err.at.line, err.at.column),
                (message, line, column),
                "{text:?}"
            );
        }
        let err = read(&"[".repeat(65)).unwrap_err();
        assert_eq!(
            err.message(),
            "nesting is deeper than the 64 levels accepted"
        );
        assert_eq!((err.at.offset, err.at.column), (64, 65));
        let err = read(&"[".repeat(64)).unwrap_err();
        assert_eq!(err.message(), "expected a value, but the text ends here");
    }

    #[test]
    fn messages_in_japanese_keep_the_place() {
        let cases: &[(&str, &str)] = &[
            (
                "{\"a\": 1,}",
                "JSON では '}' の前に末尾のカンマを置けません",
            ),
            (
                "{\"a\" 1}",
                "キーの後に ':' が必要ですが、文字 '1' があります",
            ),
            ("[1, 2", "配列が閉じていません: ']' が必要です"),
            (
                "[tru]",
                "値が必要ですが、文字 't' があります (文字列は二重引用符で囲みます)",
            ),
            ("\"a\\u12\"", "'\\u' の後には 16 進数 4 桁が必要です"),
            ("\"\n\"", "文字列内の改行はエスケープで書く必要があります"),
            ("", "テキストが空です: JSON 値が必要です"),
        ];
        for &(text, japanese) in cases {
            let err = read(text).unwrap_err();
            assert_eq!(err.message_in(Lang::Ja), japanese, "for {text:?}");
            assert_eq!(err.message_in(Lang::En), err.message());
        }
        let err = read("{\n  \"開発\": [1,\n  ]}").unwrap_err();
        assert_eq!((err.at.line, err.at.column), (3, 3));
        assert_eq!(
            err.message_in(Lang::Ja),
            "JSON では ']' の前に末尾のカンマを置けません"
        );
    }

    #[test]
    fn compact_round_trip() {
        let text = r#"{"a":[1,"x\"y",null,{"b":false}]}"#;
        assert_eq!(read(text).unwrap().to_compact_string(), text);
    }
}
