//! The engine that keeps the last world between runs must give exactly what a fresh run gives,
//! whatever sequence of texts it is handed: the corpus one after another, edits inside a
//! scenario's `requests` (where it reuses the world), edits of a policy and language switches
//! (where it must not), and broken text in between.
#![cfg(not(target_arch = "wasm32"))]

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

use iam_playground::json::{parse, Limits, Value};
use iam_playground::lang::Lang;
use iam_playground::scenario::{run_scenario_with, Engine, RunOptions};

/// A run's whole outcome as text: results and findings, or the findings that stopped it.
fn outcome(
    r: Result<iam_playground::scenario::RunOutput, Vec<iam_playground::finding::Finding>>,
) -> String {
    match r {
        Ok(out) => format!("ok {}", serde_json::to_string(&out).unwrap()),
        Err(findings) => format!("err {}", serde_json::to_string(&findings).unwrap()),
    }
}

fn options(lang: Lang, full: Option<Vec<usize>>) -> RunOptions {
    RunOptions {
        lang,
        full_explanations: full,
        ..RunOptions::default()
    }
}

/// Runs `text` through `engine` and fresh; they must agree. Returns whether the world was reused.
fn same(engine: &mut Engine, label: &str, text: &str, options: &RunOptions) -> bool {
    let fresh = outcome(run_scenario_with(text, options));
    let kept = outcome(engine.run(text, options));
    assert_eq!(kept, fresh, "{label}: the engine differs from a fresh run");
    engine.reused_world()
}

/// Where the top-level `requests` value stands: its byte range and its items' ranges.
fn requests_of(text: &str) -> (usize, usize, Vec<(usize, usize)>) {
    let json = parse(text, &Limits::default()).expect("corpus text is JSON");
    let Value::Object(members) = &json.value else {
        panic!("a scenario is an object")
    };
    let requests = &members.iter().find(|m| m.key == "requests").unwrap().value;
    let Value::Array(items) = &requests.value else {
        panic!("requests is an array")
    };
    let items = items
        .iter()
        .map(|i| (i.span.start.offset, i.span.end.offset))
        .collect();
    (requests.span.start.offset, requests.span.end.offset, items)
}

/// Whether nothing with a position follows the requests (the engine then reuses the world even
/// when the requests change length).
fn requests_last(text: &str) -> bool {
    let (_, end, _) = requests_of(text);
    text[end..].trim() == "}"
}

#[test]
fn the_corpus_one_after_another_matches_fresh_runs() {
    let mut engine = Engine::new();
    for lang in [Lang::En, Lang::Ja] {
        for (path, text) in CORPUS {
            let reused = same(&mut engine, path, text, &options(lang, None));
            assert!(
                !reused,
                "{path}: a different scenario reused the last world"
            );
            // The same text again (the page asking for another explanation) reuses it.
            let opened = options(lang, Some(vec![0]));
            assert!(same(&mut engine, path, text, &opened), "{path}: not reused");
        }
    }
}

#[test]
fn edits_inside_requests_reuse_the_world_and_match_fresh_runs() {
    let mut engine = Engine::new();
    let mut reused = 0;
    for (path, text) in CORPUS {
        let opts = options(Lang::En, Some(vec![]));
        same(&mut engine, path, text, &opts);
        let (_, _, items) = requests_of(text);
        let (first, last) = (items[0], *items.last().unwrap());
        let expect_reuse = requests_last(text);
        // The first request copied to the end of the list.
        let added = format!(
            "{},\n{}{}",
            &text[..last.1],
            &text[first.0..first.1],
            &text[last.1..]
        );
        let r = same(&mut engine, &format!("{path} + a request"), &added, &opts);
        assert_eq!(r, expect_reuse, "{path}: reuse after adding a request");
        reused += usize::from(r);
        // The last request taken out again, when there are several.
        if items.len() > 1 {
            let removed = format!("{}{}", &text[..items[items.len() - 2].1], &text[last.1..]);
            let r = same(&mut engine, &format!("{path} - a request"), &removed, &opts);
            assert_eq!(r, expect_reuse, "{path}: reuse after removing a request");
        }
        // Broken JSON inside the requests, as while typing, then whole again: the world kept
        // through the broken text is reused.
        let broken = format!("{},,{}", &text[..last.1], &text[last.1..]);
        assert!(!same(
            &mut engine,
            &format!("{path} broken"),
            &broken,
            &opts
        ));
        let r = same(&mut engine, &format!("{path} mended"), text, &opts);
        assert_eq!(r, expect_reuse, "{path}: reuse after mending");
    }
    assert!(
        reused > CORPUS.len() / 2,
        "only {reused} edits reused the world"
    );
}

#[test]
fn edits_outside_requests_and_language_switches_read_the_world_again() {
    let mut engine = Engine::new();
    for (path, text) in CORPUS {
        let opts = options(Lang::En, None);
        same(&mut engine, path, text, &opts);
        // A Japanese run of the same text explains in Japanese: nothing reused.
        assert!(!same(&mut engine, path, text, &options(Lang::Ja, None)));
        // A title added before everything else moves every position.
        let titled = text.replacen('{', "{\n  \"title\": \"edited\",", 1);
        assert!(!same(
            &mut engine,
            &format!("{path} titled"),
            &titled,
            &options(Lang::Ja, None)
        ));
        // A policy's Effect changed: a different world.
        if let Some(at) = text.find("\"Allow\"") {
            let denied = format!("{}\"Deny\"{}", &text[..at], &text[at + 7..]);
            assert!(!same(
                &mut engine,
                &format!("{path} denied"),
                &denied,
                &options(Lang::Ja, None)
            ));
        }
    }
}

/// When something with a position follows the requests, a change of their length moves it: the
/// world must be read again, or its findings would point at the old lines.
#[test]
fn a_world_written_after_the_requests_is_read_again_when_they_change_length() {
    let text = |extra: &str| {
        format!(
            r#"{{
  "scenario": 1,
  "requests": [
    {{ "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
       "resource": "arn:aws:s3:::b/k", "expect": "allowed" }}{extra}
  ],
  "users": [
    {{ "arn": "arn:aws:iam::111122223333:user/alice",
       "policies": [{{ "Statement": [{{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }}] }}] }}
  ]
}}"#
        )
    };
    let mut engine = Engine::new();
    let opts = options(Lang::En, None);
    let first = text("");
    same(&mut engine, "first", &first, &opts);
    let fresh = run_scenario_with(&first, &opts).unwrap();
    assert!(
        fresh.findings.iter().any(|f| f.line.is_some()),
        "the world has a finding with a line (the policy has no Version): {:?}",
        fresh.findings
    );
    let grown = text(",\n    { \"principal\": \"arn:aws:iam::111122223333:user/alice\", \"action\": \"s3:PutObject\",\n      \"resource\": \"arn:aws:s3:::b/k\", \"expect\": \"implicitDeny\" }");
    assert!(!same(&mut engine, "grown", &grown, &opts));
    // Same length, same lines, different action: the world is still where it was.
    let same_length = first.replace("s3:GetObject\",\n", "s3:PutObject\",\n");
    assert_ne!(same_length, first);
    assert!(!same(&mut engine, "first again", &first, &opts));
    assert!(same(&mut engine, "same length", &same_length, &opts));
}

/// A policy edited: the scenario's other policies, same text at the same line and column, are
/// taken from the last build (moved when their bytes moved), and the outcome is still exactly a
/// fresh run's.
#[test]
fn an_edited_policy_leaves_the_others_compiled() {
    let mut engine = Engine::new();
    let mut reused_somewhere = 0;
    for lang in [Lang::En, Lang::Ja] {
        for (path, text) in CORPUS {
            let opts = options(lang, None);
            same(&mut engine, path, text, &opts);
            let policies = text.matches("\"Statement\"").count();
            // The first "Allow" becomes "Deny": one byte shorter, same lines.
            let Some(at) = text.find("\"Allow\"") else {
                continue;
            };
            let denied = format!("{}\"Deny\"{}", &text[..at], &text[at + 7..]);
            assert!(!same(
                &mut engine,
                &format!("{path} denied"),
                &denied,
                &opts
            ));
            assert!(
                engine.reused_policies() < policies.max(1),
                "{path}: the edited policy was reused"
            );
            reused_somewhere += usize::from(engine.reused_policies() > 0);
            // Back again: every policy but the edited one is reused.
            same(&mut engine, &format!("{path} allowed again"), text, &opts);
        }
    }
    assert!(
        reused_somewhere > CORPUS.len() / 2,
        "policies were reused in only {reused_somewhere} edits"
    );
}

/// Policies read in one language are not reused in the other (their findings are sentences).
#[test]
fn policies_are_not_reused_across_languages() {
    let mut engine = Engine::new();
    let (path, text) = CORPUS
        .iter()
        .find(|(_, t)| t.matches("\"Statement\"").count() >= 2)
        .unwrap();
    same(&mut engine, path, text, &options(Lang::En, None));
    same(&mut engine, path, text, &options(Lang::Ja, None));
    assert_eq!(engine.reused_policies(), 0);
    let edited = text.replacen("\"scenario\": 1", "\"scenario\":   1", 1);
    assert_ne!(&edited, text);
    same(&mut engine, path, &edited, &options(Lang::Ja, None));
    assert!(
        engine.reused_policies() >= 2,
        "{path}: same line, later bytes: reused"
    );
}

mod random_edits {
    use super::*;
    use proptest::prelude::*;

    /// Bytes a person typing JSON produces: structure, quotes, digits, letters, white space.
    const TYPED: &[&str] = &[
        "\"", "{", "}", "[", "]", ",", ":", "1", "a", "Z", " ", "\n", "*", "s3:", "Deny",
    ];

    /// The nearest character boundary at or before `at`.
    fn boundary(text: &str, at: usize) -> usize {
        (0..=at.min(text.len()))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// A scenario, then a run of edits anywhere in it (typing or deleting, inside requests,
        /// policies or elsewhere, breaking the JSON or not), each run through one engine: every
        /// outcome is a fresh run's.
        #[test]
        fn random_edits_give_what_fresh_runs_give(
            file in 0..CORPUS.len(),
            edits in proptest::collection::vec(
                (any::<prop::sample::Index>(), 0usize..4, prop::sample::select(TYPED)),
                1..6,
            ),
            japanese in any::<bool>(),
        ) {
            let (path, base) = CORPUS[file];
            let lang = if japanese { Lang::Ja } else { Lang::En };
            let opts = options(lang, Some(vec![]));
            let mut engine = Engine::new();
            same(&mut engine, path, base, &opts);
            let mut text = base.to_string();
            for (at, delete, insert) in edits {
                let start = boundary(&text, at.index(text.len() + 1));
                let end = boundary(&text, start + delete).max(start);
                text.replace_range(start..end, insert);
                same(&mut engine, path, &text, &opts);
            }
        }
    }
}

/// Lines added above a policy move it down: it is still reused, and its findings and its
/// statements' lines in the explanations follow it.
#[test]
fn a_policy_moved_down_by_new_lines_is_reused_at_its_new_lines() {
    let text = |above: &str| {
        format!(
            r#"{{
  "scenario": 1,{above}
  "users": [
    {{ "arn": "arn:aws:iam::111122223333:user/alice",
       "policies": [{{ "Statement": [{{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }}] }}] }}
  ],
  "requests": [
    {{ "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
       "resource": "arn:aws:s3:::b/k", "expect": "allowed" }}
  ]
}}"#
        )
    };
    let mut engine = Engine::new();
    let opts = options(Lang::En, None);
    let first = text("");
    same(&mut engine, "first", &first, &opts);
    let line_of = |t: &str| {
        let out = run_scenario_with(t, &opts).unwrap();
        let finding = out.findings.iter().find(|f| f.line.is_some()).cloned();
        (
            finding.and_then(|f| f.line),
            serde_json::to_string(&out.results).unwrap(),
        )
    };
    let moved = text("\n  \"title\": \"three lines\",\n\n");
    assert!(!same(&mut engine, "moved down", &moved, &opts));
    assert_eq!(engine.reused_policies(), 1, "the policy was read again");
    let ((was, _), (now, results)) = (line_of(&first), line_of(&moved));
    assert!(
        was.is_some(),
        "the policy has a finding with a line (it has no Version)"
    );
    assert_eq!(now, was.map(|l| l + 3), "the finding moved with its policy");
    assert!(
        results.contains("\"line\":8"),
        "the statement's line: {results}"
    );
    // And back up.
    assert!(!same(&mut engine, "moved up", &first, &opts));
    assert_eq!(engine.reused_policies(), 1);
}

/// Only the requests are parsed when only they changed, so the scenario's limits on them (how
/// many, how long a string) and the place where they start are checked on that path too, with
/// the findings a whole reading gives.
#[test]
fn limits_and_places_inside_requests_are_checked_when_only_they_are_read() {
    let mut engine = Engine::new();
    let (path, text) = CORPUS[0];
    let opts = options(Lang::En, Some(vec![]));
    same(&mut engine, path, text, &opts);
    let (start, end, items) = requests_of(text);
    let first = &text[items[0].0..items[0].1];
    let with = |requests: &str| format!("{}{requests}{}", &text[..start], &text[end..]);
    // More requests than a scenario may have: refused, as a whole reading refuses them.
    let many = vec![first; iam_playground::scenario::document::MAX_REQUESTS + 1].join(",");
    let too_many = with(&format!("[{many}]"));
    assert!(!same(&mut engine, "too many", &too_many, &opts));
    let fresh = run_scenario_with(&too_many, &opts).unwrap_err();
    assert!(
        fresh.iter().any(|f| f.message.contains("at most 500")),
        "{fresh:?}"
    );
    same(&mut engine, "back", text, &opts);
    // A string longer than a scenario's strings may be.
    let long = "x".repeat(iam_playground::scenario::document::MAX_STRING_BYTES + 1);
    let long_name = with(&format!("[{{\"name\": \"{long}\", {}", &first[1..]));
    assert!(!same(&mut engine, "long string", &long_name, &opts));
    // A space before the requests moves them: the rest is read again, and still the same.
    same(&mut engine, "back", text, &opts);
    let moved = format!("{} {}", &text[..start], &text[start..]);
    assert!(!same(&mut engine, "moved", &moved, &opts));
    // Something after the requests where there was nothing (here a second `requests`).
    same(&mut engine, "back", text, &opts);
    let (head, tail) = text.split_at(text.trim_end().len() - 1);
    let doubled = format!("{head}, \"requests\": []{tail}");
    assert!(!same(&mut engine, "doubled", &doubled, &opts));
}

/// The same text again is not read again: the requests read from it last are evaluated afresh.
/// Whichever reading gave them (whole, or requests alone) and whatever came in between (an edit
/// whose requests are broken, a language switch), the same text gives what a fresh run gives.
#[test]
fn the_same_text_again_gives_what_a_fresh_run_gives() {
    let mut engine = Engine::new();
    let mut tried = 0;
    for &(path, text) in CORPUS.iter().filter(|(_, t)| requests_last(t)) {
        let (_, _, items) = requests_of(text);
        let (first, last) = (items[0], *items.last().unwrap());
        let added = format!(
            "{},\n{}{}",
            &text[..last.1],
            &text[first.0..first.1],
            &text[last.1..]
        );
        // Scenarios whose requests are named cannot take a copy of one.
        if run_scenario_with(&added, &options(Lang::En, None)).is_err() {
            continue;
        }
        tried += 1;
        let broken = format!(
            "{},\n{{\"principal\": 5}}{}",
            &text[..last.1],
            &text[last.1..]
        );
        let en = options(Lang::En, None);
        let ja = options(Lang::Ja, Some(vec![]));
        let steps = [
            (text, &en, false),
            (text, &en, true),
            (added.as_str(), &en, true),
            (added.as_str(), &ja, false),
            (added.as_str(), &ja, true),
            (broken.as_str(), &ja, true),
            (added.as_str(), &ja, true),
            (text, &ja, true),
            (text, &en, false),
        ];
        for (i, (step, opts, reused)) in steps.into_iter().enumerate() {
            let label = format!("{path} step {i}");
            assert_eq!(same(&mut engine, &label, step, opts), reused, "{label}");
        }
    }
    assert!(tried > 20, "only {tried} scenarios tried");
}

/// The page passes its text as UTF-8 bytes (`Engine.runInput`): they run exactly as the text does,
/// through the same kept world, and bytes that are not UTF-8 are refused with a finding at the
/// first bad byte, its line and UTF-16 column counted as for any other finding.
#[test]
fn utf8_bytes_run_as_their_text_and_broken_bytes_are_refused_where_they_break() {
    let mut engine = Engine::new();
    for (path, text) in CORPUS {
        let fresh = outcome(run_scenario_with(text, &options(Lang::En, None)));
        let bytes = outcome(engine.run_utf8(text.as_bytes(), &options(Lang::En, None)));
        assert_eq!(
            bytes, fresh,
            "{path}: UTF-8 bytes ran differently from the text"
        );
        let again = engine.run_utf8(text.as_bytes(), &options(Lang::En, Some(vec![0])));
        assert!(again.is_ok() && engine.reused_world(), "{path}: not reused");
    }
    // `é` is two bytes and one UTF-16 unit; 0xFF is never part of a UTF-8 character.
    let mut broken = "{\n  \"title\": \"é".as_bytes().to_vec();
    broken.extend_from_slice(b"\xFF\"\n}");
    for (lang, sentence) in [
        (
            Lang::En,
            "The scenario is not UTF-8 text: byte 17 is not part",
        ),
        (
            Lang::Ja,
            "シナリオが UTF-8 テキストではありません: 17 バイト目",
        ),
    ] {
        let Err(findings) = engine.run_utf8(&broken, &options(lang, None)) else {
            panic!("bytes that are not UTF-8 ran");
        };
        assert_eq!(findings.len(), 1);
        let finding = &findings[0];
        assert_eq!(finding.code, "JSON_SYNTAX");
        assert!(finding.is_error());
        assert!(finding.message.starts_with(sentence), "{}", finding.message);
        assert_eq!((finding.line, finding.column), (Some(2), Some(14)));
    }
    // A truncated character at the very end is refused too, at its first byte.
    let cut = &"{\"title\": \"日".as_bytes()[..13];
    let Err(findings) = engine.run_utf8(cut, &options(Lang::En, None)) else {
        panic!("a cut character ran");
    };
    assert_eq!((findings[0].line, findings[0].column), (Some(1), Some(12)));
    // A byte order mark takes no column, as for any other finding.
    let Err(findings) = engine.run_utf8(b"\xEF\xBB\xBF{\xFF", &options(Lang::En, None)) else {
        panic!("a bad byte after a byte order mark ran");
    };
    assert_eq!((findings[0].line, findings[0].column), (Some(1), Some(2)));
    let Err(syntax) = engine.run_utf8(b"\xEF\xBB\xBF{#", &options(Lang::En, None)) else {
        panic!("broken JSON ran");
    };
    assert_eq!((syntax[0].line, syntax[0].column), (Some(1), Some(2)));
}
