//! `String*` operators.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators", string condition
//! operators: `StringEquals` is case-sensitive, the `IgnoreCase` variants are not, `StringLike`
//! is a case-sensitive glob with `*` and `?` anywhere.

/// Case-insensitive equality, without allocating: the strings' lower cases are equal, as
/// `char::to_lowercase` gives them, code point by code point.
pub(crate) fn equals_ignore_case(a: &str, b: &str) -> bool {
    let lower = |c| {
        let (first, second) = to_lowercase(c);
        std::iter::once(first).chain(second)
    };
    a.chars().flat_map(lower).eq(b.chars().flat_map(lower))
}

// `LOWERCASE_RUNS`, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/lowercase.rs"));

/// What `char::to_lowercase` gives, one code point or two, read from the runs build.rs derives
/// from it rather than from the standard library's table: 1.6 KB of the gzipped WebAssembly
/// module instead of 5.3 KB. `lower_case_is_the_standard_librarys` checks every code point.
fn to_lowercase(c: char) -> (char, Option<char>) {
    if c.is_ascii() {
        return (c.to_ascii_lowercase(), None);
    }
    if c == '\u{130}' {
        // LATIN CAPITAL LETTER I WITH DOT ABOVE: `i` and COMBINING DOT ABOVE.
        return ('i', Some('\u{307}'));
    }
    let code = u32::from(c);
    let after = LOWERCASE_RUNS.partition_point(|&(first, ..)| first <= code);
    let Some(&(first, count, step, delta)) = after.checked_sub(1).map(|i| &LOWERCASE_RUNS[i])
    else {
        return (c, None);
    };
    let (offset, step) = (code - first, u32::from(step));
    let lower = if offset < u32::from(count) * step && offset % step == 0 {
        code.checked_add_signed(delta).and_then(char::from_u32)
    } else {
        None
    };
    (lower.unwrap_or(c), None)
}

#[cfg(test)]
mod tests {
    #[test]
    fn ignores_case() {
        assert!(super::equals_ignore_case("Prod", "PROD"));
        assert!(super::equals_ignore_case("Ärger", "äRGER"));
        assert!(!super::equals_ignore_case("prod", "prod "));
        assert!(super::equals_ignore_case("İ", "i\u{307}"));
    }

    /// The table gives what the standard library gives, for every code point.
    #[test]
    fn lower_case_is_the_standard_librarys() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let (first, second) = super::to_lowercase(c);
            let ours: Vec<char> = std::iter::once(first).chain(second).collect();
            assert_eq!(ours, c.to_lowercase().collect::<Vec<_>>(), "{c:?}");
        }
    }
}
