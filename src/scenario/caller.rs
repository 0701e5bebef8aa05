//! Who a request's `principal` is: the caller, its policies, and the condition keys AWS derives
//! from it (IAM User Guide, "AWS global condition context keys").

use std::rc::Rc;

use crate::arn::PrincipalArn;
use crate::condition::{ContextValue, DerivedKeys, RequestContext};
use crate::evaluation::{CallerSide, PolicyUse};
use crate::lang::{say, Lang};
use crate::matching::Caller;
use crate::sts::context::overlay;

use super::sessions::SessionState;
use super::world::{Principal, World};

/// The request's time 0 is 2026-01-01T00:00:00Z; `at` counts seconds from there. Authors can
/// override `aws:CurrentTime` and `aws:EpochTime` in a request's `context`.
pub const SCENARIO_EPOCH: u64 = 1_767_225_600;

/// A resolved caller: who it is, its policies, and its session when it is one.
pub struct ResolvedCaller<'w> {
    pub side: CallerSide<'w>,
    pub session: Option<SessionState>,
    /// Tags AWS exposes as `aws:PrincipalTag/*`.
    pub tags: Vec<(String, String)>,
    /// A sentence when the session was not created by an earlier request.
    pub note: Option<String>,
    /// The GetSessionToken session whose credentials a user (or the root user) calls with.
    pub token: Option<crate::sts::session::Session>,
}

/// The message AWS gives with `InvalidClientTokenId`: credentials it does not accept.
pub const INVALID_TOKEN: &str = "The security token included in the request is invalid.";

/// Why a principal cannot make requests.
pub struct UnknownPrincipal {
    pub code: &'static str,
    /// AWS's message (English, as AWS returns it).
    pub message: String,
    /// The explanation, in the run's language.
    pub explain: String,
}

pub fn resolve_caller<'w>(
    world: &'w World,
    principal: &str,
    session: Option<SessionState>,
    lang: Lang,
) -> Result<ResolvedCaller<'w>, UnknownPrincipal> {
    if !principal.starts_with("arn:") {
        let side = bare_side(
            world,
            Caller::Service {
                name: principal.to_string(),
            },
            None,
        );
        return Ok(ResolvedCaller {
            token: None,
            side,
            session: None,
            tags: Vec::new(),
            note: None,
        });
    }
    let parsed =
        PrincipalArn::parse(principal).map_err(|e| unknown(principal, e.message_in(lang), lang))?;
    match parsed {
        Some(PrincipalArn::Root { account }) => {
            let caller = Caller::Root {
                arn: principal.to_string(),
                account: account.clone(),
            };
            Ok(ResolvedCaller {
                token: None,
                side: bare_side(world, caller, Some(&account)),
                session: None,
                tags: Vec::new(),
                note: None,
            })
        }
        Some(PrincipalArn::User { account, .. }) => {
            let user = world.users.get(principal).ok_or_else(|| {
                let why = lang.pick(
                    "it is not a user of this scenario; add it under `users`",
                    "このシナリオのユーザーではありません。`users` に追加してください",
                );
                unknown(principal, why, lang)
            })?;
            let caller = Caller::User {
                arn: principal.to_string(),
                account: account.clone(),
            };
            Ok(ResolvedCaller {
                token: None,
                side: principal_side(world, caller, user, &account),
                session: None,
                tags: user.tags.clone(),
                note: None,
            })
        }
        Some(PrincipalArn::AssumedRole {
            account, role_name, ..
        }) => resolve_session(world, principal, &account, &role_name, session, lang),
        Some(PrincipalArn::FederatedUser { account, .. }) => {
            resolve_federated_user(world, principal, account, session, lang)
        }
        _ => Err(unknown(
            principal,
            lang.pick(
                "only users, the account root, role sessions, federated user sessions and service principals make requests",
                "リクエストを行えるのは、ユーザー、アカウントのルートユーザー、ロールセッション、フェデレーションユーザーのセッション、サービスプリンシパルだけです",
            ),
            lang,
        )),
    }
}

/// A federated user session that an earlier GetFederationToken request created: the policies
/// of the user who created it, capped by that user's boundary and by the session policies
/// (none: no permissions, see `caller_side_refusal` in `evaluation::decide`); its tags over the
/// user's, "session tags override a user tag with the same key" (STS API reference,
/// GetFederationToken). Unlike a role session, one no request created has nobody behind it to
/// stand in for.
fn resolve_federated_user<'w>(
    world: &'w World,
    principal: &str,
    account: String,
    session: Option<SessionState>,
    lang: Lang,
) -> Result<ResolvedCaller<'w>, UnknownPrincipal> {
    let Some(state) = session else {
        let why = lang.pick(
            "no earlier sts:GetFederationToken request created this federated user session",
            "このフェデレーションユーザーのセッションを作成した先行の sts:GetFederationToken リクエストはありません",
        );
        return Err(unknown(principal, why, lang));
    };
    let user_arn = state.session.role_arn.clone();
    let caller = Caller::FederatedUser {
        arn: principal.to_string(),
        account: account.clone(),
        user: user_arn.clone(),
    };
    let mut side = match world.users.get(user_arn.as_str()) {
        Some(user) => principal_side(world, caller, user, &account),
        None => bare_side(world, caller, Some(&account)),
    };
    side.session = state
        .policies
        .iter()
        .map(|&i| session_policy(world, i, lang))
        .collect();
    let session_tags = state.session.tags.iter();
    let tags = overlay(
        &state.role_tags,
        session_tags.map(|t| (t.key.as_str(), t.value.as_str())),
    );
    Ok(ResolvedCaller {
        token: None,
        side,
        session: Some(state),
        tags,
        note: None,
    })
}

fn resolve_session<'w>(
    world: &'w World,
    principal: &str,
    account: &str,
    role_name: &str,
    session: Option<SessionState>,
    lang: Lang,
) -> Result<ResolvedCaller<'w>, UnknownPrincipal> {
    let role = world
        .roles
        .values()
        .find(|r| r.account == account && r.name == role_name)
        .ok_or_else(|| {
            let why = say!(
                lang,
                "no role named {role_name} in account {account} is in this scenario",
                "アカウント {account} の {role_name} という名前のロールは、このシナリオにありません"
            );
            unknown(principal, &why, lang)
        })?;
    let caller = Caller::RoleSession {
        role_arn: role.arn.clone(),
        session_arn: principal.to_string(),
        account: account.to_string(),
    };
    let mut side = principal_side(world, caller, &role.permissions, account);
    let mut note = match &session {
        Some(s) => {
            side.session = s
                .policies
                .iter()
                .map(|&i| session_policy(world, i, lang))
                .collect();
            s.session.mfa.then(|| say!(lang,
                "{principal} was created with MFA, but a role session's own requests carry none: aws:MultiFactorAuthPresent is false (IAM User Guide, \"Secure API access with MFA\": AssumeRole's credentials do not include MFA information).",
                "{principal} は MFA 付きで作成されましたが、ロールセッション自身のリクエストには MFA の情報が含まれません。aws:MultiFactorAuthPresent は false です (IAM ユーザーガイド「MFA を使用した安全な API アクセス」)。"))
        }
        None => {
            let role = &role.arn;
            Some(say!(lang,
                "No earlier request created {principal}; it is taken as a plain session of {role} with no session policies, tags or MFA.",
                "{principal} を作成した先行のリクエストはありません。セッションポリシー、タグ、MFA のない {role} の通常のセッションとして扱います。"))
        }
    };
    // "SCPs do not affect any service-linked role" (Organizations User Guide, "Service control
    // policies"); AWS creates those roles under this path.
    if role.arn.contains(":role/aws-service-role/") && side.scps.take().is_some() {
        let exempt = lang.pick(
            "SCPs do not affect service-linked roles.",
            "SCP はサービスにリンクされたロールに影響しません。",
        );
        let gap = lang.pick(" ", "");
        note = Some(note.map_or_else(|| exempt.to_string(), |n| format!("{n}{gap}{exempt}")));
    }
    // Session tags override role tags with the same key, whatever its case (§3.4).
    let tags = match &session {
        Some(s) => overlay(
            &role.permissions.tags,
            s.session
                .tags
                .iter()
                .map(|t| (t.key.as_str(), t.value.as_str())),
        ),
        None => role.permissions.tags.clone(),
    };
    Ok(ResolvedCaller {
        token: None,
        side,
        session,
        tags,
        note,
    })
}

/// A session policy of the calling session, by its index among the world's parsed policies.
fn session_policy(world: &World, index: usize, lang: Lang) -> PolicyUse<'_> {
    PolicyUse {
        policy: &world.policies[index],
        label: Rc::from(lang.pick("session policy", "セッションポリシー")),
        managed: false,
    }
}

fn unknown(principal: &str, why: &str, lang: Lang) -> UnknownPrincipal {
    UnknownPrincipal {
        code: "InvalidClientTokenId",
        message: INVALID_TOKEN.into(),
        explain: say!(
            lang,
            "{principal} cannot make requests here: {why}.",
            "{principal} はここではリクエストを行えません: {why}。"
        ),
    }
}

fn bare_side<'w>(world: &'w World, caller: Caller, account: Option<&str>) -> CallerSide<'w> {
    let org = account.and_then(|a| world.organizations.get(a));
    CallerSide {
        caller,
        identity: Vec::new(),
        boundary: None,
        session: Vec::new(),
        // SCPs do not affect the management account's principals (see `management_notes`).
        scps: org
            .filter(|o| !o.management)
            .map(|o| world.levels(&o.scps))
            .filter(|l| !l.is_empty()),
        organization: org.map(|o| o.id.clone()),
    }
}

fn principal_side<'w>(
    world: &'w World,
    caller: Caller,
    principal: &Principal,
    account: &str,
) -> CallerSide<'w> {
    let mut side = bare_side(world, caller, Some(account));
    side.identity = principal.identity.iter().map(|h| world.use_of(h)).collect();
    side.boundary = principal.boundary.as_ref().map(|h| world.use_of(h));
    side
}

/// The keys AWS derives from the caller and the time (the request adds or overrides later).
pub fn caller_context(
    world: &World,
    resolved: &ResolvedCaller,
    time: u64,
    context: &mut RequestContext,
) {
    let one = |v: &str| ContextValue::Single(v.to_string());
    let now = SCENARIO_EPOCH.saturating_add(time);
    // Values made for the context go in as they are; `one` copies borrowed text. Each group of
    // keys is made only when the context asks for it (see `DerivedKeys`).
    if context.derives(DerivedKeys::REQUEST) {
        context.set_derived("aws:CurrentTime", ContextValue::Single(iso8601(now)));
        context.set_derived("aws:EpochTime", ContextValue::Single(now.to_string()));
        context.set_derived("aws:SecureTransport", one("true"));
        context.set_derived("aws:ViaAWSService", one("false"));
    }
    let caller_keys = context.derives(DerivedKeys::CALLER);
    let caller = &resolved.side.caller;
    match caller {
        Caller::User { arn, account } => {
            if caller_keys {
                let name = arn.rsplit('/').next().unwrap_or(arn);
                context.set_derived("aws:username", one(name));
                let id = world.users.get(arn.as_str()).map_or_else(
                    || crate::sts::unique_id("AIDA", arn),
                    |user| user.unique_id.clone(),
                );
                context.set_derived("aws:userid", ContextValue::Single(id));
                context.set_derived("aws:PrincipalType", one("User"));
            }
            principal_keys(world, arn, account, context);
        }
        Caller::Root { arn, account } => {
            if caller_keys {
                context.set_derived("aws:userid", one(account));
                context.set_derived("aws:PrincipalType", one("Account"));
            }
            principal_keys(world, arn, account, context);
        }
        Caller::RoleSession {
            role_arn,
            session_arn,
            account,
        } => {
            principal_keys(world, role_arn, account, context);
            match &resolved.session {
                // The session's own keys: aws:userid, aws:PrincipalType, its tags, MFA, ...
                Some(session) => session.add_context(context),
                None => {
                    if caller_keys {
                        let session_name = session_arn.rsplit('/').next().unwrap_or("");
                        let id = crate::sts::assumed_role_id(role_arn, session_name);
                        context.set_derived("aws:userid", ContextValue::Single(id));
                        context.set_derived("aws:PrincipalType", one("AssumedRole"));
                    }
                    context.set_derived("aws:MultiFactorAuthPresent", one("false"));
                }
            }
        }
        Caller::FederatedUser { arn, account, .. } => {
            principal_keys(world, arn, account, context);
            // aws:userid is `ACCOUNT:NAME`; there is no aws:username, and no MFA: the call that
            // created the session takes none (IAM User Guide, condition keys and "Secure API
            // access with MFA").
            if let Some(session) = &resolved.session {
                if caller_keys {
                    let id = session.session.assumed_role_id.clone();
                    context.set_derived("aws:userid", ContextValue::Single(id));
                }
                let issued = SCENARIO_EPOCH.saturating_add(session.session.issued_at.max(0) as u64);
                context.set_derived("aws:TokenIssueTime", ContextValue::Single(iso8601(issued)));
            }
            if caller_keys {
                context.set_derived("aws:PrincipalType", one("FederatedUser"));
            }
            context.set_derived("aws:MultiFactorAuthPresent", one("false"));
            for (key, value) in &resolved.tags {
                context.set_derived(["aws:PrincipalTag/", key].concat(), one(value));
            }
        }
        Caller::Service { name } if caller_keys => {
            context.set_derived("aws:PrincipalServiceName", one(name));
            context.set_derived("aws:PrincipalIsAWSService", one("true"));
        }
        _ => {}
    }
    // Temporary credentials carry MFA as the call that made them had it, and its age: "the
    // number of seconds since the requesting principal was authenticated using MFA" (IAM User
    // Guide, condition keys; "Secure API access with MFA"). Long-term credentials carry neither.
    if let Some(token) = &resolved.token {
        let issued = token.issued_at.max(0) as u64;
        let present = if token.mfa { "true" } else { "false" };
        context.set_derived("aws:MultiFactorAuthPresent", one(present));
        if token.mfa {
            let age = time.saturating_sub(issued).to_string();
            context.set_derived("aws:MultiFactorAuthAge", ContextValue::Single(age));
        }
        let at = iso8601(SCENARIO_EPOCH.saturating_add(issued));
        context.set_derived("aws:TokenIssueTime", ContextValue::Single(at));
    }
    // A session's tags (its role's overlaid with its own) came with its keys above.
    if resolved.session.is_none() {
        for (key, value) in &resolved.tags {
            context.set_derived(["aws:PrincipalTag/", key].concat(), one(value));
        }
    }
}

fn principal_keys(world: &World, arn: &str, account: &str, context: &mut RequestContext) {
    if !context.derives(DerivedKeys::CALLER) {
        return;
    }
    let one = |v: &str| ContextValue::Single(v.to_string());
    context.set_derived("aws:PrincipalArn", one(arn));
    context.set_derived("aws:PrincipalAccount", one(account));
    context.set_derived("aws:PrincipalIsAWSService", one("false"));
    if let Some(org) = world.organizations.get(account) {
        context.set_derived("aws:PrincipalOrgID", one(&org.id));
        context.set_derived(
            "aws:PrincipalOrgPaths",
            ContextValue::Multi(vec![org.org_path.clone()]),
        );
    }
}

/// The keys of the resource side: its account, organization and tags.
pub fn resource_context(world: &World, resource: &str, context: &mut RequestContext) {
    if !context.derives(DerivedKeys::RESOURCE) {
        return;
    }
    let one = |v: &str| ContextValue::Single(v.to_string());
    let Some(account) = world.owner_of(resource) else {
        return;
    };
    context.set_derived("aws:ResourceAccount", one(account));
    if let Some(org) = world.organizations.get(account) {
        context.set_derived("aws:ResourceOrgID", one(&org.id));
        context.set_derived(
            "aws:ResourceOrgPaths",
            ContextValue::Multi(vec![org.org_path.clone()]),
        );
    }
    let tags = world
        .roles
        .get(resource)
        .map(|r| &r.permissions.tags)
        .or_else(|| world.users.get(resource).map(|u| &u.tags));
    for (key, value) in tags.into_iter().flatten() {
        context.set_derived(["aws:ResourceTag/", key].concat(), one(value));
    }
}

/// Seconds since 1970 as `YYYY-MM-DDThh:mm:ssZ`.
pub fn iso8601(epoch: u64) -> String {
    let days = (epoch / 86_400) as i64;
    let secs = epoch % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Written digit by digit: every request's context holds this date, and `format!`'s padding
    // costs more than the arithmetic above. From 1970 on, the year has four digits or more.
    let mut out = year.to_string();
    let (hour, minute, second) = (secs / 3600, secs % 3600 / 60, secs % 60);
    for (separator, value) in [
        ('-', month.unsigned_abs()),
        ('-', day.unsigned_abs()),
        ('T', hour),
        (':', minute),
        (':', second),
    ] {
        out.push(separator);
        push_two_digits(&mut out, value);
    }
    out.push('Z');
    out
}

/// `value` (below 100) as two digits, as `{value:02}` writes it.
fn push_two_digits(out: &mut String, value: u64) {
    out.push(char::from(b'0' + (value / 10 % 10) as u8));
    out.push(char::from(b'0' + (value % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zero_is_2026() {
        assert_eq!(iso8601(SCENARIO_EPOCH), "2026-01-01T00:00:00Z");
        assert_eq!(
            iso8601(SCENARIO_EPOCH + 3600 * 24 * 59 + 61),
            "2026-03-01T00:01:01Z"
        );
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(253_402_300_799), "9999-12-31T23:59:59Z");
        assert_eq!(iso8601(253_402_300_800), "10000-01-01T00:00:00Z");
    }

    #[test]
    fn two_digits_are_those_of_format() {
        for value in 0..100 {
            let mut out = String::new();
            push_two_digits(&mut out, value);
            assert_eq!(out, format!("{value:02}"));
        }
    }
}
