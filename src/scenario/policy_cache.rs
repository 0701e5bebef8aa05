//! Compiled policies kept from one build of a world to the next, for an [`Engine`](super::Engine).
//!
//! When someone types in one policy, the scenario's other policies keep their text and the column
//! they start at. Reading, validating and compiling each of them again was most of a keystroke's
//! cost in a scenario of many policies; a kept one is shared instead, and moved to its new byte
//! offset and line when the text before it changed.

use crate::sorted_map::SortedMap;
use std::rc::Rc;

use crate::finding::Finding;
use crate::json::{Json, Pos};
use crate::lang::Lang;
use crate::policy::{moved_line, parse_policy_in, Policy, PolicyKind};

/// The policies of the last build, by where they stand and the kind they were read as.
/// (Indices by key rather than maps of policies: the key-to-index map is a type the world
/// already uses, which keeps the module smaller.)
#[derive(Debug, Default)]
pub(super) struct PolicyCache {
    last: Vec<Option<Compiled>>,
    last_at: SortedMap<(String, PolicyKind), usize>,
    this: Vec<Compiled>,
    this_at: SortedMap<(String, PolicyKind), usize>,
    /// How many policies the build in progress took from the cache.
    hits: usize,
}

/// A policy as read, with what it was read from.
#[derive(Debug)]
struct Compiled {
    text: Box<str>,
    start: Pos,
    lang: Lang,
    policy: Rc<Policy>,
    findings: Vec<Finding>,
}

impl PolicyCache {
    /// The policy `json` (a part of `text`, at `pointer`) read under `kind`'s rules, and its
    /// findings in `lang`: the kept one when its text, starting column and language are the same.
    ///
    /// A kept policy whose bytes or lines moved is moved in place, which needs the cache to hold the only
    /// reference to it: the engine drops the last world before it builds the next.
    pub fn parse(
        &mut self,
        text: &str,
        json: &Json,
        kind: PolicyKind,
        pointer: &str,
        lang: Lang,
    ) -> (Rc<Policy>, Vec<Finding>) {
        let (start, end) = (json.span.start, json.span.end);
        let source = text.get(start.offset..end.offset).unwrap_or_default();
        let key = (pointer.to_string(), kind);
        let kept = self
            .last_at
            .get(&key)
            .and_then(|&i| self.last.get_mut(i)?.take());
        let kept = kept.filter(|c| {
            c.lang == lang
                && c.start.column == start.column
                && crate::json::same_bytes(c.text.as_bytes(), source.as_bytes())
        });
        let compiled = match kept.and_then(|c| moved(c, start)) {
            Some(c) => {
                self.hits += 1;
                c
            }
            None => {
                let parsed = parse_policy_in(json, kind, pointer, lang);
                Compiled {
                    text: source.into(),
                    start,
                    lang,
                    policy: Rc::new(parsed.policy),
                    findings: parsed.findings,
                }
            }
        };
        let out = (Rc::clone(&compiled.policy), compiled.findings.clone());
        self.this_at.insert(key, self.this.len());
        self.this.push(compiled);
        out
    }

    /// Ends a build: what it did not use is dropped, so the cache holds one world's policies.
    /// Returns how many policies the build took from the cache.
    pub fn finish(&mut self) -> usize {
        self.last = std::mem::take(&mut self.this)
            .into_iter()
            .map(Some)
            .collect();
        self.last_at = std::mem::take(&mut self.this_at);
        std::mem::take(&mut self.hits)
    }
}

/// A kept policy and its findings moved to `to`; none when it must move but is shared (it is
/// then read again).
fn moved(mut kept: Compiled, to: Pos) -> Option<Compiled> {
    let from = kept.start;
    if (from.offset, from.line) != (to.offset, to.line) {
        Rc::get_mut(&mut kept.policy)?.move_to(from, to);
        for finding in &mut kept.findings {
            for line in [&mut finding.line, &mut finding.end_line]
                .into_iter()
                .flatten()
            {
                *line = moved_line(*line, from, to);
            }
        }
        kept.start = to;
    }
    Some(kept)
}
