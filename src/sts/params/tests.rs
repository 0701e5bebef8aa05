use super::*;
use crate::json::{parse, Limits};

fn read(api: StsApi, text: &str) -> (StsParams, Vec<Finding>) {
    let json = parse(text, &Limits::default()).unwrap();
    read_params(api, Some(&json), "/requests/2/parameters", Lang::En)
}

#[test]
fn assume_role_parameters_are_read_as_the_api_names_them() {
    let (p, findings) = read(
        StsApi::AssumeRole,
        r#"{ "RoleSessionName": "alice", "DurationSeconds": 1800, "ExternalId": "x-123",
             "Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
             "PolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", {"arn": "arn:aws:iam::111122223333:policy/p"}],
             "Tags": [{"Key": "team", "Value": "blue"}], "TransitiveTagKeys": ["team"],
             "SourceIdentity": "alice", "SerialNumber": "arn:aws:iam::111122223333:mfa/alice",
             "TokenCode": "123456" }"#,
    );
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(p.role_session_name.as_deref(), Some("alice"));
    assert_eq!(p.duration_seconds, Some(1800));
    assert_eq!(p.external_id.as_deref(), Some("x-123"));
    let policy = p.policy.unwrap();
    assert_eq!(policy.text, r#"{"Version":"2012-10-17","Statement":[]}"#);
    assert!(policy.document.get("Statement").is_some());
    assert_eq!(
        p.policy_arns,
        [
            "arn:aws:iam::aws:policy/ReadOnlyAccess",
            "arn:aws:iam::111122223333:policy/p"
        ]
    );
    assert_eq!(
        p.tags,
        [Tag {
            key: "team".into(),
            value: "blue".into()
        }]
    );
    assert_eq!(p.transitive_tag_keys, ["team"]);
    assert_eq!(p.token_code.as_deref(), Some("123456"));
}

#[test]
fn wrong_types_and_unknown_names_are_findings_with_pointers() {
    let cases: &[(&str, &str, &str)] = &[
        (
            r#"{"RoleSesionName": "a"}"#,
            "/requests/2/parameters/RoleSesionName",
            "Did you mean RoleSessionName?",
        ),
        (
            r#"{"externalId": "a"}"#,
            "/requests/2/parameters/externalId",
            "Did you mean ExternalId?",
        ),
        (
            r#"{"DurationSeconds": "3600"}"#,
            "/requests/2/parameters/DurationSeconds",
            "must be an integer, but it is a string",
        ),
        (
            r#"{"DurationSeconds": 900.5}"#,
            "/requests/2/parameters/DurationSeconds",
            "whole number",
        ),
        (
            r#"{"Tags": [{"Key": "a"}]}"#,
            "/requests/2/parameters/Tags/0/Value",
            "Value is missing",
        ),
        (
            r#"{"Tags": [{"Key": "a", "Valeu": "b"}]}"#,
            "/requests/2/parameters/Tags/0/Valeu",
            "Did you mean Value?",
        ),
        (
            r#"{"PolicyArns": [{"Arn": "x"}]}"#,
            "/requests/2/parameters/PolicyArns/0/Arn",
            "Did you mean arn?",
        ),
        (
            r#"{"TransitiveTagKeys": "team"}"#,
            "/requests/2/parameters/TransitiveTagKeys",
            "an array of strings",
        ),
        (
            r#"{"Policy": 5}"#,
            "/requests/2/parameters/Policy",
            "policy document",
        ),
        (
            r#"{"Policy": "{not json"}"#,
            "/requests/2/parameters/Policy",
            "not JSON text",
        ),
        (
            r#"{"RoleSessionName": "a", "RoleSessionName": "b"}"#,
            "/requests/2/parameters/RoleSessionName",
            "more than once",
        ),
    ];
    for (text, pointer, needle) in cases {
        let (_, findings) = read(StsApi::AssumeRole, text);
        assert!(
            findings
                .iter()
                .any(|f| f.pointer == *pointer && f.message.contains(needle) && f.line.is_some()),
            "{text}: {findings:?}"
        );
    }
}

#[test]
fn web_identity_token_carries_tags_and_source_identity() {
    let (p, findings) = read(
        StsApi::AssumeRoleWithWebIdentity,
        r#"{ "RoleSessionName": "web", "WebIdentityToken": {
               "sub": "johndoe", "aud": "ac_oic_client", "iss": "https://xyz.com",
               "https://aws.amazon.com/tags": {
                   "principal_tags": {"Project": ["Automation"], "CostCenter": ["987654"]},
                   "transitive_tag_keys": ["Project", "CostCenter"] },
               "https://aws.amazon.com/source_identity": "Admin" } }"#,
    );
    assert!(findings.is_empty(), "{findings:?}");
    let token = p.web_identity_token.unwrap();
    assert_eq!(token.iss.as_deref(), Some("https://xyz.com"));
    assert_eq!(token.aud, ["ac_oic_client"]);
    assert_eq!(p.tags.len(), 2);
    assert_eq!(p.transitive_tag_keys, ["Project", "CostCenter"]);
    assert_eq!(p.source_identity.as_deref(), Some("Admin"));
}

#[test]
fn web_identity_without_token_and_with_assume_role_names_is_reported() {
    let (_, findings) = read(
        StsApi::AssumeRoleWithWebIdentity,
        r#"{"RoleSessionName": "a", "ExternalId": "x"}"#,
    );
    assert!(findings
        .iter()
        .any(|f| f.code == "MISSING_PARAMETER" && f.pointer.ends_with("/WebIdentityToken")));
    assert!(findings
        .iter()
        .any(|f| f.code == "UNKNOWN_PARAMETER" && f.pointer.ends_with("/ExternalId")));
}

#[test]
fn saml_assertion_attributes_fill_the_common_fields() {
    let (p, findings) = read(
        StsApi::AssumeRoleWithSaml,
        r#"{ "PrincipalArn": "arn:aws:iam::111122223333:saml-provider/MySAMLIdP",
             "SAMLAssertion": {
               "iss": "https://example.com/saml", "sub": "jdoe",
               "sub_type": "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
               "https://aws.amazon.com/SAML/Attributes/RoleSessionName": "jdoe",
               "https://aws.amazon.com/SAML/Attributes/SessionDuration": "1800",
               "https://aws.amazon.com/SAML/Attributes/PrincipalTag:Project": "Automation",
               "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys": ["Project"],
               "https://aws.amazon.com/SAML/Attributes/SourceIdentity": "DiegoRamirez",
               "eduPersonAffiliation": ["staff", "member"] } }"#,
    );
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(p.role_session_name.as_deref(), Some("jdoe"));
    assert_eq!(p.source_identity.as_deref(), Some("DiegoRamirez"));
    assert_eq!(
        p.tags,
        [Tag {
            key: "Project".into(),
            value: "Automation".into()
        }]
    );
    let a = p.saml_assertion.unwrap();
    assert_eq!(a.subject_type.as_deref(), Some("persistent"));
    assert_eq!(a.session_duration, Some(1800));
    assert_eq!(a.audience, "https://signin.aws.amazon.com/saml");
    assert_eq!(
        a.attributes,
        [(
            "eduPersonAffiliation".to_string(),
            vec!["staff".to_string(), "member".to_string()]
        )]
    );
}

#[test]
fn misspelt_aws_saml_attribute_is_reported() {
    let (_, findings) = read(
        StsApi::AssumeRoleWithSaml,
        r#"{ "PrincipalArn": "arn:aws:iam::111122223333:saml-provider/P",
             "SAMLAssertion": { "iss": "i", "https://aws.amazon.com/SAML/Attributes/RoleSesionName": "x" } }"#,
    );
    assert!(
        findings.iter().any(|f| f
            .message
            .contains("Did you mean https://aws.amazon.com/SAML/Attributes/RoleSessionName?")),
        "{findings:?}"
    );
}

fn read_ja(api: StsApi, text: &str) -> Vec<String> {
    let json = parse(text, &Limits::default()).unwrap();
    let (_, findings) = read_params(api, Some(&json), "/p", Lang::Ja);
    findings.into_iter().map(|f| f.message).collect()
}

#[test]
fn findings_are_written_in_japanese_when_asked() {
    let messages = read_ja(
        StsApi::AssumeRole,
        r#"{"DurationSeconds": "3600", "RoleSesionName": "a", "Tags": [{"Key": "k"}], "TransitiveTagKeys": [1]}"#,
    );
    for expected in [
        "DurationSeconds は整数でなければなりませんが、文字列です。",
        "sts:AssumeRole のパラメーターに RoleSesionName という名前のパラメーターはありません。RoleSessionName のことですか?",
        "Value がありません: セッションタグには Key と Value の両方が必要です。",
        "TransitiveTagKeys の各エントリは文字列でなければなりませんが、数値です。",
    ] {
        assert!(messages.iter().any(|m| m == expected), "{expected} in {messages:?}");
    }
    assert_eq!(messages.len(), 4, "{messages:?}");
    let web = read_ja(
        StsApi::AssumeRoleWithWebIdentity,
        r#"{"RoleSessionName": "a"}"#,
    );
    assert!(
        web[0].starts_with(
            "WebIdentityToken がありません: トークンのクレームをオブジェクトで指定してください"
        ),
        "{web:?}"
    );
    let saml = read_ja(
        StsApi::AssumeRoleWithSaml,
        r#"{"PrincipalArn": "arn:aws:iam::111122223333:saml-provider/X", "SAMLAssertion": {"iss": "i", "https://aws.amazon.com/SAML/Attributes/RoleSesionName": "x"}}"#,
    );
    assert_eq!(
        saml,
        ["https://aws.amazon.com/SAML/Attributes/RoleSesionName は AWS が読み取る SAML 属性ではないため、AWS は無視します。https://aws.amazon.com/SAML/Attributes/RoleSessionName のことですか?"]
    );
}

#[test]
fn english_findings_are_unchanged() {
    let (_, findings) = read(StsApi::AssumeRole, r#"{"DurationSeconds": "3600"}"#);
    assert_eq!(
        findings[0].message,
        "DurationSeconds must be an integer, but it is a string."
    );
}
