//! The scenario corpus: every request of every scenario under `tests/corpus/` and
//! `www/examples/` carries `expect`, and every expectation must be met. Each scenario also makes
//! a share link that decodes to a scenario with the same results.
#![cfg(not(target_arch = "wasm32"))]

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

use iam_playground::scenario::{link, run_scenario};

#[test]
fn corpus_is_not_empty() {
    assert!(
        CORPUS.len() >= 2,
        "the corpus has {} scenarios",
        CORPUS.len()
    );
}

#[test]
fn every_expectation_in_the_corpus_is_met() {
    let mut failures = Vec::new();
    for (path, text) in CORPUS {
        let output = match run_scenario(text) {
            Ok(output) => output,
            Err(findings) => {
                failures.push(format!("{path}: not a valid scenario: {findings:#?}"));
                continue;
            }
        };
        if let Some(f) = output.findings.iter().find(|f| f.is_error()) {
            failures.push(format!(
                "{path}: error finding {} at {}: {}",
                f.code, f.pointer, f.message
            ));
        }
        for result in &output.results {
            let name = result.name.as_deref().unwrap_or("");
            match result.expectation {
                Some("met") => {}
                Some(_) => failures.push(format!(
                    "{path}: request {} ({name}): got {} {:?} {:?}\n    {}",
                    result.index,
                    result.decision.as_str(),
                    result.code,
                    result.message,
                    result.explain.summary
                )),
                None => failures.push(format!(
                    "{path}: request {} ({name}) has no `expect`",
                    result.index
                )),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_scenario_survives_a_share_link_round_trip() {
    for (path, text) in CORPUS {
        let fragment = link::encode(text).unwrap_or_else(|e| panic!("{path}: {}", e.message()));
        let decoded = link::decode(&fragment).unwrap_or_else(|e| panic!("{path}: {}", e.message()));
        // The decoded text is re-indented, so line numbers in explanations may differ; what a
        // person acts on (decision, code, message, session, expectation) must not.
        assert_eq!(
            outcomes(text),
            outcomes(&decoded),
            "{path}: the link changes the results"
        );
    }
}

fn outcomes(text: &str) -> Vec<serde_json::Value> {
    let output = run_scenario(text).expect("a valid scenario");
    output
        .results
        .iter()
        .map(|r| {
            serde_json::json!([
                r.decision.as_str(),
                r.code,
                r.message,
                r.expectation,
                serde_json::to_value(&r.session).unwrap()
            ])
        })
        .collect()
}
