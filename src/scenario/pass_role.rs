//! A service call that passes a role: the call itself, `iam:PassRole` on the role, and whether
//! the role's trust policy lets the service assume it, each with its own verdict (IAM User
//! Guide, "Grant a user permissions to pass a role to an AWS service"; semantics notes §5).

use std::rc::Rc;

use crate::condition::{ContextValue, RequestContext};
use crate::evaluation::{authorize, CallerSide, Decision, Request as AuthzRequest, ResourceSide};
use crate::lang::{say, Lang};
use crate::matching::Caller;
use crate::services::{associated_resource_arn, extract_roles, PassRoleApi, RoleReference};

use super::caller::ResolvedCaller;
use super::credentials::refused_to_session;
use super::document::Request;
use super::result::Check;
use super::run::{
    apply_overrides, check_from, error_verdict, no_principal, verdict_from_checks, Asked, Runner,
    Verdict,
};
use super::world::RoleEntry;

mod source_keys;

use source_keys::Source;

impl Runner<'_> {
    pub(super) fn run_pass_role(
        &mut self,
        request: &Request,
        api: &'static PassRoleApi,
    ) -> Verdict {
        let lang = self.lang;
        let Some(principal) = request.principal.as_ref().map(|p| p.value.clone()) else {
            return no_principal(lang);
        };
        let base = [&request.place.pointer, "/parameters"].concat();
        let (references, findings) = extract_roles(api, request.parameters.as_ref(), &base, lang);
        if let Some(problem) = findings.iter().find(|f| f.is_error()) {
            let (message, pointer) = (&problem.message, &problem.pointer);
            // AWS's `message` is English in every language: the same finding, in English.
            let english = match lang {
                Lang::En => message.clone(),
                Lang::Ja => extract_roles(api, request.parameters.as_ref(), &base, Lang::En)
                    .1
                    .into_iter()
                    .find(|f| f.is_error())
                    .map_or_else(|| message.clone(), |f| f.message),
            };
            let verdict = error_verdict(
                "InvalidParameterValue",
                &english,
                say!(lang, "{message} (at {pointer})", "{message} ({pointer})"),
                Some(&principal),
            );
            self.world.findings.extend(findings);
            return verdict;
        }
        let resource = request
            .resource
            .as_ref()
            .map_or("*".to_string(), |r| r.value.clone());
        let caller = match self.caller(&principal, request.time) {
            Ok(c) => c,
            Err(v) => return *v,
        };
        let action = &request.action.value;
        let refused = refused_to_session(action, &caller, &principal, Some(&resource), lang);
        if let Some(refused) = refused {
            return refused;
        }
        let mut context = self.context(&caller, request, &resource);
        apply_overrides(request, &mut context);
        let side = self.resource_side(&resource);
        let mut checks = vec![self.authorization_check(
            &say!(
                lang,
                "the call itself ({})",
                "呼び出し自体 ({})",
                api.action
            ),
            &request.action.value,
            &resource,
            &caller,
            &side,
            &context,
        )];
        let mut notes: Vec<String> = caller.note.clone().into_iter().collect();
        notes.extend(self.management_notes(&caller, &resource));
        for reference in &references {
            match self.passed_role(&reference.reference, &caller) {
                Some(role) => {
                    checks.extend(
                        self.role_checks(api, &role, &resource, &caller, &context, request),
                    );
                    if api.action == "iam:AddRoleToInstanceProfile" {
                        checks.extend(self.profile_has_room(&resource));
                    }
                }
                None => {
                    checks.push(missing_role(
                        reference.parameter,
                        &reference.reference,
                        lang,
                    ));
                }
            }
        }
        if references.is_empty() {
            notes.push(
                lang.pick(
                    "The call passes no role, so only the call itself is checked.",
                    "この呼び出しはロールを渡さないため、呼び出し自体だけを確認します。",
                )
                .into(),
            );
        }
        let asked = Asked {
            kind: "passRole",
            principal: Some(&principal),
            action: &request.action.value,
            resource: Some(&resource),
        };
        verdict_from_checks(asked, checks, self.shown(context), notes, lang)
    }

    /// The role a parameter names: by ARN, by name in the caller's account, or through an
    /// instance profile (the role inside it is the one passed).
    fn passed_role(
        &self,
        reference: &RoleReference,
        caller: &ResolvedCaller,
    ) -> Option<Rc<RoleEntry>> {
        let account = caller.side.caller.account().unwrap_or_default().to_string();
        let roles = || self.world.roles.values();
        let found = match reference {
            RoleReference::RoleArn(arn) => self.world.roles.get(arn),
            RoleReference::RoleName(name) => {
                roles().find(|r| r.account == account && &r.name == name)
            }
            RoleReference::InstanceProfileArn(arn) => {
                roles().find(|r| r.instance_profiles.iter().any(|p| p == arn))
            }
            RoleReference::InstanceProfileName(name) => roles().find(|r| {
                r.account == account
                    && r.instance_profiles
                        .iter()
                        .any(|p| p.rsplit('/').next() == Some(name.as_str()))
            }),
        };
        found.cloned()
    }

    fn role_checks(
        &self,
        api: &PassRoleApi,
        role: &RoleEntry,
        resource: &str,
        caller: &ResolvedCaller,
        context: &RequestContext,
        request: &Request,
    ) -> Vec<Check> {
        let caller_account = caller.side.caller.account().unwrap_or_default();
        if role.account != caller_account {
            return vec![cross_account_role(role, self.lang)];
        }
        let mut pass_context = context.clone();
        pass_context.set_derived(
            "iam:PassedToService",
            ContextValue::Single(api.passed_to_service.into()),
        );
        let partition = crate::arn::Arn::parse(&role.arn).map_or("aws", |a| a.partition);
        let associated = associated_resource_arn(api, resource, partition, caller_account);
        pass_context.set_derived(
            "iam:AssociatedResourceArn",
            ContextValue::Single(associated.clone()),
        );
        super::caller::resource_context(self.world, &role.arn, &mut pass_context);
        apply_overrides(request, &mut pass_context);
        let no_resource_policy = ResourceSide {
            account: Some(role.account.clone()),
            policy: None,
            rcps: None,
            organization: None,
        };
        let pass = self.authorization_check(
            &pass_role_on(role, self.lang),
            "iam:PassRole",
            &role.arn,
            caller,
            &no_resource_policy,
            &pass_context,
        );
        let source = Source {
            account: caller_account,
            resource: &associated,
        };
        vec![pass, self.service_trust_check(api, role, source)]
    }

    /// Whether the role's trust policy lets the service principal assume it. AWS reports this
    /// in the call itself for some services and only later for others; the check says which.
    fn service_trust_check(&self, api: &PassRoleApi, role: &RoleEntry, source: Source) -> Check {
        let lang = self.lang;
        let service = CallerSide {
            caller: Caller::Service {
                name: api.passed_to_service.into(),
            },
            identity: Vec::new(),
            boundary: None,
            session: Vec::new(),
            scps: None,
            organization: None,
        };
        let side = ResourceSide {
            account: Some(role.account.clone()),
            policy: role.trust.as_ref().map(|h| self.world.use_of(h)),
            rcps: None,
            organization: None,
        };
        let mut context = self.new_context();
        context.set_derived(
            "aws:PrincipalServiceName",
            ContextValue::Single(api.passed_to_service.into()),
        );
        context.set_derived(
            "aws:PrincipalIsAWSService",
            ContextValue::Single("true".into()),
        );
        source_keys::set_source_keys(api, source, &mut context);
        let authorization = authorize(
            &service,
            &side,
            &AuthzRequest {
                action: "sts:AssumeRole",
                resource: &role.arn,
                context: &context,
                lang,
                brief: self.brief,
            },
        );
        let (service, role_name, arn) = (api.passed_to_service, &role.name, &role.arn);
        let name = say!(
            lang,
            "{service} may assume {role_name} (its trust policy)",
            "{service} が {role_name} を引き受けられるか (信頼ポリシー)"
        );
        let mut check = check_from(&name, "sts:AssumeRole", &role.arn, authorization);
        if check.decision != Decision::Allowed {
            let trust = &api.trust_check;
            // The table writes the role as `<role ARN>` in the service's message.
            let outcome = trust.outcome.get(lang).replace("<role ARN>", &role.arn);
            check.notes.push(say!(lang,
                "The trust policy of {arn} does not let {service} assume it, so the service could never use the role. {outcome}",
                "{arn} の信頼ポリシーは {service} による引き受けを許可していないため、サービスはこのロールを使用できません。{outcome}"));
            // A brief explanation traces no conditions and shows no notes.
            let traced = check.authorization.as_ref().filter(|_| !self.brief);
            if let Some(note) = traced.and_then(|authorization| {
                source_keys::missing_source_keys_note(api, authorization, &context, lang)
            }) {
                check.notes.push(note);
            }
            if let Some(code) = trust.error_code.filter(|_| trust.checked_by_this_call) {
                // The service's own message, as AWS returns it (English).
                let aws = trust.outcome.en;
                check.decision = Decision::Error;
                check.code = Some(code.into());
                let message = quoted(aws).unwrap_or(aws);
                check.message = Some(message.replace("<role ARN>", &role.arn));
            } else {
                check.advisory = true;
            }
        }
        check
    }
}

impl Runner<'_> {
    /// An instance profile holds one role (IAM quotas, "Roles in an instance profile: 1"), so
    /// adding a role to a profile that holds one fails with IAM's `LimitExceeded`, after the
    /// permissions are checked.
    fn profile_has_room(&self, profile: &str) -> Option<Check> {
        let holder = self
            .world
            .roles
            .values()
            .find(|r| r.instance_profiles.iter().any(|p| p == profile))?;
        let lang = self.lang;
        let role = &holder.arn;
        Some(Check {
            name: say!(lang, "room in {profile}", "{profile} の空き"),
            action: "iam:AddRoleToInstanceProfile".into(),
            resource: profile.to_string(),
            decision: Decision::Error,
            code: Some("LimitExceeded".into()),
            message: Some("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1".into()),
            authorization: None,
            notes: vec![say!(lang,
                "{profile} already holds {role}, and an instance profile holds one role: remove it first (iam:RemoveRoleFromInstanceProfile).",
                "{profile} にはすでに {role} が入っており、インスタンスプロファイルに入れられるロールは 1 つです。先に削除してください (iam:RemoveRoleFromInstanceProfile)。")],
            advisory: false,
        })
    }
}

/// The name of the `iam:PassRole` check on a role.
fn pass_role_on(role: &RoleEntry, lang: Lang) -> String {
    say!(
        lang,
        "iam:PassRole on {}",
        "{} に対する iam:PassRole",
        role.arn
    )
}

/// "You cannot use the PassRole permission to pass a cross-account role" (IAM User Guide).
fn cross_account_role(role: &RoleEntry, lang: Lang) -> Check {
    let (arn, account) = (&role.arn, &role.account);
    Check {
        name: pass_role_on(role, lang),
        action: "iam:PassRole".into(),
        resource: role.arn.clone(),
        decision: Decision::ImplicitDeny,
        code: Some("AccessDenied".into()),
        message: Some("Cross-account pass role is not allowed.".into()),
        authorization: None,
        notes: vec![say!(lang,
            "{arn} is in account {account}: a role can only be passed to a service in the caller's own account.",
            "{arn} はアカウント {account} にあります。ロールを渡せるのは、呼び出し元と同じアカウントのサービスに対してだけです。")],
        advisory: false,
    }
}

fn missing_role(parameter: &str, reference: &RoleReference, lang: Lang) -> Check {
    let named = match reference {
        RoleReference::RoleArn(v)
        | RoleReference::RoleName(v)
        | RoleReference::InstanceProfileArn(v)
        | RoleReference::InstanceProfileName(v) => v.clone(),
    };
    Check {
        name: say!(lang, "the role in {parameter}", "{parameter} のロール"),
        action: "iam:PassRole".into(),
        resource: named.clone(),
        decision: Decision::Error,
        code: Some("NoSuchEntity".into()),
        message: Some(format!(
            "The role or instance profile {named} given in {parameter} cannot be found."
        )),
        authorization: None,
        notes: vec![say!(
            lang,
            "{named} is not a role (or an instance profile of a role) in this scenario.",
            "{named} は、このシナリオのロール (またはロールのインスタンスプロファイル) ではありません。"
        )],
        advisory: false,
    }
}

/// The service's own message where the table quotes it ("... with X: \"message\"").
fn quoted(outcome: &str) -> Option<&str> {
    let start = outcome.find('"')? + 1;
    let end = outcome[start..].find('"')? + start;
    Some(&outcome[start..end])
}
