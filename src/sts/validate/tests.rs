use super::*;
use crate::sts::params::{SessionPolicy, Tag};
use crate::sts::session::{NewSession, Session};

fn base() -> StsParams {
    let mut p = StsParams::empty(StsApi::AssumeRole);
    p.role_session_name = Some("alice".into());
    p
}

fn tags(pairs: &[(&str, &str)]) -> Vec<Tag> {
    pairs
        .iter()
        .map(|(k, v)| Tag {
            key: k.to_string(),
            value: v.to_string(),
        })
        .collect()
}

fn check(p: &StsParams) -> Result<(), StsError> {
    validate(
        p,
        ValidationContext {
            max_session_duration: 3600,
            caller: None,
            now: 1_767_225_600,
            role_arn: "arn:aws:iam::111122223333:role/R",
        },
    )
}

const ONE: &str = "1 validation error detected: ";

#[test]
fn model_constraints_give_aws_validation_messages() {
    type Edit = fn(&mut StsParams);
    let cases: &[(Edit, &str)] = &[
        (|p| p.role_session_name = Some("bad name".into()),
         r"Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*"),
        (|p| p.role_session_name = Some("a".into()),
         "Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"),
        (|p| p.role_session_name = Some("x".repeat(65)),
         "at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64"),
        (|p| p.role_session_name = None,
         "Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null"),
        (|p| p.duration_seconds = Some(899),
         "Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
        (|p| p.duration_seconds = Some(43201),
         "Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"),
        (|p| p.external_id = Some("a b".into()),
         r"Value 'a b' at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@:\/-]*"),
        (|p| p.external_id = Some("x".into()),
         "Value 'x' at 'externalId' failed to satisfy constraint: Member must have length greater than or equal to 2"),
        (|p| p.external_id = Some("x".repeat(1225)),
         "at 'externalId' failed to satisfy constraint: Member must have length less than or equal to 1224"),
        (|p| p.source_identity = Some("Diego Ramirez".into()),
         r"Value 'Diego Ramirez' at 'sourceIdentity' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*"),
        (|p| p.source_identity = Some("x".repeat(65)),
         "at 'sourceIdentity' failed to satisfy constraint: Member must have length less than or equal to 64"),
        (|p| p.serial_number = Some("GAHT1234".into()),
         "Value 'GAHT1234' at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9"),
        (|p| p.serial_number = Some("arn:aws:iam::1:mfa/a b".into()),
         r"at 'serialNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=/:,.@-]*"),
        (|p| p.token_code = Some("12345a".into()),
         r"Value '12345a' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\d]*"),
        (|p| p.token_code = Some("12345".into()),
         "Value '12345' at 'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6"),
        (|p| p.tags = tags(&[("team!", "blue")]),
         r"Value 'team!' at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{Z}\p{N}_.:/=+\-@]+"),
        (|p| p.tags = tags(&[("team", &"v".repeat(257))]),
         "at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256"),
        (|p| p.tags = tags(&[("", "v")]),
         "Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1"),
        (|p| p.tags = (0..51).map(|i| Tag { key: format!("k{i}"), value: String::new() }).collect(),
         "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"),
        (|p| p.transitive_tag_keys = (0..51).map(|i| format!("k{i}")).collect(),
         "at 'transitiveTagKeys' failed to satisfy constraint: Member must have length less than or equal to 50"),
        (|p| p.policy_arns = vec!["arn:aws:iam::1:p".into()],
         "Value 'arn:aws:iam::1:p' at 'policyArns.1.member.arn' failed to satisfy constraint: Member must have length greater than or equal to 20"),
        (|p| p.policy = Some(policy_text(&format!("{{\"Sid\":\"{}\"}}", "x".repeat(2048)))),
         "at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048"),
        (|p| p.policy = Some(policy_text("{\"Sid\":\"café ☕\"}")),
         r"at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: [\u0009\u000A\u000D\u0020-\u00FF]+"),
    ];
    for (edit, expected) in cases {
        let mut p = base();
        edit(&mut p);
        let e = check(&p).unwrap_err();
        assert_eq!(e.code, "ValidationError", "{expected}");
        assert!(e.message.starts_with(ONE), "{}", e.message);
        assert!(
            e.message.ends_with(expected),
            "{}\n  expected to end with\n{expected}",
            e.message
        );
    }
}

fn policy_text(text: &str) -> SessionPolicy {
    SessionPolicy {
        document: crate::json::parse(text, &crate::json::Limits::default()).unwrap(),
        text: text.to_string(),
    }
}

/// The `aws:` prefix of a source identity is already refused by the model's pattern, which has
/// no `:`; the service rule is a second line that the model makes unreachable.
#[test]
fn aws_prefix_of_source_identity_fails_the_pattern() {
    let mut p = base();
    p.source_identity = Some("aws:alice".into());
    assert_eq!(
        check(&p).unwrap_err().message,
        r"1 validation error detected: Value 'aws:alice' at 'sourceIdentity' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*"
    );
}

#[test]
fn several_violations_are_counted_and_joined() {
    let mut p = base();
    p.role_session_name = Some("bad name".into());
    p.duration_seconds = Some(100);
    assert_eq!(
        check(&p).unwrap_err().message,
        r"2 validation errors detected: Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*; Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
    );
}

#[test]
fn valid_values_pass() {
    let mut p = base();
    p.role_session_name = Some("alice+ops=1,x.y@z-w_".into());
    p.external_id = Some("arn:aws:x/y-z".into());
    p.serial_number = Some("arn:aws:iam::111122223333:mfa/alice".into());
    p.token_code = Some("123456".into());
    p.source_identity = Some("alice".into());
    p.tags = tags(&[("Projet Été", "café au lait"), ("cost-center", "")]);
    p.transitive_tag_keys = vec!["PROJET Été".into()];
    p.policy_arns = vec!["arn:aws:iam::aws:policy/ReadOnlyAccess".into()];
    p.duration_seconds = Some(3600);
    assert_eq!(check(&p), Ok(()));
}

#[test]
fn service_checks_fail_with_their_own_errors() {
    type Edit = fn(&mut StsParams);
    let cases: &[(Edit, &str, &str)] = &[
        (
            |p| p.duration_seconds = Some(7200),
            "ValidationError",
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
        ),
        (
            |p| {
                p.policy_arns = (0..11)
                    .map(|i| format!("arn:aws:iam::111122223333:policy/p{i}"))
                    .collect()
            },
            "ValidationError",
            "Member must have length less than or equal to 10",
        ),
        (
            |p| p.policy_arns = vec!["arn:aws:s3:::example-bucket/object".into()],
            "InvalidParameterValue",
            "is not an IAM managed policy ARN",
        ),
        (
            |p| p.tags = tags(&[("Department", "a"), ("department", "b")]),
            "InvalidParameterValue",
            "Duplicate tag keys found: 'department'",
        ),
        (
            |p| p.tags = tags(&[("aws:team", "a")]),
            "InvalidParameterValue",
            "begins with 'aws:'",
        ),
        (
            |p| {
                p.tags = tags(&[("team", "a")]);
                p.transitive_tag_keys = vec!["project".into()];
            },
            "InvalidParameterValue",
            "The transitive tag key 'project' does not name a session tag",
        ),
        (
            |p| {
                p.tags = (0..50)
                    .map(|i| Tag {
                        key: format!("k{i:02}"),
                        value: crate::sts::role_id(&i.to_string()),
                    })
                    .collect()
            },
            "PackedPolicyTooLarge",
            "% of allotted space.",
        ),
    ];
    for (edit, code, needle) in cases {
        let mut p = base();
        edit(&mut p);
        let e = check(&p).unwrap_err();
        assert_eq!(e.code, *code, "{}", e.message);
        assert!(e.message.contains(needle), "{}", e.message);
    }
}

#[test]
fn chaining_caps_explicit_durations_and_forbids_overriding_inherited_transitive_tags() {
    let mut first = base();
    first.tags = tags(&[("Heart", "1")]);
    first.transitive_tag_keys = vec!["Heart".into()];
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
    let chained = |p: &StsParams| {
        validate(
            p,
            ValidationContext {
                max_session_duration: 43200,
                caller: Some(&caller),
                now: 1_767_225_600,
                role_arn: "arn:aws:iam::123456789012:role/Role2",
            },
        )
    };
    let mut long = base();
    long.duration_seconds = Some(7200);
    assert_eq!(
        chained(&long).unwrap_err().message,
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."
    );
    assert_eq!(chained(&base()), Ok(()));
    let mut clash = base();
    clash.tags = tags(&[("Heart", "3")]);
    assert_eq!(chained(&clash).unwrap_err().code, "InvalidParameterValue");
}

fn saml(session_name: Option<&str>, source_identity: Option<&str>) -> StsParams {
    let mut p = StsParams::empty(StsApi::AssumeRoleWithSaml);
    p.role_session_name = session_name.map(str::to_string);
    p.source_identity = source_identity.map(str::to_string);
    p
}

/// IAM User Guide, "Troubleshoot SAML federation with IAM": the three assertion errors, each
/// `InvalidIdentityToken` with the message before the SDK's "(service: ...)" suffix.
#[test]
fn saml_assertion_errors_are_invalid_identity_token_with_aws_messages() {
    let cases = [
        (
            saml(None, None),
            "RoleSessionName is required in AuthnResponse",
        ),
        (
            saml(Some("John Doe"), None),
            "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}",
        ),
        (
            saml(Some("j"), None),
            "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}",
        ),
        (
            saml(Some(&"j".repeat(65)), None),
            "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}",
        ),
        (
            saml(Some("jdoe"), Some("aws:jdoe")),
            "Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with \"aws:\"",
        ),
        (
            saml(Some("jdoe"), Some("Jane Doe")),
            "Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with \"aws:\"",
        ),
    ];
    for (p, message) in cases {
        assert_eq!(
            check(&p),
            Err(StsError::new("InvalidIdentityToken", message)),
            "{:?} {:?}",
            p.role_session_name,
            p.source_identity
        );
    }
}

/// The name is checked before the source identity, and a good assertion passes.
#[test]
fn saml_assertion_checks_go_name_first_and_pass_good_values() {
    assert_eq!(
        assertion::problem(&saml(Some("a b"), Some("aws:x"))),
        Some(AssertionProblem::RoleSessionName)
    );
    assert_eq!(check(&saml(Some("jdoe@example.com"), Some("jdoe"))), Ok(()));
    assert_eq!(check(&saml(Some("jdoe@example.com"), None)), Ok(()));
}

/// The API's own members of AssumeRoleWithSAML still fail request validation first.
#[test]
fn saml_request_validation_comes_before_the_assertion() {
    let mut p = saml(None, None);
    p.duration_seconds = Some(899);
    assert_eq!(check(&p).unwrap_err().code, "ValidationError");
}

/// The other APIs never answer with the assertion's errors.
#[test]
fn only_saml_reads_an_assertion() {
    let mut p = base();
    p.role_session_name = None;
    assert_eq!(assertion::problem(&p), None);
    assert_eq!(check(&p).unwrap_err().code, "ValidationError");
}

/// The explanation names the attribute the identity provider must send, in either language.
#[test]
fn saml_assertion_explanations_name_the_attribute() {
    use crate::lang::Lang;
    let prefix = "https://aws.amazon.com/SAML/Attributes/";
    let cases = [
        (AssertionProblem::NoRoleSessionName, "RoleSessionName"),
        (AssertionProblem::RoleSessionName, "RoleSessionName"),
        (AssertionProblem::SourceIdentity, "SourceIdentity"),
    ];
    for (problem, attribute) in cases {
        for lang in [Lang::En, Lang::Ja] {
            let why = problem.explain(lang);
            assert!(why.contains(&format!("{prefix}{attribute} ")), "{why}");
        }
    }
}

/// A token's `exp` in whole or decimal seconds since 1970, compared with the call's time; an
/// exponent or something not a number is not judged.
#[test]
fn an_expired_web_identity_token_is_refused() {
    let now = 1_767_225_600;
    let with_exp = |exp: &str| {
        let mut p = StsParams::empty(StsApi::AssumeRoleWithWebIdentity);
        p.role_session_name = Some("web".into());
        let claims =
            format!(r#"{{"iss": "https://accounts.google.com", "sub": "1", "exp": {exp}}}"#);
        p.web_identity_token = Some(crate::sts::params::WebIdentityToken {
            iss: Some("https://accounts.google.com".into()),
            aud: Vec::new(),
            sub: Some("1".into()),
            amr: Vec::new(),
            azp: None,
            claims: crate::json::parse(&claims, &Default::default()).unwrap(),
        });
        let context = ValidationContext {
            max_session_duration: 3600,
            caller: None,
            now,
            role_arn: "arn:aws:iam::111122223333:role/R",
        };
        validate(&p, context).err().map(|e| e.code)
    };
    assert_eq!(with_exp("1767225600"), Some("ExpiredTokenException"));
    assert_eq!(with_exp("1767225599.9"), Some("ExpiredTokenException"));
    assert_eq!(with_exp("1767225601"), None);
    assert_eq!(with_exp("1.8e9"), None);
    assert_eq!(with_exp("\"soon\""), None);
}
