//! Byte scans the reader spends most of its time in, eight bytes at a time.
//!
//! Pretty-printed policies are mostly indentation and quoted ARNs, so the reader's two hot loops
//! are "skip the spaces" and "find the end of the plain part of a string". Both test a whole
//! `u64` of text per step with the usual bit tricks (no `unsafe`: the word is built with
//! `u64::from_le_bytes`), then finish byte by byte where the word held something else. They are
//! plain `while` loops: the release build optimises for size, and there iterator chains are
//! left as calls.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;
const WORD: usize = 8;

/// Eight copies of `byte`.
const fn splat(byte: u8) -> u64 {
    ONES * byte as u64
}

/// Whether some byte of `word` is below `n` (exact for `n` up to 128): subtracting `n` from each
/// byte borrows into its high bit only when the byte was smaller, and `!word` drops bytes whose
/// high bit was already set.
fn has_byte_below(word: u64, n: u8) -> bool {
    word.wrapping_sub(splat(n)) & !word & HIGHS != 0
}

fn has_byte(word: u64, byte: u8) -> bool {
    has_byte_below(word ^ splat(byte), 1)
}

/// The eight bytes of `bytes` from `at`, if there are eight.
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at + WORD)?;
    let mut word = [0; WORD];
    word.copy_from_slice(chunk);
    Some(u64::from_le_bytes(word))
}

/// Whether a string's plain content goes on through `b`: anything but a quote or a backslash,
/// which the string reader handles, or a control character, which JSON refuses unescaped.
pub(super) fn is_plain(b: u8) -> bool {
    b != b'"' && b != b'\\' && b >= 0x20
}

/// Whether all eight bytes are plain (see `is_plain`) and ASCII.
fn is_plain_ascii(word: u64) -> bool {
    !(word & HIGHS != 0
        || has_byte_below(word, 0x20)
        || has_byte(word, b'"')
        || has_byte(word, b'\\'))
}

/// The plain string content `bytes` starts with (see `is_plain`): its length, and how many of its
/// bytes add no UTF-16 unit. A character of n bytes is one unit, or two when n is 4, so its first
/// byte tells how many of its bytes do not count. `bytes` must be UTF-8 from a character boundary.
pub(super) fn plain(bytes: &[u8]) -> (usize, usize) {
    let mut len = 0;
    while word_at(bytes, len).is_some_and(is_plain_ascii) {
        len += WORD;
    }
    let mut narrow = 0;
    while let Some(&b) = bytes.get(len) {
        match b {
            0..=0x7F if !is_plain(b) => break,
            0..=0xBF => {}
            0xC0..=0xDF => narrow += 1,
            _ => narrow += 2,
        }
        len += 1;
    }
    (len, narrow)
}

/// Length of the spaces, tabs and carriage returns `bytes` starts with. Only runs of spaces (the
/// indentation) go a word at a time.
pub(super) fn blank_len(bytes: &[u8]) -> usize {
    let mut len = 0;
    while word_at(bytes, len) == Some(splat(b' ')) {
        len += WORD;
    }
    while let Some(b' ' | b'\t' | b'\r') = bytes.get(len) {
        len += 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_counts_what_utf16_does_not() {
        let texts = [
            "",
            "abcdefgh",
            "é",
            "開発😀 s3:GetObject ",
            "😀😀😀😀😀😀",
            "é\u{7f}\u{85}\u{feff}",
        ];
        for text in texts {
            let units: usize = text.chars().map(char::len_utf16).sum();
            let expected = (text.len(), text.len() - units);
            assert_eq!(plain(text.as_bytes()), expected, "{text}");
            let quoted = format!("{text}\"{text}");
            assert_eq!(plain(quoted.as_bytes()), expected, "{text}");
        }
    }

    /// Every byte value at every place of a 20-byte run (two words and a tail), against the
    /// byte-by-byte definitions.
    #[test]
    fn word_scans_agree_with_byte_scans() {
        for b in 0..=255u8 {
            for at in 0..20 {
                for fill in [b'a', b' ', 0xE9] {
                    let mut bytes = vec![fill; 20];
                    bytes[at] = b;
                    let expected = bytes.iter().position(|&b| !is_plain(b)).unwrap_or(20);
                    assert_eq!(plain(&bytes).0, expected, "{bytes:?}");
                    let blank = bytes
                        .iter()
                        .position(|b| !matches!(b, b' ' | b'\t' | b'\r'))
                        .unwrap_or(20);
                    assert_eq!(blank_len(&bytes), blank, "{bytes:?}");
                }
            }
        }
        assert_eq!(blank_len(b"        \t \n"), 10);
    }
}
