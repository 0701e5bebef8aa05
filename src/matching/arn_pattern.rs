//! ARN globs for `Resource`: wildcards that know which ARN segment they stand in.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Resource" (current page, "Using wildcards
//! in resource ARNs"; semantics notes §6.2): `*` and `?` work inside each colon-separated
//! segment; no wildcard in the service segment; a `*` that is the last character of a segment
//! can expand beyond the colon boundaries; in the resource segment (everything after the fifth
//! colon, which may itself hold `/` and `:`) a `*` spans anything.

use super::wildcard::Token;

/// One element of a compiled ARN glob.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArnToken {
    Char(char),
    /// `?`; `crosses` is false inside the first five segments, where it cannot stand for `:`.
    One {
        crosses: bool,
    },
    /// `*`; `crosses` says whether its run may contain `:`.
    Star {
        crosses: bool,
    },
}

/// The segment index of the service (`arn:partition:service:...`).
const SERVICE: usize = 2;
/// The number of colons before the resource segment.
const PREFIX_COLONS: usize = 5;

/// Splits a pattern into its first five segments with their colons, and the resource segment
/// (`None` when the pattern has fewer than five colons).
pub(crate) fn split_resource(pattern: &str) -> (&str, Option<&str>) {
    let mut colons = 0;
    for (i, c) in pattern.char_indices() {
        if c == ':' {
            colons += 1;
            if colons == PREFIX_COLONS {
                return (&pattern[..=i], Some(&pattern[i + 1..]));
            }
        }
    }
    (pattern, None)
}

/// Compiles the first segments (with their colons) under the segment rules above.
pub(crate) fn prefix_tokens(prefix: &str) -> Vec<ArnToken> {
    let mut segment = 0;
    let mut out = Vec::with_capacity(prefix.len());
    let mut chars = prefix.chars().peekable();
    while let Some(c) = chars.next() {
        let last_of_segment = matches!(chars.peek(), None | Some(':'));
        out.push(match c {
            ':' => {
                segment += 1;
                ArnToken::Char(':')
            }
            '*' if segment != SERVICE => ArnToken::Star {
                crosses: last_of_segment,
            },
            '?' if segment != SERVICE => ArnToken::One { crosses: false },
            c => ArnToken::Char(c),
        });
    }
    out
}

/// Glob tokens of the resource segment: wildcards there cross anything.
pub(crate) fn resource_tokens(tokens: impl IntoIterator<Item = Token>) -> Vec<ArnToken> {
    tokens.into_iter().map(resource_token).collect()
}

/// A glob token of the resource segment, where wildcards cross anything.
pub(crate) fn resource_token(t: Token) -> ArnToken {
    match t {
        Token::Char(c) => ArnToken::Char(c),
        Token::One => ArnToken::One { crosses: true },
        Token::Star => ArnToken::Star { crosses: true },
    }
}

/// A compiled ARN glob, split around its wildcards: the literal text before the first wildcard
/// and after the last must be the ARN's start and end, which two string comparisons decide, and
/// only what lies between runs through the automaton. Most patterns are a literal ARN (no
/// automaton at all) or a literal with one `*` (`bucket/*`, `table/t-*`, `arn:aws:ec2:*`).
///
/// The split is exact, not a filter: a literal token reads one character, always the same, so a
/// match has to begin with the head and end with the tail, and the segment rules live in the
/// wildcard tokens, which the middle keeps as they were.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ArnGlob {
    head: String,
    middle: Vec<ArnToken>,
    tail: String,
}

impl ArnGlob {
    pub(crate) fn new(tokens: &[ArnToken]) -> ArnGlob {
        let (head, middle, tail) = split_literals(tokens);
        ArnGlob {
            head: literal(head),
            middle: middle.to_vec(),
            tail: literal(tail),
        }
    }

    pub(crate) fn matches(&self, text: &str) -> bool {
        text.strip_prefix(self.head.as_str())
            .and_then(|rest| rest.strip_suffix(self.tail.as_str()))
            .is_some_and(|middle| match_middle(&self.middle, middle))
    }
}

/// Matches tokens that were not compiled in advance (a pattern with a policy variable
/// substituted for one request), with the same split as [`ArnGlob`], done token by token.
pub(crate) fn arn_match(tokens: &[ArnToken], text: &str) -> bool {
    let (head, middle, tail) = split_literals(tokens);
    strip_head(head, text)
        .and_then(|rest| strip_tail(tail, rest))
        .is_some_and(|rest| match_middle(middle, rest))
}

/// The literal tokens before the first wildcard, the tokens from the first wildcard to the last,
/// and the literal tokens after it. Without a wildcard, everything is head.
fn split_literals(tokens: &[ArnToken]) -> (&[ArnToken], &[ArnToken], &[ArnToken]) {
    let is_literal = |t: &&ArnToken| matches!(t, ArnToken::Char(_));
    let (head, rest) = tokens.split_at(tokens.iter().take_while(is_literal).count());
    let tail = rest.iter().rev().take_while(is_literal).count();
    let (middle, tail) = rest.split_at(rest.len() - tail);
    (head, middle, tail)
}

/// The characters of literal tokens.
pub(crate) fn literal(tokens: &[ArnToken]) -> String {
    // Sized once for ASCII text, which nearly every ARN is (a filtered collect would grow it
    // step by step from nothing).
    let mut out = String::with_capacity(tokens.len());
    out.extend(tokens.iter().filter_map(|t| match t {
        ArnToken::Char(c) => Some(*c),
        _ => None,
    }));
    out
}

/// `text` without the characters of the literal tokens `head` at its start, if it has them.
fn strip_head<'t>(head: &[ArnToken], text: &'t str) -> Option<&'t str> {
    let mut chars = text.chars();
    let all = head
        .iter()
        .all(|t| matches!(t, ArnToken::Char(want) if chars.next() == Some(*want)));
    all.then_some(chars.as_str())
}

/// `text` without the characters of the literal tokens `tail` at its end, if it has them.
fn strip_tail<'t>(tail: &[ArnToken], text: &'t str) -> Option<&'t str> {
    let mut chars = text.chars();
    let all = tail
        .iter()
        .rev()
        .all(|t| matches!(t, ArnToken::Char(want) if chars.next_back() == Some(*want)));
    all.then_some(chars.as_str())
}

/// Matches what lies between the literal ends: nothing, one `*` (which needs no automaton: it
/// takes anything, or anything without a colon), or else the automaton.
fn match_middle(middle: &[ArnToken], text: &str) -> bool {
    match middle {
        [] => text.is_empty(),
        [ArnToken::Star { crosses }] => *crosses || !text.contains(':'),
        _ => automaton(middle, text),
    }
}

/// Tokens kept on the stack by [`TokenBuf`]: substituted patterns up to this length need no
/// allocation (an ARN is at most 2048 characters, but policies' patterns are far shorter).
const INLINE_TOKENS: usize = 256;

/// The tokens of one pattern substituted for one request: a small vector on the stack, which
/// spills to the heap only past [`INLINE_TOKENS`].
pub(crate) struct TokenBuf {
    inline: [ArnToken; INLINE_TOKENS],
    len: usize,
    spilled: Vec<ArnToken>,
}

impl TokenBuf {
    pub(crate) fn new() -> TokenBuf {
        TokenBuf {
            inline: [ArnToken::Char('\0'); INLINE_TOKENS],
            len: 0,
            spilled: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, token: ArnToken) {
        if !self.spilled.is_empty() {
            self.spilled.push(token);
        } else if let Some(slot) = self.inline.get_mut(self.len) {
            *slot = token;
            self.len += 1;
        } else {
            self.spilled.extend_from_slice(&self.inline);
            self.spilled.push(token);
        }
    }

    pub(crate) fn as_slice(&self) -> &[ArnToken] {
        if self.spilled.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.spilled
        }
    }
}

/// Words of state kept on the stack: patterns up to 511 tokens need no allocation.
const STACK_WORDS: usize = 8;

/// Matches by simulating the pattern as an automaton over the set of token positions reached,
/// which costs at most tokens × characters whatever the mix of star kinds (no backtracking).
/// Each character visits only the positions actually reached, usually one or two, so a pattern
/// that fails at its first differing character costs that character, not the whole pattern.
fn automaton(tokens: &[ArnToken], text: &str) -> bool {
    let words = (tokens.len() + 1).div_ceil(64);
    let mut stack = [0u64; 2 * STACK_WORDS];
    let mut heap;
    let buf: &mut [u64] = if words <= STACK_WORDS {
        &mut stack[..2 * words]
    } else {
        heap = vec![0u64; 2 * words];
        &mut heap
    };
    let (mut current, mut next) = buf.split_at_mut(words);
    enter(tokens, current, 0);
    for c in text.chars() {
        next.fill(0);
        if !step(tokens, current, next, c) {
            return false;
        }
        std::mem::swap(&mut current, &mut next);
    }
    get(current, tokens.len())
}

/// Moves every position of `current` over `c` into `next`; false when none can move.
fn step(tokens: &[ArnToken], current: &[u64], next: &mut [u64], c: char) -> bool {
    let mut any = false;
    for (w, &word) in current.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            let p = w * 64 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let Some(to) = tokens.get(p).and_then(|&t| target(t, p, c)) {
                enter(tokens, next, to);
                any = true;
            }
        }
    }
    any
}

/// Where the token at `p` goes on reading `c`, if it accepts it.
fn target(token: ArnToken, p: usize, c: char) -> Option<usize> {
    match token {
        ArnToken::Char(want) if want == c => Some(p + 1),
        ArnToken::One { crosses } if crosses || c != ':' => Some(p + 1),
        ArnToken::Star { crosses } if crosses || c != ':' => Some(p),
        _ => None,
    }
}

/// Sets `p` and the positions reachable from it through `*` without reading a character. It
/// stops at a position already set: that one's followers were set with it, which keeps a run of
/// many stars linear per character.
fn enter(tokens: &[ArnToken], state: &mut [u64], mut p: usize) {
    while p <= tokens.len() && !get(state, p) {
        set(state, p);
        if !matches!(tokens.get(p), Some(ArnToken::Star { .. })) {
            return;
        }
        p += 1;
    }
}

fn get(state: &[u64], p: usize) -> bool {
    state.get(p / 64).is_some_and(|w| w & (1 << (p % 64)) != 0)
}

fn set(state: &mut [u64], p: usize) {
    if let Some(w) = state.get_mut(p / 64) {
        *w |= 1 << (p % 64);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod reference {
    //! The automaton as first written, kept as the reference the faster paths are checked
    //! against: every token is visited for every character, and `*` is closed in a second pass.

    use super::{get, set, ArnToken};

    pub(crate) fn arn_match(tokens: &[ArnToken], text: &str) -> bool {
        let words = (tokens.len() + 1).div_ceil(64);
        let (mut current, mut next) = (vec![0u64; words], vec![0u64; words]);
        set(&mut current, 0);
        close(tokens, &mut current);
        for c in text.chars() {
            next.fill(0);
            let mut any = false;
            for (p, token) in tokens.iter().enumerate() {
                if !get(&current, p) {
                    continue;
                }
                let target = match *token {
                    ArnToken::Char(want) if want == c => Some(p + 1),
                    ArnToken::One { crosses } if crosses || c != ':' => Some(p + 1),
                    ArnToken::Star { crosses } if crosses || c != ':' => Some(p),
                    _ => None,
                };
                if let Some(t) = target {
                    set(&mut next, t);
                    any = true;
                }
            }
            if !any {
                return false;
            }
            close(tokens, &mut next);
            std::mem::swap(&mut current, &mut next);
        }
        get(&current, tokens.len())
    }

    fn close(tokens: &[ArnToken], state: &mut [u64]) {
        for (p, token) in tokens.iter().enumerate() {
            if matches!(token, ArnToken::Star { .. }) && get(state, p) {
                set(state, p + 1);
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use crate::matching::wildcard::tokens_of;
    use proptest::prelude::*;

    /// Tokens of a whole pattern, as `ResourcePattern` compiles one without variables.
    fn compile(pattern: &str) -> Vec<ArnToken> {
        let (prefix, resource) = split_resource(pattern);
        let mut tokens = prefix_tokens(prefix);
        tokens.extend(resource_tokens(tokens_of(resource.unwrap_or(""))));
        tokens
    }

    #[test]
    fn matchers_agree_with_the_reference_on_edge_cases() {
        let table: &[(&str, &str)] = &[
            ("", ""),
            ("", "a"),
            ("*", ""),
            ("**", "a:b"),
            ("a*:*", "a:b:c"),
            ("arn:aws:s3:::b/***?", "arn:aws:s3:::b/x"),
            ("arn:*:s3:::b", "arn:aws:x:s3:::b"),
            ("arn:a*b:s3:::", "arn:a:b:s3:::"),
            ("arn:aws:s3:::日本?", "arn:aws:s3:::日本語"),
            ("arn:aws:s3:::日本*語", "arn:aws:s3:::日本語"),
            ("arn:aws:s3:::日本*語", "arn:aws:s3:::日本"),
            // Head and tail overlap in the text: it is too short for both.
            ("arn:aws:s3:::ab*ba", "arn:aws:s3:::aba"),
            ("arn:aws:s3:::ab*ba", "arn:aws:s3:::abba"),
            ("arn:aws:s3:::a*", "arn:aws:s3:::"),
            ("arn:aws:s3:::*a", "arn:aws:s3:::é"),
            // Shrunk counterexamples the proptests found against deliberately broken shortcuts.
            ("?", ":"),
            ("*a", ":a"),
            (":*:", ":é"),
            ("*::", ""),
        ];
        for &(pattern, text) in table {
            if let Err(e) = agree(pattern, text) {
                panic!("{pattern:?} vs {text:?}: {e}");
            }
        }
    }

    #[test]
    fn globs_split_around_their_wildcards() {
        let star = |crosses| ArnToken::Star { crosses };
        let table: &[(&str, &str, &[ArnToken], &str)] = &[
            (
                "arn:aws:iam::123456789012:user/Bob",
                "arn:aws:iam::123456789012:user/Bob",
                &[],
                "",
            ),
            (
                "arn:aws:s3:::bucket/*",
                "arn:aws:s3:::bucket/",
                &[star(true)],
                "",
            ),
            ("arn:aws:ec2:*", "arn:aws:ec2:", &[star(true)], ""),
            (
                "arn:aws:sqs:us-*-1:1:q",
                "arn:aws:sqs:us-",
                &[star(false)],
                "-1:1:q",
            ),
            (
                "arn:aws:s3:::b/*/x/*.jpg",
                "arn:aws:s3:::b/",
                &[
                    star(true),
                    ArnToken::Char('/'),
                    ArnToken::Char('x'),
                    ArnToken::Char('/'),
                    star(true),
                ],
                ".jpg",
            ),
            // The service segment has no wildcard: its `*` is a literal.
            ("arn:aws:*:r:1:q", "arn:aws:*:r:1:q", &[], ""),
        ];
        for &(pattern, head, middle, tail) in table {
            let glob = ArnGlob::new(&compile(pattern));
            assert_eq!(
                glob,
                ArnGlob {
                    head: head.into(),
                    middle: middle.to_vec(),
                    tail: tail.into()
                },
                "{pattern}"
            );
        }
    }

    #[test]
    fn many_stars_stay_linear() {
        let tokens = compile(&format!("arn:aws:s3:::{}b", "*".repeat(2000)));
        let text = format!("arn:aws:s3:::{}", "a".repeat(3000));
        assert!(!automaton(&tokens, &text));
        assert!(!arn_match(&tokens, &text));
        assert!(!ArnGlob::new(&tokens).matches(&text));
    }

    /// Patterns over a small alphabet that holds every character with a meaning (`:` `/` `*`
    /// `?`), a letter in two cases and a non-ASCII one.
    pub(crate) fn pattern() -> impl Strategy<Value = String> {
        proptest::string::string_regex("(arn:)?[aA:/*?é]{0,24}").expect("valid regex")
    }

    /// Texts likely to match `pattern`: every `*` replaced by a run and every `?` by a character
    /// from `fills` (which may hold `:`, so segment rules are exercised), then optionally one
    /// character changed, dropped or added so that near misses are frequent too.
    pub(crate) fn text_for(pattern: String) -> impl Strategy<Value = (String, String)> {
        let fills = proptest::collection::vec(
            proptest::string::string_regex("[aA:/é]{0,4}").expect("valid regex"),
            1..4,
        );
        (fills, 0..4usize, any::<prop::sample::Index>(), "[aA:/é*?]").prop_map(
            move |(fills, edit, at, c)| {
                let text = mutate(instance(&pattern, &fills), edit, at, &c);
                (pattern.clone(), text)
            },
        )
    }

    pub(crate) fn instance(pattern: &str, fills: &[String]) -> String {
        let mut out = String::new();
        for (i, c) in pattern.chars().enumerate() {
            let fill = &fills[i % fills.len()];
            match c {
                '*' => out.push_str(fill),
                '?' => out.push(fill.chars().next().unwrap_or(':')),
                c => out.push(c),
            }
        }
        out
    }

    /// `edit` 0 and 1 leave the text as it is; 2 replaces, 3 inserts a character.
    pub(crate) fn mutate(text: String, edit: usize, at: prop::sample::Index, c: &str) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        let c = c.chars().next().unwrap_or('a');
        match edit {
            2 if !chars.is_empty() => {
                let i = at.index(chars.len());
                chars[i] = c;
            }
            3 => chars.insert(at.index(chars.len() + 1), c),
            _ => {}
        }
        chars.into_iter().collect()
    }

    /// The automaton, the token-wise split and the compiled glob all give the reference's answer.
    fn agree(pattern: &str, text: &str) -> Result<(), TestCaseError> {
        let tokens = compile(pattern);
        let expected = reference::arn_match(&tokens, text);
        prop_assert_eq!(automaton(&tokens, text), expected, "automaton");
        prop_assert_eq!(arn_match(&tokens, text), expected, "arn_match");
        prop_assert_eq!(ArnGlob::new(&tokens).matches(text), expected, "ArnGlob");
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn matchers_agree_with_the_reference(
            (pattern, text) in pattern().prop_flat_map(text_for)
        ) {
            agree(&pattern, &text)?;
        }

        #[test]
        fn matchers_agree_with_the_reference_on_unrelated_texts(
            pattern in pattern(), text in pattern()
        ) {
            agree(&pattern, &text)?;
        }
    }
}
