//! GetFederationToken: an IAM user (or the root user) creates a federated user session, whose
//! permissions are "the intersection of the IAM user policies and the session policies" passed
//! with the call, and none without one (STS API reference, GetFederationToken; semantics notes
//! §1.1 step 8, §1.2). The session is then a principal of its own
//! (`arn:aws:sts::ACCOUNT:federated-user/NAME`) for the requests after it.

use crate::evaluation::Decision;
use crate::lang::{say, Lang};
use crate::matching::Caller;
use crate::sts::context::request_tag_keys;
use crate::sts::session::{Session, ROOT_TEMPORARY_DURATION, TEMPORARY_DEFAULT_DURATION};
use crate::sts::validate::{validate, ValidationContext};
use crate::sts::StsApi;

use super::assume::{malformed_session_policy, refusal_reason};
use super::caller::ResolvedCaller;
use super::credentials::refused_to_session;
use super::document::{Request, Scenario};
use super::run::{
    apply_overrides, error_verdict, no_principal, verdict_from_checks, Asked, Runner, Verdict,
};
use super::sessions::SessionState;

impl Runner<'_> {
    pub(super) fn run_federation_token(
        &mut self,
        scenario: &Scenario,
        request: &Request,
    ) -> Verdict {
        let (lang, api) = (self.lang, StsApi::GetFederationToken);
        let Some(principal) = request.principal.as_ref().map(|p| p.value.as_str()) else {
            return no_principal(lang);
        };
        let (params, base) = match self.sts_params(api, request) {
            Ok(read) => read,
            Err(verdict) => return *verdict,
        };
        // Read before the caller is resolved, which borrows the world they are added to; the
        // managed ones must be in the user's account, which its ARN names.
        let home = crate::arn::account_of(principal);
        let policies = self.session_policies(scenario, &params, &base, home);
        let caller = match self.caller(principal, request.time) {
            Ok(c) => c,
            Err(v) => return *v,
        };
        if let Some(refused) = refused_to_session(api.action(), &caller, principal, None, lang) {
            return refused;
        }
        let Some(user_arn) = long_term_identity(&caller) else {
            return not_long_term(principal, lang);
        };
        let now = super::SCENARIO_EPOCH.saturating_add(request.time);
        if let Err(e) = validate(&params, ValidationContext::roleless(now)) {
            let why = refusal_reason(&e, &params, lang);
            return error_verdict(e.code, &e.message, why, Some(principal));
        }
        if let Some(refused) = &policies.refused {
            return malformed_session_policy(refused, Some(principal), lang);
        }
        let at = i64::try_from(request.time).unwrap_or(i64::MAX);
        let session = Session::federated(&user_arn, &params, at);
        let mut context = self.context(&caller, request, &session.arn);
        for (key, value) in request_tag_keys(&params.tags) {
            context.set_derived(key, value);
        }
        apply_overrides(request, &mut context);
        let side = self.resource_side(&session.arn);
        let mut checks = Vec::new();
        for (action, why) in federation_actions(!params.tags.is_empty(), lang) {
            let name = [action, " (", why, ")"].concat();
            let check =
                self.authorization_check(&name, action, &session.arn, &caller, &side, &context);
            let stop = check.decision != Decision::Allowed;
            checks.push(check);
            if stop {
                break;
            }
        }
        let mut notes: Vec<String> = caller.note.clone().into_iter().collect();
        notes.extend(self.management_notes(&caller, &session.arn));
        if policies.indices.is_empty() {
            notes.push(lang.pick(
                "No session policy is passed, so the federated user session will have no permissions of its own: only resource-based policies that name its ARN can grant it anything.",
                "セッションポリシーが渡されていないため、フェデレーションユーザーのセッションには独自のアクセス許可がありません。アクセスを付与できるのは、その ARN を指定するリソースベースのポリシーだけです。",
            ).into());
        }
        let written = request.resource.as_ref().map(|r| r.value.as_str());
        if let Some(written) = written.filter(|&r| r != session.arn) {
            let arn = &session.arn;
            notes.push(say!(lang,
                "The request's resource, {written}, is not used: GetFederationToken acts on the federated user's ARN, {arn}, which Name decides.",
                "リクエストのリソース {written} は使われません。GetFederationToken は、Name で決まるフェデレーションユーザーの ARN {arn} に対して動作します。"));
        }
        let asked_for = params
            .duration_seconds
            .unwrap_or(TEMPORARY_DEFAULT_DURATION);
        if user_arn.ends_with(":root") && asked_for > ROOT_TEMPORARY_DURATION {
            notes.push(lang.pick(
                "The root user's federated user sessions last at most one hour: the longer DurationSeconds (43200 seconds when not given) is cut to 3600 seconds.",
                "ルートユーザーのフェデレーションユーザーのセッションは最大 1 時間です。これより長い DurationSeconds (指定しない場合は 43200 秒) は 3600 秒に短縮されます。",
            ).into());
        }
        let asked = Asked {
            kind: "authorization",
            principal: Some(principal),
            action: api.action(),
            resource: Some(&session.arn),
        };
        let mut verdict = verdict_from_checks(asked, checks, self.shown(context), notes, lang);
        if verdict.decision == Decision::Allowed {
            let role_tags = self
                .world
                .users
                .get(user_arn.as_str())
                .map(|u| u.tags.clone())
                .unwrap_or_default();
            let state = SessionState {
                session,
                policies: policies.indices,
                role_tags,
            };
            verdict.session = Some(state.card());
            self.sessions.insert(state.session.arn.clone(), state);
        }
        verdict
    }
}

/// The actions the user's policies must allow, each with why: the call's own, on the federated
/// user's ARN (IAM User Guide, "Permissions for GetFederationToken"), and `sts:TagSession` when
/// the call passes tags ("Permissions required to add session tags").
fn federation_actions(tags: bool, lang: Lang) -> Vec<(&'static str, &'static str)> {
    let mut actions = vec![(
        "sts:GetFederationToken",
        lang.pick("the API's own action", "API 自体のアクション"),
    )];
    if tags {
        actions.push((
            "sts:TagSession",
            lang.pick(
                "the call passes session tags",
                "呼び出しでセッションタグを渡すため",
            ),
        ));
    }
    actions
}

/// The ARN of the user (or root user) calling with long-term credentials.
fn long_term_identity(caller: &ResolvedCaller) -> Option<String> {
    match &caller.side.caller {
        Caller::User { arn, .. } | Caller::Root { arn, .. } => Some(arn.clone()),
        _ => None,
    }
}

/// "You must call the GetFederationToken operation using the long-term security credentials of
/// an IAM user" (STS API reference); a service principal has none.
fn not_long_term(principal: &str, lang: Lang) -> Verdict {
    error_verdict(
        "InvalidClientTokenId",
        super::caller::INVALID_TOKEN,
        say!(lang,
            "GetFederationToken takes the long-term credentials of an IAM user or the root user; {principal} has none.",
            "GetFederationToken には IAM ユーザーまたはルートユーザーの長期的な認証情報が必要ですが、{principal} にはありません。"),
        Some(principal),
    )
}

#[cfg(test)]
mod tests;
