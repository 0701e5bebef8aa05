//! Compact JSON text from `serde::Serialize` values: the engine's replies to the page.
//!
//! The page's worker receives every run's results as one JSON string, so this writer runs on
//! every keystroke. `serde_json`'s writer is general (floats, pretty printing, a position parser
//! in its errors) and goes through `io::Write` a few bytes at a time; in WebAssembly each of
//! those small copies is a call. This one writes straight into a `Vec<u8>`, copies short pieces
//! byte by byte, and escapes a string by copying the runs between the characters that need it.
//! Its output is byte for byte what `serde_json::to_string` writes for the same values (tested
//! below), so the command line's `--json` and the page agree.
//!
//! What the engine's types never hold is refused with an error rather than written loosely:
//! floating-point numbers and map keys that are not strings.

use std::fmt::{self, Display};

use serde::ser::{self, Serialize};

/// Why a value could not be written as JSON.
#[derive(Debug)]
pub struct WriteError(String);

impl Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: Display>(message: T) -> WriteError {
        WriteError(message.to_string())
    }
}

/// `value` as compact JSON text.
pub fn to_compact_json<T: Serialize + ?Sized>(value: &T) -> Result<String, WriteError> {
    let mut writer = Writer {
        out: Vec::with_capacity(4096),
    };
    value.serialize(&mut writer)?;
    // Only whole UTF-8 characters are ever written, so this cannot fail.
    super::utf8_text(writer.out).map_err(|_| WriteError("the JSON text is not UTF-8".into()))
}

/// The text written so far.
struct Writer {
    out: Vec<u8>,
}

impl Writer {
    /// Appends `bytes`. A short piece (a quote, a comma, a key) is pushed byte by byte: in
    /// WebAssembly a `memory.copy` of a few bytes costs more than that.
    #[inline(never)]
    fn append(&mut self, bytes: &[u8]) {
        if bytes.len() <= 16 {
            for &b in bytes {
                self.out.push(b);
            }
        } else {
            self.out.extend_from_slice(bytes);
        }
    }

    /// `s` as a JSON string literal, escaped as `serde_json` escapes it: the quote, the
    /// backslash and control characters (short forms where JSON has them, `\u00XX` otherwise).
    #[inline(never)]
    fn string(&mut self, s: &str) {
        self.out.push(b'"');
        let bytes = s.as_bytes();
        let mut run = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if !ESCAPED[usize::from(b)] {
                continue;
            }
            self.append(&bytes[run..i]);
            self.escape(b);
            run = i + 1;
        }
        self.append(&bytes[run..]);
        self.out.push(b'"');
    }

    /// `"name":` for a struct's field. Field names are the crate's own identifiers (camelCase,
    /// `type`), which never need escaping, so they are copied without the scan `string` makes.
    fn field_name(&mut self, name: &str) {
        debug_assert!(!name.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'));
        self.out.push(b'"');
        self.append(name.as_bytes());
        self.out.push(b'"');
        self.out.push(b':');
    }

    fn escape(&mut self, b: u8) {
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0x08 => b'b',
            0x0C => b'f',
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let long = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xF)],
                ];
                self.append(&long);
                return;
            }
        };
        self.append(&[b'\\', short]);
    }

    /// An unsigned integer in decimal.
    fn unsigned(&mut self, n: u64) {
        self.append(super::decimal(n, &mut [0; 20]));
    }

    fn signed(&mut self, n: i64) {
        if n < 0 {
            self.out.push(b'-');
        }
        self.unsigned(n.unsigned_abs());
    }

    /// Opens an array or an object (`open`, and `close` to end it); one known to be empty is
    /// closed at once.
    fn open(&mut self, open: u8, close: u8, len: Option<usize>) -> Compound<'_> {
        self.out.push(open);
        if len == Some(0) {
            self.out.push(close);
            return Compound {
                writer: self,
                state: State::Closed,
                close,
                variant: false,
            };
        }
        Compound {
            writer: self,
            state: State::First,
            close,
            variant: false,
        }
    }

    /// A compound inside `{"variant": …}`, which closes the wrapper when it ends.
    fn open_in_variant(&mut self, variant: &str, open: u8, close: u8, len: usize) -> Compound<'_> {
        self.open_variant(variant);
        let mut compound = self.open(open, close, Some(len));
        compound.variant = true;
        compound
    }

    /// `{"variant":` before a variant's value.
    fn open_variant(&mut self, variant: &str) {
        self.out.push(b'{');
        self.string(variant);
        self.out.push(b':');
    }
}

/// The bytes a JSON string must escape: control characters, the quote and the backslash.
const ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// Where a compound value stands: before its first element, after one, or already closed
/// (an empty one, closed as it opened, as `serde_json` writes `[]` and `{}`).
#[derive(PartialEq)]
enum State {
    First,
    Rest,
    Closed,
}

/// An array or object being written.
#[doc(hidden)]
pub struct Compound<'a> {
    writer: &'a mut Writer,
    state: State,
    close: u8,
    /// It is the value of a `{"variant": …}` wrapper, which closes after it.
    variant: bool,
}

impl Compound<'_> {
    /// The comma before every element but the first.
    fn separate(&mut self) {
        if self.state == State::First {
            self.state = State::Rest;
        } else {
            self.writer.out.push(b',');
        }
    }

    /// A struct's field, `"key":value`.
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), WriteError> {
        self.separate();
        self.writer.field_name(key);
        value.serialize(&mut *self.writer)
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        self.separate();
        value.serialize(&mut *self.writer)
    }

    fn finish(self) -> Result<(), WriteError> {
        if self.state != State::Closed {
            self.writer.out.push(self.close);
        }
        if self.variant {
            self.writer.out.push(b'}');
        }
        Ok(())
    }
}

/// The integer methods of the serializer: each widened to `i64` or `u64` and written in decimal.
macro_rules! integers {
    ($($method:ident: $type:ty => $write:ident),*) => {$(
        fn $method(self, v: $type) -> Result<(), WriteError> {
            self.$write(v.into());
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), WriteError> {
        self.append(if v { b"true" } else { b"false" });
        Ok(())
    }

    integers!(
        serialize_i8: i8 => signed,
        serialize_i16: i16 => signed,
        serialize_i32: i32 => signed,
        serialize_i64: i64 => signed,
        serialize_u8: u8 => unsigned,
        serialize_u16: u16 => unsigned,
        serialize_u32: u32 => unsigned,
        serialize_u64: u64 => unsigned
    );

    fn serialize_f32(self, _: f32) -> Result<(), WriteError> {
        Err(WriteError("a floating-point number is not written".into()))
    }

    fn serialize_f64(self, _: f64) -> Result<(), WriteError> {
        Err(WriteError("a floating-point number is not written".into()))
    }

    fn serialize_char(self, v: char) -> Result<(), WriteError> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), WriteError> {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), WriteError> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }

    fn serialize_none(self) -> Result<(), WriteError> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), WriteError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), WriteError> {
        self.append(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WriteError> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), WriteError> {
        self.string(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>, WriteError> {
        Ok(self.open(b'[', b']', len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, WriteError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, WriteError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, WriteError> {
        Ok(self.open_in_variant(variant, b'[', b']', len))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a>, WriteError> {
        Ok(self.open(b'{', b'}', len))
    }

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, WriteError> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, WriteError> {
        Ok(self.open_in_variant(variant, b'{', b'}', len))
    }
}

/// The sequence-like compounds (arrays, tuples, tuple structs and variants): each element
/// after a comma.
macro_rules! sequence {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = WriteError;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
                self.element(value)
            }

            fn end(self) -> Result<(), WriteError> {
                self.finish()
            }
        }
    )*};
}

sequence!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    /// A key must come out as a JSON string: the engine's maps are keyed by text.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        self.separate();
        let start = self.writer.out.len();
        key.serialize(&mut *self.writer)?;
        if self.writer.out.get(start) != Some(&b'"') {
            return Err(WriteError("a map key is not a string".into()));
        }
        self.writer.out.push(b':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), WriteError> {
        self.finish()
    }
}

/// The struct-like compounds (structs and struct variants): each field by its name.
macro_rules! structure {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = WriteError;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), WriteError> {
                self.field(key, value)
            }

            fn end(self) -> Result<(), WriteError> {
                self.finish()
            }
        }
    )*};
}

structure!(SerializeStruct, SerializeStructVariant);

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::to_compact_json;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Sample {
        text: String,
        none: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u32>,
        small: i8,
        big: u64,
        least: i64,
        empty_list: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        map: BTreeMap<String, Vec<bool>>,
        unit: (),
        pair: (char, Shape),
        shapes: Vec<Shape>,
    }

    #[derive(Serialize)]
    enum Shape {
        Dot,
        Line(u32),
        Point(i32, i32),
        Box { w: u8, h: u8 },
        Empty {},
    }

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "kebab-case")]
    enum Tagged {
        AssumeRole { arn: String },
    }

    #[derive(Serialize)]
    #[serde(untagged)]
    enum Either {
        Text(String),
        Number(u16),
    }

    fn every_character() -> String {
        let mut s: String = (0u32..0x80).filter_map(char::from_u32).collect();
        s.push_str("é開発😀\u{2028}\u{7f}\u{85}");
        s
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let sample = Sample {
            text: every_character(),
            none: None,
            skipped: None,
            small: -128,
            big: u64::MAX,
            least: i64::MIN,
            empty_list: vec![],
            empty_map: BTreeMap::new(),
            map: BTreeMap::from([
                ("a\"b\\c\n".to_string(), vec![true, false]),
                ("部署".to_string(), vec![]),
            ]),
            unit: (),
            pair: ('"', Shape::Dot),
            shapes: vec![
                Shape::Line(0),
                Shape::Point(-1, 7),
                Shape::Box { w: 1, h: 255 },
                Shape::Empty {},
            ],
        };
        assert_eq!(
            to_compact_json(&sample).unwrap(),
            serde_json::to_string(&sample).unwrap()
        );
        let others = (
            Tagged::AssumeRole { arn: "r".into() },
            [Either::Text("x".into()), Either::Number(9)],
            serde_bytes_like(),
        );
        assert_eq!(
            to_compact_json(&others).unwrap(),
            serde_json::to_string(&others).unwrap()
        );
    }

    /// Bytes are written as an array of numbers, as `serde_json` writes them.
    fn serde_bytes_like() -> impl Serialize {
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&[0, 10, 255])
            }
        }
        Bytes
    }

    /// Every character that needs escaping, at every place in strings of every length up to
    /// 24, next to multi-byte characters.
    #[test]
    fn escapes_wherever_the_character_stands() {
        let specials = [
            '"', '\\', '\n', '\u{0}', '\u{1f}', '\u{8}', '\u{c}', ' ', '!', '#', '[', ']',
        ];
        for len in 0..24 {
            for at in 0..=len {
                for special in specials {
                    for filler in ['a', 'é', '😀', '\u{7f}', '\u{a0}'] {
                        let mut s: String = std::iter::repeat_n(filler, len).collect();
                        let byte = s.char_indices().nth(at).map_or(s.len(), |(i, _)| i);
                        s.insert(byte, special);
                        assert_eq!(
                            to_compact_json(&s).unwrap(),
                            serde_json::to_string(&s).unwrap(),
                            "{s:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn refuses_what_json_cannot_say_exactly() {
        assert!(to_compact_json(&1.5f64).is_err());
        let numbered = BTreeMap::from([(1u8, true)]);
        let error = to_compact_json(&numbered).unwrap_err();
        assert_eq!(error.to_string(), "a map key is not a string");
    }
}
