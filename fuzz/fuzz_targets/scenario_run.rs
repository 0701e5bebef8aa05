//! Scenario evaluation end to end: reading, world resolution, every request run.
#![no_main]

use iam_playground::scenario::run_scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = run_scenario(&text);
});
