//! The language of a run's explanation: Japanese when asked for, English otherwise, and AWS's
//! own answer (code and message) the same in both.

use crate::evaluation::{Authorization, Decision};
use crate::lang::Lang;

use super::{run_scenario, run_scenario_with, RequestResult, RunOptions};

/// alice (111122223333) may read `b/*` only from 203.0.113.0/24, may not delete anything, and
/// may assume Deployer in 444455556666, whose trust policy names her account.
const SCENARIO: &str = r#"{
  "scenario": 1,
  "accounts": [{ "id": "111122223333" }, { "id": "444455556666" }],
  "users": [{
    "arn": "arn:aws:iam::111122223333:user/alice",
    "policies": [{
      "Version": "2012-10-17",
      "Statement": [
        { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
          "Condition": { "IpAddress": { "aws:SourceIp": "203.0.113.0/24" } } },
        { "Sid": "NoDelete", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*" },
        { "Effect": "Allow", "Action": ["s3:DeleteObject", "sts:AssumeRole"], "Resource": "*" }
      ]
    }]
  }],
  "roles": [{
    "arn": "arn:aws:iam::444455556666:role/Deployer",
    "trust": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" }] }
  }],
  "requests": [
    { "name": "read from the wrong network", "principal": "arn:aws:iam::111122223333:user/alice",
      "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k",
      "context": { "aws:SourceIp": "198.51.100.7" } },
    { "name": "delete", "principal": "arn:aws:iam::111122223333:user/alice",
      "action": "s3:DeleteObject", "resource": "arn:aws:s3:::b/k" },
    { "name": "assume Deployer", "principal": "arn:aws:iam::111122223333:user/alice",
      "action": "sts:AssumeRole", "resource": "arn:aws:iam::444455556666:role/Deployer",
      "parameters": { "RoleSessionName": "alice" } },
    { "name": "an unknown session", "principal": "arn:aws:sts::444455556666:assumed-role/Deployer/bob",
      "action": "s3:ListBucket", "resource": "arn:aws:s3:::b" }
  ]
}"#;

fn run(lang: Lang) -> Vec<RequestResult> {
    run_scenario_with(
        SCENARIO,
        &RunOptions {
            lang,
            ..RunOptions::default()
        },
    )
    .expect("a valid scenario")
    .results
}

fn authorization(result: &RequestResult) -> &Authorization {
    result.explain.checks[0]
        .authorization
        .as_ref()
        .expect("an authorization")
}

fn has(sentences: &[String], phrase: &str) -> bool {
    sentences.iter().any(|s| s.contains(phrase))
}

#[test]
fn english_is_the_default() {
    let default = run_scenario(SCENARIO).expect("a valid scenario").results;
    let english = run(Lang::En);
    assert_eq!(
        serde_json::to_value(&default).unwrap(),
        serde_json::to_value(&english).unwrap()
    );
}

#[test]
fn an_implicit_deny_is_explained_in_english() {
    let results = run(Lang::En);
    let read = &results[0];
    assert_eq!(read.decision, Decision::ImplicitDeny);
    assert_eq!(
        read.explain.summary,
        "Implicitly denied. No identity-based policy of the caller allows the request."
    );
    let auth = authorization(read);
    let statement = &auth.policies[0].statements[0];
    assert_eq!(
        statement.action.detail,
        "`s3:GetObject` matches s3:GetObject"
    );
    assert_eq!(
        statement.conditions[0].reason,
        "aws:SourceIp is 198.51.100.7, which is not in 203.0.113.0/24, so IpAddress does not match"
    );
    assert_eq!(
        auth.changes[0],
        "Statement `Read` of inline policy 0 of user alice (/users/0/policies/0/Statement/0) allows \
         the action, but its condition fails: aws:SourceIp is 198.51.100.7, which is not in \
         203.0.113.0/24, so IpAddress does not match."
    );
}

#[test]
fn an_implicit_deny_is_explained_in_japanese() {
    let results = run(Lang::Ja);
    let read = &results[0];
    assert_eq!(read.decision, Decision::ImplicitDeny);
    assert_eq!(
        read.explain.summary,
        "暗黙的に拒否されました。呼び出し元のアイデンティティベースのポリシーのうち、このリクエストを許可するものはありません。"
    );
    let auth = authorization(read);
    let policy = &auth.policies[0];
    assert_eq!(&*policy.label, "ユーザー alice のインラインポリシー 0");
    let statement = &policy.statements[0];
    assert_eq!(
        statement.action.detail,
        "`s3:GetObject` が s3:GetObject に一致します"
    );
    assert_eq!(
        statement.resource.as_ref().unwrap().detail,
        "`arn:aws:s3:::b/*` が arn:aws:s3:::b/k に一致します"
    );
    assert_eq!(
        statement.conditions[0].reason,
        "aws:SourceIp の値は 198.51.100.7 で、203.0.113.0/24 の範囲内にないため、IpAddress は一致しません"
    );
    assert_eq!(
        auth.changes[0],
        "ユーザー alice のインラインポリシー 0 のステートメント `Read` \
         (/users/0/policies/0/Statement/0) はこのアクションを許可していますが、条件が満たされていません: \
         aws:SourceIp の値は 198.51.100.7 で、203.0.113.0/24 の範囲内にないため、IpAddress は一致しません。"
    );
    // A statement whose action does not match says so in Japanese too.
    assert_eq!(
        policy.statements[1].action.detail,
        "s3:GetObject に一致する Action の値はありません"
    );
}

#[test]
fn an_explicit_deny_is_explained_in_japanese() {
    let results = run(Lang::Ja);
    let delete = &results[1];
    assert_eq!(delete.decision, Decision::ExplicitDeny);
    assert!(
        delete
            .explain
            .summary
            .starts_with("明示的に拒否されました。明示的な Deny が適用されます。"),
        "{}",
        delete.explain.summary
    );
    let auth = authorization(delete);
    assert!(has(
        &auth.reasons,
        "明示的な拒否は、すべての Allow より優先されます"
    ));
    assert!(has(
        &auth.changes,
        "ステートメント `NoDelete` (/users/0/policies/0/Statement/1) を削除するか、対象を絞り込んでください。明示的な拒否は何によっても上書きできません。"
    ));
}

#[test]
fn a_cross_account_assume_role_is_explained_in_japanese() {
    let results = run(Lang::Ja);
    let assume = &results[2];
    assert_eq!(assume.decision, Decision::Allowed);
    let check = &assume.explain.checks[0];
    assert_eq!(check.name, "sts:AssumeRole (API 自体のアクション)");
    let auth = authorization(assume);
    assert_eq!(
        auth.reasons,
        ["クロスアカウント: リソースのアカウントのロールの信頼ポリシーが呼び出し元を許可し、呼び出し元自身のポリシーもこのリクエストを許可しています。"]
    );
    let trust = auth
        .policies
        .iter()
        .find(|p| &*p.label == "ロール Deployer の信頼ポリシー")
        .expect("the trust policy, labelled in Japanese");
    assert_eq!(
        trust.statements[0].principal.as_ref().unwrap().detail,
        "arn:aws:iam::111122223333:user/alice をそのアカウントで指定しています"
    );
    assert!(has(
        &auth.changes,
        "ロール Deployer の信頼ポリシーの /roles/0/trust/Statement/0 にある Allow を削除すると"
    ));
}

#[test]
fn notes_are_written_in_japanese() {
    let results = run(Lang::Ja);
    let unknown = &results[3];
    assert!(
        has(
            &unknown.explain.notes,
            "を作成した先行のリクエストはありません"
        ),
        "{:?}",
        unknown.explain.notes
    );
}

/// AWS's error code and message are AWS's own words: English, whatever the explanation's
/// language.
#[test]
fn aws_messages_stay_english() {
    let english = run(Lang::En);
    let japanese = run(Lang::Ja);
    for (en, ja) in english.iter().zip(&japanese) {
        assert_eq!(en.decision, ja.decision);
        assert_eq!(en.code, ja.code);
        assert_eq!(en.message, ja.message);
        assert_ne!(en.explain.summary, ja.explain.summary);
    }
    assert_eq!(
        japanese[0].message.as_deref(),
        Some(
            "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: \
             s3:GetObject on resource: arn:aws:s3:::b/k because no identity-based policy allows \
             the s3:GetObject action"
        )
    );
    assert_eq!(japanese[1].code.as_deref(), Some("AccessDenied"));
    assert!(japanese[1]
        .message
        .as_deref()
        .is_some_and(|m| m.contains("with an explicit deny in")));
}

/// The statements of alice's policy, by request, as the explanation lists them: (sid or index,
/// applies).
fn listed(result: &RequestResult) -> Vec<(String, bool)> {
    let policy = &result.explain.checks[0]
        .authorization
        .as_ref()
        .expect("an authorization")
        .policies[0];
    policy
        .statements
        .iter()
        .map(|s| (s.sid.clone().unwrap_or(s.index.to_string()), s.applies))
        .collect()
}

#[test]
fn brief_explanations_keep_what_a_closed_request_shows() {
    let options = RunOptions {
        full_explanations: Some(vec![1]),
        ..RunOptions::default()
    };
    let brief = run_scenario_with(SCENARIO, &options)
        .expect("valid")
        .results;
    let full = run_scenario(SCENARIO).expect("valid").results;
    // Reading from the wrong network, closed: the summary alone.
    assert!(brief[0].explain.brief);
    assert!(brief[0].explain.checks.is_empty() && brief[0].explain.context.is_empty());
    assert!(!full[0].explain.checks.is_empty() && !full[0].explain.context.is_empty());
    // Request 1 was asked for in full: every statement.
    assert!(!brief[1].explain.brief);
    assert_eq!(listed(&brief[1]), listed(&full[1]));
    assert_eq!(listed(&full[1]).len(), 3);
    // A brief result decides and sums up exactly as the full one does.
    for (b, f) in brief.iter().zip(&full) {
        assert_eq!(b.decision, f.decision);
        assert_eq!(b.message, f.message);
        assert_eq!(b.explain.summary, f.explain.summary);
        assert_eq!(
            (&b.explain.principal, &b.explain.action, &b.explain.resource),
            (&f.explain.principal, &f.explain.action, &f.explain.resource)
        );
    }
}

/// Findings about the scenario's own parameters and references follow the language; AWS's
/// `message` for a request whose parameters cannot be read stays English.
#[test]
fn scenario_findings_are_written_in_japanese_and_aws_messages_stay_english() {
    let text = r#"{
  "scenario": 1,
  "accounts": [{ "id": "111122223333" }],
  "users": [{ "arn": "arn:aws:iam::111122223333:user/alice",
    "policies": ["arn:aws:iam::aws:policy/AdministratorAcess", { "Version": "2012-10-17",
      "Statement": { "Effect": "Allow", "Action": ["sts:AssumeRole", "iam:PassRole", "lambda:CreateFunction"], "Resource": "*" } }] }],
  "roles": [{ "arn": "arn:aws:iam::111122223333:role/R",
    "trust": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" }] } }],
  "requests": [
    { "principal": "arn:aws:iam::111122223333:user/alice", "action": "sts:AssumeRole",
      "resource": "arn:aws:iam::111122223333:role/R", "parameters": { "RoleSessionName": "a", "DurationSeconds": "1" } },
    { "principal": "arn:aws:iam::111122223333:user/alice", "action": "sts:AssumeRole",
      "resource": "arn:aws:iam::111122223333:role/R",
      "parameters": { "RoleSessionName": "alice", "PolicyArns": ["arn:aws:iam::aws:policy/NoSuchPolicy"] } },
    { "principal": "arn:aws:iam::111122223333:user/alice", "action": "lambda:CreateFunction",
      "resource": "*", "parameters": { "Role": 7 } }
  ]
}"#;
    let out = |lang| {
        run_scenario_with(
            text,
            &RunOptions {
                lang,
                ..RunOptions::default()
            },
        )
        .expect("runnable")
    };
    let (en, ja) = (out(Lang::En), out(Lang::Ja));
    let finding = |o: &super::RunOutput, code: &str| {
        o.findings
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("{code} in {:?}", o.findings))
            .message
            .clone()
    };
    assert_eq!(
        finding(&ja, "UNKNOWN_MANAGED_POLICY"),
        "arn:aws:iam::aws:policy/AdministratorAcess は組み込みの AWS 管理ポリシーのカタログにありません。ドキュメントを `policies` に貼り付けて、名前で参照してください (arn:aws:iam::aws:policy/AdministratorAccess のことですか?)"
    );
    assert_eq!(
        finding(&ja, "PARAMETER_TYPE"),
        "DurationSeconds は整数でなければなりませんが、文字列です。"
    );
    assert_eq!(
        finding(&ja, "UNKNOWN_SESSION_POLICY"),
        "arn:aws:iam::aws:policy/NoSuchPolicy はこのシナリオのポリシー (名前で指定) でも、組み込みの AWS 管理ポリシーのカタログのポリシーでもありません。"
    );
    assert!(ja.findings.iter().any(|f| {
        f.message
        == "lambda:CreateFunction の Role はロール ARN (文字列) でなければなりませんが、数値です。"
    }));
    for i in [0, 2] {
        assert_eq!(en.results[i].code, ja.results[i].code);
        assert_eq!(en.results[i].message, ja.results[i].message);
    }
    assert_eq!(
        ja.results[0].message.as_deref(),
        Some("DurationSeconds must be an integer, but it is a string.")
    );
}

/// An SCP that denies only because no SCP at some level allows is an implicit deny, but AWS's
/// message names it as an explicit one ("Troubleshoot access denied error messages": "always
/// includes the phrase ... explicit deny in a Service Control Policy, even if the denial is
/// implicit"), and the explanation says so in either language.
#[test]
fn an_scp_that_allows_nothing_is_written_as_an_explicit_deny() {
    let text = include_str!("../../tests/corpus/scp-every-level.json");
    for lang in [Lang::En, Lang::Ja] {
        let out = run_in(text, lang);
        for i in [1, 3] {
            let result = &out.results[i];
            assert_eq!(result.decision, Decision::ImplicitDeny);
            let message = result.message.as_deref().unwrap_or_default();
            assert!(
                message.ends_with("with an explicit deny in a service control policy"),
                "{message}"
            );
            let reason = authorization(result).reasons.join(" ");
            assert!(
                reason.contains("\"with an explicit deny in a service control policy\""),
                "{reason}"
            );
        }
        // The identity policy that allows nothing keeps AWS's implicit wording.
        let carol = out.results[2].message.as_deref().unwrap_or_default();
        assert!(
            carol.ends_with("because no identity-based policy allows the s3:PutObject action"),
            "{carol}"
        );
    }
}

/// A scenario that must run, explained in `lang`.
fn run_in(text: &str, lang: Lang) -> super::RunOutput {
    let options = RunOptions {
        lang,
        ..RunOptions::default()
    };
    run_scenario_with(text, &options).expect("the scenario runs")
}

/// All "what would change the outcome" sentences of a result.
fn changes_of(result: &RequestResult) -> Vec<String> {
    result
        .explain
        .checks
        .iter()
        .filter_map(|c| c.authorization.as_ref())
        .flat_map(|a| a.changes.iter().cloned())
        .collect()
}

/// An AWS managed policy is detached, not edited: its statements are the catalogue's, and the
/// pointer of one would point inside the string that names the policy.
#[test]
fn advice_on_an_aws_managed_allow_is_to_detach_it() {
    let text = include_str!("../../www/examples/scp-denies.json");
    let en = changes_of(&run_in(text, Lang::En).results[0]);
    assert!(
        en.contains(&"Detaching AdministratorAccess (AWS managed) of user alice would take this access away unless another policy grants it.".to_string()),
        "{en:?}"
    );
    assert!(
        !en.iter()
            .any(|c| c.contains("/users/0/policies/0/Statement")),
        "{en:?}"
    );
    let ja = changes_of(&run_in(text, Lang::Ja).results[0]);
    assert!(
        ja.iter()
            .any(|c| c.contains("をデタッチすると、ほかのポリシーが許可しない限り")),
        "{ja:?}"
    );
}

/// In the same account a trust policy that names the user lets it in without any identity-based
/// policy (§1.3): removing alice's identity Allow changes nothing, so the advice does not say it
/// would, and the summary gives its reason once although three checks (sts:AssumeRole,
/// sts:TagSession, sts:SetSourceIdentity) share it.
#[test]
fn a_trust_that_names_the_user_is_what_decides_and_is_said_once() {
    let text = include_str!("../../www/examples/role-chaining.json");
    let out = run_scenario(text).expect("the example runs");
    let first = &out.results[0];
    assert_eq!(first.decision, Decision::Allowed);
    assert!(first.explain.checks.len() >= 3);
    assert_eq!(
        first.explain.summary,
        "Allowed. The trust policy names the caller directly, by its user ARN; in the same account no identity-based policy is needed."
    );
    let changes = changes_of(first);
    assert!(!changes.is_empty());
    assert!(
        changes
            .iter()
            .all(|c| c.contains("in trust policy of role Role1")),
        "{changes:?}"
    );
}

/// Where the trust policy already names the caller and only its condition fails (MFA, an
/// external ID, a token's `sub`), the advice is to meet the condition, never to add a statement
/// without it; a service principal is to be named as `Service`, an identity provider as
/// `Federated`.
#[test]
fn trust_advice_keeps_the_conditions_and_names_callers_in_their_own_form() {
    // MFA and an external ID are sent with the call: meet them. A token's `sub` says which
    // repository and branch is calling: only the policy's owner can widen it, deliberately.
    let mfa = include_str!("../../www/examples/admin-role-requires-mfa.json");
    let external_id = include_str!("../../www/examples/cross-account-external-id.json");
    let github = include_str!("../../www/examples/github-actions-oidc.json");
    let meet = (
        "rather than allowing the action without them",
        "条件なしで許可するのではなく",
    );
    let fixed = (
        "and those keys describe the caller or what it acts on",
        "これらのキーは呼び出し元や操作対象を表します",
    );
    for (text, i, expected) in [(mfa, 0, meet), (external_id, 1, meet), (github, 2, fixed)] {
        for lang in [Lang::En, Lang::Ja] {
            let out = run_in(text, lang);
            let changes = changes_of(&out.results[i]);
            let keep = lang.pick(expected.0, expected.1);
            assert!(changes.iter().any(|c| c.contains(keep)), "{changes:?}");
            let add = lang.pick("Add a statement", "ステートメントを追加してください");
            assert!(!changes.iter().any(|c| c.contains(add)), "{changes:?}");
        }
    }
    let lambda = run_scenario(include_str!("../../www/examples/lambda-pass-role.json")).unwrap();
    let changes = changes_of(&lambda.results[4]);
    assert!(
        changes.iter().any(|c| c.contains(
            r#"for the service principal lambda.amazonaws.com ("Principal": {"Service": "lambda.amazonaws.com"})"#
        )),
        "{changes:?}"
    );
    assert!(!changes
        .iter()
        .any(|c| c.contains("by its ARN or its account")));
    let saml = run_scenario(include_str!("../../www/examples/saml-federation.json")).unwrap();
    let changes = changes_of(&saml.results[3]);
    assert!(
        changes.iter().any(|c| c.contains(
            r#"("Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/OtherIdP"})"#
        )),
        "{changes:?}"
    );
}

/// A session created with MFA carries none into its own requests (IAM User Guide, "Secure API
/// access with MFA"): its context says `aws:MultiFactorAuthPresent` false with no
/// `aws:MultiFactorAuthAge`, the explanation says why in either language, and the advice is to
/// meet the policy's MFA condition, not to drop it.
#[test]
fn a_session_created_with_mfa_carries_none_into_its_requests() {
    let text = include_str!("../../tests/corpus/mfa-not-carried-by-role-sessions.json");
    for lang in [Lang::En, Lang::Ja] {
        let out = run_in(text, lang);
        let session = out.results[0].session.as_ref().expect("a session");
        assert!(
            session.mfa,
            "the session records that it was created with MFA"
        );
        let call = &out.results[1];
        assert_eq!(call.decision, Decision::ImplicitDeny);
        let value = |key: &str| {
            call.explain
                .context
                .iter()
                .find(|c| c.key == key)
                .map(|c| serde_json::to_string(&c.value).unwrap())
        };
        assert_eq!(
            value("aws:MultiFactorAuthPresent").as_deref(),
            Some("\"false\"")
        );
        assert_eq!(value("aws:MultiFactorAuthAge"), None);
        let note = lang.pick(
            "was created with MFA, but a role session's own requests carry none",
            "は MFA 付きで作成されましたが、ロールセッション自身のリクエストには MFA の情報が含まれません",
        );
        assert!(
            call.explain.notes.iter().any(|n| n.contains(note)),
            "{:?}",
            call.explain.notes
        );
        let keep = lang.pick(
            "which a role session never carries into its own requests",
            "ロールセッションは自身のリクエストに MFA を含めません",
        );
        assert!(changes_of(call).iter().any(|c| c.contains(keep)));
        let grant = lang.pick("Give ", "を付与してください");
        assert!(!changes_of(call).iter().any(|c| c.contains(grant)));
    }
}

/// A request refused before any policy is read (here STS refusing DurationSeconds in a chain)
/// still restates its action and resource, so the page can say what was asked.
#[test]
fn an_error_restates_what_was_asked() {
    let out = run_scenario(include_str!("../../www/examples/role-chaining.json")).unwrap();
    let refused = &out.results[1];
    assert_eq!(refused.decision, Decision::Error);
    assert_eq!(refused.explain.kind, "error");
    assert_eq!(refused.explain.action, "sts:AssumeRole");
    assert_eq!(
        refused.explain.resource.as_deref(),
        Some("arn:aws:iam::111122223333:role/Role2")
    );
}

/// Across organizations AWS's message names no policy type (Amazon S3 User Guide), so the note
/// that an SCP's implicit deny reads as an explicit one is not given there.
#[test]
fn the_scp_note_comes_only_with_a_message_that_names_the_policy_type() {
    let text = r#"{ "scenario": 1,
      "accounts": [
        { "id": "111122223333", "organization": { "id": "o-a1b2c3d4e5", "path": ["r-ab12"],
          "scps": [ { "target": "r-ab12", "policies": [ { "Version": "2012-10-17",
            "Statement": [ { "Effect": "Allow", "Action": "s3:*", "Resource": "*" } ] } ] } ] } },
        { "id": "444455556666" } ],
      "users": [ { "arn": "arn:aws:iam::111122223333:user/alice", "policies": [ { "Version": "2012-10-17",
        "Statement": [ { "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*" } ] } ] } ],
      "roles": [ { "arn": "arn:aws:iam::444455556666:role/Remote", "trust": { "Version": "2012-10-17",
        "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" },
          "Action": "sts:AssumeRole" } ] } } ],
      "requests": [ { "principal": "arn:aws:iam::111122223333:user/alice", "action": "sts:AssumeRole",
        "resource": "arn:aws:iam::444455556666:role/Remote", "parameters": { "RoleSessionName": "alice" } } ] }"#;
    let out = run_scenario(text).unwrap();
    let result = &out.results[0];
    assert_eq!(result.decision, Decision::ImplicitDeny);
    assert_eq!(
        result.message.as_deref(),
        Some("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/Remote")
    );
    assert!(
        !result.explain.summary.contains("explicit deny"),
        "{}",
        result.explain.summary
    );
}

/// A trust policy that names the user lets it in without identity-based policies, but the
/// user's permissions boundary must still allow: its Allow decides too, and the advice says
/// removing it would take the access away.
#[test]
fn a_boundary_that_had_to_allow_is_among_the_deciding_statements() {
    let text = r#"{ "scenario": 1, "accounts": [ { "id": "111122223333" } ],
      "users": [ { "arn": "arn:aws:iam::111122223333:user/alice", "boundary": { "Version": "2012-10-17",
        "Statement": [ { "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*" } ] } } ],
      "roles": [ { "arn": "arn:aws:iam::111122223333:role/R", "trust": { "Version": "2012-10-17",
        "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:user/alice" },
          "Action": "sts:AssumeRole" } ] } } ],
      "requests": [ { "principal": "arn:aws:iam::111122223333:user/alice", "action": "sts:AssumeRole",
        "resource": "arn:aws:iam::111122223333:role/R", "parameters": { "RoleSessionName": "alice" } } ] }"#;
    let out = run_scenario(text).unwrap();
    let auth = authorization(&out.results[0]);
    let pointers: Vec<&str> = auth.deciding.iter().map(|d| d.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "/users/0/boundary/Statement/0",
            "/roles/0/trust/Statement/0"
        ]
    );
}

/// A Resource built from policy variables that does not match says what the variables stood for
/// in the request: the caller's tag value, or that it had none (then the pattern matches nothing).
#[test]
fn a_resource_with_variables_says_what_they_stood_for() {
    let abac = include_str!("../../www/examples/session-tags-abac.json");
    let detail = |out: &super::RunOutput, i: usize| -> Vec<String> {
        authorization(&out.results[i])
            .policies
            .iter()
            .flat_map(|p| &p.statements)
            .filter_map(|s| s.resource.as_ref().filter(|r| !r.matched))
            .map(|r| r.detail.clone())
            .collect()
    };
    let en = detail(&run_in(abac, Lang::En), 4);
    assert!(
        en.iter()
            .any(|d| d.ends_with("; here ${aws:PrincipalTag/team} is blue")),
        "{en:?}"
    );
    let ja = detail(&run_in(abac, Lang::Ja), 4);
    assert!(
        ja.iter()
            .any(|d| d.ends_with("。このリクエストでは ${aws:PrincipalTag/team} の値は blue です")),
        "{ja:?}"
    );
    let untagged = r#"{ "scenario": 1, "accounts": [ { "id": "111122223333" } ],
      "users": [ { "arn": "arn:aws:iam::111122223333:user/alice", "policies": [ { "Version": "2012-10-17",
        "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::team-data/${aws:PrincipalTag/team}/*" } ] } ] } ],
      "requests": [ { "principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
        "resource": "arn:aws:s3:::team-data/blue/plan.txt" } ] }"#;
    let out = run_scenario(untagged).unwrap();
    assert!(
        detail(&out, 0).iter().any(|d| d
            .ends_with("${aws:PrincipalTag/team} has no value, so its pattern matches nothing")),
        "{:?}",
        detail(&out, 0)
    );
}

/// Across accounts, when the role's trust policy does not name the caller and the caller's own
/// policies do not allow either, both refusals are said and both fixes advised: fixing only the
/// trust policy would still leave the request denied.
#[test]
fn a_cross_account_refusal_on_both_sides_advises_both_fixes() {
    let text = r#"{ "scenario": 1,
      "accounts": [ { "id": "111111111111" }, { "id": "222222222222" } ],
      "users": [ { "arn": "arn:aws:iam::111111111111:user/ci" } ],
      "roles": [ { "arn": "arn:aws:iam::222222222222:role/Other", "trust": { "Version": "2012-10-17",
        "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::333333333333:root" },
          "Action": "sts:AssumeRole" } ] } } ],
      "requests": [ { "principal": "arn:aws:iam::111111111111:user/ci", "action": "sts:AssumeRole",
        "resource": "arn:aws:iam::222222222222:role/Other", "parameters": { "RoleSessionName": "ci" } } ] }"#;
    let out = run_scenario(text).unwrap();
    let auth = out.results[0].explain.checks[0]
        .authorization
        .as_ref()
        .expect("an authorization");
    assert_eq!(auth.decision, Decision::ImplicitDeny);
    assert_eq!(auth.reasons.len(), 2, "{:?}", auth.reasons);
    assert!(auth.reasons[1].starts_with("The caller's own account refuses too: "));
    let advises = |start: &str| auth.changes.iter().any(|c| c.starts_with(start));
    assert!(
        advises("Add a statement to the role's trust policy"),
        "{:?}",
        auth.changes
    );
    assert!(
        advises("Give arn:aws:iam::111111111111:user/ci an identity-based policy"),
        "{:?}",
        auth.changes
    );
    // Named in the trust policy, the caller's side alone refuses: one reason, its advice only.
    let trusted = text.replace("333333333333:root", "111111111111:root");
    let out = run_scenario(&trusted).unwrap();
    let auth = out.results[0].explain.checks[0]
        .authorization
        .as_ref()
        .unwrap();
    assert_eq!(auth.reasons.len(), 1, "{:?}", auth.reasons);
    assert!(
        !auth
            .changes
            .iter()
            .any(|c| c.contains("trust policy that allows")),
        "{:?}",
        auth.changes
    );
}

/// A check that does not decide still speaks in the summary when it refuses: the service's own
/// trust check of a passed role warns that the service cannot use it, even in a closed
/// request's summary. GetCallerIdentity, which needs no permission, says so instead of the
/// denial its policies would give, and advises no change to them.
#[test]
fn advisory_refusals_warn_and_get_caller_identity_needs_no_permission() {
    let pass_role = include_str!("../../tests/corpus/pass-role-ec2-run-instances.json");
    let out = run_scenario(pass_role).unwrap();
    let untrusted = &out.results[4];
    assert_eq!(untrusted.decision, Decision::Allowed);
    assert!(
        untrusted
            .explain
            .summary
            .ends_with("No statement of the role trust policy allows this caller."),
        "{}",
        untrusted.explain.summary
    );
    let calls = include_str!("../../tests/corpus/calls-policies-cannot-stop.json");
    let out = run_scenario(calls).unwrap();
    let denied = &out.results[1];
    assert_eq!(denied.decision, Decision::Allowed);
    assert_eq!(
        denied.explain.summary,
        "Allowed. GetCallerIdentity needs no permission, and no policy can deny it."
    );
    let check = &denied.explain.checks[0];
    assert!(check.advisory);
    let authorization = check.authorization.as_ref().unwrap();
    assert_eq!(authorization.decision, Decision::ExplicitDeny);
    assert!(
        authorization.changes.is_empty(),
        "{:?}",
        authorization.changes
    );
}

/// A service's message names the role it could not assume, as AWS's does, not a placeholder.
#[test]
fn a_service_trust_refusal_names_the_role() {
    let text = include_str!("../../tests/corpus/pass-role-codebuild-create-project.json");
    let out = run_in(text, Lang::En);
    let refused = out
        .results
        .iter()
        .find(|r| r.code.as_deref() == Some("InvalidInputException"))
        .expect("the wrong trust is refused");
    assert_eq!(
        refused.message.as_deref(),
        Some("CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::111122223333:role/service-role/WrongTrustRole")
    );
    let notes = refused.explain.checks.iter().flat_map(|c| &c.notes);
    assert!(
        notes.clone().all(|n| !n.contains("<role ARN>")),
        "{:?}",
        notes.collect::<Vec<_>>()
    );
}

/// The management account's exemption from SCPs and RCPs is said where it decides.
#[test]
fn the_management_account_exemption_is_explained() {
    let text = include_str!("../../tests/corpus/management-account-exempt.json");
    for (lang, scp, rcp) in [
        (
            Lang::En,
            "SCPs do not affect its users and roles",
            "RCPs do not affect its resources",
        ),
        (
            Lang::Ja,
            "SCP はそのユーザーとロールに影響しません",
            "RCP はそのリソースに影響しません",
        ),
    ] {
        let options = RunOptions {
            lang,
            ..RunOptions::default()
        };
        let results = run_scenario_with(text, &options).expect("valid").results;
        let notes = |i: usize| &results[i].explain.notes;
        assert!(has(notes(0), scp) && has(notes(0), rcp), "{:?}", notes(0));
        assert!(!has(notes(2), scp) && has(notes(2), rcp), "{:?}", notes(2));
        assert!(notes(1).is_empty() && notes(3).is_empty());
    }
}

/// A service that documents its confused-deputy keys sends them when it assumes a passed role
/// (Step Functions, CodeBuild: the account and the resource; ECS: the account and a task); a
/// trust policy that fails on a key the service's request lacks says so, in both languages.
#[test]
fn a_service_sends_the_source_keys_its_guide_documents() {
    let text = include_str!("../../tests/corpus/pass-role-source-keys.json");
    let notes = |result: &RequestResult| -> Vec<String> {
        result
            .explain
            .checks
            .iter()
            .flat_map(|c| c.notes.clone())
            .collect()
    };
    let out = run_in(text, Lang::En);
    let trust = |index: usize| out.results[index].explain.checks.last().cloned().unwrap();
    for allowed in [0, 3, 4, 7, 8] {
        assert_eq!(trust(allowed).decision, Decision::Allowed, "{allowed}");
    }
    let lambda = notes(&out.results[6]);
    assert!(
        lambda.iter().any(|n| n.starts_with(
            "The trust policy tests aws:SourceAccount, which the guide of lambda.amazonaws.com does not document sending"
        )),
        "{lambda:?}"
    );
    // A key that is there with another value is an ordinary failed condition.
    for mismatch in [1, 2, 5, 9] {
        let notes = notes(&out.results[mismatch]);
        assert!(
            notes.iter().all(|n| !n.contains("tests aws:Source")),
            "{notes:?}"
        );
    }
    let cluster = trust(9);
    assert!(cluster.advisory);
    assert_eq!(cluster.decision, Decision::ImplicitDeny);
    let ja = run_in(text, Lang::Ja);
    assert!(
        notes(&ja.results[6])
            .iter()
            .any(|n| n.starts_with("信頼ポリシーは aws:SourceAccount を条件に")),
        "{:?}",
        notes(&ja.results[6])
    );
    // The note is about a condition that fails on the missing key, not one that holds
    // without it.
    let (head, tail) = text.split_at(text.find("LambdaSourceAccountRole").unwrap());
    let null = tail.replacen("\"StringEquals\"", "\"Null\"", 1).replacen(
        "\"aws:SourceAccount\": \"111122223333\"",
        "\"aws:SourceAccount\": \"true\"",
        1,
    );
    let holds = [head, &null].concat();
    let out = run_in(&holds, Lang::En);
    assert_eq!(out.results[6].decision, Decision::Allowed);
    assert!(notes(&out.results[6]).is_empty());
    // Nor about a Deny that does not apply for want of the key: the refusal is the missing Allow.
    let deny = [head, &tail.replacen("\"Allow\"", "\"Deny\"", 1)].concat();
    let out = run_in(&deny, Lang::En);
    assert_eq!(out.results[6].decision, Decision::Error);
    let notes = notes(&out.results[6]);
    assert!(
        notes.iter().all(|n| !n.contains("tests aws:Source")),
        "{notes:?}"
    );
}
