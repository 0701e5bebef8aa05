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
    // At most one token per byte: sized once, where collecting from `chars` would grow it.
    let mut tokens = Vec::with_capacity(pattern.len());
    tokens.extend(pattern.chars().map(token_of));
    tokens
}

/// One character of a pattern as a token.
pub(crate) fn token_of(c: char) -> Token {
    match c {
        '*' => Token::Star,
        '?' => Token::One,
        c => Token::Char(c),
    }
}

/// A compiled glob. Contract: `new` never panics; `matches` takes time linear in pattern +
/// text for patterns without `?` (no backtracking).
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

    /// See [`glob_match`] for how, and why it stays linear on hostile input.
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

/// Matches `tokens` against the whole of `text`.
///
/// The pattern is read as `first*middle*...*last`: the text must start with `first` and end
/// with `last`, and each middle segment must occur, in order, in between. Taking the leftmost
/// occurrence of each is always right, because a segment has a fixed length and ending it earlier
/// leaves the later ones more room. Literal segments are found with the standard library's
/// linear substring search, so a hostile pattern (`*aaaa…b` against `aaaa…`) costs pattern +
/// text, not pattern × text; only segments that contain `?` are searched position by position.
pub(crate) fn glob_match(tokens: &[Token], text: &str, case_insensitive: bool) -> bool {
    let mut segments = tokens.split(|t| *t == Token::Star);
    let first = segments.next().unwrap_or(&[]);
    let Some(start) = prefix_len(first, text, case_insensitive) else {
        return false;
    };
    let mut middle: Vec<&[Token]> = segments.collect();
    let Some(last) = middle.pop() else {
        return start == text.len();
    };
    let rest = &text[start..];
    let Some(end) = suffix_start(last, rest, case_insensitive) else {
        return false;
    };
    segments_in_order(&middle, &rest[..end], case_insensitive)
}

/// The byte length of `segment` at the start of `text`, if `text` starts with it.
fn prefix_len(segment: &[Token], text: &str, case_insensitive: bool) -> Option<usize> {
    let mut chars = text.char_indices();
    for token in segment {
        let (_, c) = chars.next()?;
        let same = match token {
            Token::Char(want) => *want == c || (case_insensitive && want.eq_ignore_ascii_case(&c)),
            Token::One => true,
            Token::Star => false,
        };
        if !same {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(at, _)| at))
}

/// Where `segment` starts if `text` ends with it.
fn suffix_start(segment: &[Token], text: &str, case_insensitive: bool) -> Option<usize> {
    let at = match segment.len() {
        0 => text.len(),
        n => text.char_indices().rev().nth(n - 1)?.0,
    };
    (prefix_len(segment, &text[at..], case_insensitive)? == text.len() - at).then_some(at)
}

/// Whether the segments occur in `text` one after another, each at its leftmost place.
fn segments_in_order(segments: &[&[Token]], text: &str, case_insensitive: bool) -> bool {
    if segments.iter().all(|s| s.is_empty()) {
        return true;
    }
    // ASCII case folding keeps every byte offset, so the folded text can be searched instead.
    let folded;
    let text = if case_insensitive {
        folded = text.to_ascii_lowercase();
        folded.as_str()
    } else {
        text
    };
    let mut at = 0;
    for segment in segments.iter().filter(|s| !s.is_empty()) {
        match find(segment, &text[at..], case_insensitive) {
            Some(end) => at += end,
            None => return false,
        }
    }
    true
}

/// The end (in bytes) of the leftmost occurrence of `segment` in `text`.
fn find(segment: &[Token], text: &str, case_insensitive: bool) -> Option<usize> {
    let literal: Option<String> = segment
        .iter()
        .map(|t| match t {
            Token::Char(c) if case_insensitive => Some(c.to_ascii_lowercase()),
            Token::Char(c) => Some(*c),
            _ => None,
        })
        .collect();
    if let Some(needle) = literal {
        return text.find(&needle).map(|start| start + needle.len());
    }
    text.char_indices()
        .find_map(|(i, _)| prefix_len(segment, &text[i..], case_insensitive).map(|n| i + n))
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
        // Backtracking would try every start: 5 000 × 60 000 steps.
        let pattern = "*".to_string() + &"a".repeat(5000) + "b";
        let text = "a".repeat(60_000);
        assert!(!Wildcard::new(&pattern).matches(&text));
        assert!(Wildcard::new(&pattern).matches(&(text + "b")));
    }

    #[test]
    fn segments_keep_their_order_and_do_not_overlap() {
        let table: &[(&str, &str, bool)] = &[
            ("ab*ba", "aba", false),
            ("ab*ba", "abba", true),
            ("a*a", "a", false),
            ("*b*a*", "ab", false),
            ("*a?c*", "xxabcxx", true),
            ("*a?c", "xxabcx", false),
            ("?*?", "語", false),
            ("?*?", "日本", true),
            ("*ÄB*", "xäbx", false),
        ];
        for &(pattern, text, expected) in table {
            assert_eq!(
                Wildcard::new(pattern).matches(text),
                expected,
                "{pattern:?} vs {text:?}"
            );
        }
        assert!(Wildcard::new_case_insensitive("*ACCESS*KEY").matches("createaccesskey"));
        assert!(!Wildcard::new_case_insensitive("*ÄB*").matches("xäbx"));
    }

    /// The textbook backtracking matcher, as a reference.
    #[cfg(not(target_arch = "wasm32"))]
    fn reference(tokens: &[Token], text: &[char], ci: bool) -> bool {
        match tokens.split_first() {
            None => text.is_empty(),
            Some((Token::Star, rest)) => (0..=text.len()).any(|i| reference(rest, &text[i..], ci)),
            Some((t, rest)) => text.split_first().is_some_and(|(c, more)| {
                let same = match t {
                    Token::Char(w) => w == c || (ci && w.eq_ignore_ascii_case(c)),
                    _ => true,
                };
                same && reference(rest, more, ci)
            }),
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn agrees_with_backtracking(
            pattern in "[abA*?é]{0,8}",
            text in "[abAé]{0,10}",
            ci in proptest::bool::ANY,
        ) {
            let tokens = tokens_of(&pattern);
            let chars: Vec<char> = text.chars().collect();
            proptest::prop_assert_eq!(
                glob_match(&tokens, &text, ci),
                reference(&tokens, &chars, ci),
                "{:?} vs {:?} (ci {})", pattern, text, ci
            );
        }
    }
}
