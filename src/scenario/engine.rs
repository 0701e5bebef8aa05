//! An engine that runs one scenario after another, as the page does on every keystroke, and
//! keeps the last world it resolved.
//!
//! Reading, validating and compiling the policies is most of a run's cost. When the new text
//! differs from the last one only inside `requests` (someone building a request), the world is
//! reused and only the requests are read; they are always evaluated afresh. The same text again
//! (someone opening a request to read its full explanation, or switching the language back) is
//! not read at all: the requests read from it last time are evaluated afresh. Any other change
//! reads and resolves the text whole, but the policies whose text did not change are taken from
//! the last build, not compiled again ([`PolicyCache`]). A run through an engine gives exactly
//! what [`run_scenario_with`](super::run_scenario_with) gives for the same text, which the tests
//! check across the corpus and edits of it.

use crate::finding::Finding;
use crate::json::same_bytes;

use super::document::{read_keeping, utf8_text, Kept, ReadResult, Reading, Scenario};
use super::policy_cache::PolicyCache;
use super::result::RunOutput;
use super::run::{run_requests, RunOptions};
use super::world::{Reuse, World};

/// Runs scenarios, keeping the last world resolved without errors.
#[derive(Default)]
pub struct Engine {
    last: Option<Last>,
    /// The compiled policies of the last world built, for the next build to reuse.
    policies: PolicyCache,
    /// What the last run reused: the whole world, or so many policies of it.
    reused: bool,
    reused_policies: usize,
}

/// A scenario read without errors and its resolved world, with what a reading of its next
/// version may reuse.
struct Last {
    kept: Kept,
    scenario: Scenario,
    world: World,
    /// The `requests` value of the text the last run read (none if it could not be cut out),
    /// and that reading's findings: `scenario.requests` were read from it. The rest of that
    /// text is the kept text's, byte for byte (a reading of the requests alone checks that), so
    /// only this part is copied: copying a whole text on every keystroke cost more than
    /// comparing it.
    requests: Option<String>,
    findings: Vec<Finding>,
}

impl Last {
    /// Whether `text` in `options.lang` is what the last run read.
    fn read(&self, text: &str, options: &RunOptions) -> bool {
        let Some(requests) = self.requests.as_deref() else {
            return false;
        };
        let tail = self.kept.tail();
        let start = self.kept.requests.start.offset;
        let end = start + requests.len();
        let bytes = text.as_bytes();
        // The length first: it also keeps the slices below within the text. Then the requests,
        // where an edit most likely is: a text that differs there is compared with the kept
        // text's start once more by the reading that follows.
        self.kept.lang == options.lang
            && bytes.len() == end + tail.len()
            && same_bytes(&bytes[start..end], requests.as_bytes())
            && self.kept.same_start(text)
            && same_bytes(&bytes[end..], tail)
    }

    /// Remembers what a reading of `text`'s requests alone gave.
    fn remember(&mut self, text: &str, findings: &[Finding]) {
        let tail = self.kept.tail().len();
        let requests = text.get(self.kept.requests.start.offset..text.len().saturating_sub(tail));
        match (requests, self.requests.as_mut()) {
            (Some(new), Some(kept)) => {
                kept.clear();
                kept.push_str(new);
            }
            (new, _) => self.requests = new.map(str::to_string),
        }
        self.findings.clear();
        self.findings.extend_from_slice(findings);
    }
}

impl Engine {
    pub fn new() -> Engine {
        Engine::default()
    }

    /// Runs a scenario as [`run_scenario_with`](super::run_scenario_with) does.
    pub fn run(&mut self, text: &str, options: &RunOptions) -> Result<RunOutput, Vec<Finding>> {
        if let Some(last) = self.last.as_mut().filter(|l| l.read(text, options)) {
            self.reused = true;
            self.reused_policies = 0;
            let findings = last.findings.clone();
            return Ok(run_requests(
                &last.scenario,
                &mut last.world,
                findings,
                options,
            ));
        }
        let reading = read_keeping(text, options.lang, self.last.as_ref().map(|l| &l.kept));
        self.reused = matches!(reading, Reading::Requests(..));
        self.reused_policies = 0;
        match (reading, self.last.as_mut()) {
            (Reading::Requests(_, findings), _) if findings.iter().any(Finding::is_error) => {
                Err(findings)
            }
            (Reading::Requests(requests, findings), Some(last)) => {
                last.scenario.requests = requests;
                last.remember(text, &findings);
                Ok(run_requests(
                    &last.scenario,
                    &mut last.world,
                    findings,
                    options,
                ))
            }
            // Requests are read alone only against a kept world, so this does not happen.
            (Reading::Requests(_, findings), None) => Err(findings),
            (Reading::Whole(read, kept), _) => self.run_whole(read, kept, options),
        }
    }

    /// Runs a scenario given as UTF-8 bytes, as [`run`](Self::run) runs its text; bytes that
    /// are not UTF-8 are refused with a finding. The page passes its text this way: see
    /// `JsEngine::run_utf8`.
    pub fn run_utf8(
        &mut self,
        utf8: &[u8],
        options: &RunOptions,
    ) -> Result<RunOutput, Vec<Finding>> {
        let text = utf8_text(utf8, options.lang).map_err(|finding| vec![finding])?;
        self.run(text, options)
    }

    /// Runs a scenario read whole, and keeps it when it can be run. A text that cannot be run
    /// leaves the last world in place: the next keystroke may well make the text whole again.
    fn run_whole(
        &mut self,
        read: ReadResult,
        kept: Option<Kept>,
        options: &RunOptions,
    ) -> Result<RunOutput, Vec<Finding>> {
        let valid = read.is_valid();
        let (Some(scenario), true) = (read.scenario, valid) else {
            return Err(read.findings);
        };
        let Some(mut kept) = kept else {
            let mut world = World::build(&scenario, options.lang);
            return Ok(run_requests(&scenario, &mut world, read.findings, options));
        };
        // The world is built from the kept copy of the text, with the policies kept from the
        // last build; both are handed back. The last world goes first, so that the cache holds
        // the only reference to each kept policy and can move it in place.
        self.last = None;
        let reuse = Reuse {
            text: std::mem::take(&mut kept.text),
            cache: std::mem::take(&mut self.policies),
            reused: 0,
        };
        let (world, reuse) = World::build_reusing(&scenario, options.lang, reuse);
        if let Some(reuse) = reuse {
            kept.text = reuse.text;
            self.policies = reuse.cache;
            self.reused_policies = reuse.reused;
        }
        let last = self.last.insert(Last {
            requests: kept
                .text
                .get(kept.requests.start.offset..kept.requests.end.offset)
                .map(str::to_string),
            findings: read.findings.clone(),
            kept,
            scenario,
            world,
        });
        Ok(run_requests(
            &last.scenario,
            &mut last.world,
            read.findings,
            options,
        ))
    }

    /// Whether the last run reused the world resolved before it (for tests and benchmarks).
    pub fn reused_world(&self) -> bool {
        self.reused
    }

    /// How many compiled policies the last run took from the world before it, when it built a
    /// new one (for tests and benchmarks).
    pub fn reused_policies(&self) -> usize {
        self.reused_policies
    }
}
