//! AWS's decision flow over the evaluated policies (semantics notes §1.1, §1.2, §2, §10).

use crate::lang::{say, Lang};
use crate::matching::{Caller, PrincipalMatchKind};
use crate::policy::PolicyKind;

use super::advice;
use super::input::{CallerSide, OrgLevel, Request, ResourceSide};
use super::message::access_denied_message;
use super::scope;
use super::statement::{evaluate_policy, principal_form, PolicyOutcome};
use super::trace::{Authorization, Decision, PolicyTrace, PolicyVerdict, Side, StatementRef};

/// Every policy of both sides, evaluated once.
pub(super) struct Evaluated {
    pub scps: Vec<(String, Vec<PolicyOutcome>)>,
    pub rcps: Vec<(String, Vec<PolicyOutcome>)>,
    pub identity: Vec<PolicyOutcome>,
    pub boundary: Option<PolicyOutcome>,
    pub session: Vec<PolicyOutcome>,
    pub resource: Option<PolicyOutcome>,
}

impl Evaluated {
    /// Every evaluated policy, organization levels first.
    pub fn all(&self) -> impl Iterator<Item = &PolicyOutcome> {
        let levels = self
            .scps
            .iter()
            .chain(&self.rcps)
            .flat_map(|(_, l)| l.iter());
        levels
            .chain(&self.identity)
            .chain(&self.boundary)
            .chain(&self.session)
            .chain(&self.resource)
    }

    pub fn identity_allows(&self) -> bool {
        self.identity
            .iter()
            .any(|p| p.trace.verdict == PolicyVerdict::Allow)
    }

    pub fn boundary_allows(&self) -> bool {
        self.boundary
            .as_ref()
            .is_none_or(|b| b.trace.verdict == PolicyVerdict::Allow)
    }

    /// With no session policy a role session keeps its role's permissions (§1.1 step 8; a
    /// federated user session has none, see `caller_side_refusal`).
    pub fn session_allows(&self) -> bool {
        self.session.is_empty()
            || self
                .session
                .iter()
                .any(|p| p.trace.verdict == PolicyVerdict::Allow)
    }

    pub fn resource_match(&self) -> Option<PrincipalMatchKind> {
        self.resource.as_ref().and_then(|r| r.allow_match)
    }
}

fn evaluate_levels(
    levels: &Option<Vec<OrgLevel>>,
    side: Side,
    caller: &CallerSide,
    request: &Request,
) -> Vec<(String, Vec<PolicyOutcome>)> {
    levels
        .iter()
        .flatten()
        .map(|level| {
            let outcomes = level
                .policies
                .iter()
                .map(|p| evaluate_policy(p, side, Some(&level.target), caller, request))
                .collect();
            (level.target.clone(), outcomes)
        })
        .collect()
}

/// Decides one request. Never fails: every path ends in a decision with its reasons.
pub fn authorize(caller: &CallerSide, resource: &ResourceSide, request: &Request) -> Authorization {
    let who = &caller.caller;
    let eval = Evaluated {
        scps: evaluate_levels(&caller.scps, Side::Caller, caller, request),
        rcps: if scope::rcps_cover(request.action) {
            evaluate_levels(&resource.rcps, Side::Resource, caller, request)
        } else {
            Vec::new()
        },
        identity: caller
            .identity
            .iter()
            .map(|p| evaluate_policy(p, Side::Caller, None, caller, request))
            .collect(),
        boundary: caller
            .boundary
            .as_ref()
            .map(|p| evaluate_policy(p, Side::Caller, None, caller, request)),
        session: caller
            .session
            .iter()
            .map(|p| evaluate_policy(p, Side::Caller, None, caller, request))
            .collect(),
        resource: resource
            .policy
            .as_ref()
            .map(|p| evaluate_policy(p, Side::Resource, None, caller, request)),
    };
    let cross_account = match (who.account(), resource.account.as_deref()) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    };
    let outcome = decide(&eval, caller, resource, cross_account, request);
    finish(outcome, eval, caller, resource, request, cross_account)
}

/// The decision before it is dressed with messages and advice.
pub(super) struct Outcome {
    pub decision: Decision,
    /// The policy type AWS's message names.
    pub denied_by: Option<PolicyKind>,
    /// The policy type that really refused, which the advice addresses (it differs from
    /// `denied_by` where AWS's message is known to name another type).
    pub cause: Option<PolicyKind>,
    pub refused_by: Option<Side>,
    /// Across accounts, the policy type of the caller's own account that refuses too, when the
    /// resource's account refused first: both need changing, and the advice says so.
    pub also: Option<PolicyKind>,
    pub reasons: Vec<String>,
    pub deciding: Vec<StatementRef>,
}

impl Outcome {
    fn allowed(reason: String, deciding: Vec<StatementRef>) -> Outcome {
        Outcome {
            decision: Decision::Allowed,
            denied_by: None,
            cause: None,
            refused_by: None,
            also: None,
            reasons: vec![reason],
            deciding,
        }
    }

    fn implicit(kind: PolicyKind, side: Side, reason: String) -> Outcome {
        Outcome {
            decision: Decision::ImplicitDeny,
            denied_by: Some(kind),
            cause: Some(kind),
            refused_by: Some(side),
            also: None,
            reasons: vec![reason],
            deciding: Vec::new(),
        }
    }
}

fn statements_with(outcomes: &[&PolicyOutcome], effect: &str) -> Vec<StatementRef> {
    outcomes
        .iter()
        .flat_map(|p| {
            p.trace
                .statements
                .iter()
                .filter(|s| s.applies && s.effect == effect)
                .map(|s| StatementRef {
                    policy: p.trace.label.clone(),
                    managed: p.trace.managed,
                    pointer: s.pointer.clone(),
                    effect: s.effect,
                })
        })
        .collect()
}

fn decide(
    eval: &Evaluated,
    caller: &CallerSide,
    resource: &ResourceSide,
    cross: bool,
    request: &Request,
) -> Outcome {
    let lang = request.lang;
    if let Some(outcome) = explicit_deny(eval, lang) {
        return outcome;
    }
    let is_service = matches!(caller.caller, Caller::Service { .. });
    // RCPs do not restrict AWS service principals; SCPs govern only the caller's account.
    if !is_service {
        if let Some(outcome) = org_levels_deny(&eval.rcps, PolicyKind::Rcp, Side::Resource, lang) {
            return outcome;
        }
    }
    if let Some(outcome) = org_levels_deny(&eval.scps, PolicyKind::Scp, Side::Caller, lang) {
        return outcome;
    }
    let resource_kind = resource
        .policy
        .as_ref()
        .map_or(PolicyKind::Resource, |p| p.policy.kind);
    if caller.caller.account().is_none() {
        return identityless(eval, resource_kind, lang);
    }
    if cross {
        cross_account(eval, caller, resource_kind, lang)
    } else if resource_kind == PolicyKind::Trust
        || (resource.policy.is_some() && scope::is_kms_key(request.resource))
    {
        same_account_gate(eval, caller, resource_kind, request)
    } else {
        same_account(eval, caller, resource_kind, lang)
    }
}

/// Step 2: one applying `Deny` in any policy decides. AWS names one policy type in its message;
/// the order here follows the order in which the enforcement code lists them.
fn explicit_deny(eval: &Evaluated, lang: Lang) -> Option<Outcome> {
    let denying: Vec<&PolicyOutcome> = eval
        .all()
        .filter(|p| p.trace.verdict == PolicyVerdict::Deny)
        .collect();
    let first = denying.first()?;
    let kind = kind_of(&first.trace);
    let side = first.trace.side;
    let deciding = statements_with(&denying, "Deny");
    let names: Vec<String> = deciding
        .iter()
        .map(|d| format!("{} ({})", d.policy, d.pointer))
        .collect();
    let names = names.join("; ");
    Some(Outcome {
        decision: Decision::ExplicitDeny,
        denied_by: Some(kind),
        cause: Some(kind),
        refused_by: Some(side),
        also: None,
        reasons: vec![say!(lang,
            "An explicit Deny applies, and an explicit deny in any policy overrides every Allow: {names}.",
            "明示的な Deny が適用されます。いずれかのポリシーにある明示的な拒否は、すべての Allow より優先されます: {names}。"
        )],
        deciding,
    })
}

pub(super) fn kind_of(trace: &PolicyTrace) -> PolicyKind {
    match trace.kind {
        "service control policy" => PolicyKind::Scp,
        "resource control policy" => PolicyKind::Rcp,
        "permissions boundary" => PolicyKind::Boundary,
        "session policy" => PolicyKind::Session,
        "role trust policy" => PolicyKind::Trust,
        "resource-based policy" => PolicyKind::Resource,
        _ => PolicyKind::Identity,
    }
}

/// SCPs and RCPs: every level of the organization path must allow (§1.1 steps 3 and 4).
fn org_levels_deny(
    levels: &[(String, Vec<PolicyOutcome>)],
    kind: PolicyKind,
    side: Side,
    lang: Lang,
) -> Option<Outcome> {
    let (target, _) = levels.iter().find(|(_, outcomes)| {
        !outcomes
            .iter()
            .any(|p| p.trace.verdict == PolicyVerdict::Allow)
    })?;
    let name = if kind == PolicyKind::Scp {
        "SCP"
    } else {
        "RCP"
    };
    Some(Outcome::implicit(
        kind,
        side,
        say!(lang,
            "No {name} attached at {target} allows the request; every level of the organization (root, each OU, the account) must allow it.",
            "{target} にアタッチされた {name} のうち、このリクエストを許可するものはありません。組織のすべてのレベル (ルート、各 OU、アカウント) で許可されている必要があります。"),
    ))
}

/// Web identity, SAML and service callers have no identity policies: the resource-based policy
/// (for them, the role's trust policy) alone decides (§1.3).
fn identityless(eval: &Evaluated, resource_kind: PolicyKind, lang: Lang) -> Outcome {
    let policy = resource_kind.name(lang);
    match eval.resource_match() {
        Some(kind) => {
            let form = principal_form(kind, lang);
            Outcome::allowed(
                say!(lang,
                    "The {policy} names the caller by {form} and allows the request; this caller has no identity-based policies to consult.",
                    "{policy}は呼び出し元を{form}指定し、このリクエストを許可しています。この呼び出し元には、参照するアイデンティティベースのポリシーがありません。"),
                statements_with(&eval.resource.iter().collect::<Vec<_>>(), "Allow"),
            )
        }
        None => Outcome::implicit(
            resource_kind,
            Side::Resource,
            say!(
                lang,
                "No statement of the {policy} allows this caller.",
                "{policy}には、この呼び出し元を許可するステートメントがありません。"
            ),
        ),
    }
}

/// The caller side's own checks: identity policies, then the boundary, then session policies.
fn caller_side_refusal(
    eval: &Evaluated,
    caller: &CallerSide,
    need_identity: bool,
    lang: Lang,
) -> Option<(PolicyKind, String)> {
    if need_identity && !caller.caller.acts_as_root() && !eval.identity_allows() {
        return Some((
            PolicyKind::Identity,
            say!(lang,
                "No identity-based policy of the caller allows the request.",
                "呼び出し元のアイデンティティベースのポリシーのうち、このリクエストを許可するものはありません。"),
        ));
    }
    if !eval.boundary_allows() {
        return Some((
            PolicyKind::Boundary,
            say!(lang,
                "The caller's permissions boundary does not allow the request; a boundary caps what identity-based policies grant.",
                "呼び出し元のアクセス許可の境界がこのリクエストを許可していません。境界は、アイデンティティベースのポリシーが付与するアクセス許可の上限を定めます。"),
        ));
    }
    // "If you do not pass a policy, then the resulting federated user session has no
    // permissions" (STS API reference, GetFederationToken; §1.1 step 8).
    let federated = matches!(caller.caller, Caller::FederatedUser { .. });
    if federated && eval.session.is_empty() {
        return Some((
            PolicyKind::Session,
            say!(lang,
                "The caller is a federated user session created without a session policy, so it has no permissions: GetFederationToken's session policies decide what it may do.",
                "呼び出し元はセッションポリシーなしで作成されたフェデレーションユーザーのセッションなので、アクセス許可がありません。GetFederationToken のセッションポリシーで許可される操作が決まります。"),
        ));
    }
    if !eval.session_allows() {
        return Some((
            PolicyKind::Session,
            say!(lang,
                "The calling session's session policies do not allow the request; a session gets at most what its session policies allow.",
                "呼び出し元セッションのセッションポリシーがこのリクエストを許可していません。セッションが得られるアクセス許可は、最大でもセッションポリシーが許可する範囲までです。"),
        ));
    }
    None
}

/// Allowed with the caller's identity-based policies among those that had to allow.
fn caller_allowed(eval: &Evaluated, why: String) -> Outcome {
    allowed_by(eval, true, why)
}

/// Allowed by the resource-based policy without the caller's identity-based policies: one that
/// names the caller itself (or everyone) in the same account, where an identity Allow is not
/// needed (for a role trust policy, it does not even grant). The caller's boundary and session
/// policies, where they had to allow, decide too.
fn resource_allowed(eval: &Evaluated, why: String) -> Outcome {
    allowed_by(eval, false, why)
}

/// An Allow whose deciding statements are those of every policy that had to allow: the
/// identity-based policies (when they count), the boundary, the session policies and the
/// resource-based policy.
fn allowed_by(eval: &Evaluated, identity: bool, why: String) -> Outcome {
    let mut used: Vec<&PolicyOutcome> = Vec::new();
    if identity {
        used.extend(eval.identity.iter());
    }
    used.extend(eval.boundary.iter());
    used.extend(eval.session.iter());
    used.extend(eval.resource.iter());
    Outcome::allowed(why, statements_with(&used, "Allow"))
}

/// Same account, ordinary resource-based policy (table in §1.2).
fn same_account(
    eval: &Evaluated,
    caller: &CallerSide,
    resource_kind: PolicyKind,
    lang: Lang,
) -> Outcome {
    let policy = resource_kind.name(lang);
    let named = eval.resource_match();
    let need = match named {
        Some(
            PrincipalMatchKind::User
            | PrincipalMatchKind::RoleSession
            | PrincipalMatchKind::FederatedUser
            | PrincipalMatchKind::Wildcard,
        ) => None,
        Some(PrincipalMatchKind::Role | PrincipalMatchKind::FederatingUser) => Some(false),
        _ => Some(true),
    };
    let Some(need_identity) = need else {
        // The identity-based policies take no part: their statements do not decide.
        let form = named.map_or("", |kind| principal_form(kind, lang));
        return resource_allowed(eval, say!(lang,
            "The {policy} names the caller by {form} and allows the request; in the same account that is enough on its own.",
            "{policy}は呼び出し元を{form}指定し、このリクエストを許可しています。同じアカウント内では、それだけで十分です。"));
    };
    match caller_side_refusal(eval, caller, need_identity, lang) {
        Some((kind, reason)) => Outcome::implicit(kind, Side::Caller, reason),
        None if named.is_some() => caller_allowed(eval, say!(lang,
            "The {policy} allows the request, and the caller's boundary and session policies allow it too.",
            "{policy}がこのリクエストを許可しており、呼び出し元のアクセス許可の境界とセッションポリシーも許可しています。")),
        None => caller_allowed(eval, say!(lang,
            "An identity-based policy allows the request, and nothing denies it.",
            "アイデンティティベースのポリシーがこのリクエストを許可しており、拒否するものはありません。")),
    }
}

/// Same account, a role's trust policy or a KMS key's key policy: that policy must itself allow
/// (an identity allow alone is never enough); naming the account delegates to IAM, so the caller
/// then also needs an identity-based allow. A policy naming the user is still subject to the
/// user's boundary (IAM User Guide, "Update a role trust policy"; semantics notes §1.1 step 5,
/// which treats key policies as trust policies).
fn same_account_gate(
    eval: &Evaluated,
    caller: &CallerSide,
    kind: PolicyKind,
    request: &Request,
) -> Outcome {
    let (lang, action) = (request.lang, request.action);
    // How the sentences name the policy: (with its owner, the owner, the policy alone).
    let (whose, owner, policy) = match (kind, lang) {
        (PolicyKind::Trust, Lang::En) => ("The role's trust policy", "a role", "trust policy"),
        (PolicyKind::Trust, Lang::Ja) => ("ロールの信頼ポリシー", "ロール", "信頼ポリシー"),
        (_, Lang::En) => ("The key policy", "a KMS key", "key policy"),
        (_, Lang::Ja) => ("キーポリシー", "KMS キー", "キーポリシー"),
    };
    let Some(named) = eval.resource_match() else {
        return Outcome::implicit(kind, Side::Resource, say!(lang,
            "{whose} does not allow this caller; for {owner}, an identity-based policy alone is never enough.",
            "{whose}がこの呼び出し元を許可していません。{owner}の場合、アイデンティティベースのポリシーだけでは十分ではありません。"));
    };
    let need_identity = named == PrincipalMatchKind::Account;
    let refusal = match named {
        PrincipalMatchKind::RoleSession | PrincipalMatchKind::FederatedUser => None,
        PrincipalMatchKind::User => (!eval.boundary_allows()).then(|| (PolicyKind::Boundary, say!(lang,
            "The {policy} names the user, but the user's permissions boundary does not allow {action}; a boundary must allow it even then.",
            "{policy}はユーザーを指定していますが、ユーザーのアクセス許可の境界が {action} を許可していません。この場合も、境界による許可が必要です。"))),
        _ => caller_side_refusal(eval, caller, need_identity, lang),
    };
    match refusal {
        Some((kind, reason)) => Outcome::implicit(kind, Side::Caller, reason),
        None => {
            if need_identity {
                return caller_allowed(eval, say!(lang,
                    "The {policy} names the caller's account, and an identity-based policy of the caller allows the request.",
                    "{policy}は呼び出し元のアカウントを指定しており、呼び出し元のアイデンティティベースのポリシーがこのリクエストを許可しています。"));
            }
            let form = principal_form(named, lang);
            resource_allowed(eval, say!(lang,
                "The {policy} names the caller directly, by {form}; in the same account no identity-based policy is needed.",
                "{policy}は呼び出し元を{form}直接指定しています。同じアカウント内では、アイデンティティベースのポリシーは必要ありません。"))
        }
    }
}

/// Across accounts both sides must allow: the resource-based policy in the trusting account and
/// the caller's own policies in the trusted account (§2).
fn cross_account(
    eval: &Evaluated,
    caller: &CallerSide,
    resource_kind: PolicyKind,
    lang: Lang,
) -> Outcome {
    let named = eval.resource_match();
    let caller_refusal = caller_side_refusal(eval, caller, true, lang);
    let policy = resource_kind.name(lang);
    match (named, caller_refusal) {
        (Some(_), None) => caller_allowed(eval, say!(lang,
            "Cross-account: the {policy} in the resource's account allows the caller, and the caller's own policies allow the request.",
            "クロスアカウント: リソースのアカウントの{policy}が呼び出し元を許可し、呼び出し元自身のポリシーもこのリクエストを許可しています。")),
        (None, refusal) => {
            let mut outcome = Outcome::implicit(resource_kind, Side::Resource, say!(lang,
                "Cross-account: the {policy} in the resource's account does not allow this caller, so the trusting account refuses.",
                "クロスアカウント: リソースのアカウントの{policy}がこの呼び出し元を許可していないため、信頼する側のアカウントが拒否します。"));
            if let Some((kind, reason)) = refusal {
                outcome.also = Some(kind);
                outcome.reasons.push(say!(lang,
                    "The caller's own account refuses too: {reason}",
                    "呼び出し元自身のアカウントも拒否します: {reason}"));
            }
            outcome
        }
        (Some(_), Some((kind, reason))) => Outcome::implicit(
            kind,
            Side::Caller,
            say!(lang,
                "Cross-account: the resource's account allows the caller, but the caller's own account does not. {reason}",
                "クロスアカウント: リソースのアカウントは呼び出し元を許可していますが、呼び出し元自身のアカウントが許可していません。{reason}"),
        ),
    }
}

fn finish(
    mut outcome: Outcome,
    eval: Evaluated,
    caller: &CallerSide,
    resource: &ResourceSide,
    request: &Request,
    cross_account: bool,
) -> Authorization {
    let same_org = caller.organization.is_some() && caller.organization == resource.organization;
    let with_context = !cross_account || same_org;
    if resource.rcps.is_some() && !scope::rcps_cover(request.action) {
        let service = scope::service_of(request.action);
        outcome.reasons.push(say!(
            request.lang,
            "The resource's RCPs do not apply: RCPs do not govern {service} resources.",
            "リソースの RCP は適用されません。RCP は {service} のリソースを対象としません。"
        ));
    }
    let message = (outcome.decision != Decision::Allowed).then(|| {
        access_denied_message(
            caller.caller.display_arn(),
            request.action,
            request.resource,
            outcome.denied_by,
            outcome.decision == Decision::ExplicitDeny,
            with_context,
        )
    });
    let scp_implicit =
        outcome.denied_by == Some(PolicyKind::Scp) && outcome.decision == Decision::ImplicitDeny;
    if scp_implicit && with_context {
        // AWS's message says "explicit deny" here too (see `access_denied_message`); across
        // organizations it names no policy type at all.
        if let Some(reason) = outcome.reasons.first_mut() {
            reason.push_str(request.lang.pick(
                " AWS's error message still says \"with an explicit deny in a service control policy\": it does so whenever an SCP denies, even when no SCP statement denies.",
                "それでも AWS のエラーメッセージには \"with an explicit deny in a service control policy\" と表示されます。SCP による拒否では、拒否するステートメントがなくても常にこう表示されます。",
            ));
        }
    }
    // A brief explanation shows no advice (see `Request::brief`).
    let changes = if request.brief {
        Vec::new()
    } else {
        advice::changes(&outcome, &eval, caller, request)
    };
    let policies = eval
        .scps
        .into_iter()
        .chain(eval.rcps)
        .flat_map(|(_, l)| l)
        .chain(eval.identity)
        .chain(eval.boundary)
        .chain(eval.session)
        .chain(eval.resource)
        .map(|p| p.trace)
        .collect();
    Authorization {
        decision: outcome.decision,
        denied_by: outcome.denied_by,
        refused_by: if cross_account {
            outcome.refused_by
        } else {
            None
        },
        cross_account,
        message,
        reasons: outcome.reasons,
        changes,
        deciding: outcome.deciding,
        policies,
    }
}
