use super::*;
use crate::json::{parse, Limits};
use crate::sts::params::read_params;
use crate::sts::session::NewSession;

fn params(api: StsApi, text: &str) -> StsParams {
    let json = parse(text, &Limits::default()).unwrap();
    let (p, findings) = read_params(api, Some(&json), "/p", crate::lang::Lang::En);
    assert!(findings.is_empty(), "{findings:?}");
    p
}

fn get<'a>(keys: &'a ContextKeys, key: &str) -> Option<&'a ContextValue> {
    keys.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn s(v: &str) -> ContextValue {
    ContextValue::Single(v.into())
}

fn m(vs: &[&str]) -> ContextValue {
    ContextValue::Multi(vs.iter().map(|v| v.to_string()).collect())
}

fn trust(p: &StsParams) -> ContextKeys {
    trust_context(&TrustContextInput {
        params: p,
        caller: None,
        role_tags: &[],
    })
}

#[test]
fn github_actions_token_gives_aud_and_sub() {
    let p = params(
        StsApi::AssumeRoleWithWebIdentity,
        r#"{"RoleSessionName": "gh", "WebIdentityToken": {"iss": "https://token.actions.githubusercontent.com",
            "aud": "sts.amazonaws.com", "sub": "repo:octo-org/octo-repo:ref:refs/heads/main", "repository": "octo-org/octo-repo",
            "runner_environment": "github-hosted"}}"#,
    );
    let keys = trust(&p);
    assert_eq!(
        get(&keys, "token.actions.githubusercontent.com:aud"),
        Some(&s("sts.amazonaws.com"))
    );
    assert_eq!(
        get(&keys, "token.actions.githubusercontent.com:sub"),
        Some(&s("repo:octo-org/octo-repo:ref:refs/heads/main"))
    );
    assert_eq!(get(&keys, "sts:RoleSessionName"), Some(&s("gh")));
    // A claim STS makes a key of (2026), for the trust policy only; others are not keys.
    assert_eq!(
        get(&keys, "token.actions.githubusercontent.com:repository"),
        Some(&s("octo-org/octo-repo"))
    );
    assert_eq!(
        get(
            &keys,
            "token.actions.githubusercontent.com:runner_environment"
        ),
        None
    );
    let token = p.web_identity_token.as_ref().unwrap();
    let fed = web_identity_federation(
        token,
        "token.actions.githubusercontent.com",
        "aws",
        "111122223333",
    );
    assert_eq!(
        fed.provider.as_deref(),
        Some("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com")
    );
    assert_eq!(fed.carried_keys.len(), 2);
}

#[test]
fn cognito_amr_is_multivalued() {
    let p = params(
        StsApi::AssumeRoleWithWebIdentity,
        r#"{"RoleSessionName": "app", "WebIdentityToken": {"iss": "https://cognito-identity.amazonaws.com",
            "aud": "us-east-1:12345678-abcd-abcd-abcd-123456790ab", "sub": "us-east-1:98765432-dcba-dcba-dcba-123456790ab",
            "amr": ["authenticated", "cognito-identity.amazonaws.com"]}}"#,
    );
    let keys = trust(&p);
    assert_eq!(
        get(&keys, "cognito-identity.amazonaws.com:amr"),
        Some(&m(&["authenticated", "cognito-identity.amazonaws.com"]))
    );
    assert_eq!(
        get(&keys, "cognito-identity.amazonaws.com:aud"),
        Some(&s("us-east-1:12345678-abcd-abcd-abcd-123456790ab"))
    );
    let unauthenticated = params(
        StsApi::AssumeRoleWithWebIdentity,
        r#"{"RoleSessionName": "app", "WebIdentityToken": {"iss": "https://cognito-identity.amazonaws.com", "amr": "unauthenticated"}}"#,
    );
    assert_eq!(
        get(
            &trust(&unauthenticated),
            "cognito-identity.amazonaws.com:amr"
        ),
        Some(&m(&["unauthenticated"]))
    );
}

#[test]
fn google_aud_is_azp_when_present_and_oaud_the_audience() {
    let with_azp = params(
        StsApi::AssumeRoleWithWebIdentity,
        r#"{"RoleSessionName": "g", "WebIdentityToken": {"iss": "https://accounts.google.com",
            "azp": "107806444890271851399", "aud": "sts.amazonaws.com", "sub": "107806444890271851399"}}"#,
    );
    let keys = trust(&with_azp);
    assert_eq!(
        get(&keys, "accounts.google.com:aud"),
        Some(&s("107806444890271851399"))
    );
    assert_eq!(
        get(&keys, "accounts.google.com:oaud"),
        Some(&s("sts.amazonaws.com"))
    );
    let without = params(
        StsApi::AssumeRoleWithWebIdentity,
        r#"{"RoleSessionName": "g", "WebIdentityToken": {"iss": "accounts.google.com", "aud": "client-1", "sub": "1"}}"#,
    );
    let keys = trust(&without);
    assert_eq!(get(&keys, "accounts.google.com:aud"), Some(&s("client-1")));
    assert_eq!(get(&keys, "accounts.google.com:oaud"), None);
}

#[test]
fn eks_provider_prefix_keeps_the_issuer_path() {
    let p = params(
        StsApi::AssumeRoleWithWebIdentity,
        r#"{"RoleSessionName": "pod", "WebIdentityToken": {"iss": "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
            "aud": ["sts.amazonaws.com"], "sub": "system:serviceaccount:default:my-sa"}}"#,
    );
    let keys = trust(&p);
    let prefix = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    assert_eq!(
        get(&keys, &format!("{prefix}:aud")),
        Some(&s("sts.amazonaws.com"))
    );
    assert_eq!(
        get(&keys, &format!("{prefix}:sub")),
        Some(&s("system:serviceaccount:default:my-sa"))
    );
}

#[test]
fn facebook_and_amazon_use_provider_id() {
    let p = params(
        StsApi::AssumeRoleWithWebIdentity,
        r#"{"RoleSessionName": "fb", "ProviderId": "graph.facebook.com", "WebIdentityToken": {"aud": "1234567890", "sub": "user-1"}}"#,
    );
    let keys = trust(&p);
    assert_eq!(
        get(&keys, "graph.facebook.com:app_id"),
        Some(&s("1234567890"))
    );
    assert_eq!(get(&keys, "graph.facebook.com:id"), Some(&s("user-1")));
}

#[test]
fn saml_keys_and_name_qualifier_follow_the_sts_reference() {
    // The STS reference's pseudocode: BASE64(SHA1("https://example.com/saml" + "123456789012" + "/MySAMLIdP")).
    assert_eq!(
        saml_name_qualifier("https://example.com/saml", "123456789012", "MySAMLIdP"),
        "1uAJanUnBc2XeUkHURMht+xam2c="
    );
    let p = params(
        StsApi::AssumeRoleWithSaml,
        r#"{"PrincipalArn": "arn:aws:iam::123456789012:saml-provider/MySAMLIdP",
            "SAMLAssertion": {"iss": "https://example.com/saml", "sub": "jdoe", "sub_type": "transient",
              "https://aws.amazon.com/SAML/Attributes/RoleSessionName": "jdoe",
              "eduPersonAffiliation": ["staff", "member"]}}"#,
    );
    let keys = trust(&p);
    assert_eq!(
        get(&keys, "saml:aud"),
        Some(&s("https://signin.aws.amazon.com/saml"))
    );
    assert_eq!(get(&keys, "saml:iss"), Some(&s("https://example.com/saml")));
    assert_eq!(get(&keys, "saml:sub_type"), Some(&s("transient")));
    assert_eq!(get(&keys, "saml:doc"), Some(&s("123456789012/MySAMLIdP")));
    assert_eq!(
        get(&keys, "saml:namequalifier"),
        Some(&s("1uAJanUnBc2XeUkHURMht+xam2c="))
    );
    assert_eq!(
        get(&keys, "saml:eduPersonAffiliation"),
        Some(&m(&["staff", "member"]))
    );
    assert_eq!(get(&keys, "sts:RoleSessionName"), None);
    let fed = saml_federation(
        p.saml_assertion.as_ref().unwrap(),
        "arn:aws:iam::123456789012:saml-provider/MySAMLIdP",
    );
    let carried: Vec<&str> = fed.carried_keys.iter().map(|(k, _)| &**k).collect();
    assert_eq!(carried, ["saml:sub", "saml:sub_type", "saml:namequalifier"]);
}

#[test]
fn assume_role_keys_cover_tags_and_inherited_transitive_resource_tags() {
    let first = params(
        StsApi::AssumeRole,
        r#"{"RoleSessionName": "s1", "Tags": [{"Key": "Star", "Value": "1"}], "TransitiveTagKeys": ["Star"], "SourceIdentity": "alice"}"#,
    );
    let caller = Session::create(NewSession {
        role_arn: "arn:aws:iam::123456789012:role/Role1",
        role_id: &crate::sts::role_id("arn:aws:iam::123456789012:role/Role1"),
        params: &first,
        caller: None,
        max_session_duration: 3600,
        at: 0,
        federation: None,
    })
    .unwrap();
    let second = params(
        StsApi::AssumeRole,
        r#"{"RoleSessionName": "s2", "ExternalId": "Example987", "Tags": [{"Key": "Project", "Value": "Automation"}, {"Key": "Dept", "Value": "Eng"}], "TransitiveTagKeys": ["Project"]}"#,
    );
    let role_tags = vec![
        ("star".to_string(), "3".to_string()),
        ("Lightning".to_string(), "1".to_string()),
    ];
    let keys = trust_context(&TrustContextInput {
        params: &second,
        caller: Some(&caller),
        role_tags: &role_tags,
    });
    assert_eq!(get(&keys, "sts:ExternalId"), Some(&s("Example987")));
    assert_eq!(get(&keys, "sts:SourceIdentity"), Some(&s("alice")));
    assert_eq!(get(&keys, "sts:TransitiveTagKeys"), Some(&m(&["Project"])));
    assert_eq!(get(&keys, "aws:RequestTag/Project"), Some(&s("Automation")));
    assert_eq!(get(&keys, "aws:TagKeys"), Some(&m(&["Project", "Dept"])));
    assert_eq!(get(&keys, "aws:ResourceTag/Star"), Some(&s("1")));
    assert_eq!(get(&keys, "aws:ResourceTag/star"), None);
    assert_eq!(get(&keys, "aws:ResourceTag/Lightning"), Some(&s("1")));
}

#[test]
fn session_keys_overlay_role_tags_and_report_mfa_and_identity() {
    let p = params(
        StsApi::AssumeRole,
        r#"{"RoleSessionName": "alice", "Tags": [{"Key": "department", "Value": "engineering"}], "SourceIdentity": "alice",
            "SerialNumber": "arn:aws:iam::111122223333:mfa/alice", "TokenCode": "123456"}"#,
    );
    let session = Session::create(NewSession {
        role_arn: "arn:aws:iam::111122223333:role/R",
        role_id: &crate::sts::role_id("arn:aws:iam::111122223333:role/R"),
        params: &p,
        caller: None,
        max_session_duration: 3600,
        at: 100,
        federation: None,
    })
    .unwrap();
    let role_tags = vec![
        ("Department".to_string(), "Marketing".to_string()),
        ("env".to_string(), "prod".to_string()),
    ];
    let keys = session_context(&session, &role_tags);
    assert_eq!(
        get(&keys, "aws:PrincipalTag/department"),
        Some(&s("engineering"))
    );
    assert_eq!(get(&keys, "aws:PrincipalTag/Department"), None);
    assert_eq!(get(&keys, "aws:PrincipalTag/env"), Some(&s("prod")));
    assert_eq!(get(&keys, "aws:SourceIdentity"), Some(&s("alice")));
    // Created with MFA, yet its own requests carry none (IAM User Guide, "Secure API access
    // with MFA").
    assert!(session.mfa);
    assert_eq!(get(&keys, "aws:MultiFactorAuthPresent"), Some(&s("false")));
    assert_eq!(get(&keys, "aws:MultiFactorAuthAge"), None);
    assert_eq!(get(&keys, "aws:TokenIssueTime"), Some(&s("100")));
    assert_eq!(get(&keys, "aws:PrincipalType"), Some(&s("AssumedRole")));
    assert_eq!(get(&keys, "aws:userid"), Some(&s(&session.assumed_role_id)));
    let plain = Session {
        mfa: false,
        ..session
    };
    let keys = session_context(&plain, &[]);
    assert_eq!(get(&keys, "aws:MultiFactorAuthPresent"), Some(&s("false")));
    assert_eq!(get(&keys, "aws:MultiFactorAuthAge"), None);
}
