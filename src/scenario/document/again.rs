//! Reading an edited scenario again when only its `requests` changed.
//!
//! The page reads the scenario on every keystroke. Someone building a request changes only the
//! `requests` array, and everything else (the policies, whose reading, validation and compiling
//! are most of the cost) is the same text at the same place. [`Kept`] holds what the last whole
//! reading found outside `requests`; [`read_requests`] reads only the new requests when the
//! rest of the text is byte for byte what was kept, at the same line and column, so the reused
//! findings' positions are still right.
//!
//! Only the requests are parsed: the JSON reader, given the same bytes before them, would reach
//! them in the same state, and given the same bytes after them, would read the same rest. On a
//! scenario of fifty policies, parsing the whole text and dropping its tree again was most of
//! the cost of a keystroke in a request.

use super::fields::{Cx, Fields};
use super::{limits, requests, Request, MAX_TEXT_BYTES};
use crate::finding::Finding;
use crate::json::{self, Member, Span};
use crate::lang::Lang;

/// What a whole reading found outside the scenario's `requests`.
#[derive(Clone, Debug)]
pub(crate) struct Kept {
    /// The text that was read.
    pub text: String,
    pub lang: Lang,
    /// Where the `requests` value stood in `text`.
    pub requests: Span,
    /// The names of the top-level `policies` map, which requests' session policies may use.
    pub policy_names: Vec<String>,
    /// The findings of the top-level checks (the format version, the top-level fields). Those
    /// checks find only errors today, and a world with errors is not kept, so this is empty;
    /// it is kept so that a warning added there one day still comes first.
    pub top: Vec<Finding>,
    /// The findings about the world (everything but `requests`, once the top-level fields were
    /// checked), read before and after the requests, in reading order.
    pub before: Vec<Finding>,
    pub after: Vec<Finding>,
}

impl Kept {
    /// Whether the text before the requests is the kept text's.
    pub(crate) fn same_start(&self, text: &str) -> bool {
        let start = self.requests.start.offset;
        match (
            text.as_bytes().get(..start),
            self.text.as_bytes().get(..start),
        ) {
            (Some(new), Some(kept)) => json::same_bytes(new, kept),
            _ => false,
        }
    }

    /// The kept text after its requests.
    pub(crate) fn tail(&self) -> &[u8] {
        self.text
            .as_bytes()
            .get(self.requests.end.offset..)
            .unwrap_or_default()
    }

    /// Whether `text`, whose new `requests` value stands at `requests`, says after it exactly
    /// what the kept text said, at the same positions.
    fn same_end(&self, text: &str, requests: Span) -> bool {
        let (was, is) = (self.requests, requests);
        let tail = &text.as_bytes()[is.end.offset..];
        // Text after the requests moves when they change length, so it must not hold anything
        // that has a position (only the closing brace and white space), unless it did not move.
        let tail_unplaced = tail.trim_ascii() == b"}";
        was.start == is.start
            && json::same_bytes(self.tail(), tail)
            && (tail_unplaced || was.end == is.end)
    }
}

/// The requests of `text` and the whole scenario's findings, if `text` differs from the kept
/// text only inside its requests and is read in the same language; `None` otherwise (the text
/// is then read whole, which also says what is wrong with it, if anything is).
///
/// The findings come in the order a whole reading gives: the top-level checks, the kept
/// findings before the requests, the requests' own, then the kept findings after.
pub(super) fn read_requests(
    text: &str,
    lang: Lang,
    kept: &Kept,
) -> Option<(Vec<Request>, Vec<Finding>)> {
    if lang != kept.lang || text.len() > MAX_TEXT_BYTES || !kept.same_start(text) {
        return None;
    }
    // The requests are a member of the top-level object: one level deep.
    let value = json::parse_value_at(text, kept.requests.start, 1, &limits::JSON_LIMITS).ok()?;
    if !kept.same_end(text, value.span) {
        return None;
    }
    let mut cx = Cx {
        lang,
        ..Cx::default()
    };
    if !limits::check_requests(&value, &mut cx) {
        return None;
    }
    cx.findings.extend(kept.top.iter().cloned());
    cx.policy_names.clone_from(&kept.policy_names);
    cx.findings.extend(kept.before.iter().cloned());
    let member = [Member {
        key: "requests".to_string(),
        key_span: value.span,
        value,
    }];
    let requests = requests::read(&mut cx, &Fields::of_top(&member));
    cx.findings.extend(kept.after.iter().cloned());
    Some((requests, cx.findings))
}
