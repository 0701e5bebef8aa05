//! The time limit per request and per scenario, on a clock that advances one millisecond each
//! time it is read, so the tests do not depend on the machine's speed.

use std::cell::Cell;

use super::{run_scenario_with, RunOptions, TimeLimits};
use crate::evaluation::Decision;

thread_local!(static NOW: Cell<f64> = const { Cell::new(0.0) });

fn ticking() -> f64 {
    NOW.with(|now| {
        let t = now.get();
        now.set(t + 1.0);
        t
    })
}

const LIMITS: TimeLimits = TimeLimits {
    clock: Some(ticking),
    request_ms: 50,
    scenario_ms: 120,
};

fn run(text: &str, limits: TimeLimits) -> super::RunOutput {
    let options = RunOptions {
        limits,
        ..RunOptions::default()
    };
    run_scenario_with(text, &options).expect("a valid scenario")
}

/// A bucket policy whose condition lists `n` patterns, and `requests` requests that each carry
/// `n` values for the key: n² comparisons per request.
fn many_values(n: usize, requests: usize) -> String {
    let patterns: Vec<String> = (0..n).map(|i| format!("\"p{i}*\"")).collect();
    let values: Vec<String> = (0..n).map(|i| format!("\"v{i}\"")).collect();
    let request = format!(
        r#"{{ "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
             "resource": "arn:aws:s3:::b/k", "context": {{ "aws:TagKeys": [{}] }} }}"#,
        values.join(",")
    );
    format!(
        r#"{{ "scenario": 1, "accounts": [{{ "id": "111122223333" }}],
  "users": [{{ "arn": "arn:aws:iam::111122223333:user/alice" }}],
  "resources": [{{ "arn": "arn:aws:s3:::b", "policy": {{ "Version": "2012-10-17", "Statement": [
    {{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*",
       "Condition": {{ "ForAnyValue:StringLike": {{ "aws:TagKeys": [{}] }} }} }} ] }} }}],
  "requests": [{}] }}"#,
        patterns.join(","),
        vec![request; requests].join(",")
    )
}

#[test]
fn a_small_request_is_decided_within_the_limit() {
    let output = run(&many_values(3, 1), LIMITS);
    assert_eq!(output.results[0].decision, Decision::ImplicitDeny);
    assert_eq!(output.results[0].code.as_deref(), Some("AccessDenied"));
}

#[test]
fn a_request_that_runs_out_of_time_is_an_error_not_a_decision() {
    // 300 × 300 comparisons read the clock far more than 50 times.
    let output = run(&many_values(300, 1), LIMITS);
    let result = &output.results[0];
    assert_eq!(result.decision, Decision::Error);
    assert_eq!(result.code.as_deref(), Some("PlaygroundTimeLimitExceeded"));
    assert!(
        result.explain.summary.contains("50 ms"),
        "{}",
        result.explain.summary
    );
}

#[test]
fn once_the_scenario_runs_out_of_time_the_remaining_requests_are_not_evaluated() {
    let output = run(&many_values(300, 4), LIMITS);
    let summaries: Vec<&str> = output
        .results
        .iter()
        .map(|r| r.explain.summary.as_str())
        .collect();
    assert!(output
        .results
        .iter()
        .all(|r| r.code.as_deref() == Some("PlaygroundTimeLimitExceeded")));
    assert!(summaries[0].contains("this request"), "{summaries:?}");
    assert!(summaries[3].contains("scenario"), "{summaries:?}");
}

#[test]
fn without_a_clock_there_is_no_limit() {
    let limits = TimeLimits {
        clock: None,
        ..LIMITS
    };
    let output = run(&many_values(60, 1), limits);
    assert_eq!(output.results[0].decision, Decision::ImplicitDeny);
}

#[test]
fn an_author_may_expect_the_time_limit() {
    let expected = r#""resource": "arn:aws:s3:::b/k", "expect": { "decision": "error", "code": "PlaygroundTimeLimitExceeded" },"#;
    let text = many_values(300, 1).replacen(r#""resource": "arn:aws:s3:::b/k","#, expected, 1);
    let output = run(&text, LIMITS);
    assert_eq!(output.results[0].expectation, Some("met"));
}
