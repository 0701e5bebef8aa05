//! Scenario evaluation end to end: reading, world resolution, every request run, in full and
//! brief (a closed request's result, which must be the full one cut down); and the page's entry
//! point, which takes UTF-8 bytes, refusing bytes that are not UTF-8 with one finding.
#![no_main]

use iam_playground::scenario::{run_scenario, run_scenario_with, Engine, RequestResult, RunOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(mut full) = run_scenario(&text) {
        let closed = RunOptions {
            full_explanations: Some(Vec::new()),
            ..RunOptions::default()
        };
        let brief = run_scenario_with(&text, &closed).expect("ran in full, so it runs brief");
        full.results.iter_mut().for_each(RequestResult::brief);
        // Results given up for time may differ: the clock decides them, not the text.
        let timed_out = |r: &RequestResult| r.code.as_deref() == Some("PlaygroundTimeLimitExceeded");
        if !full.results.iter().chain(&brief.results).any(timed_out) {
            assert_eq!(
                serde_json::to_string(&brief).ok(),
                serde_json::to_string(&full).ok(),
                "a brief result is not the full one cut down"
            );
        }
    }
    if std::str::from_utf8(data).is_err() {
        let refused = Engine::new().run_utf8(data, &RunOptions::default());
        assert!(
            matches!(&refused, Err(f) if f.len() == 1 && f[0].code == "JSON_SYNTAX"),
            "bytes that are not UTF-8 were not refused with one finding"
        );
    }
});
