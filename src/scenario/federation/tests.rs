//! GetFederationToken and the federated user sessions it creates: what the session carries
//! (its id, tags, context keys, duration) and what the call itself needs.

use crate::lang::Lang;
use crate::scenario::{run_scenario, run_scenario_with, RequestResult, RunOptions, ShownValue};

const CAROL: &str = "arn:aws:iam::111122223333:user/carol";
const READER: &str = "arn:aws:sts::111122223333:federated-user/Reader";

/// carol (tags team=blue, dept=ops) may federate, tag the session only with team=green, and
/// send to any queue; `requests` follow.
fn scenario(requests: &str) -> String {
    format!(
        r#"{{
  "scenario": 1,
  "accounts": [{{ "id": "111122223333" }}, {{ "id": "444455556666" }}],
  "users": [{{
    "arn": "{CAROL}",
    "tags": {{ "team": "blue", "dept": "ops" }},
    "policies": [{{ "Version": "2012-10-17", "Statement": [
      {{ "Effect": "Allow", "Action": "sts:GetFederationToken", "Resource": "*" }},
      {{ "Effect": "Allow", "Action": "sts:TagSession", "Resource": "*",
        "Condition": {{ "StringEquals": {{ "aws:RequestTag/team": "green" }} }} }},
      {{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" }}
    ] }}]
  }}],
  "policies": {{ "SendOnly": {{ "Version": "2012-10-17", "Statement": [
    {{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" }} ] }} }},
  "requests": [{requests}]
}}"#
    )
}

const SEND_POLICY: &str = r#""Policy": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "sqs:*", "Resource": "*" } ] }"#;

fn federate(principal: &str, parameters: &str) -> String {
    format!(
        r#"{{ "principal": "{principal}", "action": "sts:GetFederationToken", "parameters": {{ {parameters} }} }}"#
    )
}

fn send(principal: &str, at: u64) -> String {
    format!(
        r#"{{ "principal": "{principal}", "action": "sqs:SendMessage", "resource": "arn:aws:sqs:us-east-1:111122223333:q", "at": {at} }}"#
    )
}

fn run(requests: &[String]) -> Vec<RequestResult> {
    run_scenario(&scenario(&requests.join(",")))
        .expect("a valid scenario")
        .results
}

fn shown<'a>(result: &'a RequestResult, key: &str) -> Option<&'a ShownValue> {
    let context = &result.explain.context;
    context.iter().find(|c| c.key == key).map(|c| &c.value)
}

fn one(value: &str) -> Option<ShownValue> {
    Some(ShownValue::One(value.to_string()))
}

#[test]
fn the_session_is_a_federated_user_with_its_account_and_name_as_id() {
    let params = format!(r#""Name": "Reader", "DurationSeconds": 7200, {SEND_POLICY}"#);
    let results = run(&[federate(CAROL, &params)]);
    assert_eq!(
        results[0].decision.as_str(),
        "allowed",
        "{:?}",
        results[0].explain
    );
    let card = results[0].session.as_ref().expect("a session card");
    assert_eq!(card.arn, READER);
    assert_eq!(
        card.federated_user_id.as_deref(),
        Some("111122223333:Reader")
    );
    assert_eq!(card.assumed_role_id, None);
    assert_eq!((card.issued_at, card.expires_at), (0, 7200));
    assert!(!card.mfa && !card.chained);
    let json = serde_json::to_value(card).unwrap();
    assert_eq!(json["federatedUserId"], "111122223333:Reader");
    assert!(json.get("assumedRoleId").is_none());
    // The call acts on the federated user's ARN, which the user's policy must allow.
    assert_eq!(results[0].explain.resource.as_deref(), Some(READER));
    assert_eq!(
        results[0].explain.checks[0].action,
        "sts:GetFederationToken"
    );
}

#[test]
fn the_default_duration_is_twelve_hours() {
    let params = format!(r#""Name": "Reader", {SEND_POLICY}"#);
    let results = run(&[
        federate(CAROL, &params),
        send(READER, 43_199),
        send(READER, 43_200),
    ]);
    assert_eq!(results[0].session.as_ref().unwrap().expires_at, 43_200);
    assert_eq!(results[1].decision.as_str(), "allowed");
    assert_eq!(results[2].code.as_deref(), Some("ExpiredToken"));
}

#[test]
fn requests_carry_the_federated_users_keys_and_its_tags_over_the_users() {
    let params = format!(
        r#""Name": "Reader", {SEND_POLICY}, "Tags": [ {{ "Key": "Team", "Value": "green" }} ]"#
    );
    let results = run(&[federate(CAROL, &params), send(READER, 10)]);
    assert_eq!(
        results[0].decision.as_str(),
        "allowed",
        "{:?}",
        results[0].explain
    );
    let request = &results[1];
    assert_eq!(
        request.decision.as_str(),
        "allowed",
        "{:?}",
        request.explain
    );
    assert_eq!(shown(request, "aws:PrincipalArn"), one(READER).as_ref());
    assert_eq!(
        shown(request, "aws:userid"),
        one("111122223333:Reader").as_ref()
    );
    assert_eq!(
        shown(request, "aws:PrincipalType"),
        one("FederatedUser").as_ref()
    );
    assert_eq!(
        shown(request, "aws:PrincipalAccount"),
        one("111122223333").as_ref()
    );
    assert_eq!(
        shown(request, "aws:MultiFactorAuthPresent"),
        one("false").as_ref()
    );
    assert_eq!(shown(request, "aws:username"), None);
    // "Team" overrides the user's "team", whatever the case; the user's other tags stay.
    let team: Vec<_> = request
        .explain
        .context
        .iter()
        .filter(|c| c.key.eq_ignore_ascii_case("aws:PrincipalTag/team"))
        .collect();
    assert_eq!(team.len(), 1, "{team:?}");
    assert_eq!(team[0].value, ShownValue::One("green".into()));
    assert_eq!(shown(request, "aws:PrincipalTag/dept"), one("ops").as_ref());
    assert_eq!(
        shown(request, "aws:TokenIssueTime"),
        one("2026-01-01T00:00:00Z").as_ref()
    );
}

#[test]
fn session_tags_need_sts_tag_session_with_the_tags_the_call_passes() {
    let tagged = |value: &str| {
        let params = format!(
            r#""Name": "Reader", {SEND_POLICY}, "Tags": [ {{ "Key": "team", "Value": "{value}" }} ]"#
        );
        run(&[federate(CAROL, &params)]).remove(0)
    };
    let green = tagged("green");
    assert_eq!(green.decision.as_str(), "allowed", "{:?}", green.explain);
    let actions: Vec<&str> = green
        .explain
        .checks
        .iter()
        .map(|c| c.action.as_str())
        .collect();
    assert_eq!(actions, ["sts:GetFederationToken", "sts:TagSession"]);
    let red = tagged("red");
    assert_eq!(red.decision.as_str(), "implicitDeny");
    assert!(red.message.as_deref().is_some_and(|m| m
        .contains("sts:TagSession on resource: arn:aws:sts::111122223333:federated-user/Reader")));
    assert!(red.session.is_none());
}

#[test]
fn managed_session_policies_are_the_users_accounts() {
    let own = r#""Name": "Reader", "PolicyArns": [ { "arn": "arn:aws:iam::111122223333:policy/SendOnly" } ]"#;
    let results = run(&[federate(CAROL, own), send(READER, 1)]);
    assert_eq!(
        results[0].decision.as_str(),
        "allowed",
        "{:?}",
        results[0].explain
    );
    assert_eq!(
        results[1].decision.as_str(),
        "allowed",
        "{:?}",
        results[1].explain
    );
    let other = r#""Name": "Reader", "PolicyArns": [ { "arn": "arn:aws:iam::444455556666:policy/SendOnly" } ]"#;
    let output = run_scenario(&scenario(&federate(CAROL, other))).unwrap();
    assert_eq!(
        output.results[0].code.as_deref(),
        Some("MalformedPolicyDocument")
    );
    assert!(output
        .findings
        .iter()
        .any(|f| f.code == "UNKNOWN_SESSION_POLICY"
            && f.message
                .contains("must be in the user's account (111122223333)")));
}

#[test]
fn the_root_users_sessions_last_an_hour_and_need_no_identity_policy() {
    let root = "arn:aws:iam::111122223333:root";
    let params = format!(r#""Name": "Admin", "DurationSeconds": 7200, {SEND_POLICY}"#);
    let admin = "arn:aws:sts::111122223333:federated-user/Admin";
    let results = run(&[federate(root, &params), send(admin, 10), send(admin, 3600)]);
    assert_eq!(
        results[0].decision.as_str(),
        "allowed",
        "{:?}",
        results[0].explain
    );
    assert_eq!(results[0].session.as_ref().unwrap().expires_at, 3600);
    assert!(results[0]
        .explain
        .notes
        .iter()
        .any(|n| n.contains("cut to 3600 seconds")));
    assert_eq!(
        results[1].decision.as_str(),
        "allowed",
        "{:?}",
        results[1].explain
    );
    assert_eq!(results[2].code.as_deref(), Some("ExpiredToken"));
}

#[test]
fn without_a_session_policy_the_session_has_no_permissions_in_either_language() {
    let requests = [federate(CAROL, r#""Name": "Reader""#), send(READER, 1)].join(",");
    let text = scenario(&requests);
    for (lang, phrase) in [
        (
            Lang::En,
            "created without a session policy, so it has no permissions",
        ),
        (
            Lang::Ja,
            "セッションポリシーなしで作成されたフェデレーションユーザーのセッション",
        ),
    ] {
        let options = RunOptions {
            lang,
            ..RunOptions::default()
        };
        let results = run_scenario_with(&text, &options).unwrap().results;
        assert!(results[0]
            .explain
            .notes
            .iter()
            .any(|n| n.contains(lang.pick(
                "no permissions of its own",
                "独自のアクセス許可がありません"
            ))));
        let denied = &results[1];
        assert_eq!(denied.decision.as_str(), "implicitDeny");
        assert!(
            denied.explain.summary.contains(phrase),
            "{}",
            denied.explain.summary
        );
        // AWS's message is the same in both languages.
        assert!(denied.message.as_deref().is_some_and(
            |m| m.ends_with("because no session policy allows the sqs:SendMessage action")
        ));
    }
}

#[test]
fn a_federated_user_session_never_has_mfa_and_the_advice_says_where_to_get_it() {
    let text = r#"{
  "scenario": 1,
  "accounts": [{ "id": "111122223333" }],
  "users": [{ "arn": "arn:aws:iam::111122223333:user/carol",
    "policies": [{ "Version": "2012-10-17", "Statement": [
      { "Effect": "Allow", "Action": "sts:GetFederationToken", "Resource": "*" },
      { "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*",
        "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } } } ] }] }],
  "requests": [
    { "principal": "arn:aws:iam::111122223333:user/carol", "action": "sts:GetFederationToken",
      "resource": "arn:aws:sts::111122223333:federated-user/Other",
      "parameters": { "Name": "Reader", "Policy": { "Version": "2012-10-17", "Statement": [
        { "Effect": "Allow", "Action": "sqs:*", "Resource": "*" } ] } } },
    { "principal": "arn:aws:sts::111122223333:federated-user/Reader", "action": "sqs:SendMessage",
      "resource": "arn:aws:sqs:us-east-1:111122223333:q" }
  ]
}"#;
    let results = run_scenario(text).unwrap().results;
    // A resource other than the federated user's ARN is not what the call acts on.
    assert_eq!(results[0].decision.as_str(), "allowed");
    assert!(results[0]
        .explain
        .notes
        .iter()
        .any(|n| n.contains("arn:aws:sts::111122223333:federated-user/Other, is not used")));
    let denied = &results[1];
    assert_eq!(denied.decision.as_str(), "implicitDeny");
    let changes = &denied.explain.checks[0]
        .authorization
        .as_ref()
        .unwrap()
        .changes;
    assert!(
        changes
            .iter()
            .any(|c| c.contains("a federated user session never has")),
        "{changes:?}"
    );
}

#[test]
fn a_resource_policy_naming_the_session_decides_alone() {
    let text = include_str!("../../../www/examples/federated-user.json");
    let results = run_scenario(text).unwrap().results;
    let upload = &results[6];
    assert_eq!(upload.decision.as_str(), "allowed");
    let authorization = upload.explain.checks[0].authorization.as_ref().unwrap();
    let deciding: Vec<&str> = authorization
        .deciding
        .iter()
        .map(|s| s.pointer.as_str())
        .collect();
    // The broker's own s3:PutObject Allow takes no part: removing it changes nothing.
    assert_eq!(deciding, ["/resources/0/policy/Statement/0"]);
    assert!(authorization.changes.iter().all(|c| !c.contains("/users/")));
}
