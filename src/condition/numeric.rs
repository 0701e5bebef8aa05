//! `Numeric*` operators: integers or decimals, compared exactly.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators", numeric condition
//! operators ("integer or decimal"). A value such as `10abc` is not a number; it is refused
//! rather than read as 10.

use std::cmp::Ordering;

/// A decimal number as digit strings, normalized so that equal numbers compare equal
/// (`1.50` = `01.5`, `-0` = `0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decimal<'a> {
    negative: bool,
    /// Integer digits without leading zeros.
    int: &'a str,
    /// Fraction digits without trailing zeros.
    frac: &'a str,
}

/// Reads `[+-]digits[.digits]`, nothing else.
pub(crate) fn parse(text: &str) -> Option<Decimal<'_>> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (int, frac) = match body.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let frac = frac.unwrap_or("").trim_end_matches('0');
    let zero = int.is_empty() && frac.is_empty();
    Some(Decimal {
        negative: negative && !zero,
        int,
        frac,
    })
}

impl Decimal<'_> {
    fn magnitude_cmp(&self, other: &Decimal<'_>) -> Ordering {
        self.int
            .len()
            .cmp(&other.int.len())
            .then_with(|| self.int.cmp(other.int))
            .then_with(|| self.frac.cmp(other.frac))
    }

    pub(crate) fn compare(&self, other: &Decimal<'_>) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.magnitude_cmp(other),
            (true, true) => other.magnitude_cmp(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_compares_numbers_strictly() {
        let table: &[(&str, &str, Option<Ordering>)] = &[
            ("10", "10", Some(Ordering::Equal)),
            ("10", "10.0", Some(Ordering::Equal)),
            ("010", "10", Some(Ordering::Equal)),
            ("-0", "0", Some(Ordering::Equal)),
            ("9", "10", Some(Ordering::Less)),
            ("0.5", "0.45", Some(Ordering::Greater)),
            ("-2", "-10", Some(Ordering::Greater)),
            ("-1", "1", Some(Ordering::Less)),
            (
                "123456789012345678901",
                "123456789012345678902",
                Some(Ordering::Less),
            ),
            ("10abc", "10", None),
            ("1e3", "1000", None),
            ("", "0", None),
            ("1.", "1", None),
            (".5", "0.5", None),
            (" 1", "1", None),
        ];
        for &(a, b, expected) in table {
            let got = parse(a).zip(parse(b)).map(|(a, b)| a.compare(&b));
            assert_eq!(got, expected, "{a} vs {b}");
        }
    }
}
