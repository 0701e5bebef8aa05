//! The scenario corpus: every request of every scenario under `tests/corpus/` and
//! `www/examples/` carries `expect`, every expectation must be met, and no policy has an error
//! finding but one that a request expecting an error is about. Each scenario also makes
//! a share link that decodes to a scenario with the same results.
#![cfg(not(target_arch = "wasm32"))]

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

use iam_playground::lang::Lang;
use iam_playground::scenario::{link, run_scenario, run_scenario_with, RequestResult, RunOptions};

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
        // An error finding is a mistake in the scenario, unless it stands in a request that
        // expects the error it causes (a malformed session policy is that request's point).
        let expected = |pointer: &str| {
            output.results.iter().any(|r| {
                r.decision.as_str() == "error"
                    && r.expectation == Some("met")
                    && pointer.starts_with(&format!("/requests/{}/", r.index))
            })
        };
        let mistake = output
            .findings
            .iter()
            .find(|f| f.is_error() && !expected(&f.pointer));
        if let Some(f) = mistake {
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

/// Asked for Japanese, every scenario explains itself in Japanese: every sentence the engine
/// writes (summary, notes, check names and notes, reasons, changes, policy labels, element
/// details, condition reasons) has Japanese in it, and none of the English run has. What AWS
/// says (decision, code, message) and the session are the same in both languages.
#[test]
fn every_explanation_is_written_in_the_language_asked_for() {
    let japanese = RunOptions {
        lang: Lang::Ja,
        ..RunOptions::default()
    };
    let mut failures = Vec::new();
    for (path, text) in CORPUS {
        let english = run_scenario(text).expect("a valid scenario");
        let ja = run_scenario_with(text, &japanese).expect("a valid scenario");
        assert_eq!(english.results.len(), ja.results.len(), "{path}");
        let places = |o: &iam_playground::scenario::RunOutput| -> Vec<_> {
            o.findings
                .iter()
                .map(|f| (f.code, f.severity, f.pointer.clone()))
                .collect()
        };
        assert_eq!(places(&english), places(&ja), "{path}: the findings differ");
        for (en, ja) in english.results.iter().zip(&ja.results) {
            let at = format!("{path} [{}]", en.index);
            if aws_says(en) != aws_says(ja) {
                failures.push(format!("{at}: AWS's answer differs between languages"));
            }
            for sentence in sentences(en) {
                if has_japanese(&sentence) {
                    failures.push(format!("{at}: Japanese in the English run: {sentence}"));
                }
            }
            for sentence in sentences(ja) {
                if !has_japanese(&sentence) {
                    failures.push(format!("{at}: not Japanese: {sentence}"));
                }
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

fn has_japanese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
}

/// What AWS itself answers, which no language changes.
fn aws_says(result: &RequestResult) -> serde_json::Value {
    let checks: Vec<_> = result
        .explain
        .checks
        .iter()
        .map(|c| {
            let auth = c.authorization.as_ref();
            serde_json::json!([
                c.decision.as_str(),
                c.code,
                c.message,
                auth.map(|a| &a.message),
                auth.map(|a| a.policies.iter().map(|p| p.verdict).collect::<Vec<_>>())
            ])
        })
        .collect();
    serde_json::json!([
        result.decision.as_str(),
        result.code,
        result.message,
        result.expectation,
        serde_json::to_value(&result.session).unwrap(),
        checks
    ])
}

/// Every sentence of a result's explanation.
fn sentences(result: &RequestResult) -> Vec<String> {
    let explain = &result.explain;
    let mut out = vec![explain.summary.clone()];
    out.extend(explain.notes.iter().cloned());
    for check in &explain.checks {
        out.push(check.name.clone());
        out.extend(check.notes.iter().cloned());
        let Some(auth) = &check.authorization else {
            continue;
        };
        out.extend(auth.reasons.iter().cloned());
        out.extend(auth.changes.iter().cloned());
        for policy in &auth.policies {
            out.push(policy.label.to_string());
            for statement in &policy.statements {
                out.push(statement.action.detail.clone());
                out.extend(statement.resource.iter().map(|e| e.detail.clone()));
                out.extend(statement.principal.iter().map(|e| e.detail.clone()));
                out.extend(statement.conditions.iter().map(|c| c.reason.clone()));
            }
        }
    }
    out
}

/// A brief explanation, which never describes the statements about other actions, is the full
/// one with its checks, context and notes left out: the same decisions, errors, sessions and
/// summaries.
#[test]
fn brief_explanations_are_full_ones_cut_down() {
    for lang in [Lang::En, Lang::Ja] {
        for (path, text) in CORPUS {
            let options = |full| RunOptions {
                lang,
                full_explanations: full,
                ..RunOptions::default()
            };
            let brief = run_scenario_with(text, &options(Some(vec![]))).expect("valid");
            let mut full = run_scenario_with(text, &options(None)).expect("valid");
            let closed = |r: &RequestResult| r.explain.brief && r.explain.checks.is_empty();
            assert!(brief.results.iter().all(closed), "{path}");
            full.results.iter_mut().for_each(RequestResult::brief);
            assert_eq!(
                serde_json::to_string(&brief).unwrap(),
                serde_json::to_string(&full).unwrap(),
                "{path} {lang:?}"
            );
        }
    }
}

/// The page's replies are written by the engine's own JSON writer and the command line's by
/// `serde_json`: for every scenario, results and findings, in both languages, they must be the
/// same text.
#[test]
fn the_pages_json_writer_writes_what_serde_json_writes() {
    for lang in [Lang::En, Lang::Ja] {
        for (path, text) in CORPUS {
            let options = RunOptions {
                lang,
                ..RunOptions::default()
            };
            let output = run_scenario_with(text, &options).expect("valid");
            assert_eq!(
                iam_playground::json::to_compact_json(&output).unwrap(),
                serde_json::to_string(&output).unwrap(),
                "{path} {lang:?}"
            );
        }
    }
}

/// A summary never says the same sentence twice: the checks of one call often share a reason.
#[test]
fn no_summary_repeats_a_sentence() {
    for (path, text) in CORPUS {
        for lang in [Lang::En, Lang::Ja] {
            let options = RunOptions {
                lang,
                ..RunOptions::default()
            };
            let Ok(out) = run_scenario_with(text, &options) else {
                continue;
            };
            for result in &out.results {
                let summary = &result.explain.summary;
                let mut seen = std::collections::HashSet::new();
                for sentence in summary.split_inclusive(['.', '。']) {
                    let sentence = sentence.trim();
                    assert!(
                        sentence.chars().count() < 12 || seen.insert(sentence),
                        "{path} {lang:?} request {}: {summary}",
                        result.index
                    );
                }
            }
        }
    }
}
