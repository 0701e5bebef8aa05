//! Positions, pointers, the parsed model, and pasted shapes.

use super::*;
use crate::json::{parse, Limits};

fn find<'f>(
    findings: &'f [crate::finding::Finding],
    code: &str,
) -> Vec<&'f crate::finding::Finding> {
    findings.iter().filter(|f| f.code == code).collect()
}

#[test]
fn positions_count_utf16_after_japanese_text() {
    let text = concat!(
        "{\n",
        "  \"Version\": \"2012-10-17\",\n",
        "  \"Statement\": [{\n",
        "    \"Sid\": \"Read\", \"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/部署\": \"開発🚀\"}}, \"Effect\": \"allow\",\n",
        "    \"Action\": \"s3:GetObject\", \"Resource\": \"*\"\n",
        "  }]\n",
        "}\n"
    );
    let checked = validate_text(text, PolicyKind::Identity);
    let place = |f: &crate::finding::Finding| (f.line, f.column, f.end_line, f.end_column);
    let effect = find(&checked.findings, "INVALID_EFFECT");
    assert_eq!(effect.len(), 1);
    assert_eq!(place(effect[0]), (Some(4), Some(94), Some(4), Some(101)));
    assert_eq!(effect[0].pointer, "/Statement/0/Effect");
    let chars = find(&checked.findings, "UNSUPPORTED_CHARACTER");
    let mut got: Vec<_> = chars
        .iter()
        .map(|f| (place(f), f.pointer.as_str()))
        .collect();
    got.sort();
    let key = "/Statement/0/Condition/StringEquals/aws:PrincipalTag~1部署";
    assert_eq!(
        got,
        vec![
            ((Some(4), Some(51), Some(4), Some(72)), key),
            ((Some(4), Some(74), Some(4), Some(80)), key)
        ]
    );
    assert!(checked
        .findings
        .windows(2)
        .all(|w| (w[0].line, w[0].column) <= (w[1].line, w[1].column)));
}

#[test]
fn pointers_start_at_the_base_and_lines_are_the_enclosing_texts() {
    let text = "{\"roles\": [{\"name\": \"ci\",\n \"trust\": {\"Version\": \"2012-10-17\", \"Statement\": [\n  {\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"},\n   \"Action\": [\"sts:AssumeRole\", \"s3:GetObject\"]}]}}]}";
    let json = parse(text, &Limits::default()).unwrap();
    let trust = json
        .get("roles")
        .and_then(|r| r.as_array())
        .and_then(|r| r.first())
        .and_then(|r| r.get("trust"))
        .unwrap();
    let parsed = parse_policy(trust, PolicyKind::Trust, "/roles/0/trust");
    assert_eq!(parsed.findings.len(), 1, "{:?}", parsed.findings);
    let f = &parsed.findings[0];
    assert_eq!(f.code, "UNSUPPORTED_ACTION_IN_ROLE_TRUST_POLICY");
    assert_eq!(f.pointer, "/roles/0/trust/Statement/0/Action/1");
    assert_eq!((f.line, f.column), (Some(4), Some(33)));
    assert_eq!(parsed.policy.place.pointer, "/roles/0/trust");
    assert!(!parsed.policy.valid);
}

#[test]
fn builds_the_model_with_compiled_patterns() {
    let text = r#"{"Version": "2012-10-17", "Id": "bucket", "Statement": [
        {"Sid": "Public", "Effect": "Allow", "Principal": {"AWS": ["111122223333", "arn:aws:iam::444455556666:role/R"], "Service": "cloudtrail.amazonaws.com"},
         "Action": ["s3:GetObject", "s3:PutObject"], "NotResource": "arn:aws:s3:::b/private/*",
         "Condition": {"StringEquals": {"aws:SourceAccount": ["111122223333", 444455556666]}, "Bool": {"aws:SecureTransport": true}}},
        {"Effect": "Deny", "Resource": "*"},
        {"Action": "s3:*", "Resource": "*"}
    ]}"#;
    let checked = validate_text(text, PolicyKind::Resource);
    let policy = checked.policy.unwrap();
    assert!(!policy.valid, "statements 1 and 2 lack Action and Effect");
    assert_eq!(
        (policy.version, policy.id.as_deref()),
        (PolicyVersion::V2012_10_17, Some("bucket"))
    );
    assert_eq!(
        policy.statements.len(),
        1,
        "unreadable statements are left out"
    );
    let s = &policy.statements[0];
    assert_eq!(
        (s.index, s.sid.as_deref(), s.effect),
        (0, Some("Public"), Effect::Allow)
    );
    let raws: Vec<&str> = s.action.patterns.iter().map(|p| p.value.raw()).collect();
    assert_eq!(raws, ["s3:GetObject", "s3:PutObject"]);
    let resource = s.resource.as_ref().unwrap();
    assert!(resource.negated);
    assert_eq!(resource.patterns[0].value.raw(), "arn:aws:s3:::b/private/*");
    let Some(PrincipalClause {
        value: PrincipalValue::Entries(entries),
        negated: false,
        ..
    }) = &s.principal
    else {
        panic!("principal entries expected");
    };
    let kinds: Vec<(PrincipalType, &str)> = entries
        .iter()
        .map(|e| (e.value.kind, e.value.value.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (PrincipalType::Aws, "111122223333"),
            (PrincipalType::Aws, "arn:aws:iam::444455556666:role/R"),
            (PrincipalType::Service, "cloudtrail.amazonaws.com")
        ]
    );
    assert_eq!(entries[1].place.pointer, "/Statement/0/Principal/AWS/1");
    assert_eq!(s.conditions.len(), 2);
    assert_eq!(s.conditions[0].values, ["111122223333", "444455556666"]);
    assert_eq!(
        s.conditions[0].place.pointer,
        "/Statement/0/Condition/StringEquals/aws:SourceAccount"
    );
    assert_eq!(s.conditions[1].values, ["true"]);
    assert!(s.conditions[0].variables);
}

#[test]
fn malformed_json_is_one_finding_with_its_place() {
    let checked = validate_text(
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}",
        PolicyKind::Identity,
    );
    assert!(checked.policy.is_none());
    assert_eq!(checked.findings.len(), 1);
    let f = &checked.findings[0];
    assert_eq!(
        (f.code, f.line, f.column, f.pointer.as_str()),
        ("MALFORMED_JSON", Some(4), Some(1), "")
    );
}

#[test]
fn pasted_cli_output_is_unwrapped() {
    let get_role = r#"{"Role": {"RoleName": "ci", "AssumeRolePolicyDocument": {"Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/*"}, "Action": "sts:AssumeRole"}]}}}"#;
    let json = parse(get_role, &Limits::default()).unwrap();
    assert!(unwrap_pasted(&json).is_some_and(|d| d.get("Statement").is_some()));
    let checked = validate_text(get_role, PolicyKind::Trust);
    assert_eq!(checked.findings.len(), 1);
    assert_eq!(
        checked.findings[0].pointer,
        "/Role/AssumeRolePolicyDocument/Statement/0/Principal/AWS"
    );
    assert_eq!(checked.findings[0].line, Some(2));

    let version = r#"{"PolicyVersion": {"Document": {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}, "VersionId": "v1"}}"#;
    assert!(validate_text(version, PolicyKind::Identity)
        .findings
        .is_empty());
    let plain = parse(
        r#"{"Version": "2012-10-17", "Statement": []}"#,
        &Limits::default(),
    )
    .unwrap();
    assert!(unwrap_pasted(&plain).is_none());
}

#[test]
fn a_document_given_as_a_json_string_is_decoded() {
    let text = r#""{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get Object\",\"Resource\":\"*\"}}""#;
    let checked = validate_text(text, PolicyKind::Identity);
    assert_eq!(checked.findings.len(), 1);
    let f = &checked.findings[0];
    assert_eq!(
        (f.code, f.pointer.as_str(), f.line),
        ("INVALID_ACTION", "/Statement/Action", None)
    );
}

#[test]
fn white_space_counts_for_scps_but_not_for_identity_policies() {
    let arns: Vec<String> = (0..120)
        .map(|i| format!("\"arn:aws:s3:::bucket-number-{i}/*\""))
        .collect();
    let body = arns.join(",                 ");
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Deny","Action":"s3:*","Resource":[{body}]}}}}"#
    );
    assert!(text.chars().count() > 5120);
    let scp: Vec<_> = validate_text(&text, PolicyKind::Scp)
        .findings
        .iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(scp, ["POLICY_SIZE_EXCEEDS_SCP_QUOTA"]);
    assert!(validate_text(&text, PolicyKind::Identity)
        .findings
        .is_empty());
}

#[test]
fn size_quota_findings_and_syntax_errors_in_japanese() {
    let ja = ValidateOptions {
        lang: crate::lang::Lang::Ja,
    };
    let arns: Vec<String> = (0..200)
        .map(|i| format!("\"arn:aws:s3:::bucket-number-{i}/*\""))
        .collect();
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Deny","Action":"s3:*","Resource":[{}]}}}}"#,
        arns.join(", ")
    );
    let findings = validate_text_with(&text, PolicyKind::Scp, &ja).findings;
    let size = text.chars().count();
    assert_eq!(
        findings[0].message,
        format!("このサービスコントロールポリシー (SCP) は {size} 文字あり (空白を含むすべての文字を数えます)、上限の 5120 文字を超えています。ワイルドカードを使う、複数のポリシーに分けるなどして短くしてください。")
    );
    let twice = text.replace(
        "bucket-number-",
        "bucket-number-made-long-enough-to-pass-the-identity-quota-",
    );
    let findings = validate_text_with(&twice, PolicyKind::Identity, &ja).findings;
    assert!(
        findings[0]
            .message
            .starts_with("このアイデンティティベースのポリシーは "),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0]
            .message
            .contains(" 文字あり (文字列の外の空白は数えません)、上限の 6144 文字を超えています。"),
        "{}",
        findings[0].message
    );
    let broken = validate_text_with("{\"Version\": \"2012-10-17\",}", PolicyKind::Identity, &ja);
    let f = &broken.findings[0];
    assert_eq!(
        (f.message.as_str(), f.line, f.column),
        (
            "ポリシーが正しい JSON ではありません: JSON では '}' の前に末尾のカンマを置けません。",
            Some(1),
            Some(26)
        )
    );
}

#[test]
fn hostile_input_does_not_panic() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let inputs = ["", "null", "\"\"", "[]", "{\"Statement\": {\"Condition\": {\"\": {\"\": [[]]}}}}", &deep,
        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"a:b\", \"Resource\": \"arn:\", \"Condition\": {\"DateEquals\": {\"k\": \"2024-01-01T1\"}}}}",
        "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"a:${\", \"Resource\": \"${x, '\"}}"];
    for kind in [
        PolicyKind::Identity,
        PolicyKind::Trust,
        PolicyKind::Resource,
        PolicyKind::Scp,
        PolicyKind::Rcp,
        PolicyKind::Boundary,
        PolicyKind::Session,
    ] {
        for input in inputs {
            let _ = validate_text(input, kind);
        }
    }
}

#[test]
fn unknown_elements_of_a_policy_and_a_statement_in_both_languages() {
    let text = r#"{"Versio":"2012-10-17","Statement":[{"Efect":"Allow","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
    let unknown = |lang| {
        let options = ValidateOptions { lang };
        let findings = validate_text_with(text, PolicyKind::Identity, &options).findings;
        let found: Vec<(String, String)> = findings
            .into_iter()
            .filter(|f| f.code == "UNKNOWN_ELEMENT")
            .map(|f| (f.pointer.to_string(), f.message))
            .collect();
        found
    };
    let en = unknown(crate::lang::Lang::En);
    assert_eq!(en[0].0, "/Versio");
    assert!(
        en[0].1.starts_with("`Versio` is not a policy element."),
        "{}",
        en[0].1
    );
    assert_eq!(en[1].0, "/Statement/0/Efect");
    assert!(
        en[1].1.starts_with("`Efect` is not a statement element."),
        "{}",
        en[1].1
    );
    let ja = unknown(crate::lang::Lang::Ja);
    assert!(
        ja[0]
            .1
            .starts_with("`Versio` はポリシーの要素ではありません。"),
        "{}",
        ja[0].1
    );
    assert!(
        ja[1]
            .1
            .starts_with("`Efect` はステートメントの要素ではありません。"),
        "{}",
        ja[1].1
    );
}

/// "an identity-based policy", "a permissions boundary": the finding reads as English.
#[test]
fn findings_name_the_policy_kind_with_its_article() {
    let text = r#"{ "Version": "2012-10-17", "Id": "x", "Statement": [ { "Effect": "Allow",
        "Principal": "*", "Action": "s3:GetObject", "Resource": "*" } ] }"#;
    let says = |kind, code| {
        let checked = validate_text(text, kind);
        find(&checked.findings, code)
            .first()
            .map(|f| f.message.clone())
            .unwrap_or_default()
    };
    let identity = says(PolicyKind::Identity, "UNSUPPORTED_PRINCIPAL");
    assert!(
        identity.contains("not allowed in an identity-based policy"),
        "{identity}"
    );
    let boundary = says(PolicyKind::Boundary, "ID_NOT_SUPPORTED");
    assert!(
        boundary.contains("not allowed in a permissions boundary"),
        "{boundary}"
    );
    let session = says(PolicyKind::Session, "UNSUPPORTED_PRINCIPAL");
    assert!(
        session.contains("not allowed in a session policy"),
        "{session}"
    );
}
