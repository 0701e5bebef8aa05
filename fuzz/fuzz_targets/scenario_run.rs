//! Scenario evaluation end to end: reading, world resolution, every request run; and the page's
//! entry point, which takes UTF-8 bytes, refusing bytes that are not UTF-8 with one finding.
#![no_main]

use iam_playground::scenario::{run_scenario, Engine, RunOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = run_scenario(&text);
    if std::str::from_utf8(data).is_err() {
        let refused = Engine::new().run_utf8(data, &RunOptions::default());
        assert!(
            matches!(&refused, Err(f) if f.len() == 1 && f[0].code == "JSON_SYNTAX"),
            "bytes that are not UTF-8 were not refused with one finding"
        );
    }
});
