//! The policy parser and validator, for every policy kind: the first byte picks the kind, the
//! rest is the text (lossily decoded, as the page and the command line never see invalid UTF-8
//! as `&str`).
#![no_main]

use iam_playground::policy::{validate_text, PolicyKind};
use libfuzzer_sys::fuzz_target;

const KINDS: [PolicyKind; 7] = [
    PolicyKind::Identity,
    PolicyKind::Trust,
    PolicyKind::Resource,
    PolicyKind::Scp,
    PolicyKind::Rcp,
    PolicyKind::Boundary,
    PolicyKind::Session,
];

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let kind = KINDS[usize::from(*first) % KINDS.len()];
    let text = String::from_utf8_lossy(rest);
    let _ = validate_text(&text, kind);
});
