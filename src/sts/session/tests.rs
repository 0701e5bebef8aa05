use super::*;
use crate::sts::StsApi;

fn tag(key: &str, value: &str) -> Tag {
    Tag {
        key: key.into(),
        value: value.into(),
    }
}

fn params(tags: &[(&str, &str)], transitive: &[&str]) -> StsParams {
    let mut p = StsParams::empty(StsApi::AssumeRole);
    p.role_session_name = Some("s".into());
    p.tags = tags.iter().map(|(k, v)| tag(k, v)).collect();
    p.transitive_tag_keys = transitive.iter().map(|k| k.to_string()).collect();
    p
}

fn create(
    role: &str,
    p: &StsParams,
    caller: Option<&Session>,
    at: i64,
) -> Result<Session, StsError> {
    Session::create(NewSession {
        role_arn: role,
        role_id: &crate::sts::role_id(role),
        params: p,
        caller,
        max_session_duration: 3600,
        at,
        federation: None,
    })
}

#[test]
fn expiry_follows_duration_max_session_duration_and_chaining() {
    type Case = (Option<i64>, i64, bool, Result<i64, &'static str>);
    let cases: &[Case] = &[
        (None, 3600, false, Ok(3600)),
        (None, 43200, false, Ok(3600)),
        (Some(900), 3600, false, Ok(900)),
        (Some(7200), 43200, false, Ok(7200)),
        (Some(7200), 3600, false, Err("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")),
        (None, 43200, true, Ok(3600)),
        (Some(3600), 43200, true, Ok(3600)),
        (Some(1800), 43200, true, Ok(1800)),
        (Some(3601), 43200, true, Err("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.")),
    ];
    for (requested, max, chained, expected) in cases {
        let got = session_duration(*requested, *max, *chained);
        match expected {
            Ok(seconds) => assert_eq!(got, Ok(*seconds), "{requested:?} {max} {chained}"),
            Err(message) => {
                let e = got.unwrap_err();
                assert_eq!((e.code, e.message.as_str()), ("ValidationError", *message));
            }
        }
    }
}

#[test]
fn session_identifiers_drop_the_role_path() {
    let p = params(&[], &[]);
    let s = create(
        "arn:aws:iam::444455556666:role/app/ci/Deployer",
        &p,
        None,
        100,
    )
    .unwrap();
    assert_eq!(s.arn, "arn:aws:sts::444455556666:assumed-role/Deployer/s");
    assert!(s.assumed_role_id.starts_with("AROA") && s.assumed_role_id.ends_with(":s"));
    assert_eq!(s.account, "444455556666");
    assert_eq!((s.issued_at, s.expires_at, s.chained), (100, 3700, false));
    assert!(!s.is_expired(3699) && s.is_expired(3700));
}

/// The IAM User Guide's role-chaining example: Star and Heart are transitive from Session1;
/// Role2's own Sun tag is not a session tag and does not pass on; passing Heart=3 to Role3
/// fails.
#[test]
fn transitive_tags_follow_the_user_guide_chain_example() {
    let first = params(&[("Star", "1"), ("Heart", "1")], &["Star", "Heart"]);
    let s1 = create("arn:aws:iam::123456789012:role/Role1", &first, None, 0).unwrap();
    let s2 = create(
        "arn:aws:iam::123456789012:role/Role2",
        &params(&[], &[]),
        Some(&s1),
        10,
    )
    .unwrap();
    assert_eq!(s2.tags, [tag("Star", "1"), tag("Heart", "1")]);
    assert_eq!(s2.transitive_tag_keys, ["Star", "Heart"]);
    assert!(s2.chained);
    let s3 = create(
        "arn:aws:iam::123456789012:role/Role3",
        &params(&[("Moon", "1")], &[]),
        Some(&s2),
        20,
    )
    .unwrap();
    assert_eq!(
        s3.tags,
        [tag("Star", "1"), tag("Heart", "1"), tag("Moon", "1")]
    );
    assert_eq!(s3.transitive_tag_keys, ["Star", "Heart"]);
    let clash = create(
        "arn:aws:iam::123456789012:role/Role3",
        &params(&[("heart", "3")], &[]),
        Some(&s2),
        20,
    );
    assert_eq!(clash.unwrap_err().code, "InvalidParameterValue");
}

#[test]
fn non_transitive_tags_do_not_pass_on() {
    let first = params(&[("Star", "1"), ("Team", "blue")], &["Star"]);
    let s1 = create("arn:aws:iam::123456789012:role/Role1", &first, None, 0).unwrap();
    let plan = plan_tags(&params(&[("Team", "red")], &[]), Some(&s1)).unwrap();
    assert_eq!(plan.inherited, [tag("Star", "1")]);
    assert_eq!(plan.tags, [tag("Star", "1"), tag("Team", "red")]);
    assert_eq!(s1.tag("star").map(|t| t.value.as_str()), Some("1"));
}

#[test]
fn trust_policy_must_allow_tag_session_and_set_source_identity_when_they_apply() {
    let names = |p: &StsParams, c: Option<&Session>| -> Vec<&'static str> {
        required_trust_actions(p, c)
            .iter()
            .map(|a| a.action)
            .collect()
    };
    assert_eq!(names(&params(&[], &[]), None), ["sts:AssumeRole"]);
    assert_eq!(
        names(&params(&[("a", "b")], &[]), None),
        ["sts:AssumeRole", "sts:TagSession"]
    );
    let mut with_source = params(&[], &[]);
    with_source.source_identity = Some("alice".into());
    assert_eq!(
        names(&with_source, None),
        ["sts:AssumeRole", "sts:SetSourceIdentity"]
    );
    let caller = create(
        "arn:aws:iam::111122223333:role/R",
        &{
            let mut p = params(&[("Star", "1")], &["Star"]);
            p.source_identity = Some("alice".into());
            p
        },
        None,
        0,
    )
    .unwrap();
    let chained = required_trust_actions(&params(&[], &[]), Some(&caller));
    let chained_names: Vec<_> = chained.iter().map(|a| a.action).collect();
    assert_eq!(
        chained_names,
        ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]
    );
    assert!(chained[2].identity_policy_too);
    assert!(chained[1].reason.en.contains("unverified"));
}

#[test]
fn source_identity_persists_and_cannot_change() {
    let mut first = params(&[], &[]);
    first.source_identity = Some("Saanvi".into());
    let s1 = create(
        "arn:aws:iam::111111111111:role/CriticalRole",
        &first,
        None,
        0,
    )
    .unwrap();
    let s2 = create(
        "arn:aws:iam::222222222222:role/CriticalRole_2",
        &params(&[], &[]),
        Some(&s1),
        5,
    )
    .unwrap();
    assert_eq!(s2.source_identity.as_deref(), Some("Saanvi"));
    let mut same = params(&[], &[]);
    same.source_identity = Some("Saanvi".into());
    assert!(create(
        "arn:aws:iam::222222222222:role/CriticalRole_2",
        &same,
        Some(&s1),
        5
    )
    .is_ok());
    let mut other = params(&[], &[]);
    other.source_identity = Some("Diego".into());
    let e = create(
        "arn:aws:iam::222222222222:role/CriticalRole_2",
        &other,
        Some(&s1),
        5,
    )
    .unwrap_err();
    assert_eq!(e.code, "AccessDenied");
    assert!(e.message.contains("'Saanvi'") && e.message.contains("'Diego'"));
}

#[test]
fn mfa_is_recorded_when_serial_number_and_token_code_are_given() {
    let mut p = params(&[], &[]);
    p.serial_number = Some("arn:aws:iam::1:mfa/alice".into());
    p.token_code = Some("123456".into());
    let s = create("arn:aws:iam::111122223333:role/R", &p, None, 42).unwrap();
    assert!(s.mfa);
    // A code without its device (or the reverse) gives no MFA.
    p.serial_number = None;
    let s = create("arn:aws:iam::111122223333:role/R", &p, None, 42).unwrap();
    assert!(!s.mfa);
}
