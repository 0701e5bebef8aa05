//! A cheap stand-in for the fuzz targets in CI (the fuzz crate needs nightly flags): each
//! target's function gets the seed corpus and a fixed set of hostile variants of it
//! (truncations, byte flips, deep nesting, huge strings, invalid UTF-8, decompression bombs).
//! A panic fails the test; any `Ok` or `Err` is fine, the point is that every input gets one.

use std::path::Path;

use iam_playground::policy::{validate_text, PolicyKind};
use iam_playground::scenario::document::read_scenario;
use iam_playground::scenario::{link, run_scenario};

const KINDS: [PolicyKind; 7] = [
    PolicyKind::Identity,
    PolicyKind::Trust,
    PolicyKind::Resource,
    PolicyKind::Scp,
    PolicyKind::Rcp,
    PolicyKind::Boundary,
    PolicyKind::Session,
];

/// What each fuzz target does with its input (fuzz/fuzz_targets/*.rs), on text.
fn every_target(text: &str) {
    for kind in KINDS {
        let _ = validate_text(text, kind);
    }
    let _ = read_scenario(text);
    let _ = run_scenario(text);
    if let Ok(decoded) = link::decode(text) {
        if let Err(e) = link::encode(&decoded) {
            panic!(
                "decode accepted a scenario that encode refuses: {}",
                e.message()
            );
        }
    }
}

/// The scenarios of tests/corpus, www/examples and fuzz/seeds.
fn seeds() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/corpus", "www/examples", "fuzz/seeds"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let is_scenario = path.extension().is_some_and(|e| e == "json")
                && path.file_name().is_some_and(|n| n != "index.json");
            if is_scenario {
                out.push(std::fs::read_to_string(&path).expect("a seed scenario is readable"));
            }
        }
    }
    assert!(!out.is_empty(), "no seed scenarios found");
    out
}

/// Prefixes at a spread of byte offsets (lossily decoded, so a cut inside a character counts).
fn truncations(seed: &str) -> impl Iterator<Item = String> + '_ {
    let bytes = seed.as_bytes();
    let step = (bytes.len() / 97).max(1);
    (0..bytes.len())
        .step_by(step)
        .map(move |n| String::from_utf8_lossy(&bytes[..n]).into_owned())
}

/// One byte changed at a spread of offsets, to characters that matter to JSON and to invalid
/// UTF-8.
fn flips(seed: &str) -> impl Iterator<Item = String> + '_ {
    const REPLACEMENTS: &[u8] = b"\"\\{}[]:,0\x00\xff\xc3*?$";
    let bytes = seed.as_bytes();
    let step = (bytes.len() / 61).max(1);
    (0..bytes.len())
        .step_by(step)
        .enumerate()
        .map(move |(i, at)| {
            let mut b = bytes.to_vec();
            b[at] = REPLACEMENTS[i % REPLACEMENTS.len()];
            String::from_utf8_lossy(&b).into_owned()
        })
}

/// Texts built to exhaust: nesting, long strings, many elements, odd numbers.
fn hostile() -> Vec<String> {
    let deep_arrays = "[".repeat(100_000);
    let deep_objects = "{\"a\":".repeat(50_000);
    let long = "x".repeat(4 << 20);
    let policy = |statement: &str| format!(r#"{{"Version":"2012-10-17","Statement":{statement}}}"#);
    let many_statements = policy(&format!(
        "[{}]",
        vec![r#"{"Effect":"Allow","Action":"*","Resource":"*"}"#; 20_000].join(",")
    ));
    let wildcards = policy(&format!(
        r#"{{"Effect":"Allow","Action":"{a}","Resource":"{a}"}}"#,
        a = "*?".repeat(20_000)
    ));
    let scenario = |requests: &str| {
        format!(
            r#"{{"scenario":1,"policies":{{"P":{}}},"requests":{requests}}}"#,
            wildcards
        )
    };
    let request = r#"{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","at":1e308}"#;
    let many_requests = scenario(&format!("[{}]", vec![request; 5_000].join(",")));
    vec![
        String::new(),
        "\u{feff}".into(),
        "null".into(),
        "\"\\ud800\"".into(),
        "1e999999999".into(),
        "-".repeat(1 << 16),
        deep_arrays.clone(),
        deep_objects.clone(),
        format!(r#"{{"scenario":1,"title":"{long}","requests":[]}}"#),
        format!(r#"{{"scenario":1,"requests":[],"policies":{{"P":{deep_arrays}}}}}"#),
        format!(r#"{{"Version":"2012-10-17","Statement":{deep_objects}}}"#),
        many_statements,
        wildcards,
        many_requests,
        String::from_utf8_lossy(&[0xff, 0xfe, b'{', 0xc3, b'}', 0x80, 0xed, 0xa0, 0x80])
            .into_owned(),
        "#s1.".into(),
        "#s1.====".into(),
        "#s99999999999999999999999.AAAA".into(),
        format!("#s1.{}", "A".repeat(1 << 20)),
        "http://127.0.0.1:8080/#s1.\u{1F600}".into(),
    ]
}

/// A link whose payload inflates to far more than any scenario may be.
fn bomb() -> String {
    let zeros = vec![b' '; 32 << 20];
    let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 6);
    format!("#s1.{}", base64url(&packed))
}

fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

#[test]
fn seeds_and_their_mutations_never_panic() {
    for seed in seeds() {
        if let Err(findings) = run_scenario(&seed) {
            panic!("a seed is not a valid scenario, so it seeds little: {findings:?}");
        }
        every_target(&seed);
        truncations(&seed).for_each(|t| every_target(&t));
        flips(&seed).for_each(|t| every_target(&t));
        let link = link::encode(&seed).expect("a seed scenario encodes");
        assert_eq!(
            run_scenario(&link::decode(&link).expect("its link decodes"))
                .map(|o| o.results.len())
                .ok(),
            run_scenario(&seed).map(|o| o.results.len()).ok()
        );
        truncations(&link).for_each(|t| every_target(&t));
        flips(&link).for_each(|t| every_target(&t));
    }
}

#[test]
fn hostile_texts_never_panic() {
    for text in hostile() {
        every_target(&text);
    }
    assert!(
        link::decode(&bomb()).is_err(),
        "a decompression bomb is refused"
    );
}
