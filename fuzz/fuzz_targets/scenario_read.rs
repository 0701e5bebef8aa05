//! The scenario reader: any text gives findings, never a panic.
#![no_main]

use iam_playground::scenario::document::read_scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = read_scenario(&text);
});
