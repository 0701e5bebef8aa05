//! Table-driven fixtures: for every finding code, a policy that triggers it and a close
//! variant that does not. Examples follow the IAM User Guide's and Access Analyzer's own.

use super::codes::{self, Code};
use super::{validate_text, PolicyKind};
use PolicyKind::*;

fn doc(statements: &str) -> String {
    format!(r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#)
}

fn with_condition(operator: &str, key: &str, value: &str) -> String {
    doc(&format!(
        r#"{{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{{"{operator}":{{"{key}":{value}}}}}}}"#
    ))
}

fn identity(rest: &str) -> String {
    doc(&format!(r#"{{"Effect":"Allow",{rest}}}"#))
}

fn trust(principal: &str, action: &str, condition: &str) -> String {
    let condition = if condition.is_empty() {
        String::new()
    } else {
        format!(r#","Condition":{condition}"#)
    };
    doc(&format!(
        r#"{{"Effect":"Allow","Principal":{principal},"Action":{action}{condition}}}"#
    ))
}

fn resource(rest: &str) -> String {
    doc(&format!(
        r#"{{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",{rest}}}"#
    ))
}

fn many_arns(n: usize) -> String {
    let arns: Vec<String> = (0..n)
        .map(|i| format!(r#""arn:aws:s3:::bucket-number-{i}/*""#))
        .collect();
    format!("[{}]", arns.join(","))
}

const ACCOUNT: &str = r#"{"AWS":"arn:aws:iam::111122223333:root"}"#;
const SAML: &str = r#"{"Federated":"arn:aws:iam::111122223333:saml-provider/Corp"}"#;
const GITHUB: &str = r#"{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}"#;
const EKS: &str = r#"{"Federated":"arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"}"#;
const WEB: &str = r#""sts:AssumeRoleWithWebIdentity""#;
const GH_AUD: &str =
    r#"{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}"#;

/// (code, kind, triggers, does not trigger)
fn table() -> Vec<(Code, PolicyKind, String, String)> {
    let ok = r#""Action":"s3:GetObject","Resource":"*""#;
    let pass = |action: &str, resource: &str| identity(&format!(r#""Action":{action},{resource}"#));
    let not_res = r#""NotResource":"arn:aws:iam::111122223333:role/Admin""#;
    let role_res = r#""Resource":"arn:aws:iam::111122223333:role/app/Worker""#;
    let rcp = |effect: &str, principal: &str, rest: &str| {
        doc(&format!(
            r#"{{"Effect":"{effect}","Principal":{principal},{rest}}}"#
        ))
    };
    vec![
        (codes::MALFORMED_JSON, Identity, r#"{"Version":"2012-10-17","#.into(), identity(ok)),
        (codes::DUPLICATE_KEY, Identity, identity(r#""Action":"s3:GetObject","Action":"s3:PutObject","Resource":"*""#), identity(ok)),
        (codes::UNKNOWN_ELEMENT, Identity, identity(r#""Actions":"s3:GetObject","Action":"s3:GetObject","Resource":"*""#), identity(ok)),
        (codes::WRONG_TYPE, Identity, identity(r#""Action":5,"Resource":"*""#), identity(ok)),
        (codes::MISSING_VERSION, Identity, r#"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#.into(), identity(ok)),
        (codes::INVALID_VERSION, Identity, r#"{"Version":"2024-01-01","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#.into(), identity(ok)),
        (codes::ID_NOT_SUPPORTED, Identity, r#"{"Version":"2012-10-17","Id":"x","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#.into(), identity(ok)),
        (codes::MISSING_STATEMENT, Identity, r#"{"Version":"2012-10-17"}"#.into(), identity(ok)),
        (codes::MISSING_EFFECT, Identity, doc(r#"{"Action":"s3:GetObject","Resource":"*"}"#), identity(ok)),
        (codes::INVALID_EFFECT, Identity, doc(r#"{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}"#), identity(ok)),
        (codes::UNSUPPORTED_SID, Identity, identity(r#""Sid":"read objects","Action":"s3:GetObject","Resource":"*""#), identity(r#""Sid":"ReadObjects","Action":"s3:GetObject","Resource":"*""#)),
        (codes::UNIQUE_SIDS_REQUIRED, Identity, doc(r#"{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"s3:PutObject","Resource":"*"}"#), doc(r#"{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Sid":"B","Effect":"Deny","Action":"s3:PutObject","Resource":"*"}"#)),
        (codes::EMPTY_SID_VALUE, Identity, identity(r#""Sid":"","Action":"s3:GetObject","Resource":"*""#), identity(ok)),
        (codes::MISSING_ACTION, Identity, identity(r#""Resource":"*""#), identity(ok)),
        (codes::INVALID_ACTION, Identity, identity(r#""Action":"s3 GetObject","Resource":"*""#), identity(r#""Action":"s3:Get*","Resource":"*""#)),
        (codes::UNSUPPORTED_ELEMENT_COMBINATION, Identity, identity(r#""Action":"s3:GetObject","NotAction":"s3:PutObject","Resource":"*""#), identity(ok)),
        (codes::MISSING_RESOURCE, Identity, identity(r#""Action":"s3:GetObject""#), identity(ok)),
        (codes::INVALID_ARN_PREFIX, Identity, identity(r#""Action":"s3:GetObject","Resource":"my-bucket/*""#), identity(r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*""#)),
        (codes::MISSING_ARN_FIELD, Identity, identity(r#""Action":"s3:GetObject","Resource":"arn:aws:s3:my-bucket""#), identity(r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket""#)),
        (codes::MISSING_PRINCIPAL, Resource, doc(r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#), resource(&format!(r#""Effect":"Allow","Principal":{ACCOUNT}"#))),
        (codes::UNSUPPORTED_PRINCIPAL, Identity, identity(&format!(r#""Principal":{ACCOUNT},{ok}"#)), identity(ok)),
        (codes::UNSUPPORTED_PRINCIPAL_TYPE, Resource, resource(r#""Effect":"Allow","Principal":{"User":"bob"}"#), resource(&format!(r#""Effect":"Allow","Principal":{ACCOUNT}"#))),
        (codes::INVALID_PRINCIPAL, Resource, resource(r#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1234:user/bob"}"#), resource(r#""Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:sts::111122223333:assumed-role/R/s","AIDACKCEVSQ6C2EXAMPLE"]}"#)),
        (codes::INVALID_SERVICE_PRINCIPAL, Trust, trust(r#"{"Service":"Lambda"}"#, r#""sts:AssumeRole""#, ""), trust(r#"{"Service":"lambda.amazonaws.com"}"#, r#""sts:AssumeRole""#, "")),
        (codes::UNSUPPORTED_WILDCARD_IN_PRINCIPAL, Trust, trust(r#"{"AWS":"arn:aws:iam::111122223333:user/*"}"#, r#""sts:AssumeRole""#, ""), trust(r#"{"AWS":"*"}"#, r#""sts:AssumeRole""#, "")),
        (codes::ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL, Trust, doc(&format!(r#"{{"Effect":"Deny","NotPrincipal":{ACCOUNT},"Action":"sts:AssumeRole"}}"#)), trust(ACCOUNT, r#""sts:AssumeRole""#, "")),
        (codes::ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE, Trust, doc(&format!(r#"{{"Effect":"Allow","Principal":{ACCOUNT},"Action":"sts:AssumeRole","Resource":"*"}}"#)), trust(ACCOUNT, r#""sts:AssumeRole""#, "")),
        (codes::ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL, Trust, trust(r#""*""#, r#""sts:AssumeRole""#, ""), trust(r#"{"AWS":"*"}"#, r#""sts:AssumeRole""#, "")),
        (codes::INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY, Trust, trust(r#"{"Federated":"my-idp"}"#, WEB, ""), trust(r#"{"Federated":"accounts.google.com"}"#, WEB, r#"{"StringEquals":{"accounts.google.com:aud":"app"}}"#)),
        (codes::MISMATCHED_ACTION_FOR_PRINCIPAL, Trust, trust(SAML, WEB, ""), trust(SAML, r#""sts:AssumeRoleWithSAML""#, "")),
        (codes::UNSUPPORTED_ACTION_IN_ROLE_TRUST_POLICY, Trust, trust(ACCOUNT, r#"["sts:AssumeRole","s3:GetObject"]"#, ""), trust(ACCOUNT, r#"["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]"#, "")),
        (codes::ALLOW_WITH_NOT_PRINCIPAL, Resource, resource(&format!(r#""Effect":"Allow","NotPrincipal":{ACCOUNT}"#)), resource(&format!(r#""Effect":"Deny","NotPrincipal":{ACCOUNT}"#))),
        (codes::RCP_PRINCIPAL_NOT_WILDCARD, Rcp, rcp("Deny", ACCOUNT, r#""Action":"s3:*","Resource":"*""#), rcp("Deny", r#""*""#, r#""Action":"s3:*","Resource":"*""#)),
        (codes::RCP_ALLOW_NOT_SUPPORTED, Rcp, rcp("Allow", r#""*""#, r#""Action":"s3:*","Resource":"*""#), rcp("Allow", r#""*""#, r#""Action":"*","Resource":"*""#)),
        (codes::RCP_NOT_ACTION_NOT_SUPPORTED, Rcp, rcp("Deny", r#""*""#, r#""NotAction":"s3:GetObject","Resource":"*""#), rcp("Deny", r#""*""#, r#""Action":"s3:GetObject","Resource":"*""#)),
        (codes::INVALID_CONDITION_OPERATOR, Identity, with_condition("StringEqual", "aws:SourceVpc", r#""vpc-1""#), with_condition("StringEquals", "aws:SourceVpc", r#""vpc-1""#)),
        (codes::NULL_WITH_IF_EXISTS, Identity, with_condition("NullIfExists", "aws:TokenIssueTime", "true"), with_condition("Null", "aws:TokenIssueTime", "true")),
        (codes::MISSING_QUALIFIER, Identity, with_condition("StringEquals", "aws:TagKeys", r#"["env"]"#), with_condition("ForAnyValue:StringEquals", "aws:TagKeys", r#"["env"]"#)),
        (codes::FORALLVALUES_WITH_SINGLE_VALUED_KEY, Identity, with_condition("ForAllValues:StringEquals", "aws:PrincipalOrgID", r#""o-a1b2c3""#), with_condition("ForAllValues:StringEquals", "aws:TagKeys", r#"["env"]"#)),
        (codes::WILDCARD_WITHOUT_LIKE_OPERATOR, Identity, with_condition("StringEquals", "aws:PrincipalArn", r#""arn:aws:iam::*:role/Ops""#), with_condition("StringLike", "aws:PrincipalArn", r#""arn:aws:iam::*:role/Ops""#)),
        (codes::TYPE_MISMATCH_BOOLEAN, Identity, with_condition("Bool", "aws:SecureTransport", r#""yes""#), with_condition("Bool", "aws:SecureTransport", "false")),
        (codes::TYPE_MISMATCH_NUMBER, Identity, with_condition("NumericLessThan", "aws:MultiFactorAuthAge", r#""one hour""#), with_condition("NumericLessThan", "aws:MultiFactorAuthAge", "3600")),
        (codes::TYPE_MISMATCH_DATE, Identity, with_condition("DateLessThan", "aws:CurrentTime", r#""tomorrow""#), with_condition("DateLessThan", "aws:CurrentTime", r#""2025-06-30T00:00:00Z""#)),
        (codes::TYPE_MISMATCH_IP_RANGE, Identity, with_condition("IpAddress", "aws:SourceIp", r#""203.0.113.0/33""#), with_condition("IpAddress", "aws:SourceIp", r#"["203.0.113.0/24","2001:db8::/32"]"#)),
        (codes::TYPE_MISMATCH_ARN, Identity, with_condition("ArnLike", "aws:SourceArn", r#""my-topic""#), with_condition("ArnLike", "aws:SourceArn", r#""arn:aws:sns:*:111122223333:my-topic""#)),
        (codes::TYPE_MISMATCH_BINARY, Identity, with_condition("BinaryEquals", "k", r#""not base64!""#), with_condition("BinaryEquals", "k", r#""QmluYXJ5VmFsdWVJbkJhc2U2NA==""#)),
        (codes::INVALID_DATE_VALUE, Identity, with_condition("DateLessThan", "aws:CurrentTime", r#""2025-13-01T00:00:00Z""#), with_condition("DateLessThan", "aws:CurrentTime", r#""2025-12-01T00:00:00Z""#)),
        (codes::VARIABLE_UNSUPPORTED_IN_VERSION, Identity, r#"{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"}}"#.into(), identity(r#""Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*""#)),
        (codes::VARIABLE_UNSUPPORTED_IN_ELEMENT, Identity, identity(r#""Action":"s3:${aws:username}","Resource":"*""#), identity(ok)),
        (codes::INVALID_VARIABLE_FOR_OPERATOR, Identity, with_condition("NumericEquals", "s3:max-keys", r#""${aws:username}""#), with_condition("StringEquals", "s3:prefix", r#""${aws:username}""#)),
        (codes::MISSING_BRACE_IN_VARIABLE, Identity, identity(r#""Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username/*""#), identity(r#""Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*""#)),
        (codes::MISSING_QUOTE_IN_VARIABLE, Identity, with_condition("StringEquals", "s3:prefix", r#""${aws:PrincipalTag/team, none}""#), with_condition("StringEquals", "s3:prefix", r#""${aws:PrincipalTag/team, 'none'}""#)),
        (codes::PASS_ROLE_WITH_STAR_IN_RESOURCE, Identity, pass(r#""iam:PassRole""#, r#""Resource":"*""#), pass(r#""iam:PassRole""#, role_res)),
        (codes::PASS_ROLE_WITH_NOT_RESOURCE, Identity, pass(r#""iam:PassRole""#, not_res), pass(r#""iam:PassRole""#, role_res)),
        (codes::PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE, Identity, pass(r#""iam:*""#, r#""Resource":"*""#), pass(r#""iam:Get*""#, r#""Resource":"*""#)),
        (codes::PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE, Identity, pass(r#""*""#, not_res), pass(r#""*""#, role_res)),
        (codes::PASS_ROLE_WITH_NOT_ACTION_AND_STAR_IN_RESOURCE, Identity, identity(r#""NotAction":"s3:*","Resource":"*""#), identity(r#""NotAction":"iam:*","Resource":"*""#)),
        (codes::PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE, Identity, identity(&format!(r#""NotAction":"s3:*",{not_res}"#)), identity(&format!(r#""NotAction":["s3:*","iam:Pass*"],{not_res}"#))),
        (codes::MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL, Trust, trust(EKS, WEB, ""), trust(EKS, WEB, r#"{"StringEquals":{"oidc.eks.us-east-1.amazonaws.com/id/ABC:aud":"sts.amazonaws.com"}}"#)),
        (codes::MISSING_GITHUB_REPO_CONDITION_KEY, Trust, trust(GITHUB, WEB, GH_AUD), trust(GITHUB, WEB, r#"{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:octo-org/app:ref:refs/heads/main"}}"#)),
        (codes::UNSUPPORTED_PROVIDER_CLAIM, Trust, trust(GITHUB, WEB, r#"{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:octo-org/app:ref:refs/heads/main","token.actions.githubusercontent.com:workflow_ref":"octo-org/app/.github/workflows/deploy.yml@refs/heads/main"}}"#), trust(GITHUB, WEB, r#"{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:octo-org/app:ref:refs/heads/main","token.actions.githubusercontent.com:job_workflow_ref":"octo-org/app/.github/workflows/deploy.yml@refs/heads/main"}}"#)),
        (codes::SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED, Trust, trust(GITHUB, WEB, r#"{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/*"}}"#), trust(GITHUB, WEB, r#"{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:octo-org/app:ref:refs/heads/main"}}"#)),
        (codes::EMPTY_ARRAY_ACTION, Identity, identity(r#""Action":[],"Resource":"*""#), identity(ok)),
        (codes::EMPTY_ARRAY_NOT_ACTION, Identity, doc(r#"{"Effect":"Deny","NotAction":[],"Resource":"*"}"#), doc(r#"{"Effect":"Deny","NotAction":["iam:*"],"Resource":"*"}"#)),
        (codes::EMPTY_ARRAY_RESOURCE, Identity, identity(r#""Action":"s3:GetObject","Resource":[]"#), identity(ok)),
        (codes::EMPTY_ARRAY_NOT_RESOURCE, Identity, identity(r#""Action":"s3:GetObject","NotResource":[]"#), identity(r#""Action":"s3:GetObject","NotResource":["arn:aws:s3:::secret/*"]"#)),
        (codes::EMPTY_ARRAY_PRINCIPAL, Resource, resource(r#""Effect":"Allow","Principal":{"AWS":[]}"#), resource(&format!(r#""Effect":"Allow","Principal":{ACCOUNT}"#))),
        (codes::EMPTY_OBJECT_PRINCIPAL, Resource, resource(r#""Effect":"Allow","Principal":{}"#), resource(&format!(r#""Effect":"Allow","Principal":{ACCOUNT}"#))),
        (codes::EMPTY_ARRAY_CONDITION, Identity, with_condition("StringEquals", "aws:SourceVpc", "[]"), with_condition("StringEquals", "aws:SourceVpc", r#"["vpc-1"]"#)),
        (codes::EMPTY_OBJECT_CONDITION, Identity, identity(r#""Action":"s3:GetObject","Resource":"*","Condition":{}"#), with_condition("StringEquals", "aws:SourceVpc", r#""vpc-1""#)),
        (codes::REDUNDANT_ACTION, Identity, identity(r#""Action":["s3:*","s3:GetObject"],"Resource":"*""#), identity(r#""Action":["s3:GetObject","s3:PutObject"],"Resource":"*""#)),
        (codes::REDUNDANT_RESOURCE, Identity, identity(r#""Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*","arn:aws:s3:::b/report.csv"]"#), identity(r#""Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*","arn:aws:s3:::c/*"]"#)),
        (codes::REDUNDANT_STATEMENT, Identity, doc(r#"{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Sid":"B","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#), doc(r#"{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Sid":"B","Effect":"Allow","Action":"s3:PutObject","Resource":"*"}"#)),
        (codes::REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY, Trust, trust(r#"{"AWS":["arn:aws:iam::111122223333:role/ops/Deployer","arn:aws:sts::111122223333:assumed-role/Deployer/ci"]}"#, r#""sts:AssumeRole""#, ""), trust(r#"{"AWS":["arn:aws:iam::111122223333:role/ops/Deployer","arn:aws:sts::111122223333:assumed-role/Other/ci"]}"#, r#""sts:AssumeRole""#, "")),
        (codes::POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA, Identity, identity(&format!(r#""Action":"s3:GetObject","Resource":{}"#, many_arns(200))), identity(&format!(r#""Action":"s3:GetObject","Resource":{}"#, many_arns(100)))),
        (codes::POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA, Trust, trust(ACCOUNT, r#""sts:AssumeRole""#, &format!(r#"{{"ArnLike":{{"aws:SourceArn":{}}}}}"#, many_arns(70))), trust(ACCOUNT, r#""sts:AssumeRole""#, &format!(r#"{{"ArnLike":{{"aws:SourceArn":{}}}}}"#, many_arns(40)))),
        (codes::POLICY_SIZE_EXCEEDS_SCP_QUOTA, Scp, doc(&format!(r#"{{"Effect":"Deny","Action":"s3:*","Resource":{}}}"#, many_arns(170))), doc(&format!(r#"{{"Effect":"Deny","Action":"s3:*","Resource":{}}}"#, many_arns(120)))),
        (codes::POLICY_SIZE_EXCEEDS_RCP_QUOTA, Rcp, rcp("Deny", r#""*""#, &format!(r#""Action":"s3:*","Resource":{}"#, many_arns(170))), rcp("Deny", r#""*""#, &format!(r#""Action":"s3:*","Resource":{}"#, many_arns(120)))),
        (codes::POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA, Session, identity(&format!(r#""Action":"s3:GetObject","Resource":{}"#, many_arns(70))), identity(&format!(r#""Action":"s3:GetObject","Resource":{}"#, many_arns(40)))),
        (codes::UNSUPPORTED_CHARACTER, Identity, with_condition("StringEquals", "aws:PrincipalTag/team", r#""開発""#), with_condition("StringEquals", "aws:PrincipalTag/team", r#""kaihatsu""#)),
    ]
}

fn codes_of(text: &str, kind: PolicyKind) -> Vec<&'static str> {
    validate_text(text, kind)
        .findings
        .iter()
        .map(|f| f.code)
        .collect()
}

#[test]
fn every_code_has_a_fixture() {
    let table = table();
    for code in codes::ALL {
        assert!(
            table.iter().any(|(c, ..)| c == code),
            "no fixture for {}",
            code.name
        );
    }
}

#[test]
fn each_fixture_triggers_its_code_and_its_variant_does_not() {
    for (code, kind, bad, good) in table() {
        let found = codes_of(&bad, kind);
        assert!(
            found.contains(&code.name),
            "{} not reported for {bad}: {found:?}",
            code.name
        );
        let found = codes_of(&good, kind);
        assert!(
            !found.contains(&code.name),
            "{} reported for {good}: {found:?}",
            code.name
        );
    }
}

#[test]
fn severities_follow_the_table_and_errors_invalidate() {
    for (code, kind, bad, _) in table() {
        let checked = validate_text(&bad, kind);
        let f = checked.findings.iter().find(|f| f.code == code.name);
        let expected = if code.name == "MISSING_VERSION" && kind == Rcp {
            crate::finding::Severity::Error
        } else {
            code.severity
        };
        assert_eq!(f.map(|f| f.severity), Some(expected), "{}", code.name);
        if let Some(policy) = checked.policy {
            assert_eq!(policy.valid, !checked.findings.iter().any(|f| f.is_error()));
        }
    }
}

#[test]
fn variants_that_do_not_trigger_are_clean() {
    for (code, kind, _, good) in table() {
        assert_eq!(
            codes_of(&good, kind),
            Vec::<&str>::new(),
            "variant for {}",
            code.name
        );
    }
}

/// Asked for Japanese, every fixture gives the same findings (code, severity, place) with
/// Japanese sentences, the size quotas and the JSON reader's words included.
#[test]
fn findings_are_written_in_the_language_asked_for() {
    use crate::lang::Lang;
    let ja = super::ValidateOptions { lang: Lang::Ja };
    let japanese = |m: &str| {
        m.chars()
            .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
    };
    for (code, kind, bad, good) in table() {
        for text in [&bad, &good] {
            let en = validate_text(text, kind).findings;
            let jp = super::validate_text_with(text, kind, &ja).findings;
            let place = |f: &crate::finding::Finding| {
                (f.code, f.severity, f.pointer.clone(), f.line, f.column)
            };
            assert_eq!(
                en.iter().map(place).collect::<Vec<_>>(),
                jp.iter().map(place).collect::<Vec<_>>(),
                "{}",
                code.name
            );
            for f in &jp {
                assert!(japanese(&f.message), "{}: {}", f.code, f.message);
            }
            for f in &en {
                // The one fixture with Japanese in it quotes the offending text.
                if f.code != "UNSUPPORTED_CHARACTER" {
                    assert!(!japanese(&f.message), "{}: {}", f.code, f.message);
                }
            }
        }
    }
    let wrong = super::validate_text_with(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}"#,
        Identity,
        &ja,
    );
    assert_eq!(
        wrong.findings[0].message,
        "`Effect` は \"Allow\" または \"Deny\" でなければなりません。値では大文字と小文字が区別されます。\"Allow\" と書いてください。"
    );
}
