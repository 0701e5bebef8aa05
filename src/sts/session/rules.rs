//! Duration, source identity and permission-only actions of a new session.

use super::tags::inherited_transitive_tags;
use super::Session;
use crate::lang::Text;
use crate::sts::params::StsParams;
use crate::sts::StsError;

/// The default session length when `DurationSeconds` is omitted (STS API reference).
pub const DEFAULT_DURATION: i64 = 3600;
/// Role chaining limits a session to one hour (IAM User Guide, "Role chaining"; §4).
pub const CHAINING_LIMIT: i64 = 3600;

/// The session length in seconds, or the `ValidationError` AWS returns (semantics notes §4):
/// * omitted: 3600 (also when chaining: "Omitting DurationSeconds works");
/// * chaining with an explicit value above 3600 fails, it is not clamped;
/// * otherwise above the role's `MaxSessionDuration` fails.
///
/// The 900–43200 range itself is checked by `validate` with the API model's message.
pub fn session_duration(
    requested: Option<i64>,
    max_session_duration: i64,
    chained: bool,
) -> Result<i64, StsError> {
    let Some(requested) = requested else {
        return Ok(DEFAULT_DURATION);
    };
    if chained && requested > CHAINING_LIMIT {
        return Err(StsError::new(
            "ValidationError",
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
        ));
    }
    if requested > max_session_duration {
        return Err(StsError::new(
            "ValidationError",
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
        ));
    }
    Ok(requested)
}

/// The source identity the new session will carry.
///
/// Once set, a source identity cannot change and persists through role chaining; "If the user
/// attempts to set a source identity that is different from the value set when CriticalRole
/// was assumed, the assume role request will be denied" (IAM User Guide, "Monitor and control
/// actions taken with assumed roles", role chaining). AWS does not publish that denial's
/// message; the one here names the conflict in AWS's AccessDenied shape.
pub fn effective_source_identity(
    params: &StsParams,
    caller: Option<&Session>,
    role_arn: &str,
) -> Result<Option<String>, StsError> {
    let inherited = caller.and_then(|c| c.source_identity.as_deref());
    match (inherited, params.source_identity.as_deref()) {
        (Some(held), Some(asked)) if held != asked => Err(StsError::new(
            "AccessDenied",
            format!(
                "User: {} is not authorized to perform: sts:SetSourceIdentity on resource: {role_arn} because the calling session's source identity is '{held}' and a source identity cannot be changed once set (requested '{asked}').",
                caller.map(|c| c.arn.as_str()).unwrap_or_default()
            ),
        )),
        (Some(held), _) => Ok(Some(held.to_string())),
        (None, asked) => Ok(asked.map(str::to_string)),
    }
}

/// A permission-only action the role's trust policy must allow besides the API's own action,
/// with the reason, for the explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredAction {
    pub action: &'static str,
    pub reason: Text,
    /// Whether the caller's own permissions policy must allow it too (chained or cross-account
    /// `sts:SetSourceIdentity`).
    pub identity_policy_too: bool,
}

/// The actions the trust policy must allow for this call: the API's action first, then
/// `sts:TagSession` and `sts:SetSourceIdentity` when they apply.
///
/// * `sts:TagSession` when tags or transitive keys are passed (IAM User Guide, "Permissions
///   required to add session tags"), and also when transitive tags are only inherited: AWS
///   does not state this, but users report chained roles failing without it
///   (aws/eks-pod-identity-agent#80) — an [UNVERIFIED] rule, flagged in the reason.
/// * `sts:SetSourceIdentity` when a source identity is passed or inherited; in a chain, the
///   caller's permissions policy must allow it as well (IAM User Guide, "Permissions required
///   to set source identity").
pub fn required_trust_actions(params: &StsParams, caller: Option<&Session>) -> Vec<RequiredAction> {
    let mut actions = vec![RequiredAction {
        action: params.api.action(),
        reason: Text {
            en: "the API's own action",
            ja: "API 自体のアクション",
        },
        identity_policy_too: false,
    }];
    let passes_tags = !params.tags.is_empty() || !params.transitive_tag_keys.is_empty();
    if passes_tags {
        actions.push(RequiredAction {
            action: "sts:TagSession",
            reason: Text {
                en: "the request passes session tags (IAM User Guide, \"Permissions required to add session tags\")",
                ja: "リクエストがセッションタグを渡す (IAM ユーザーガイド「セッションタグを追加するために必要なアクセス許可」)",
            },
            identity_policy_too: false,
        });
    } else if !inherited_transitive_tags(caller).is_empty() {
        actions.push(RequiredAction {
            action: "sts:TagSession",
            reason: Text {
                en: "the calling session passes on transitive session tags (unverified: users report it, AWS does not document it)",
                ja: "呼び出し元セッションの推移的なセッションタグが引き継がれる (未検証: AWS の文書にはなく、利用者の報告による)",
            },
            identity_policy_too: false,
        });
    }
    let inherited = caller.is_some_and(|c| c.source_identity.is_some());
    if params.source_identity.is_some() || inherited {
        actions.push(RequiredAction {
            action: "sts:SetSourceIdentity",
            reason: if inherited {
                Text {
                    en: "the calling session carries a source identity, which persists into the chained session (IAM User Guide, \"Permissions required to set source identity\")",
                    ja: "呼び出し元セッションがソースアイデンティティを持ち、それが連鎖したセッションに引き継がれる (IAM ユーザーガイド「ソースアイデンティティの設定に必要なアクセス許可」)",
                }
            } else {
                Text {
                    en: "the request sets a source identity (IAM User Guide, \"Permissions required to set source identity\")",
                    ja: "リクエストがソースアイデンティティを設定する (IAM ユーザーガイド「ソースアイデンティティの設定に必要なアクセス許可」)",
                }
            },
            identity_policy_too: caller.is_some(),
        });
    }
    actions
}
