//! The validator's own reasoning about actions and resources (which trust actions a pattern
//! allows, which value covers another) compares policy text with policy text, with the same
//! wildcard rules as request matching.

use crate::matching::Wildcard;

/// Whether `pattern` matches `text`; `fold` compares ASCII case-insensitively (actions).
/// Most values in a policy have no wildcard, and comparing them needs no compiled pattern.
pub fn glob(pattern: &str, text: &str, fold: bool) -> bool {
    if !has_wildcard(pattern) {
        return if fold {
            pattern.eq_ignore_ascii_case(text)
        } else {
            pattern == text
        };
    }
    let wildcard = if fold {
        Wildcard::new_case_insensitive(pattern)
    } else {
        Wildcard::new(pattern)
    };
    wildcard.matches(text)
}

pub fn has_wildcard(s: &str) -> bool {
    s.contains('*') || s.contains('?')
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn compares_policy_text() {
        assert!(glob("iam:Pass*", "IAM:PassRole", true));
        assert!(!glob("iam:Pass*", "IAM:PassRole", false));
        assert!(glob(
            "arn:aws:iam::*:role/*",
            "arn:aws:iam::111122223333:role/x",
            false
        ));
        assert!(!glob("s3:?et", "s3:Gets", true));
        assert!(glob("S3:GETOBJECT", "s3:GetObject", true));
        assert!(!glob("s3:GetObject", "s3:GetObjects", true));
        assert!(!glob("s3:GetObject", "S3:GetObject", false));
        assert!(glob("arn:aws:s3:::開発", "arn:aws:s3:::開発", false));
        assert!(!glob("arn:aws:s3:::É", "arn:aws:s3:::é", true));
    }
}
