//! The validator's own reasoning about actions and resources (which trust actions a pattern
//! allows, which value covers another) compares policy text with policy text, with the same
//! wildcard rules as request matching.

use crate::matching::Wildcard;

/// Whether `pattern` matches `text`; `fold` compares ASCII case-insensitively (actions).
pub fn glob(pattern: &str, text: &str, fold: bool) -> bool {
    Glob::new(pattern, fold).matches(text)
}

/// A pattern ready to be matched against several texts. Most values in a policy have no
/// wildcard, and comparing them needs no compiled pattern.
pub enum Glob<'p> {
    Literal { pattern: &'p str, fold: bool },
    Wildcard(Wildcard),
}

impl<'p> Glob<'p> {
    pub fn new(pattern: &'p str, fold: bool) -> Glob<'p> {
        match (has_wildcard(pattern), fold) {
            (false, _) => Glob::Literal { pattern, fold },
            (true, true) => Glob::Wildcard(Wildcard::new_case_insensitive(pattern)),
            (true, false) => Glob::Wildcard(Wildcard::new(pattern)),
        }
    }

    pub fn matches(&self, text: &str) -> bool {
        match self {
            Glob::Literal {
                pattern,
                fold: true,
            } => pattern.eq_ignore_ascii_case(text),
            Glob::Literal { pattern, .. } => *pattern == text,
            Glob::Wildcard(wildcard) => wildcard.matches(text),
        }
    }
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
