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
    tokens
        .into_iter()
        .map(|t| match t {
            Token::Char(c) => ArnToken::Char(c),
            Token::One => ArnToken::One { crosses: true },
            Token::Star => ArnToken::Star { crosses: true },
        })
        .collect()
}

/// Words of state kept on the stack: patterns up to 511 tokens need no allocation.
const STACK_WORDS: usize = 8;

/// Matches by simulating the pattern as an automaton over the set of token positions reached,
/// which costs tokens × characters whatever the mix of star kinds (no backtracking).
pub(crate) fn arn_match(tokens: &[ArnToken], text: &str) -> bool {
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
    set(current, 0);
    close(tokens, current);
    for c in text.chars() {
        next.fill(0);
        let mut any = false;
        for (p, token) in tokens.iter().enumerate() {
            if !get(current, p) {
                continue;
            }
            let target = match *token {
                ArnToken::Char(want) if want == c => Some(p + 1),
                ArnToken::One { crosses } if crosses || c != ':' => Some(p + 1),
                ArnToken::Star { crosses } if crosses || c != ':' => Some(p),
                _ => None,
            };
            if let Some(t) = target {
                set(next, t);
                any = true;
            }
        }
        if !any {
            return false;
        }
        close(tokens, next);
        std::mem::swap(&mut current, &mut next);
    }
    get(current, tokens.len())
}

/// Adds the positions reachable through `*` without reading a character.
fn close(tokens: &[ArnToken], state: &mut [u64]) {
    for (p, token) in tokens.iter().enumerate() {
        if matches!(token, ArnToken::Star { .. }) && get(state, p) {
            set(state, p + 1);
        }
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
