//! A brief explanation makes only the derived keys its world's policies read (see
//! [`DerivedKeys`](crate::condition::DerivedKeys)): for each key AWS derives, a world whose one
//! policy reads only that key must decide the same, and allow, whether explained briefly or in
//! full.

use super::{run_scenario_with, RunOptions};
use crate::evaluation::Decision;

/// Each derived key with a condition that holds for alice's `iam:GetRole` on the tagged role of
/// her own account, in an organization.
const HOLDING: [(&str, &str, &str); 16] = [
    ("DateGreaterThan", "aws:CurrentTime", "2025-06-01T00:00:00Z"),
    ("NumericGreaterThan", "aws:EpochTime", "1700000000"),
    ("Bool", "aws:SecureTransport", "true"),
    ("Bool", "aws:ViaAWSService", "false"),
    ("StringEquals", "aws:username", "alice"),
    ("StringLike", "aws:userid", "AIDA*"),
    ("StringEquals", "aws:PrincipalType", "User"),
    (
        "ArnEquals",
        "aws:PrincipalArn",
        "arn:aws:iam::111122223333:user/alice",
    ),
    ("StringEquals", "aws:PrincipalAccount", "111122223333"),
    ("Bool", "aws:PrincipalIsAWSService", "false"),
    ("StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5"),
    (
        "ForAnyValue:StringLike",
        "aws:PrincipalOrgPaths",
        "o-a1b2c3d4e5/r-ab12/*",
    ),
    ("StringEquals", "aws:ResourceAccount", "111122223333"),
    ("StringEquals", "aws:ResourceOrgID", "o-a1b2c3d4e5"),
    (
        "ForAnyValue:StringLike",
        "aws:ResourceOrgPaths",
        "o-a1b2c3d4e5/r-ab12/*",
    ),
    ("StringEquals", "aws:ResourceTag/team", "blue"),
];

/// Runs the scenario's one request explained in full, then briefly: both must allow it.
fn allowed_brief_and_full(text: &str, what: &str) {
    for full in [None, Some(Vec::new())] {
        let options = RunOptions {
            full_explanations: full.clone(),
            ..RunOptions::default()
        };
        let out = run_scenario_with(text, &options).expect("valid");
        let decision = out.results[0].decision;
        assert_eq!(
            decision,
            Decision::Allowed,
            "{what}, brief: {}",
            full.is_some()
        );
    }
}

fn scenario(operator: &str, key: &str, value: &str) -> String {
    format!(
        r#"{{ "scenario": 1,
  "accounts": [ {{ "id": "111122223333", "organization": {{ "id": "o-a1b2c3d4e5", "path": ["r-ab12"] }} }} ],
  "users": [ {{ "arn": "arn:aws:iam::111122223333:user/alice", "policies": [
    {{ "Version": "2012-10-17", "Statement": [ {{ "Effect": "Allow", "Action": "iam:GetRole", "Resource": "*",
      "Condition": {{ "{operator}": {{ "{key}": "{value}" }} }} }} ] }} ] }} ],
  "roles": [ {{ "arn": "arn:aws:iam::111122223333:role/app", "tags": {{ "team": "blue" }},
    "trust": {{ "Version": "2012-10-17", "Statement": [ {{ "Effect": "Allow",
      "Principal": {{ "Service": "ec2.amazonaws.com" }}, "Action": "sts:AssumeRole" }} ] }} }} ],
  "requests": [ {{ "principal": "arn:aws:iam::111122223333:user/alice", "action": "iam:GetRole",
    "resource": "arn:aws:iam::111122223333:role/app" }} ] }}"#
    )
}

#[test]
fn every_derived_key_is_made_for_a_brief_explanation_when_a_policy_reads_it() {
    for (operator, key, value) in HOLDING {
        allowed_brief_and_full(&scenario(operator, key, value), key);
    }
}

#[test]
fn a_key_the_service_principal_carries_is_made_when_its_trust_policy_reads_it() {
    let text = r#"{ "scenario": 1, "accounts": [ { "id": "111122223333" } ],
  "roles": [ { "arn": "arn:aws:iam::111122223333:role/fn",
    "trust": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow",
      "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole",
      "Condition": { "StringEquals": { "aws:PrincipalServiceName": "lambda.amazonaws.com" } } } ] } } ],
  "requests": [ { "principal": "lambda.amazonaws.com", "action": "sts:AssumeRole",
    "resource": "arn:aws:iam::111122223333:role/fn", "parameters": { "RoleSessionName": "fn" } } ] }"#;
    allowed_brief_and_full(text, "aws:PrincipalServiceName");
}

#[test]
fn a_key_only_a_policy_variable_in_a_condition_reads_is_made() {
    let text = r#"{ "scenario": 1, "accounts": [ { "id": "111122223333" } ],
  "users": [ { "arn": "arn:aws:iam::111122223333:user/alice", "policies": [
    { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::home",
      "Condition": { "StringLike": { "s3:prefix": "${aws:username}/*" } } } ] } ] } ],
  "requests": [ { "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:ListBucket",
    "resource": "arn:aws:s3:::home", "context": { "s3:prefix": "alice/notes" } } ] }"#;
    allowed_brief_and_full(text, "${aws:username}");
}
