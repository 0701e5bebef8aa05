//! The reader on a full scenario and on one fixture per problem.

use super::*;
use crate::condition::ContextValue;
use crate::lang::Lang;

const FULL: &str = r#"{
  "scenario": 1,
  "title": "Cross-account deploy role",
  "description": "alice deploys with a role in another account",
  "accounts": [
    { "id": "111122223333", "name": "dev",
      "organization": { "id": "o-a1b2c3d4e5", "path": ["r-ab12", "ou-ab12-11111111"],
        "scps": [ { "target": "r-ab12", "policies": ["FullAWSAccess"] },
                  { "target": "111122223333", "policies": [ { "Version": "2012-10-17" } ] } ],
        "rcps": [ { "target": "ou-ab12-11111111", "policies": ["RCPFullAWSAccess"] } ] } },
    { "id": "444455556666" }
  ],
  "policies": { "DeployerPermissions": { "Version": "2012-10-17", "Statement": [] } },
  "users": [
    { "arn": "arn:aws:iam::111122223333:user/alice", "groups": ["developers"],
      "policies": ["DeployerPermissions", { "Statement": [] }], "boundary": "DeployerPermissions",
      "tags": { "team": "blue" } }
  ],
  "groups": [ { "arn": "arn:aws:iam::111122223333:group/developers",
                "policies": ["arn:aws:iam::aws:policy/ReadOnlyAccess"] } ],
  "roles": [
    { "arn": "arn:aws:iam::444455556666:role/app/Deployer", "trust": { "Statement": [] },
      "policies": [], "boundary": { "Statement": [] }, "tags": { "env": "prod" },
      "maxSessionDuration": 7200,
      "instanceProfiles": ["arn:aws:iam::444455556666:instance-profile/web"] }
  ],
  "resources": [ { "arn": "arn:aws:s3:::reports", "policy": { "Statement": [] } } ],
  "requests": [
    { "name": "alice assumes Deployer",
      "principal": "arn:aws:iam::111122223333:user/alice",
      "action": "sts:AssumeRole",
      "resource": "arn:aws:iam::444455556666:role/app/Deployer",
      "parameters": { "RoleSessionName": "alice" },
      "context": { "aws:SourceIp": "203.0.113.7", "aws:TagKeys": ["a", "b"], "n": 5, "b": true },
      "at": 10,
      "expect": "allowed" },
    { "principal": "arn:aws:sts::444455556666:assumed-role/Deployer/alice",
      "action": "s3:GetObject", "resource": "arn:aws:s3:::reports/q1.csv",
      "expect": { "decision": "error", "code": "ExpiredToken" } },
    { "action": "sts:AssumeRoleWithWebIdentity",
      "resource": "arn:aws:iam::444455556666:role/app/Deployer", "at": 4000 }
  ]
}"#;

#[test]
fn reads_a_full_scenario() {
    let result = read_scenario(FULL);
    assert_eq!(result.findings, vec![], "no findings expected");
    assert!(result.is_valid());
    let s = result.scenario.expect("a scenario");
    assert_eq!(s.version, 1);
    assert_eq!(
        s.title.as_ref().map(|t| t.value.as_str()),
        Some("Cross-account deploy role")
    );
    assert_eq!(s.accounts.len(), 2);
    let org = s.accounts[0]
        .organization
        .as_ref()
        .expect("an organization");
    assert_eq!(org.id.value, "o-a1b2c3d4e5");
    let path: Vec<&str> = org.path.iter().map(|p| p.value.as_str()).collect();
    assert_eq!(path, ["r-ab12", "ou-ab12-11111111"]);
    assert_eq!(org.scps.len(), 2);
    assert_eq!(
        org.scps[0].policies[0].value,
        PolicyRef::Managed("FullAWSAccess".into())
    );
    assert!(matches!(
        org.scps[1].policies[0].value,
        PolicyRef::Inline(_)
    ));
    assert_eq!(
        org.scps[1].policies[0].place.pointer,
        "/accounts/0/organization/scps/1/policies/0"
    );
    assert_eq!(org.rcps[0].target.value, "ou-ab12-11111111");
    assert_eq!(s.policies.len(), 1);
    assert_eq!(s.policies[0].name, "DeployerPermissions");
    assert_eq!(s.policies[0].place.pointer, "/policies/DeployerPermissions");

    let alice = &s.users[0];
    assert_eq!(
        (alice.account.as_str(), alice.name.as_str()),
        ("111122223333", "alice")
    );
    assert_eq!(alice.groups[0].value, "developers");
    assert_eq!(
        alice.policies[0].value,
        PolicyRef::Named("DeployerPermissions".into())
    );
    assert!(matches!(alice.policies[1].value, PolicyRef::Inline(_)));
    assert_eq!(
        alice.boundary.as_ref().map(|b| &b.value),
        Some(&PolicyRef::Named("DeployerPermissions".into()))
    );
    assert_eq!(
        (alice.tags[0].key.as_str(), alice.tags[0].value.as_str()),
        ("team", "blue")
    );
    assert_eq!(alice.place.pointer, "/users/0");
    assert_eq!(alice.arn.place.span.start.line, 15);
    assert_eq!(alice.arn.place.span.start.column, 14);

    assert_eq!(
        s.groups[0].policies[0].value,
        PolicyRef::Managed("arn:aws:iam::aws:policy/ReadOnlyAccess".into())
    );
    let role = &s.roles[0];
    assert_eq!(
        (role.account.as_str(), role.name.as_str()),
        ("444455556666", "Deployer")
    );
    assert!(role.trust.is_some() && role.boundary.is_some());
    assert_eq!(role.max_session_duration, 7200);
    assert_eq!(
        role.instance_profiles[0].value,
        "arn:aws:iam::444455556666:instance-profile/web"
    );
    assert_eq!(role.tags[0].key, "env");
    assert!(s.resources[0].policy.is_some());

    let first = &s.requests[0];
    assert_eq!(
        first.name.as_ref().map(|n| n.value.as_str()),
        Some("alice assumes Deployer")
    );
    assert_eq!(first.action.value, "sts:AssumeRole");
    assert!(first
        .parameters
        .as_ref()
        .and_then(|p| p.get("RoleSessionName"))
        .is_some());
    let context: Vec<(&str, &ContextValue)> = first
        .context
        .iter()
        .map(|c| (c.key.as_str(), &c.value))
        .collect();
    assert_eq!(
        context,
        [
            ("aws:SourceIp", &ContextValue::Single("203.0.113.7".into())),
            (
                "aws:TagKeys",
                &ContextValue::Multi(vec!["a".into(), "b".into()])
            ),
            ("n", &ContextValue::Single("5".into())),
            ("b", &ContextValue::Single("true".into())),
        ]
    );
    assert_eq!((first.at, first.time), (Some(10), 10));
    assert_eq!(
        first.expect.as_ref().map(|e| e.value.decision),
        Some(Decision::Allowed)
    );
    let second = &s.requests[1];
    assert_eq!(
        (second.at, second.time),
        (None, 10),
        "`at` defaults to the previous time"
    );
    let expected = Expectation {
        decision: Decision::Error,
        code: Some("ExpiredToken".into()),
    };
    assert_eq!(second.expect.as_ref().map(|e| &e.value), Some(&expected));
    let third = &s.requests[2];
    assert_eq!((third.principal.as_ref(), third.time), (None, 4000));
}

/// Reads `text` and returns the findings as (code, pointer, line, column).
fn findings(text: &str) -> Vec<(&'static str, String, u32, u32)> {
    read_scenario(text)
        .findings
        .into_iter()
        .map(|f| {
            (
                f.code,
                f.pointer,
                f.line.unwrap_or(0),
                f.column.unwrap_or(0),
            )
        })
        .collect()
}

/// The 1-based column of `needle` in a one-line ASCII text.
fn column(text: &str, needle: &str) -> u32 {
    let index = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in {text}"));
    u32::try_from(index + 1).unwrap_or(0)
}

/// One-line fixtures: (text, code, pointer, the text the finding must point at).
const FIXTURES: &[(&str, &str, &str, &str)] = &[
    (
        r#"{"scenario": 1, "requests": [], "roles": [{"arn": "arn:aws:iam::111122223333:role/R", "trsut": {}}]}"#,
        codes::UNKNOWN_FIELD,
        "/roles/0/trsut",
        r#""trsut""#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "title": "a", "title": "b"}"#,
        codes::DUPLICATE_KEY,
        "/title",
        r#""title": "b""#,
    ),
    (r#"{"scenario": 1}"#, codes::MISSING_FIELD, "", "{"),
    (
        r#"{"scenario": 2, "requests": [], "future": true}"#,
        codes::UNSUPPORTED_VERSION,
        "/scenario",
        "2",
    ),
    (
        r#"{"scenario": "1", "requests": []}"#,
        codes::WRONG_TYPE,
        "/scenario",
        r#""1""#,
    ),
    (
        r#"{"scenario": 1, "requests": {}}"#,
        codes::WRONG_TYPE,
        "/requests",
        "{}",
    ),
    (
        r#"{"scenario": 1, "requests": [], "users": [{"arn": "arn:aws:iam::12345:user/a"}]}"#,
        codes::INVALID_ARN,
        "/users/0/arn",
        r#""arn:aws:iam::12345"#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "users": [{"arn": "arn:aws:iam::111122223333:role/a"}]}"#,
        codes::WRONG_ARN_KIND,
        "/users/0/arn",
        r#""arn:aws:iam::111122223333:role"#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "roles": [{"arn": "arn:aws:iam::111122223333:role/a/R"}, {"arn": "arn:aws:iam::111122223333:role/b/r"}]}"#,
        codes::DUPLICATE_ENTITY,
        "/roles/1/arn",
        r#""arn:aws:iam::111122223333:role/b"#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "resources": [{"arn": "arn:aws:s3:::b"}, {"arn": "arn:aws:s3:::b"}]}"#,
        codes::DUPLICATE_ENTITY,
        "/resources/1/arn",
        r#""arn:aws:s3:::b"}]"#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "users": [{"arn": "arn:aws:iam::111122223333:user/u", "groups": ["devs"]}]}"#,
        codes::UNKNOWN_GROUP,
        "/users/0/groups/0",
        r#""devs""#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "groups": [{"arn": "arn:aws:iam::444455556666:group/devs"}], "users": [{"arn": "arn:aws:iam::111122223333:user/u", "groups": ["arn:aws:iam::444455556666:group/devs"]}]}"#,
        codes::UNKNOWN_GROUP,
        "/users/0/groups/0",
        r#""arn:aws:iam::444455556666:group/devs"]"#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "policies": {"Deploy": {}}, "roles": [{"arn": "arn:aws:iam::111122223333:role/R", "policies": ["Deplyo"]}]}"#,
        codes::UNKNOWN_POLICY,
        "/roles/0/policies/0",
        r#""Deplyo""#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "roles": [{"arn": "arn:aws:iam::111122223333:role/R", "trust": 5}]}"#,
        codes::WRONG_TYPE,
        "/roles/0/trust",
        "5",
    ),
    (
        r#"{"scenario": 1, "requests": [], "roles": [{"arn": "arn:aws:iam::111122223333:role/R", "maxSessionDuration": 900}]}"#,
        codes::INVALID_VALUE,
        "/roles/0/maxSessionDuration",
        "900",
    ),
    (
        r#"{"scenario": 1, "requests": [], "accounts": [{"id": "111122223333", "organization": {"id": "o-a1b2c3d4e5", "path": ["r-ab12"], "scps": [{"target": "ou-ab12-22222222", "policies": []}]}}]}"#,
        codes::UNKNOWN_TARGET,
        "/accounts/0/organization/scps/0/target",
        r#""ou-ab12-22222222""#,
    ),
    (
        r#"{"scenario": 1, "requests": [{"action": "s3:GetObject"}]}"#,
        codes::MISSING_FIELD,
        "/requests/0",
        r#"{"action""#,
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "123456789012", "action": "s3:ListAllMyBuckets"}]}"#,
        codes::INVALID_PRINCIPAL,
        "/requests/0/principal",
        r#""123456789012""#,
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "arn:aws:iam::111122223333:role/R", "action": "s3:ListAllMyBuckets"}]}"#,
        codes::WRONG_ARN_KIND,
        "/requests/0/principal",
        r#""arn:aws:iam::111122223333:role/R""#,
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "lambda.amazonaws.com", "action": "s3:GetObject"}]}"#,
        codes::INVALID_PRINCIPAL,
        "/requests/0/principal",
        r#""lambda"#,
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "arn:aws:iam::111122223333:root", "action": "sts:AssumeRoleWithSAML", "resource": "arn:aws:iam::111122223333:role/R"}]}"#,
        codes::INVALID_PRINCIPAL,
        "/requests/0/principal",
        r#""arn:aws:iam::111122223333:root""#,
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "arn:aws:iam::111122223333:root", "action": "s3:*"}]}"#,
        codes::INVALID_ACTION,
        "/requests/0/action",
        r#""s3:*""#,
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "arn:aws:iam::111122223333:root", "action": "sts:AssumeRole", "resource": "arn:aws:s3:::b"}]}"#,
        codes::WRONG_ARN_KIND,
        "/requests/0/resource",
        r#""arn:aws:s3:::b""#,
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "arn:aws:iam::111122223333:root", "action": "s3:ListBucket", "expect": "allow"}]}"#,
        codes::INVALID_EXPECT,
        "/requests/0/expect",
        r#""allow""#,
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "arn:aws:iam::111122223333:root", "action": "s3:ListBucket", "at": -1}]}"#,
        codes::INVALID_VALUE,
        "/requests/0/at",
        "-1",
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "arn:aws:iam::111122223333:root", "action": "s3:ListBucket", "at": 1.5}]}"#,
        codes::INVALID_VALUE,
        "/requests/0/at",
        "1.5",
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "arn:aws:iam::111122223333:root", "action": "s3:ListBucket", "at": 60}, {"principal": "arn:aws:iam::111122223333:root", "action": "s3:ListBucket", "at": 30}]}"#,
        codes::TIME_GOES_BACK,
        "/requests/1/at",
        "30",
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "arn:aws:iam::111122223333:root", "action": "s3:ListBucket", "context": {"k": {"a": 1}}}]}"#,
        codes::WRONG_TYPE,
        "/requests/0/context/k",
        r#"{"a""#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "policies": {"P": "text"}}"#,
        codes::WRONG_TYPE,
        "/policies/P",
        r#""text""#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "roles": [{"arn": "arn:aws:iam::111122223333:role/R", "policies": ["arn:aws:s3:::b"]}]}"#,
        codes::WRONG_ARN_KIND,
        "/roles/0/policies/0",
        r#""arn:aws:s3:::b""#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "accounts": [{"id": "1111"}]}"#,
        codes::INVALID_VALUE,
        "/accounts/0/id",
        r#""1111""#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "resources": [{"arn": "arn:aws:iam::111122223333:role/R"}]}"#,
        codes::WRONG_ARN_KIND,
        "/resources/0/arn",
        r#""arn:aws:iam"#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "resources": [{"arn": "arn:aws:s3:::b", "account": "4444"}]}"#,
        codes::INVALID_VALUE,
        "/resources/0/account",
        r#""4444""#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "resources": [{"arn": "arn:aws:sqs:us-east-1:111122223333:q", "account": "444455556666"}]}"#,
        codes::INVALID_VALUE,
        "/resources/0/account",
        r#""444455556666""#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "accounts": [{"id": "111111111111", "organization": {"id": "o-a1b2c3d4e5", "path": ["r-ab12"], "management": true}}, {"id": "444455556666", "organization": {"id": "o-a1b2c3d4e5", "path": ["r-ab12"], "management": true}}]}"#,
        codes::DUPLICATE_ENTITY,
        "/accounts/1/organization/management",
        r#"{"id": "o-a1b2c3d4e5", "path": ["r-ab12"], "management": true}}]"#,
    ),
    (
        r#"{"scenario": 1, "requests": [], "accounts": [{"id": "111111111111", "organization": {"id": "o-a1b2c3d4e5", "path": ["r-ab12"], "management": "yes"}}]}"#,
        codes::WRONG_TYPE,
        "/accounts/0/organization/management",
        r#""yes""#,
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "arn:aws:iam::111122223333:user/a", "action": "s3:ListBucket", "credentials": "SessionToken"}]}"#,
        codes::INVALID_VALUE,
        "/requests/0/credentials",
        r#""SessionToken""#,
    ),
    (
        r#"{"scenario": 1, "requests": [{"principal": "arn:aws:sts::111122223333:assumed-role/R/ci", "action": "s3:ListBucket", "credentials": "GetSessionToken"}]}"#,
        codes::INVALID_VALUE,
        "/requests/0/credentials",
        r#""GetSessionToken""#,
    ),
];

#[test]
fn each_problem_has_its_code_pointer_and_place() {
    for (text, code, pointer, at) in FIXTURES {
        let got = findings(text);
        let expected = (*code, pointer.to_string(), 1, column(text, at));
        assert_eq!(got, vec![expected], "{text}");
    }
}

#[test]
fn messages_name_the_problem_and_suggest_near_misses() {
    let cases = [
        (
            FIXTURES[0].0,
            "A role has no field `trsut`. Did you mean `trust`?",
        ),
        (
            FIXTURES[3].0,
            "This scenario uses format 2; this version of IAM Playground reads format 1.",
        ),
        (FIXTURES[12].0, "Did you mean `Deploy`?"),
        (
            FIXTURES[10].0,
            "Account 111122223333 has no groups in `groups`.",
        ),
        (
            FIXTURES[18].0,
            "`arn:aws:sts::111122223333:assumed-role/R/R`",
        ),
        (FIXTURES[17].0, "write `arn:aws:iam::123456789012:root`"),
        (FIXTURES[23].0, "Did you mean `allowed`?"),
        (
            FIXTURES[6].0,
            "has an account ID of 5 digits; an AWS account ID has 12",
        ),
    ];
    for (text, expected) in cases {
        let result = read_scenario(text);
        let message = &result.findings[0].message;
        assert!(message.contains(expected), "{text}\n{message}");
    }
}

#[test]
fn non_ascii_titles_do_not_shift_columns() {
    // Editors count UTF-16 units: each CJK character is one unit (three bytes), the key emoji two
    // (four bytes); the unknown key after the title must be at the column the editor shows.
    let text = "{\"scenario\": 1, \"title\": \"権限 🔑\", \"requests\": [], \"trsut\": 1}";
    let got = findings(text);
    let prefix = "{\"scenario\": 1, \"title\": \"権限 🔑\", \"requests\": [], ";
    let utf16: u32 = prefix.encode_utf16().count().try_into().unwrap_or(0);
    assert_eq!((utf16, prefix.len()), (50, 56));
    assert_eq!(
        got,
        vec![(codes::UNKNOWN_FIELD, "/trsut".to_string(), 1, utf16 + 1)]
    );
}

#[test]
fn malformed_json_is_reported_where_it_stops() {
    let text = "{\"scenario\": 1,\n \"requests\": [] ";
    let result = read_scenario(text);
    assert!(result.scenario.is_none());
    assert_eq!(
        findings(text),
        vec![(codes::JSON_SYNTAX, String::new(), 2, 17)]
    );
    let message = &result.findings[0].message;
    assert!(
        message.starts_with("The scenario is not valid JSON: "),
        "{message}"
    );
    assert!(!message.ends_with(".."), "{message}");
}

#[test]
fn multi_line_places_count_lines() {
    let text = "{\n  \"scenario\": 1,\n  \"requests\": [\n    { \"action\": \"s3 GetObject\",\n      \"principal\": \"arn:aws:iam::111122223333:root\" }\n  ]\n}";
    assert_eq!(
        findings(text),
        vec![(
            codes::INVALID_ACTION,
            "/requests/0/action".to_string(),
            4,
            17
        )]
    );
}

#[test]
fn limits_are_errors_that_name_the_limit() {
    let big = format!(
        "{{\"scenario\": 1, \"requests\": [], \"title\": \"{}\"}}",
        "a".repeat(MAX_STRING_BYTES + 1)
    );
    let result = read_scenario(&big);
    assert!(result.scenario.is_none());
    assert_eq!(result.findings[0].code, codes::LIMIT_EXCEEDED);
    assert_eq!(result.findings[0].pointer, "/title");
    assert!(result.findings[0].message.contains("65536 bytes (64 KiB)"));

    let request = r#"{"principal": "arn:aws:iam::111122223333:root", "action": "s3:ListBucket"}"#;
    let many = vec![request; MAX_REQUESTS + 1].join(",");
    let text = format!("{{\"scenario\": 1, \"requests\": [{many}]}}");
    let result = read_scenario(&text);
    assert_eq!(result.findings.len(), 1);
    assert!(result.findings[0]
        .message
        .contains("501 requests; a scenario may have at most 500"));

    let deep = format!(
        "{{\"scenario\": 1, \"requests\": {}{}}}",
        "[".repeat(100),
        "]".repeat(100)
    );
    assert_eq!(read_scenario(&deep).findings[0].code, codes::LIMIT_EXCEEDED);

    let huge = " ".repeat(MAX_TEXT_BYTES + 1);
    let result = read_scenario(&huge);
    assert!(result.findings[0].message.contains("1 MiB"));
}

#[test]
fn errors_leave_the_scenario_unfit_to_run() {
    let result = read_scenario(FIXTURES[0].0);
    assert!(result.scenario.is_some());
    assert!(!result.is_valid());
}

/// Asked for Japanese, every fixture gives the same findings (code, place) in Japanese, except
/// the ARN reader's own sentences, which are English in both languages.
#[test]
fn findings_are_written_in_japanese_when_asked() {
    let japanese = |m: &str| {
        m.chars()
            .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
    };
    for (text, ..) in FIXTURES {
        let (en, ja) = (read_scenario(text), read_scenario_with(text, Lang::Ja));
        let place = |f: &Finding| (f.code, f.pointer.clone(), f.line, f.column);
        assert_eq!(
            en.findings.iter().map(place).collect::<Vec<_>>(),
            ja.findings.iter().map(place).collect::<Vec<_>>(),
            "{text}"
        );
        for f in &ja.findings {
            assert!(japanese(&f.message), "{text}\n{}", f.message);
        }
    }
    let first = |text: &str| {
        read_scenario_with(text, Lang::Ja).findings[0]
            .message
            .clone()
    };
    assert_eq!(
        first(FIXTURES[0].0),
        "ロールに `trsut` というフィールドはありません。`trust` のことですか?"
    );
    assert_eq!(
        first(FIXTURES[3].0),
        "このシナリオは形式 2 です。このバージョンの IAM Playground が読めるのは形式 1 です。"
    );
    assert_eq!(
        first(FIXTURES[4].0),
        "`scenario` (形式のバージョン) は数値 1 でなければなりませんが、文字列です。"
    );
    assert_eq!(
        first(FIXTURES[10].0),
        "ユーザー `arn:aws:iam::111122223333:user/u` はグループ `devs` に所属していますが、そのグループは `groups` にありません。`groups` にアカウント 111122223333 のグループはありません。"
    );
    let ids = r#"{"scenario": 1, "requests": [], "users": [{"arn": "arn:aws:iam::111122223333:group/g"}], "accounts": [{"id": "111122223333", "organization": {"id": "o-x", "path": ["r-ab12"]}}]}"#;
    let messages: Vec<String> = read_scenario_with(ids, Lang::Ja)
        .findings
        .into_iter()
        .map(|f| f.message)
        .collect();
    assert!(
        messages.contains(&"`o-x` は組織 ID ではありません。AWS Organizations では `o-a1b2c3d4e5` のように書きます。".to_string()),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"IAM ユーザーの `arn` は IAM ユーザーの ARN (`arn:aws:iam::ACCOUNT:user/NAME`) でなければなりません。`arn:aws:iam::111122223333:group/g` は別の種類です。".to_string()),
        "{messages:?}"
    );
    let arn = r#"{"scenario": 1, "requests": [], "users": [{"arn": "arn:aws:iam::1111:user/u"}]}"#;
    assert_eq!(
        first(arn),
        "`arn:aws:iam::1111:user/u` のアカウント ID は 4 桁です。AWS アカウント ID は 12 桁です。"
    );
    assert_eq!(
        read_scenario(arn).findings[0].message,
        "`arn:aws:iam::1111:user/u` has an account ID of 4 digits; an AWS account ID has 12."
    );
    let broken = read_scenario_with("{\n  \"scenario\": 1,\n  \"requests\": [,]\n}", Lang::Ja);
    let f = &broken.findings[0];
    assert_eq!(
        (f.message.as_str(), f.line, f.column),
        (
            "シナリオが正しい JSON ではありません: 値が必要ですが、文字 ',' があります。",
            Some(3),
            Some(16)
        )
    );
}

/// An object of many keys (sorted rather than scanned) reports each repeat once, in order, at
/// the later occurrence; the first occurrence is not a repeat.
#[test]
fn repeated_keys_in_a_large_object_are_found_in_order() {
    let mut tags: Vec<String> = (0..30).map(|i| format!("\"k{i:02}\": \"v\"")).collect();
    tags.insert(25, "\"k03\": \"again\"".into());
    tags.push("\"k17\": \"again\"".into());
    tags.push("\"k03\": \"third\"".into());
    let text = format!(
        r#"{{"scenario": 1, "requests": [], "users": [{{"arn": "arn:aws:iam::111122223333:user/a", "tags": {{{}}}}}]}}"#,
        tags.join(", ")
    );
    let repeats: Vec<(String, u32)> = findings(&text)
        .into_iter()
        .filter(|f| f.0 == codes::DUPLICATE_KEY)
        .map(|f| (f.1, f.3))
        .collect();
    let at = |needle: &str| column(&text, needle);
    assert_eq!(
        repeats,
        vec![
            ("/users/0/tags/k03".to_string(), at("\"k03\": \"again\"")),
            ("/users/0/tags/k17".to_string(), at("\"k17\": \"again\"")),
            ("/users/0/tags/k03".to_string(), at("\"k03\": \"third\"")),
        ]
    );
}

/// A misspelt `action` is its own finding; a service principal is not refused for an action the
/// request does not have.
#[test]
fn a_service_principal_without_an_action_is_not_refused_for_it() {
    let text = r#"{"scenario": 1, "requests": [{"principal": "ec2.amazonaws.com", "actoin": "sts:AssumeRole", "resource": "arn:aws:iam::111122223333:role/R"}]}"#;
    let codes: Vec<&str> = findings(text).into_iter().map(|f| f.0).collect();
    assert!(codes.contains(&codes::UNKNOWN_FIELD), "{codes:?}");
    assert!(!codes.contains(&codes::INVALID_PRINCIPAL), "{codes:?}");
}
