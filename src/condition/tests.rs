//! Condition evaluation against AWS's documented examples, one table per concern.

use super::*;

enum V {
    Absent,
    One(&'static str),
    Many(&'static [&'static str]),
}

fn condition(operator: &str, key: &str, values: &[&str], variables: bool) -> Condition {
    Condition::new(
        Operator::parse(operator).unwrap(),
        key.to_string(),
        values.iter().map(|v| v.to_string()).collect(),
        variables,
        Place::default(),
    )
}

fn context(key: &str, value: &V) -> RequestContext {
    let mut ctx = RequestContext::new();
    ctx.set_derived("aws:username", ContextValue::Single("Bob".into()));
    ctx.set_derived("aws:PrincipalTag/team", ContextValue::Single("blue".into()));
    match value {
        V::Absent => {}
        V::One(v) => ctx.set_from_request(key, ContextValue::Single(v.to_string())),
        V::Many(vs) => ctx.set_from_request(
            key,
            ContextValue::Multi(vs.iter().map(|v| v.to_string()).collect()),
        ),
    }
    ctx
}

/// (operator, key, policy values, request value, expected)
type Row = (&'static str, &'static str, &'static [&'static str], V, bool);

fn run(rows: &[Row], variables: bool) {
    for (i, (operator, key, values, request, expected)) in rows.iter().enumerate() {
        let c = condition(operator, key, values, variables);
        let ctx = context(key, request);
        let out = c.evaluate(&ctx, Lang::En);
        assert_eq!(
            out.matched, *expected,
            "row {i}: {operator} {key} {values:?}: {}",
            out.reason
        );
        assert!(
            out.reason.contains(key),
            "row {i}: reason names the key: {}",
            out.reason
        );
        // The same verdict without a reason, as a brief explanation asks.
        assert_eq!(c.holds(&ctx), *expected, "row {i}: holds");
        // The same verdict in Japanese, with a Japanese reason that names the key.
        let ja = c.evaluate(&ctx, Lang::Ja);
        assert_eq!(ja.matched, out.matched, "row {i}: {}", ja.reason);
        assert!(
            ja.reason.contains(key) && ja.reason.contains("一致"),
            "row {i}: {}",
            ja.reason
        );
    }
}

/// Reasons in Japanese: the key, the value and the operator as written, the relation after the
/// policy value as Japanese puts it.
#[test]
fn reasons_in_japanese() {
    use V::*;
    let cases: &[(&str, &str, &[&str], V, &str)] = &[
        (
            "StringEquals",
            "aws:PrincipalTag/team",
            &["red", "green"],
            One("blue"),
            "aws:PrincipalTag/team の値は blue で、red, green のいずれとも等しくないため、StringEquals は一致しません",
        ),
        (
            "NumericLessThan",
            "s3:max-keys",
            &["10"],
            One("5"),
            "s3:max-keys の値は 5 で、10 より小さいため、NumericLessThan は一致します",
        ),
        (
            "NumericLessThan",
            "s3:max-keys",
            &["10"],
            One("10abc"),
            "s3:max-keys の値は 10abc ですが、これは数値ではありません。そのため、NumericLessThan は一致しません",
        ),
        (
            "StringEqualsIfExists",
            "aws:RequestedRegion",
            &["eu-west-1"],
            Absent,
            "aws:RequestedRegion はリクエストに含まれていません。IfExists は存在しないキーに一致するため、StringEqualsIfExists は一致します",
        ),
        (
            "Bool",
            "aws:MultiFactorAuthPresent",
            &["true"],
            Absent,
            "aws:MultiFactorAuthPresent はリクエストに含まれていません。そのため、Bool は一致しません",
        ),
        (
            "Null",
            "aws:TokenIssueTime",
            &["true"],
            Absent,
            "aws:TokenIssueTime はリクエストに含まれていないため、Null true は一致します",
        ),
        (
            "ForAnyValue:StringLike",
            "aws:TagKeys",
            &["env*"],
            Many(&["team", "env-name"]),
            "aws:TagKeys には値 env-name があり、env* に一致するため、ForAnyValue:StringLike は一致します",
        ),
        (
            "ForAllValues:StringEquals",
            "aws:TagKeys",
            &["team"],
            Many(&["team", "env"]),
            "aws:TagKeys には値 env があり、team と等しくないため、ForAllValues:StringEquals は一致しません",
        ),
    ];
    for (operator, key, values, request, expected) in cases {
        let c = condition(operator, key, values, false);
        let out = c.evaluate(&context(key, request), Lang::Ja);
        assert_eq!(out.reason, *expected);
    }
}

#[test]
fn string_operators() {
    use V::*;
    run(
        &[
            (
                "StringEquals",
                "aws:PrincipalTag/job-category",
                &["iamuser-admin"],
                One("iamuser-admin"),
                true,
            ),
            (
                "StringEquals",
                "aws:PrincipalTag/job-category",
                &["iamuser-admin"],
                One("IAMUser-Admin"),
                false,
            ),
            (
                "StringEquals",
                "aws:PrincipalTag/job-category",
                &["a", "iamuser-admin"],
                One("iamuser-admin"),
                true,
            ),
            (
                "StringNotEquals",
                "aws:PrincipalTag/job-category",
                &["a", "b"],
                One("c"),
                true,
            ),
            (
                "StringNotEquals",
                "aws:PrincipalTag/job-category",
                &["a", "b"],
                One("b"),
                false,
            ),
            (
                "StringEqualsIgnoreCase",
                "aws:PrincipalTag/job-category",
                &["IAMUser-Admin"],
                One("iamuser-admin"),
                true,
            ),
            (
                "StringNotEqualsIgnoreCase",
                "aws:PrincipalTag/job-category",
                &["IAMUser-Admin"],
                One("iamuser-admin"),
                false,
            ),
            (
                "StringLike",
                "s3:prefix",
                &["home/*"],
                One("home/Bob/x"),
                true,
            ),
            (
                "StringLike",
                "s3:prefix",
                &["home/?"],
                One("home/Bo"),
                false,
            ),
            ("StringLike", "s3:prefix", &["Home/*"], One("home/x"), false),
            (
                "StringNotLike",
                "s3:prefix",
                &["home/*", "shared/*"],
                One("other/x"),
                true,
            ),
            (
                "StringNotLike",
                "s3:prefix",
                &["home/*", "shared/*"],
                One("shared/x"),
                false,
            ),
            // The key name is case-insensitive.
            (
                "StringEquals",
                "AWS:PrincipalTag/Job-Category",
                &["x"],
                One("x"),
                true,
            ),
            // StringEquals does not take wildcards.
            (
                "StringEquals",
                "s3:prefix",
                &["home/*"],
                One("home/x"),
                false,
            ),
        ],
        true,
    );
}

#[test]
fn missing_keys_and_if_exists() {
    use V::*;
    run(
        &[
            ("StringEquals", "sts:ExternalId", &["x"], Absent, false),
            ("StringNotEquals", "sts:ExternalId", &["x"], Absent, true),
            (
                "StringEqualsIfExists",
                "sts:ExternalId",
                &["x"],
                Absent,
                true,
            ),
            (
                "StringEqualsIfExists",
                "sts:ExternalId",
                &["x"],
                One("y"),
                false,
            ),
            (
                "StringNotLikeIfExists",
                "sts:ExternalId",
                &["x*"],
                One("xy"),
                false,
            ),
            (
                "NumericLessThanIfExists",
                "aws:MultiFactorAuthAge",
                &["3600"],
                Absent,
                true,
            ),
            (
                "NumericLessThan",
                "aws:MultiFactorAuthAge",
                &["3600"],
                Absent,
                false,
            ),
            (
                "NotIpAddress",
                "aws:SourceIp",
                &["203.0.113.0/24"],
                Absent,
                true,
            ),
            (
                "IpAddress",
                "aws:SourceIp",
                &["203.0.113.0/24"],
                Absent,
                false,
            ),
            (
                "Bool",
                "aws:MultiFactorAuthPresent",
                &["true"],
                Absent,
                false,
            ),
            (
                "BoolIfExists",
                "aws:MultiFactorAuthPresent",
                &["false"],
                Absent,
                true,
            ),
            (
                "ArnNotLike",
                "aws:SourceArn",
                &["arn:aws:sns:*:*:t"],
                Absent,
                true,
            ),
            (
                "ForAllValues:StringEquals",
                "aws:TagKeys",
                &["a"],
                Many(&[]),
                true,
            ),
            (
                "ForAnyValue:StringEquals",
                "aws:TagKeys",
                &["a"],
                Many(&[]),
                false,
            ),
            (
                "ForAnyValue:StringEqualsIfExists",
                "aws:TagKeys",
                &["a"],
                Absent,
                true,
            ),
        ],
        true,
    );
    let out = condition("StringEquals", "sts:ExternalId", &["x"], true)
        .evaluate(&RequestContext::new(), Lang::En);
    assert_eq!(
        out.reason,
        "sts:ExternalId is absent from the request, so StringEquals does not match"
    );
}

#[test]
fn null_tests_presence() {
    use V::*;
    run(
        &[
            ("Null", "aws:TokenIssueTime", &["true"], Absent, true),
            (
                "Null",
                "aws:TokenIssueTime",
                &["true"],
                One("2024-01-01T00:00:00Z"),
                false,
            ),
            (
                "Null",
                "aws:TokenIssueTime",
                &["false"],
                One("2024-01-01T00:00:00Z"),
                true,
            ),
            ("Null", "aws:TokenIssueTime", &["false"], Absent, false),
            ("Null", "aws:TokenIssueTime", &["TRUE"], Absent, true),
            ("Null", "aws:TokenIssueTime", &["maybe"], Absent, false),
            ("Null", "aws:TagKeys", &["true"], Many(&[]), true),
        ],
        true,
    );
}

#[test]
fn numeric_operators_parse_strictly() {
    use V::*;
    run(
        &[
            ("NumericEquals", "s3:max-keys", &["10"], One("10"), true),
            ("NumericEquals", "s3:max-keys", &["10"], One("10.0"), true),
            ("NumericNotEquals", "s3:max-keys", &["10"], One("11"), true),
            ("NumericLessThan", "s3:max-keys", &["10"], One("9.5"), true),
            ("NumericLessThan", "s3:max-keys", &["10"], One("10"), false),
            (
                "NumericLessThanEquals",
                "s3:max-keys",
                &["10"],
                One("10"),
                true,
            ),
            (
                "NumericGreaterThan",
                "s3:max-keys",
                &["10"],
                One("10.01"),
                true,
            ),
            (
                "NumericGreaterThanEquals",
                "s3:max-keys",
                &["10"],
                One("9"),
                false,
            ),
            ("NumericLessThan", "s3:max-keys", &["10"], One("-100"), true),
            ("NumericEquals", "s3:max-keys", &["10"], One("10abc"), false),
            (
                "NumericNotEquals",
                "s3:max-keys",
                &["10"],
                One("10abc"),
                false,
            ),
            ("NumericEquals", "s3:max-keys", &["ten"], One("10"), false),
        ],
        false,
    );
    let c = condition("NumericEquals", "s3:max-keys", &["10"], false);
    let out = c.evaluate(&context("s3:max-keys", &V::One("10abc")), Lang::En);
    assert!(
        out.reason.contains("10abc, which is not a number"),
        "{}",
        out.reason
    );
}

#[test]
fn date_operators_compare_instants() {
    use V::*;
    run(
        &[
            (
                "DateGreaterThan",
                "aws:CurrentTime",
                &["2020-04-01T00:00:00Z"],
                One("2020-06-30T00:00:00Z"),
                true,
            ),
            (
                "DateLessThan",
                "aws:CurrentTime",
                &["2020-06-30T00:00:00Z"],
                One("2020-04-01T00:00:00Z"),
                true,
            ),
            (
                "DateEquals",
                "aws:CurrentTime",
                &["2020-01-01T01:00:00+01:00"],
                One("2020-01-01T00:00:00Z"),
                true,
            ),
            (
                "DateEquals",
                "aws:CurrentTime",
                &["1577836800"],
                One("2020-01-01"),
                true,
            ),
            (
                "DateNotEquals",
                "aws:CurrentTime",
                &["2020-01-01"],
                One("2020-01-02"),
                true,
            ),
            (
                "DateLessThanEquals",
                "aws:CurrentTime",
                &["2020-01-01T00:00:00Z"],
                One("2020-01-01T00:00:00.000Z"),
                true,
            ),
            (
                "DateGreaterThanEquals",
                "aws:CurrentTime",
                &["2020-01-01T00:00:00.5Z"],
                One("2020-01-01T00:00:00Z"),
                false,
            ),
            (
                "DateGreaterThan",
                "aws:TokenIssueTime",
                &["2020-01-01"],
                One("not-a-date"),
                false,
            ),
        ],
        false,
    );
}

#[test]
fn bool_binary_ip_operators() {
    use V::*;
    run(
        &[
            ("Bool", "aws:SecureTransport", &["true"], One("true"), true),
            ("Bool", "aws:SecureTransport", &["true"], One("TRUE"), true),
            (
                "Bool",
                "aws:SecureTransport",
                &["false"],
                One("true"),
                false,
            ),
            ("Bool", "aws:SecureTransport", &["true"], One("yes"), false),
            (
                "BinaryEquals",
                "key",
                &["QmluYXJ5VmFsdWVJbkJhc2U2NA=="],
                One("QmluYXJ5VmFsdWVJbkJhc2U2NA=="),
                true,
            ),
            (
                "BinaryEquals",
                "key",
                &["QmluYXJ5VmFsdWVJbkJhc2U2NA=="],
                One("QmluYXJ5VmFsdWVJbkJhc2U2NA"),
                true,
            ),
            ("BinaryEquals", "key", &["YQ=="], One("Yg=="), false),
            (
                "IpAddress",
                "aws:SourceIp",
                &["203.0.113.0/24"],
                One("203.0.113.7"),
                true,
            ),
            (
                "IpAddress",
                "aws:SourceIp",
                &["203.0.113.0/24", "2001:DB8:1234:5678::/64"],
                One("2001:db8:1234:5678::9"),
                true,
            ),
            (
                "IpAddress",
                "aws:SourceIp",
                &["203.0.113.0/24"],
                One("198.51.100.7"),
                false,
            ),
            (
                "NotIpAddress",
                "aws:SourceIp",
                &["203.0.113.0/24"],
                One("198.51.100.7"),
                true,
            ),
            (
                "NotIpAddress",
                "aws:SourceIp",
                &["203.0.113.0/24"],
                One("203.0.113.9"),
                false,
            ),
            (
                "IpAddress",
                "aws:SourceIp",
                &["203.0.113.7"],
                One("203.0.113.7"),
                true,
            ),
            (
                "IpAddress",
                "aws:SourceIp",
                &["203.0.113.0/24"],
                One("vpc-1a2b"),
                false,
            ),
        ],
        false,
    );
    let c = condition("IpAddress", "aws:SourceIp", &["203.0.113.0/24"], false);
    let out = c.evaluate(&context("aws:SourceIp", &V::One("198.51.100.7")), Lang::En);
    assert_eq!(
        out.reason,
        "aws:SourceIp is 198.51.100.7, which is not in 203.0.113.0/24, so IpAddress does not match"
    );
}

#[test]
fn arn_operators_versus_string_like() {
    use V::*;
    const PATTERN: &str = "arn:aws:someservice:*:111122223333:finance/*";
    const VALUE: &str =
        "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";
    run(
        &[
            ("StringLike", "aws:SourceArn", &[PATTERN], One(VALUE), true),
            ("ArnLike", "aws:SourceArn", &[PATTERN], One(VALUE), false),
            ("ArnEquals", "aws:SourceArn", &[PATTERN], One(VALUE), false),
            ("ArnNotLike", "aws:SourceArn", &[PATTERN], One(VALUE), true),
            (
                "ArnLike",
                "aws:SourceArn",
                &[PATTERN],
                One("arn:aws:someservice:us-east-2:111122223333:finance/x"),
                true,
            ),
            (
                "ArnEquals",
                "aws:PrincipalArn",
                &["arn:aws:iam::111122223333:role/Admin"],
                One("arn:aws:iam::111122223333:role/Admin"),
                true,
            ),
            (
                "ArnNotEquals",
                "aws:PrincipalArn",
                &["arn:aws:iam::111122223333:role/Admin"],
                One("arn:aws:iam::111122223333:role/Admin"),
                false,
            ),
            (
                "ArnLike",
                "aws:PrincipalArn",
                &["arn:aws:iam::*:role/Admin"],
                One("not-an-arn"),
                false,
            ),
        ],
        false,
    );
}

#[test]
fn set_qualifiers_follow_the_multivalued_keys_page() {
    use V::*;
    // The documented Deny example: ForAllValues:StringNotLike {"aws:TagKeys": "key1*"}.
    let example: &[&str] = &["key1*"];
    run(
        &[
            (
                "ForAllValues:StringNotLike",
                "aws:TagKeys",
                example,
                Many(&["key1:legal"]),
                false,
            ),
            (
                "ForAllValues:StringNotLike",
                "aws:TagKeys",
                example,
                Many(&["key1:hr", "key1:personnel"]),
                false,
            ),
            (
                "ForAllValues:StringNotLike",
                "aws:TagKeys",
                example,
                Many(&["key2:audit"]),
                true,
            ),
            (
                "ForAllValues:StringNotLike",
                "aws:TagKeys",
                example,
                Absent,
                true,
            ),
            (
                "ForAllValues:StringEquals",
                "aws:TagKeys",
                &["environment", "cost-center"],
                Many(&["environment"]),
                true,
            ),
            (
                "ForAllValues:StringEquals",
                "aws:TagKeys",
                &["environment", "cost-center"],
                Many(&["environment", "owner"]),
                false,
            ),
            (
                "ForAllValues:StringEquals",
                "aws:TagKeys",
                &["environment"],
                Absent,
                true,
            ),
            (
                "ForAnyValue:StringEquals",
                "aws:TagKeys",
                &["environment", "cost-center"],
                Many(&["owner", "cost-center"]),
                true,
            ),
            (
                "ForAnyValue:StringEquals",
                "aws:TagKeys",
                &["environment"],
                Many(&["owner"]),
                false,
            ),
            (
                "ForAnyValue:StringEquals",
                "aws:TagKeys",
                &["environment"],
                Absent,
                false,
            ),
            (
                "ForAnyValue:StringNotEquals",
                "aws:TagKeys",
                &["environment"],
                Many(&["environment", "owner"]),
                true,
            ),
            (
                "ForAllValues:StringNotEquals",
                "aws:TagKeys",
                &["environment"],
                Many(&["environment", "owner"]),
                false,
            ),
            // A single-valued key under a set qualifier is a set of one.
            (
                "ForAnyValue:StringEquals",
                "aws:username",
                &["Bob"],
                One("Bob"),
                true,
            ),
            // A multivalued value under a plain operator matches nothing, positive or negated,
            // one value or several; absent, it is a missing key as for any operator.
            (
                "StringEquals",
                "aws:TagKeys",
                &["owner"],
                Many(&["environment", "owner"]),
                false,
            ),
            (
                "StringEquals",
                "aws:CalledVia",
                &["athena.amazonaws.com"],
                Many(&["athena.amazonaws.com"]),
                false,
            ),
            (
                "StringNotEquals",
                "aws:TagKeys",
                &["owner"],
                Many(&["team"]),
                false,
            ),
            ("StringNotEquals", "aws:TagKeys", &["owner"], Absent, true),
            (
                "StringEqualsIfExists",
                "aws:TagKeys",
                &["owner"],
                Many(&["owner"]),
                false,
            ),
        ],
        true,
    );
}

#[test]
fn policy_variables_in_conditions() {
    use V::*;
    run(
        &[
            (
                "StringEquals",
                "s3:prefix",
                &["home/${aws:username}"],
                One("home/Bob"),
                true,
            ),
            (
                "StringLike",
                "s3:prefix",
                &["home/${aws:username}/*"],
                One("home/Bob/x"),
                true,
            ),
            (
                "StringLike",
                "s3:prefix",
                &["home/${aws:username}/*"],
                One("home/Alice/x"),
                false,
            ),
            (
                "StringEquals",
                "aws:ResourceTag/team",
                &["${aws:PrincipalTag/team}"],
                One("blue"),
                true,
            ),
            (
                "StringEquals",
                "aws:ResourceTag/team",
                &["${aws:PrincipalTag/dept}"],
                One("blue"),
                false,
            ),
            (
                "StringNotEquals",
                "aws:ResourceTag/team",
                &["${aws:PrincipalTag/dept}"],
                One("blue"),
                true,
            ),
            (
                "StringEquals",
                "aws:ResourceTag/team",
                &["${aws:PrincipalTag/dept, 'blue'}"],
                One("blue"),
                true,
            ),
            ("StringLike", "s3:prefix", &["${*}"], One("*"), true),
            ("StringLike", "s3:prefix", &["${*}"], One("anything"), false),
            (
                "ArnLike",
                "aws:PrincipalArn",
                &["arn:aws:iam::*:user/${aws:username}"],
                One("arn:aws:iam::111122223333:user/Bob"),
                true,
            ),
            // Numeric operators take no variables: the text is read as a number and fails.
            (
                "NumericEquals",
                "s3:max-keys",
                &["${aws:username}"],
                One("10"),
                false,
            ),
        ],
        true,
    );
    // Under 2008-10-17 the variable is literal text.
    run(
        &[(
            "StringEquals",
            "s3:prefix",
            &["home/${aws:username}"],
            One("home/${aws:username}"),
            true,
        )],
        false,
    );
    let c = condition(
        "StringEquals",
        "aws:ResourceTag/team",
        &["${aws:PrincipalTag/dept}"],
        true,
    );
    let out = c.evaluate(&context("aws:ResourceTag/team", &V::One("blue")), Lang::En);
    assert!(
        out.reason
            .contains("${aws:PrincipalTag/dept} cannot be resolved"),
        "{}",
        out.reason
    );
}
