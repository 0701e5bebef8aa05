//! The trace of a statement, read back from a whole scenario run.

use crate::scenario::run_scenario;

use super::{Decision, StatementTrace};

/// alice's policy has a statement for another action (with a condition that would fail) and one
/// for the requested action (with a condition that holds).
const SCENARIO: &str = r#"{
  "scenario": 1,
  "accounts": [{ "id": "111122223333" }],
  "users": [{
    "arn": "arn:aws:iam::111122223333:user/alice",
    "policies": [{
      "Version": "2012-10-17",
      "Statement": [
        { "Sid": "Other", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*",
          "Condition": { "StringEquals": { "aws:PrincipalTag/team": "red" } } },
        { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
          "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
      ]
    }]
  }],
  "requests": [{ "principal": "arn:aws:iam::111122223333:user/alice",
                 "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k" }]
}"#;

fn statements() -> (Decision, Vec<StatementTrace>) {
    let output = run_scenario(SCENARIO).expect("a valid scenario");
    let result = &output.results[0];
    let authorization = result.explain.checks[0]
        .authorization
        .as_ref()
        .expect("an authorization");
    let policy = &authorization.policies[0];
    (result.decision, policy.statements.clone())
}

#[test]
fn a_statement_whose_action_does_not_match_stops_there() {
    let (_, statements) = statements();
    let other = &statements[0];
    assert!(!other.applies);
    assert!(!other.action.matched);
    assert!(other.resource.is_none(), "resource evaluated: {other:?}");
    assert!(
        other.conditions.is_empty(),
        "conditions evaluated: {other:?}"
    );
}

#[test]
fn a_statement_whose_action_matches_shows_every_element() {
    let (decision, statements) = statements();
    let read = &statements[1];
    assert!(read.action.matched);
    assert!(read.resource.as_ref().is_some_and(|r| r.matched));
    assert_eq!(read.conditions.len(), 1);
    // aws:SecureTransport defaults to true in a scenario: the condition fails.
    assert!(!read.conditions[0].matched);
    assert!(!read.applies);
    assert_eq!(decision, Decision::ImplicitDeny);
}
