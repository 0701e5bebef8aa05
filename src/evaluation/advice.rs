//! "What would change the outcome": sentences that point at the statement to edit.

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
            say!(lang,
                "Removing the Allow at {pointer} in {policy} would take this access away unless another statement grants it.",
                "{policy}{gap}の {pointer} にある Allow を削除すると、ほかのステートメントが許可しない限り、このアクセスはできなくなります。")
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
    let failed: Vec<&str> = s
        .conditions
        .iter()
        .filter(|c| !c.matched)
        .map(|c| c.reason.as_str())
        .collect();
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
                let (name, label, pointer) = (s.name(lang), &p.trace.label, &s.pointer);
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
    let who = caller.caller.display_arn();
    let (action, resource, lang) = (request.action, request.resource, request.lang);
    let Some(kind) = outcome.cause else {
        return Vec::new();
    };
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
        PolicyKind::Identity if fails_only_on_conditions(eval.identity.iter()) => say!(lang,
            "An identity-based policy of {who} already allows {action} under conditions the request does not meet (above): make the request meet them rather than granting the action without them.",
            "{who} のアイデンティティベースのポリシーはすでに {action} を許可していますが、このリクエストが満たしていない条件付きです (上記)。条件なしで許可するのではなく、リクエストが条件を満たすようにしてください。"),
        PolicyKind::Identity => say!(lang,
            "Give {who} an identity-based policy that allows {action} on {resource}.",
            "{who} に、{resource} に対する {action} を許可するアイデンティティベースのポリシーを付与してください。"),
        PolicyKind::Boundary => say!(lang,
            "Allow {action} in the permissions boundary of {who} (the boundary caps every identity-based allow), or remove the boundary.",
            "{who} のアクセス許可の境界で {action} を許可するか (境界は、アイデンティティベースのポリシーによるすべての許可の上限になります)、境界を削除してください。"),
        PolicyKind::Session => say!(lang,
            "The session was created with session policies that do not allow {action}; assume the role again with a session policy that allows it, or with none.",
            "このセッションは、{action} を許可しないセッションポリシー付きで作成されています。{action} を許可するセッションポリシーを渡すか、セッションポリシーなしで、ロールを引き受け直してください。"),
        PolicyKind::Trust => trust(eval, caller, action, lang),
        PolicyKind::Resource => say!(lang,
            "Add a statement to the resource-based policy of {resource} that allows {action} for {who}, or, in the same account, give {who} an identity-based policy that allows it.",
            "{resource} のリソースベースのポリシーに、{who} に {action} を許可するステートメントを追加してください。同じアカウント内であれば、{who} に {action} を許可するアイデンティティベースのポリシーを付与する方法もあります。"),
        PolicyKind::Scp => say!(lang,
            "Allow {action} in an SCP at every level of the organization path of {who} (FullAWSAccess allows everything).",
            "{who} の組織パスのすべてのレベルで、SCP により {action} を許可してください (FullAWSAccess はすべてを許可します)。"),
        PolicyKind::Rcp => say!(lang,
            "Allow {action} in an RCP at every level of the resource's organization path (RCPFullAWSAccess allows everything).",
            "リソースの組織パスのすべてのレベルで、RCP により {action} を許可してください (RCPFullAWSAccess はすべてを許可します)。"),
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
    if fails_only_on_conditions(eval.resource.iter()) {
        return say!(lang,
            "The trust policy already allows {action} for {who} under conditions the request does not meet (above): make the request carry what they check (in its parameters, its token or its assertion) rather than adding a statement without them: they are what the role's owner asks of every caller.",
            "信頼ポリシーはすでに {who} に {action} を許可していますが、このリクエストが満たしていない条件付きです (上記)。条件のないステートメントを追加するのではなく、条件が確認する内容をリクエスト (パラメータ、トークン、またはアサーション) に含めてください。これらの条件は、ロールの所有者がすべての呼び出し元に求めているものです。");
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
            "{who} に {action} を許可するステートメントを、ロールの信頼ポリシーに追加してください ({who} の ARN またはそのアカウントで指定します)。"),
    }
}

/// Whether an Allow statement of `policies` matches the request in all but its conditions.
fn fails_only_on_conditions<'a>(mut policies: impl Iterator<Item = &'a PolicyOutcome>) -> bool {
    policies.any(|p| {
        p.trace
            .statements
            .iter()
            .any(|s| s.effect == "Allow" && s.fails_only_on_conditions())
    })
}

fn kind_is_trust(eval: &Evaluated) -> bool {
    eval.resource
        .as_ref()
        .is_some_and(|r| r.trace.kind == PolicyKind::Trust.aws_name())
}
