//! `Bool`: `true` or `false`, case-insensitively.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators", Boolean condition
//! operators.

pub(crate) fn parse(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_booleans() {
        for (text, expected) in [
            ("true", Some(true)),
            ("TRUE", Some(true)),
            ("False", Some(false)),
            ("yes", None),
            ("1", None),
            ("", None),
        ] {
            assert_eq!(super::parse(text), expected, "{text}");
        }
    }
}
