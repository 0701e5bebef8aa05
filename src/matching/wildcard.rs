//! Glob patterns with `*` (any run of characters, possibly empty) and `?` (exactly one character).
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators" (`StringLike`) and
//! "IAM JSON policy elements: Action": `*` matches any run of characters, `?` any one character.

/// One element of a compiled glob.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    /// A character that must be present (a literal `*` from `${*}` is one of these).
    Char(char),
    /// `?`: exactly one character.
    One,
    /// `*`: any run of characters, possibly empty.
    Star,
}

/// Reads a pattern: every `*` and `?` is a wildcard.
pub(crate) fn tokens_of(pattern: &str) -> Vec<Token> {
    pattern
        .chars()
        .map(|c| match c {
            '*' => Token::Star,
            '?' => Token::One,
            c => Token::Char(c),
        })
        .collect()
}

/// A compiled glob. Contract: `new` never panics; `matches` runs in time linear-ish in
/// pattern × text (no exponential backtracking).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wildcard {
    raw: String,
    case_insensitive: bool,
    tokens: Vec<Token>,
}

impl Wildcard {
    pub fn new(pattern: &str) -> Wildcard {
        Wildcard::from_tokens(pattern, tokens_of(pattern), false)
    }

    /// ASCII case-insensitive matching (action names, `StringEqualsIgnoreCase`-like uses).
    pub fn new_case_insensitive(pattern: &str) -> Wildcard {
        Wildcard::from_tokens(pattern, tokens_of(pattern), true)
    }

    /// A glob from tokens already read, for patterns where some `*` or `?` are literal (policy
    /// variables `${*}` and `${?}`).
    pub(crate) fn from_tokens(raw: &str, tokens: Vec<Token>, case_insensitive: bool) -> Wildcard {
        Wildcard {
            raw: raw.to_string(),
            case_insensitive,
            tokens,
        }
    }

    /// The classic iterative glob match: on a mismatch, only the most recent `*` is retried one
    /// character further, which is enough because a `*` absorbs anything; the cost is bounded by
    /// pattern length × text length.
    pub fn matches(&self, text: &str) -> bool {
        glob_match(&self.tokens, text, self.case_insensitive)
    }

    pub fn raw(&self) -> &str {
        &self.raw
    }

    pub fn is_case_insensitive(&self) -> bool {
        self.case_insensitive
    }

    /// Whether the pattern has any wildcard at all (then it is a plain comparison).
    pub fn has_wildcards(&self) -> bool {
        self.tokens.iter().any(|t| !matches!(t, Token::Char(_)))
    }
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// Matches `tokens` against the whole of `text`; `at` always stays on a char boundary.
pub(crate) fn glob_match(tokens: &[Token], text: &str, case_insensitive: bool) -> bool {
    let (mut p, mut at) = (0usize, 0usize);
    // The last `*` seen: the token after it, and where in the text its run currently ends.
    let mut retry: Option<(usize, usize)> = None;
    loop {
        let c = char_at(text, at);
        let step = match (tokens.get(p), c) {
            (Some(Token::Star), _) => {
                retry = Some((p + 1, at));
                p += 1;
                continue;
            }
            (Some(Token::One), Some(c)) => Some(c),
            (Some(Token::Char(want)), Some(c))
                if *want == c || (case_insensitive && want.eq_ignore_ascii_case(&c)) =>
            {
                Some(c)
            }
            (None, None) => return true,
            _ => None,
        };
        match step {
            Some(c) => {
                p += 1;
                at += c.len_utf8();
            }
            None => match retry {
                Some((after_star, end)) => match char_at(text, end) {
                    Some(c) => {
                        retry = Some((after_star, end + c.len_utf8()));
                        p = after_star;
                        at = end + c.len_utf8();
                    }
                    None => return false,
                },
                None => return false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_as_documented() {
        // (pattern, text, case-insensitive, expected)
        let table: &[(&str, &str, bool, bool)] = &[
            ("*", "", false, true),
            ("*", "anything/at:all", false, true),
            ("", "", false, true),
            ("", "a", false, false),
            ("a?c", "abc", false, true),
            ("a?c", "ac", false, false),
            ("a?c", "aéc", false, true),
            ("key1*", "key1:legal", false, true),
            ("key1*", "key2:audit", false, false),
            ("*AccessKey*", "CreateAccessKey", false, true),
            ("*AccessKey*", "CreateAccesskey", false, false),
            ("*AccessKey*", "createaccesskeys", true, true),
            ("a*b*c", "aXXbYYc", false, true),
            ("a*b*c", "aXXbYY", false, false),
            ("*a*a*a*", "aaa", false, true),
            ("*a*a*a*", "aa", false, false),
            ("home/${x}", "home/${x}", false, true),
            ("Abc", "abc", false, false),
            ("Abc", "abc", true, true),
            ("日本*", "日本語", false, true),
            ("?", "語", false, true),
        ];
        for &(pattern, text, ci, expected) in table {
            let w = if ci {
                Wildcard::new_case_insensitive(pattern)
            } else {
                Wildcard::new(pattern)
            };
            assert_eq!(w.matches(text), expected, "{pattern:?} vs {text:?}");
        }
    }

    #[test]
    fn literal_star_tokens_do_not_act_as_wildcards() {
        let w = Wildcard::from_tokens("a${*}", vec![Token::Char('a'), Token::Char('*')], false);
        assert!(w.matches("a*"));
        assert!(!w.matches("ab"));
    }

    #[test]
    fn hostile_patterns_stay_fast() {
        let pattern = "*a".repeat(200) + "b";
        let text = "a".repeat(5000);
        assert!(!Wildcard::new(&pattern).matches(&text));
    }
}
