//! Reading an edited scenario again when only its `requests` changed.
//!
//! The page reads the scenario on every keystroke. Someone building a request changes only the
//! `requests` array, and everything else (the policies, whose reading, validation and compiling
//! are most of the cost) is the same text at the same place. [`Kept`] holds what the last full
//! reading found outside `requests`; [`read_requests`] reads only the new requests when the
//! rest of the text is byte for byte what was kept, at the same line and column, so the reused
//! findings' positions are still right. Either way the text is parsed once.

use super::fields::{Cx, Fields};
use super::{requests, Request};
use crate::finding::Finding;
use crate::json::Span;
use crate::lang::Lang;

/// What a full reading found outside the scenario's `requests`.
#[derive(Clone, Debug)]
pub(crate) struct Kept {
    /// The text that was read.
    pub text: String,
    pub lang: Lang,
    /// Where the `requests` value stood in `text`.
    pub requests: Span,
    /// The names of the top-level `policies` map, which requests' session policies may use.
    pub policy_names: Vec<String>,
    /// The findings about the world (everything but `requests`, once the top-level fields were
    /// checked), read before and after the requests, in reading order.
    pub before: Vec<Finding>,
    pub after: Vec<Finding>,
}

impl Kept {
    /// Whether `text`, whose `requests` value stands at `requests`, says exactly what the kept
    /// text said outside its requests, at the same positions.
    fn same_world(&self, text: &str, requests: Span) -> bool {
        let (old, new) = (self.text.as_bytes(), text.as_bytes());
        let (was, is) = (self.requests, requests);
        let tail = &new[is.end.offset..];
        // Text after the requests moves when they change length, so it must not hold anything
        // that has a position (only the closing brace and white space), unless it did not move.
        let tail_unplaced = tail.trim_ascii() == b"}";
        old[..was.start.offset] == new[..is.start.offset]
            && was.start == is.start
            && old[was.end.offset..] == *tail
            && (tail_unplaced || was.end == is.end)
    }
}

/// The requests of `text`, if it differs from the kept text only inside them and is read in
/// the same language; `None` otherwise, and the caller reads it whole. `fields` are its checked
/// top-level fields, `cx` holds the findings of those checks.
///
/// `cx` is left with the findings in the order a whole reading gives: the top-level checks, the
/// kept findings before the requests, the requests' own, then the kept findings after.
pub(super) fn read_requests(
    text: &str,
    fields: &Fields<'_>,
    kept: &Kept,
    cx: &mut Cx,
) -> Option<Vec<Request>> {
    let (requests_json, _) = fields.get("requests")?;
    if cx.lang != kept.lang || !kept.same_world(text, requests_json.span) {
        return None;
    }
    cx.policy_names.clone_from(&kept.policy_names);
    cx.findings.extend(kept.before.iter().cloned());
    let requests = requests::read(cx, fields);
    cx.findings.extend(kept.after.iter().cloned());
    Some(requests)
}
