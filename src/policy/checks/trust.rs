//! Role trust policy rules that tie principals to actions and conditions.
//!
//! Sources: IAM User Guide, "AWS JSON policy elements: Principal", "Create a role for OpenID
//! Connect federation", "Configuring a role for GitHub OIDC identity provider"; Access Analyzer
//! policy check reference ("Mismatched action for principal", "Missing condition key for oidc
//! principal", "Missing github repo condition key", "Specific github repo and branch
//! recommended", "Redundant principal in role trust policy"); semantics notes §3.1, §3.3.

use crate::condition::provider_keys::{GITHUB, GITHUB_CLAIMS};
use crate::lang::say;
use crate::policy::codes;
use crate::policy::elements::principal_forms::{arn_parts, federated_kind, Federated};
use crate::policy::glob::{glob, has_wildcard};
use crate::policy::reader::Reader;
use crate::policy::{Effect, Located, PrincipalEntry, PrincipalType, PrincipalValue, Statement};

/// What a trust policy can allow: the `AssumeRole` family and the permission-only actions
/// checked while a session is made.
pub(crate) const TRUST_ACTIONS: &[&str] = &[
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:SetContext",
];

pub(crate) fn check(r: &mut Reader, stmt: &Statement) {
    if !stmt.action.negated {
        for p in &stmt.action.patterns {
            let raw = p.value.raw();
            if !raw.contains("${") && !TRUST_ACTIONS.iter().any(|a| glob(raw, a, true)) {
                let actions = TRUST_ACTIONS.join(", ");
                let message = say!(r.lang,
                    "`{raw}` cannot be allowed in a role trust policy, which controls only who may assume the role: use {actions}.",
                    "ロールの信頼ポリシーはロールを引き受けられる相手だけを制御するため、`{raw}` を許可することはできません。{actions} を使用してください。");
                r.report(
                    codes::UNSUPPORTED_ACTION_IN_ROLE_TRUST_POLICY,
                    message,
                    &p.place,
                );
            }
        }
    }
    let Some(PrincipalValue::Entries(entries)) = stmt.principal.as_ref().map(|p| &p.value) else {
        return;
    };
    mismatched_actions(r, stmt, entries);
    redundant_sessions(r, entries);
    if stmt.effect == Effect::Allow {
        for e in entries
            .iter()
            .filter(|e| e.value.kind == PrincipalType::Federated)
        {
            match federated_kind(&e.value.value) {
                Federated::Oidc(host) if host == GITHUB => github(r, stmt, e),
                Federated::Oidc(host) | Federated::BuiltIn(host) => oidc(r, stmt, e, &host),
                _ => {}
            }
        }
    }
}

/// SAML providers go with `AssumeRoleWithSAML`, OIDC providers with
/// `AssumeRoleWithWebIdentity`, AWS and service principals with `AssumeRole`.
fn mismatched_actions(r: &mut Reader, stmt: &Statement, entries: &[Located<PrincipalEntry>]) {
    let kinds: Vec<Federated> = entries
        .iter()
        .filter(|e| e.value.kind == PrincipalType::Federated)
        .map(|e| federated_kind(&e.value.value))
        .collect();
    if kinds.contains(&Federated::Unknown) || stmt.action.negated {
        return; // the principal itself is already reported
    }
    let others = entries
        .iter()
        .any(|e| e.value.kind != PrincipalType::Federated);
    let saml = kinds.contains(&Federated::Saml);
    let web = kinds
        .iter()
        .any(|k| matches!(k, Federated::Oidc(_) | Federated::BuiltIn(_)));
    for p in &stmt.action.patterns {
        let raw = p.value.raw();
        let lang = r.lang;
        let (fits, wants) = match raw.to_ascii_lowercase().as_str() {
            "sts:assumerole" => (
                others,
                lang.pick(
                    "an `AWS` or `Service` principal",
                    "`AWS` または `Service` のプリンシパル",
                ),
            ),
            "sts:assumerolewithsaml" => (
                saml,
                lang.pick(
                    "a SAML provider (`...:saml-provider/NAME`)",
                    "SAML プロバイダー (`...:saml-provider/NAME`)",
                ),
            ),
            "sts:assumerolewithwebidentity" => (
                web,
                lang.pick(
                    "an OIDC provider (`...:oidc-provider/HOST` or a built-in one)",
                    "OIDC プロバイダー (`...:oidc-provider/HOST` または組み込みのプロバイダー)",
                ),
            ),
            _ => continue,
        };
        if !fits {
            let message = say!(lang,
                "`{raw}` needs {wants} in `Principal`, and this statement has none: use the action that matches the principal (SAML: `sts:AssumeRoleWithSAML`; OIDC: `sts:AssumeRoleWithWebIdentity`; AWS and services: `sts:AssumeRole`).",
                "`{raw}` を使うには `Principal` に次のものが必要ですが、このステートメントにはありません: {wants}。プリンシパルに合ったアクションを使用してください (SAML: `sts:AssumeRoleWithSAML`、OIDC: `sts:AssumeRoleWithWebIdentity`、AWS とサービス: `sts:AssumeRole`)。");
            r.report(codes::MISMATCHED_ACTION_FOR_PRINCIPAL, message, &p.place);
        }
    }
}

/// A role ARN already names every session of the role, so its assumed-role ARNs add nothing.
fn redundant_sessions(r: &mut Reader, entries: &[Located<PrincipalEntry>]) {
    let aws = entries
        .iter()
        .filter(|e| e.value.kind == PrincipalType::Aws);
    let roles: Vec<(&str, &str)> = aws
        .clone()
        .filter_map(|e| match arn_parts(&e.value.value)? {
            [_, _, "iam", _, account, resource] => {
                let path = resource.strip_prefix("role/")?;
                Some((account, path.rsplit('/').next().unwrap_or(path)))
            }
            _ => None,
        })
        .collect();
    for e in aws {
        let Some([_, _, "sts", _, account, resource]) = arn_parts(&e.value.value) else {
            continue;
        };
        let Some((role, _)) = resource
            .strip_prefix("assumed-role/")
            .and_then(|s| s.split_once('/'))
        else {
            continue;
        };
        if roles.contains(&(account, role)) {
            let session = &e.value.value;
            let message = say!(r.lang,
                "`{session}` is one session of role `{role}`, which this statement already names: remove the session ARN.",
                "`{session}` はロール `{role}` のセッションの 1 つで、このロールはこのステートメントですでに指定されています。セッション ARN を削除してください。");
            r.report(
                codes::REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY,
                message,
                &e.place,
            );
        }
    }
}

/// The values of the conditions on `key` that narrow who matches (negated operators do not).
fn narrowing_values<'s>(stmt: &'s Statement, key: &str) -> Option<Vec<&'s str>> {
    let found: Vec<&str> = stmt
        .conditions
        .iter()
        .filter(|c| c.key.eq_ignore_ascii_case(key) && !c.operator.is_negated())
        .flat_map(|c| c.values.iter().map(String::as_str))
        .collect();
    (!found.is_empty()).then_some(found)
}

fn github(r: &mut Reader, stmt: &Statement, e: &Located<PrincipalEntry>) {
    unsupported_claims(r, stmt);
    let key = format!("{GITHUB}:sub");
    // The repository may also be named by its own claim, a key since 2026 (see GITHUB_CLAIMS).
    let by_repository = ["repository", "repository_id"].iter().any(|claim| {
        narrowing_values(stmt, &format!("{GITHUB}:{claim}"))
            .is_some_and(|values| !values.iter().any(|v| v.contains('*')))
    });
    match narrowing_values(stmt, &key) {
        None if by_repository => {}
        Some(values) if !values.contains(&"*") => {
            if values.iter().any(|v| has_wildcard(v)) {
                let message = say!(r.lang,
                    "A wildcard in `{key}` lets more repositories or branches than needed assume this role: name the repository and branch, such as `repo:ORG/REPO:ref:refs/heads/main`.",
                    "`{key}` にワイルドカードがあるため、必要以上のリポジトリやブランチがこのロールを引き受けられます。`repo:ORG/REPO:ref:refs/heads/main` のように、リポジトリとブランチを指定してください。");
                let at = stmt
                    .conditions
                    .iter()
                    .find(|c| c.key.eq_ignore_ascii_case(&key))
                    .map_or(&e.place, |c| &c.place);
                r.report(
                    codes::SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED,
                    message,
                    at,
                );
            }
        }
        _ => {
            let message = say!(r.lang,
                "Any GitHub repository can assume this role unless a condition on `{key}` names yours: add `\"StringEquals\": {{\"{key}\": \"repo:ORG/REPO:ref:refs/heads/main\"}}`.",
                "`{key}` の条件で自分のリポジトリを指定しない限り、どの GitHub リポジトリでもこのロールを引き受けられます。`\"StringEquals\": {{\"{key}\": \"repo:ORG/REPO:ref:refs/heads/main\"}}` を追加してください。");
            r.report(codes::MISSING_GITHUB_REPO_CONDITION_KEY, message, &e.place);
        }
    }
}

/// A condition on a GitHub claim that STS does not make a key of never sees a value: StringEquals
/// on it never matches, a negated operator always does. GitHub: "Support for custom claims for
/// OIDC is unavailable in AWS".
fn unsupported_claims(r: &mut Reader, stmt: &Statement) {
    let prefix = [GITHUB, ":"].concat();
    for c in &stmt.conditions {
        let Some(claim) = c
            .key
            .get(prefix.len()..)
            .filter(|_| c.key[..prefix.len()].eq_ignore_ascii_case(&prefix))
        else {
            continue;
        };
        let known = ["aud", "sub"].iter().chain(GITHUB_CLAIMS);
        if known.clone().any(|k| k.eq_ignore_ascii_case(claim)) {
            continue;
        }
        let (key, op) = (&c.key, &c.operator.raw);
        let keys = known.copied().collect::<Vec<_>>().join(", ");
        let message = say!(r.lang,
            "AWS STS makes no condition key of the GitHub claim `{claim}`, so `{key}` is absent from every request and `{op}` never sees a value. The GitHub keys are {keys}.",
            "AWS STS は GitHub のクレーム `{claim}` から条件キーを作らないため、`{key}` はどのリクエストにも含まれず、`{op}` が値を受け取ることはありません。GitHub のキーは {keys} です。");
        r.report(codes::UNSUPPORTED_PROVIDER_CLAIM, message, &c.place);
    }
}

fn oidc(r: &mut Reader, stmt: &Statement, e: &Located<PrincipalEntry>, host: &str) {
    let prefix = format!("{}:", host.to_ascii_lowercase());
    let narrowed = stmt
        .conditions
        .iter()
        .any(|c| !c.operator.is_negated() && c.key.to_ascii_lowercase().starts_with(&prefix));
    if !narrowed {
        let message = say!(r.lang,
            "Every identity that `{host}` issues tokens to can assume this role: add a condition on `{host}:aud` (your application's client ID) and `{host}:sub`.",
            "`{host}` がトークンを発行するすべての ID がこのロールを引き受けられます。`{host}:aud` (アプリケーションのクライアント ID) と `{host}:sub` の条件を追加してください。");
        r.report(
            codes::MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL,
            message,
            &e.place,
        );
    }
}
