//! The STS call itself refuses what STS would refuse: a session policy IAM's grammar does not
//! accept (`MalformedPolicyDocument`) and a SAML assertion without a usable session name
//! (`InvalidIdentityToken`); no session is created, so later requests cannot use one.

use crate::evaluation::Decision;
use crate::lang::Lang;
use crate::scenario::{run_scenario_with, RunOptions, RunOutput};

/// alice may do anything and may assume R; each request passes `parameters` of its own.
fn run(requests: &str, lang: Lang) -> RunOutput {
    let text = format!(
        r#"{{
  "scenario": 1,
  "accounts": [{{ "id": "111122223333" }}],
  "policies": {{ "ReadOnly": {{ "Version": "2012-10-17",
    "Statement": [{{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }}] }} }},
  "users": [{{ "arn": "arn:aws:iam::111122223333:user/alice", "policies": [{{ "Version": "2012-10-17",
    "Statement": [{{ "Effect": "Allow", "Action": "*", "Resource": "*" }}] }}] }}],
  "roles": [{{ "arn": "arn:aws:iam::111122223333:role/R",
    "trust": {{ "Version": "2012-10-17", "Statement": [
      {{ "Effect": "Allow", "Principal": {{ "AWS": "111122223333" }}, "Action": "sts:AssumeRole" }},
      {{ "Effect": "Allow", "Principal": {{ "Federated": "arn:aws:iam::111122223333:saml-provider/IdP" }},
        "Action": "sts:AssumeRoleWithSAML" }}] }},
    "policies": [{{ "Version": "2012-10-17",
      "Statement": [{{ "Effect": "Allow", "Action": "s3:*", "Resource": "*" }}] }}] }}],
  "requests": [{requests}]
}}"#
    );
    run_scenario_with(
        &text,
        &RunOptions {
            lang,
            ..RunOptions::default()
        },
    )
    .expect("a valid scenario")
}

fn assume(parameters: &str) -> String {
    format!(
        r#"{{ "principal": "arn:aws:iam::111122223333:user/alice", "action": "sts:AssumeRole",
  "resource": "arn:aws:iam::111122223333:role/R", "parameters": {parameters} }}"#
    )
}

const USE_SESSION: &str = r#"{ "principal": "arn:aws:sts::111122223333:assumed-role/R/s1",
  "action": "s3:PutObject", "resource": "arn:aws:s3:::b/k" }"#;

#[test]
fn a_session_policy_without_effect_fails_the_assume_role_call() {
    let requests = [
        assume(
            r#"{ "RoleSessionName": "s1", "Policy": { "Version": "2012-10-17",
          "Statement": [{ "Action": "s3:GetObject", "Resource": "*" }] } }"#,
        ),
        USE_SESSION.to_string(),
    ];
    let out = run(&requests.join(","), Lang::En);
    let call = &out.results[0];
    assert_eq!(call.decision, Decision::Error);
    assert_eq!(call.code.as_deref(), Some("MalformedPolicyDocument"));
    assert_eq!(
        call.message.as_deref(),
        Some("The policy at /requests/0/parameters/Policy is not a valid policy document; see its findings.")
    );
    assert!(call.session.is_none());
    assert!(
        call.explain.summary.starts_with(
            "STS refuses the session policy at /requests/0/parameters/Policy before any policy is evaluated: This statement has no `Effect`"
        ),
        "{}",
        call.explain.summary
    );
    // No session was created: the later request is a plain session of R, as the result says.
    let later = &out.results[1];
    assert_eq!(later.decision, Decision::Allowed);
    assert!(later
        .explain
        .notes
        .iter()
        .any(|n| n.starts_with("No earlier request created")));
    assert!(out.findings.iter().any(|f| f.code == "MISSING_EFFECT"));
}

#[test]
fn a_session_policy_with_principal_fails_the_call_in_either_language() {
    let requests = assume(
        r#"{ "RoleSessionName": "s1", "Policy": { "Version": "2012-10-17",
      "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*" }] } }"#,
    );
    let (en, ja) = (run(&requests, Lang::En), run(&requests, Lang::Ja));
    for out in [&en, &ja] {
        assert_eq!(
            out.results[0].code.as_deref(),
            Some("MalformedPolicyDocument")
        );
    }
    assert_eq!(en.results[0].message, ja.results[0].message);
    let why = &ja.results[0].explain.summary;
    assert!(
        why.starts_with("STS は、ポリシーを評価する前に /requests/0/parameters/Policy のセッションポリシーを拒否します: セッションポリシーでは `Principal`"),
        "{why}"
    );
}

/// Warnings and suggestions are advice, not grammar: IAM accepts the policy, so STS does too.
#[test]
fn a_session_policy_with_only_warnings_is_accepted() {
    let requests = [
        assume(
            r#"{ "RoleSessionName": "s1", "Policy": {
          "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] } }"#,
        ),
        USE_SESSION.to_string(),
    ];
    let out = run(&requests.join(","), Lang::En);
    assert!(out.findings.iter().any(|f| f.code == "MISSING_VERSION"));
    assert!(
        out.findings.iter().all(|f| !f.is_error()),
        "{:?}",
        out.findings
    );
    assert_eq!(out.results[0].decision, Decision::Allowed);
    assert!(out.results[0].session.is_some());
    // The session policy allows only s3:GetObject.
    assert_eq!(out.results[1].decision, Decision::ImplicitDeny);
}

/// A policy ARN that names no policy fails the call too; a good one before it does not.
#[test]
fn an_unknown_policy_arn_fails_the_call_and_is_named() {
    let requests = assume(
        r#"{ "RoleSessionName": "s1", "PolicyArns": [
      "arn:aws:iam::111122223333:policy/ReadOnly", "arn:aws:iam::111122223333:policy/Missing"] }"#,
    );
    let out = run(&requests, Lang::En);
    let call = &out.results[0];
    assert_eq!(call.code.as_deref(), Some("MalformedPolicyDocument"));
    assert_eq!(
        call.message.as_deref(),
        Some("The policy at /requests/0/parameters/PolicyArns/1 is not a valid policy document; see its findings.")
    );
    assert!(call
        .explain
        .summary
        .contains("arn:aws:iam::111122223333:policy/Missing is neither a policy of this scenario"));
}

/// "The policies must exist in the same account as the role" (AssumeRole, `PolicyArns`): the
/// scenario's ReadOnly named in another account's ARN is not the role's, and an AWS managed
/// ARN names the catalogue's policy, never a scenario policy of the same name.
#[test]
fn a_managed_session_policy_must_be_in_the_roles_account() {
    let requests = [
        assume(
            r#"{ "RoleSessionName": "s1", "PolicyArns": ["arn:aws:iam::444455556666:policy/ReadOnly"] }"#,
        ),
        assume(
            r#"{ "RoleSessionName": "s2", "PolicyArns": ["arn:aws:iam::aws:policy/ReadOnly"] }"#,
        ),
        assume(
            r#"{ "RoleSessionName": "s3", "PolicyArns": ["arn:aws:iam::111122223333:policy/ReadOnly"] }"#,
        ),
        r#"{ "principal": "arn:aws:sts::111122223333:assumed-role/R/s3",
  "action": "s3:PutObject", "resource": "arn:aws:s3:::b/k" }"#
            .to_string(),
    ];
    let out = run(&requests.join(","), Lang::En);
    let other_account = &out.results[0];
    assert_eq!(
        other_account.code.as_deref(),
        Some("MalformedPolicyDocument")
    );
    assert!(
        other_account.explain.summary.contains(
            "arn:aws:iam::444455556666:policy/ReadOnly is in account 444455556666; managed session policies must be in the role's account (111122223333) or AWS managed."
        ),
        "{}",
        other_account.explain.summary
    );
    assert_eq!(
        out.results[1].code.as_deref(),
        Some("MalformedPolicyDocument")
    );
    assert!(out.results[1]
        .explain
        .summary
        .contains("is neither a policy of this scenario"));
    // In the role's account the scenario's ReadOnly applies: the session may not write.
    assert_eq!(out.results[2].decision, Decision::Allowed);
    assert_eq!(out.results[3].decision, Decision::ImplicitDeny);
    let ja = run(&requests.join(","), Lang::Ja);
    assert!(ja.results[0].explain.summary.contains(
        "管理セッションポリシーはロールのアカウント (111122223333) のもの、または AWS 管理ポリシーでなければなりません。"
    ));
}

/// STS's request validation answers first, and an oversized policy keeps its own error.
#[test]
fn request_validation_comes_before_the_session_policy() {
    let short_name = assume(
        r#"{ "RoleSessionName": "a", "Policy": { "Version": "2012-10-17",
      "Statement": [{ "Action": "s3:GetObject", "Resource": "*" }] } }"#,
    );
    let oversized = assume(&format!(
        r#"{{ "RoleSessionName": "s1", "Policy": {{ "Version": "2012-10-17",
      "Statement": [{{ "Sid": "{}", "Action": "s3:GetObject", "Resource": "*" }}] }} }}"#,
        "x".repeat(2048)
    ));
    let out = run(&[short_name, oversized].join(","), Lang::En);
    for result in &out.results {
        assert_eq!(
            result.code.as_deref(),
            Some("ValidationError"),
            "{:?}",
            result.message
        );
    }
    assert!(out.results[1]
        .message
        .as_deref()
        .is_some_and(|m| m.ends_with("Member must have length less than or equal to 2048")));
}

#[test]
fn a_saml_assertion_without_a_session_name_names_the_attribute() {
    let requests = r#"{ "action": "sts:AssumeRoleWithSAML", "resource": "arn:aws:iam::111122223333:role/R",
  "parameters": { "PrincipalArn": "arn:aws:iam::111122223333:saml-provider/IdP",
    "SAMLAssertion": { "iss": "https://idp.example.com/saml", "sub": "jdoe" } } }"#;
    let out = run(requests, Lang::En);
    let call = &out.results[0];
    assert_eq!(call.decision, Decision::Error);
    assert_eq!(call.code.as_deref(), Some("InvalidIdentityToken"));
    assert_eq!(
        call.message.as_deref(),
        Some("RoleSessionName is required in AuthnResponse")
    );
    assert!(call.explain.summary.contains(
        "https://aws.amazon.com/SAML/Attributes/RoleSessionName from the SAML assertion"
    ));
}
