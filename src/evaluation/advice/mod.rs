//! "What would change the outcome": sentences that point at the statement to edit.

mod conditions;

use crate::lang::{gap, say, Lang};
use crate::matching::Caller;
use crate::policy::PolicyKind;

use super::decide::{Evaluated, Outcome};
use super::input::{CallerSide, Request};
use super::statement::PolicyOutcome;
use super::trace::{Decision, StatementTrace};

pub(super) fn changes(
    outcome: &Outcome,
    eval: &Evaluated,
    caller: &CallerSide,
    request: &Request,
) -> Vec<String> {
    let lang = request.lang;
    match outcome.decision {
        Decision::Allowed => allowed(outcome, lang),
        Decision::ExplicitDeny => explicit(eval, lang),
        _ => implicit(outcome, eval, caller, request),
    }
}

fn allowed(outcome: &Outcome, lang: Lang) -> Vec<String> {
    outcome
        .deciding
        .iter()
        .map(|d| {
            let (pointer, policy, gap) = (&d.pointer, &d.policy, gap(&d.policy));
            // An AWS managed policy cannot be edited, and its statements are not in the scenario.
            if d.managed {
                return say!(lang,
                    "Detaching {policy} would take this access away unless another policy grants it.",
                    "{policy}{gap}をデタッチすると、ほかのポリシーが許可しない限り、このアクセスは失われます。");
            }
            say!(lang,
                "Removing the Allow at {pointer} in {policy} would take this access away unless another statement grants it.",
                "{policy}{gap}の {pointer} にある Allow を削除すると、ほかのステートメントが許可しない限り、このアクセスは失われます。")
        })
        .collect()
}

fn explicit(eval: &Evaluated, lang: Lang) -> Vec<String> {
    eval.all()
        .flat_map(|p| {
            p.trace
                .statements
                .iter()
                .filter(|s| s.applies && s.effect == "Deny")
                .map(move |s| (p, s))
        })
        .map(|(p, s)| {
            let conditions: Vec<&str> = s.conditions.iter().map(|c| c.reason.as_str()).collect();
            let (name, label, pointer) = (s.name(lang), &p.trace.label, &s.pointer);
            let gap = gap(label);
            if conditions.is_empty() {
                say!(lang,
                    "Remove or narrow {name} of {label} ({pointer}); nothing can override an explicit deny.",
                    "{label}{gap}の{name} ({pointer}) を削除するか、対象を絞り込んでください。明示的な拒否は何によっても上書きできません。")
            } else {
                let now = conditions.join("; ");
                say!(lang,
                    "Remove or narrow {name} of {label} ({pointer}), or make its condition false (now: {now}).",
                    "{label}{gap}の{name} ({pointer}) を削除するか対象を絞り込む、またはその条件が成り立たないようにしてください (現在: {now})。")
            }
        })
        .collect()
}

/// The first element that failed in a statement whose action matched.
fn why_not(s: &StatementTrace, lang: Lang) -> Option<String> {
    if let Some(r) = s.resource.as_ref().filter(|r| !r.matched) {
        let detail = &r.detail;
        return Some(say!(
            lang,
            "its Resource does not match: {detail}",
            "Resource が一致しません: {detail}"
        ));
    }
    if let Some(p) = s.principal.as_ref().filter(|p| !p.matched) {
        let detail = &p.detail;
        return Some(say!(
            lang,
            "its Principal {detail}",
            "Principal が {detail}"
        ));
    }
    let failed: Vec<&str> = s.failed_conditions().map(|c| c.reason.as_str()).collect();
    (!failed.is_empty()).then(|| {
        let failed = failed.join("; ");
        say!(
            lang,
            "its condition fails: {failed}",
            "条件が満たされていません: {failed}"
        )
    })
}

fn near_misses<'a>(outcomes: impl Iterator<Item = &'a PolicyOutcome>, lang: Lang) -> Vec<String> {
    outcomes
        .flat_map(|p| {
            p.trace
                .statements
                .iter()
                .filter(|s| s.effect == "Allow" && s.near_miss())
                .map(move |s| (p, s))
        })
        .filter_map(|(p, s)| {
            why_not(s, lang).map(|why| {
                let (mut name, label, pointer) = (s.name(lang), &p.trace.label, &s.pointer);
                // It begins the sentence ("statement 0" → "Statement 0").
                if let Some(first) = name.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                let gap = gap(label);
                say!(
                    lang,
                    "{name} of {label} ({pointer}) allows the action, but {why}.",
                    "{label}{gap}の{name} ({pointer}) はこのアクションを許可していますが、{why}。"
                )
            })
        })
        .collect()
}

fn implicit(
    outcome: &Outcome,
    eval: &Evaluated,
    caller: &CallerSide,
    request: &Request,
) -> Vec<String> {
    let Some(kind) = outcome.cause else {
        return Vec::new();
    };
    let mut out = for_kind(kind, eval, caller, request);
    // Across accounts both sides may refuse: what each needs, the resource's account first.
    if let Some(also) = outcome.also {
        out.extend(for_kind(also, eval, caller, request));
    }
    out
}

/// The near misses among the policies of `kind`, then what to change there.
fn for_kind(
    kind: PolicyKind,
    eval: &Evaluated,
    caller: &CallerSide,
    request: &Request,
) -> Vec<String> {
    let who = caller.caller.display_arn();
    let (action, resource, lang) = (request.action, request.resource, request.lang);
    let mut out = match kind {
        PolicyKind::Identity => near_misses(eval.identity.iter(), lang),
        PolicyKind::Boundary => near_misses(eval.boundary.iter(), lang),
        PolicyKind::Session => near_misses(eval.session.iter(), lang),
        PolicyKind::Trust | PolicyKind::Resource => near_misses(eval.resource.iter(), lang),
        PolicyKind::Scp => near_misses(eval.scps.iter().flat_map(|(_, l)| l.iter()), lang),
        PolicyKind::Rcp => near_misses(eval.rcps.iter().flat_map(|(_, l)| l.iter()), lang),
    };
    let named_account = eval.resource_match() == Some(crate::matching::PrincipalMatchKind::Account);
    out.push(match kind {
        PolicyKind::Identity if named_account && kind_is_trust(eval) => say!(lang,
            "The trust policy names the account, so {who} also needs an identity-based policy that allows {action} on {resource}.",
            "信頼ポリシーはアカウントを指定しているため、{who} には {resource} に対する {action} を許可するアイデンティティベースのポリシーも必要です。"),
        PolicyKind::Identity => identity(eval, caller, action, resource, lang),
        PolicyKind::Boundary => {
            let grantee = grantee(&caller.caller, lang);
            say!(lang,
                "If {action} is meant to be within the limits the permissions boundary of {grantee} sets, allow it there too: the boundary caps every identity-based allow.",
                "{grantee} のアクセス許可の境界の範囲内に {action} を含めるべきなら、境界でも許可してください。境界は、アイデンティティベースのポリシーによるすべての許可の上限になります。")
        }
        PolicyKind::Session => session(caller, action, lang),
        PolicyKind::Trust => trust(eval, caller, action, lang),
        PolicyKind::Resource => {
            // A key policy must allow itself, as a trust policy must (`scope::is_kms_key`):
            // naming the account is what lets identity-based policies grant.
            let or = if super::scope::is_kms_key(resource) {
                lang.pick(
                    "or its account, and then an identity-based policy that allows it",
                    "またはそのアカウントを指定し、アイデンティティベースのポリシーでも許可",
                )
            } else {
                lang.pick("or, in the same account, give it an identity-based policy that allows it", "または同じアカウント内であれば、アイデンティティベースのポリシーで許可")
            };
            say!(lang,
                "Add a statement to the resource-based policy of {resource} that allows {action} for {who}, {or}.",
                "{resource} のリソースベースのポリシーに、{who} に {action} を許可するステートメントを追加してください ({or})。")
        }
        PolicyKind::Scp => say!(lang,
            "Allow {action} in an SCP at every level of the organization path of {who} (FullAWSAccess allows everything).",
            "{who} の組織のパスのすべてのレベルで、SCP により {action} を許可してください (FullAWSAccess はすべてを許可します)。"),
        PolicyKind::Rcp => say!(lang,
            "Allow {action} in an RCP at every level of the resource's organization path (RCPFullAWSAccess allows everything).",
            "リソースの組織のパスのすべてのレベルで、RCP により {action} を許可してください (RCPFullAWSAccess はすべてを許可します)。"),
    });
    out
}

/// What to change in a role trust policy that does not let the caller in. Where a statement
/// already names the caller and fails only on its conditions (MFA, an external ID, a token's
/// claims), those conditions are what the role's owner asks of callers: the advice is to meet
/// them, not to add a statement without them. Otherwise a statement is to be added, naming the
/// caller in the form its kind takes (`AWS`, `Service`, `Federated`).
fn trust(eval: &Evaluated, caller: &CallerSide, action: &str, lang: Lang) -> String {
    let who = caller.caller.display_arn();
    if let Some(unmet) = conditions::unmet(eval.resource.iter(), &caller.caller, true) {
        let policy = lang.pick("The trust policy", "信頼ポリシー");
        return conditions::advice(&unmet, policy, who, action, lang);
    }
    match &caller.caller {
        Caller::Service { .. } => say!(lang,
            "Add a statement to the role's trust policy that allows {action} for the service principal {who} (\"Principal\": {{\"Service\": \"{who}\"}}).",
            "ロールの信頼ポリシーに、サービスプリンシパル {who} に {action} を許可するステートメントを追加してください (\"Principal\": {{\"Service\": \"{who}\"}})。"),
        Caller::Federated { .. } => say!(lang,
            "Add a statement to the role's trust policy that allows {action} for the identity provider {who} (\"Principal\": {{\"Federated\": \"{who}\"}}), with conditions on the claims that say who may use the role (such as aud and sub).",
            "ロールの信頼ポリシーに、ID プロバイダー {who} に {action} を許可するステートメントを追加してください (\"Principal\": {{\"Federated\": \"{who}\"}})。ロールを使える相手を決めるクレーム (aud や sub など) の条件も付けてください。"),
        _ => say!(lang,
            "Add a statement to the role's trust policy that allows {action} for {who} (by its ARN or its account).",
            "{who} に {action} を許可するステートメントを、ロールの信頼ポリシーに追加してください (ARN またはそのアカウントで指定します)。"),
    }
}

/// What to change when no identity-based policy allows: meet the conditions of one that would
/// (see [`conditions`]), or grant the action to whoever holds the caller's permissions.
fn identity(
    eval: &Evaluated,
    caller: &CallerSide,
    action: &str,
    resource: &str,
    lang: Lang,
) -> String {
    let grantee = grantee(&caller.caller, lang);
    if let Some(unmet) = conditions::unmet(eval.identity.iter(), &caller.caller, false) {
        let policy = say!(
            lang,
            "An identity-based policy of {grantee}",
            "{grantee} のアイデンティティベースのポリシー"
        );
        return conditions::advice(&unmet, &policy, caller.caller.display_arn(), action, lang);
    }
    say!(lang,
        "Give {grantee} an identity-based policy that allows {action} on {resource}.",
        "{grantee} に、{resource} に対する {action} を許可するアイデンティティベースのポリシーを付与してください。")
}

/// What to change when the calling session's session policies refuse: create the session
/// again, with a session policy that allows the action (a role session may also go without
/// one; a federated user session without one has no permissions).
fn session(caller: &CallerSide, action: &str, lang: Lang) -> String {
    match (&caller.caller, caller.session.is_empty()) {
        (Caller::FederatedUser { .. }, true) => say!(lang,
            "The federated user session was created without a session policy; call GetFederationToken again with a session policy (Policy or PolicyArns) that allows {action}.",
            "このフェデレーションユーザーのセッションは、セッションポリシーなしで作成されています。{action} を許可するセッションポリシー (Policy または PolicyArns) を渡して、GetFederationToken を呼び出し直してください。"),
        (Caller::FederatedUser { .. }, false) => say!(lang,
            "The session was created with session policies that do not allow {action}; call GetFederationToken again with a session policy that allows it.",
            "このセッションは、{action} を許可しないセッションポリシー付きで作成されています。{action} を許可するセッションポリシーを渡して、GetFederationToken を呼び出し直してください。"),
        _ => say!(lang,
            "The session was created with session policies that do not allow {action}; assume the role again with a session policy that allows it, or with none.",
            "このセッションは、{action} を許可しないセッションポリシー付きで作成されています。{action} を許可するセッションポリシーを渡すか、セッションポリシーなしで、ロールを引き受け直してください。"),
    }
}

/// Who a policy is given to for the caller: a role session's permissions are its role's, a
/// federated user session's those of the user who created it.
fn grantee(caller: &Caller, lang: Lang) -> String {
    match caller {
        Caller::RoleSession { role_arn, .. } => say!(
            lang,
            "the role {role_arn} (its sessions' permissions are the role's)",
            "ロール {role_arn} (セッションのアクセス許可はロールのものです)"
        ),
        Caller::FederatedUser { user, .. } => say!(
            lang,
            "{user} (its federated user sessions' permissions are at most the user's)",
            "{user} (フェデレーションユーザーのセッションのアクセス許可は、最大でもユーザーのものです)"
        ),
        other => other.display_arn().to_string(),
    }
}

fn kind_is_trust(eval: &Evaluated) -> bool {
    eval.resource
        .as_ref()
        .is_some_and(|r| r.trace.kind == PolicyKind::Trust.aws_name())
}
