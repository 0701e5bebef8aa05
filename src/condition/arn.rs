//! `ArnEquals`/`ArnLike` (identical) and their negations: ARNs compared segment by segment.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators", ARN condition
//! operators: each of the six colon-delimited parts is checked separately, so a `*` cannot cross
//! a `:` (unlike `StringLike`, which sees one string; semantics notes §6.2). The sixth part is
//! everything after the fifth colon.

use crate::matching::wildcard::{glob_match, Token};

/// A compiled ARN pattern: its six parts, or `None` when it has fewer than six (then it
/// matches nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ArnGlob {
    parts: Option<Vec<Vec<Token>>>,
}

impl ArnGlob {
    pub(crate) fn new(tokens: &[Token]) -> ArnGlob {
        let mut parts = vec![Vec::new()];
        for &token in tokens {
            match (token, parts.len()) {
                (Token::Char(':'), n) if n < 6 => parts.push(Vec::new()),
                (t, _) => {
                    if let Some(last) = parts.last_mut() {
                        last.push(t);
                    }
                }
            }
        }
        ArnGlob {
            parts: (parts.len() == 6).then_some(parts),
        }
    }

    /// Whether `arn` (an ARN with six parts) matches part by part, case-sensitively.
    pub(crate) fn matches(&self, arn: &str) -> bool {
        let Some(parts) = &self.parts else {
            return false;
        };
        let mut values = arn.splitn(6, ':');
        parts.iter().all(|part| {
            values
                .next()
                .is_some_and(|value| glob_match(part, value, false))
        })
    }
}

/// Whether a request value has the six parts of an ARN.
pub(crate) fn is_arn(text: &str) -> bool {
    text.starts_with("arn:") && text.splitn(6, ':').count() == 6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::wildcard::tokens_of;

    #[test]
    fn matches_part_by_part() {
        let table: &[(&str, &str, bool)] = &[
            // The operators page's example: StringLike matches this, ArnLike does not.
            (
                "arn:aws:someservice:*:111122223333:finance/*",
                "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt",
                false,
            ),
            (
                "arn:aws:someservice:*:111122223333:finance/*",
                "arn:aws:someservice:us-east-2:111122223333:finance/document.txt",
                true,
            ),
            ("arn:aws:iam::*:role/Admin", "arn:aws:iam::111122223333:role/Admin", true),
            ("arn:aws:iam::*:role/Admin", "arn:aws:iam::111122223333:role/admin", false),
            ("arn:aws:logs:*:*:log-group:*", "arn:aws:logs:us-east-1:1:log-group:a:b", true),
            ("arn:aws:iam::*", "arn:aws:iam::111122223333:role/Admin", false),
            ("arn:aws:sns:us-east-1:111122223333:t?pic", "arn:aws:sns:us-east-1:111122223333:topic", true),
        ];
        for &(pattern, value, expected) in table {
            assert_eq!(
                ArnGlob::new(&tokens_of(pattern)).matches(value),
                expected,
                "{pattern} vs {value}"
            );
        }
        assert!(is_arn("arn:aws:s3:::bucket"));
        assert!(!is_arn("arn:aws:s3:bucket"));
    }
}
