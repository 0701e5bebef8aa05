//! The engine that keeps the last world between runs, against fresh runs: a scenario text and a
//! few edited versions of it go through one [`Engine`], and each through `run_scenario_with`
//! alone; the two outcomes must be the same text for every version.
//!
//! The input (`seed.py` writes seeds in this form):
//!
//! - byte 0, flags: bit 0 Japanese (else English); bit 1 `full_explanations: Some(vec![])` (else
//!   `None`); bit 2 the base text once more after the edits; bit 3 the language switches at
//!   every text after the first; bit 4 the engine is handed each text as UTF-8 bytes
//!   (`Engine::run_utf8`, what the page calls) rather than as `&str`;
//! - then the base text, up to the first `0xFF` byte (never part of UTF-8) or the end;
//! - then up to four edits, each applied to the version before it: a position (2 bytes,
//!   little-endian, taken modulo the text's length + 1), how many bytes to delete from there
//!   (1 byte), how many to insert (1 byte), and those bytes (fewer if the input ends first).
//!
//! An edit works on bytes and may cut a character; every version is decoded with
//! `String::from_utf8_lossy`, as callers hand the library a `&str`. Time limits are off: a run
//! given up for time would differ between two runs of the same text for no fault of the engine.
#![no_main]

use iam_playground::finding::Finding;
use iam_playground::lang::Lang;
use iam_playground::scenario::{run_scenario_with, Engine, RunOptions, RunOutput, TimeLimits};
use libfuzzer_sys::fuzz_target;

const MAX_EDITS: usize = 4;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let (base, mut edits) = match rest.iter().position(|&b| b == 0xFF) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[][..]),
    };
    let base = String::from_utf8_lossy(base).into_owned();
    let mut texts = vec![base.clone()];
    while texts.len() <= MAX_EDITS {
        let Some((edited, left)) = edit(texts.last().unwrap(), edits) else {
            break;
        };
        texts.push(edited);
        edits = left;
    }
    if flags & 4 != 0 {
        texts.push(base);
    }

    let mut options = RunOptions {
        lang: if flags & 1 != 0 { Lang::Ja } else { Lang::En },
        limits: TimeLimits {
            clock: None,
            ..TimeLimits::default()
        },
        full_explanations: (flags & 2 != 0).then(Vec::new),
    };
    let mut engine = Engine::new();
    for (i, text) in texts.iter().enumerate() {
        if i > 0 && flags & 8 != 0 {
            options.lang = match options.lang {
                Lang::En => Lang::Ja,
                Lang::Ja => Lang::En,
            };
        }
        let fresh = outcome(run_scenario_with(text, &options));
        let kept = outcome(if flags & 16 != 0 {
            engine.run_utf8(text.as_bytes(), &options)
        } else {
            engine.run(text, &options)
        });
        assert_eq!(
            kept, fresh,
            "text {i} of {}: the engine differs from a fresh run",
            texts.len()
        );
    }
});

/// `text` with the first edit of `edits` applied, and the edits left; none when no whole edit
/// header is left.
fn edit<'a>(text: &str, edits: &'a [u8]) -> Option<(String, &'a [u8])> {
    let (&[p0, p1, delete, insert], rest) = edits.split_first_chunk::<4>()?;
    let mut bytes = text.as_bytes().to_vec();
    let at = usize::from(u16::from_le_bytes([p0, p1])) % (bytes.len() + 1);
    let end = (at + usize::from(delete)).min(bytes.len());
    let (inserted, rest) = rest.split_at(usize::from(insert).min(rest.len()));
    bytes.splice(at..end, inserted.iter().copied());
    Some((String::from_utf8_lossy(&bytes).into_owned(), rest))
}

/// A run's whole outcome as text: results and findings, or the findings that stopped it.
fn outcome(r: Result<RunOutput, Vec<Finding>>) -> String {
    match r {
        Ok(out) => format!("ok {}", serde_json::to_string(&out).unwrap()),
        Err(findings) => format!("err {}", serde_json::to_string(&findings).unwrap()),
    }
}
