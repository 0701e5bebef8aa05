//! JSON text read with the place of every value.
//!
//! Policies and scenarios are pasted by people, so every problem must point at its text: this
//! reader keeps, for each value and each object key, where it starts and ends as a byte offset and
//! as a 1-based line and column. Columns count UTF-16 code units, as browser editors do, so a
//! marker lands on the right character after Japanese text. It also keeps duplicate keys (IAM
//! rejects them, so the caller must see them) and refuses input that is too large or too deep
//! with an error instead of exhausting the stack.

mod parse;
mod pointer;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod reference;
mod scan;
mod write;

pub use parse::{parse, parse_value_at, JsonError, Limits, Syntax, Wanted};
pub use pointer::{pointer_of, pointer_push, Pointer, Step, Token};
pub use write::{to_compact_json, WriteError};

/// A place in the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// Byte offset into the UTF-8 text.
    pub offset: usize,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in UTF-16 code units.
    pub column: u32,
}

/// The text a value occupies: `start` is its first character, `end` is just past its last.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

/// A JSON value and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Json {
    pub value: Value,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number as written: IAM compares numbers as text in places (a `Version` of `2012.1`
    /// must not become a float), and conditions parse them strictly themselves.
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in document order, duplicates kept.
    Object(Vec<Member>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Json,
}

impl Json {
    /// The first member named `key` (exact case), if this is an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.members()?
            .iter()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    pub fn members(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// What kind of value this is, as an error message names it ("a string", "an object").
    pub fn kind_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// Writes the value back as compact JSON text (used for share links and comparisons).
    pub fn to_compact_string(&self) -> String {
        let mut out = String::new();
        write_compact(self, &mut out);
        out
    }

    /// How many characters `to_compact_string` writes, counted without writing them: the size
    /// quotas measure every policy of a scenario, and building each text only to count it was a
    /// visible share of reading one. It must follow `write_compact` and `write_string` exactly.
    pub fn compact_char_count(&self) -> usize {
        match &self.value {
            Value::Null => "null".len(),
            Value::Bool(b) => if *b { "true" } else { "false" }.len(),
            Value::Number(n) => n.chars().count(),
            Value::String(s) => string_char_count(s),
            Value::Array(items) => {
                let inside: usize = items.iter().map(Json::compact_char_count).sum();
                brackets_and_commas(items.len()) + inside
            }
            Value::Object(members) => {
                let inside: usize = members
                    .iter()
                    .map(|m| string_char_count(&m.key) + ":".len() + m.value.compact_char_count())
                    .sum();
                brackets_and_commas(members.len()) + inside
            }
        }
    }
}

/// The two brackets around `n` items and the commas between them.
fn brackets_and_commas(n: usize) -> usize {
    2 + n.saturating_sub(1)
}

/// How many characters `write_string` writes for `s`, quotes included. Counted on bytes: a
/// character's first byte stands for it, and its continuation bytes (0x80 to 0xBF) count nothing.
fn string_char_count(s: &str) -> usize {
    let escaped: usize = s
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' => 2,
            0..=0x1F => "\\u0000".len(),
            0x80..=0xBF => 0,
            _ => 1,
        })
        .sum();
    escaped + 2
}

fn write_compact(json: &Json, out: &mut String) {
    match &json.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, m) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(&m.key, out);
                out.push(':');
                write_compact(&m.value, out);
            }
            out.push('}');
        }
    }
}

/// `bytes` as text, or the length of their valid UTF-8 start. One outlined copy of the check for
/// the whole module: share links and the engine's replies both need it, and the WebAssembly
/// size budget cannot pay for it twice.
#[inline(never)]
pub fn utf8_text(bytes: Vec<u8>) -> Result<String, usize> {
    String::from_utf8(bytes).map_err(|e| e.utf8_error().valid_up_to())
}

/// Whether two texts are the same bytes, compared sixteen at a time. The engine compares every
/// keystroke's text with the last one's (the whole text, and the text around the requests);
/// WebAssembly's `memcmp` compares a byte at a time, which on a large scenario cost more than
/// reading its requests.
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (a_words, b_words) = (a.chunks_exact(16), b.chunks_exact(16));
    let rests_equal = a_words.remainder() == b_words.remainder();
    let word = |w: &[u8]| u128::from_le_bytes(w.try_into().unwrap_or_default());
    rests_equal && a_words.zip(b_words).all(|(x, y)| word(x) == word(y))
}

/// `n` in decimal digits, written at the end of `buf` (20 bytes hold any `u64`) without the
/// formatting machinery: pointers and the reply's numbers are written on every run.
pub(crate) fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        // `n % 10` is below 10, so the cast keeps it whole.
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[at..]
}

/// Writes `s` as a JSON string literal.
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Equal texts of every length around the sixteen-byte steps are the same; a difference in
    /// any one byte, or in the length, is not.
    #[test]
    fn same_bytes_sees_a_difference_anywhere() {
        for len in 0..50u8 {
            let a: Vec<u8> = (0..len).collect();
            assert!(same_bytes(&a, &a.clone()));
            for at in 0..usize::from(len) {
                let mut b = a.clone();
                b[at] ^= 0x80;
                assert!(!same_bytes(&a, &b), "{len} {at}");
            }
            assert!(!same_bytes(&a, &a[..a.len().saturating_sub(1)]) || len == 0);
        }
    }

    #[test]
    fn compact_char_count_counts_what_to_compact_string_writes() {
        let texts = [
            "null",
            "true",
            "false",
            "-12.5e+3",
            "\"\"",
            "[]",
            "{}",
            "[[]]",
            "[1,[2,{}],{\"a\":[]}]",
            r#""quote \" backslash \\ slash \/ nl \n cr \r tab \t bs \b ff \f""#,
            r#""\u0000\u0001\u001f\u007f\u0080\u0085\u2028\u00e9\ud83d\ude00""#,
            "\"é開発😀🚀 mixed ASCII\"",
            "{\"部署\": \"開発🚀\", \"😀\": [\"a\\u0001b\", {\"\": null}], \"n\": 0}",
            "{\n  \"Statement\": [ { \"Effect\" : \"Allow\" , \"Action\": [\"s3:*\"] } ]\r\n}",
        ];
        for text in texts {
            let json = parse(text, &Limits::default()).unwrap();
            let compact = json.to_compact_string();
            assert_eq!(
                json.compact_char_count(),
                compact.chars().count(),
                "{compact}"
            );
        }
    }
}
