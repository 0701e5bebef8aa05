//! What temporary credentials may not call, whatever the policies say, refused before any
//! policy is read (STS API reference, GetFederationToken and GetSessionToken):
//! * GetSessionToken and GetFederationToken "must be called by using the long-term AWS security
//!   credentials" of a user, with the message AWS gives as users report it;
//! * a federated user session "cannot call any IAM operations" with the CLI or the API, nor
//!   "any STS operations except GetCallerIdentity";
//! * GetSessionToken credentials "cannot call any IAM API operations unless MFA authentication
//!   information is included", nor "any STS API except AssumeRole or GetCallerIdentity".
//!
//! AWS does not document those errors: IAM answers credentials it does not accept with
//! `InvalidClientTokenId` (as users report for session credentials), and STS is given its
//! `AccessDenied` shape. `iam:PassRole` is a permission that the service receiving the role
//! checks, not an operation of IAM's API, so it is not refused.

use crate::lang::{say, Lang};
use crate::matching::Caller;

use super::caller::{ResolvedCaller, INVALID_TOKEN};
use super::run::{error_verdict, sts_operation, Verdict};

/// What one kind of temporary credentials may call.
struct Limits {
    /// Whether IAM's operations are open to them.
    iam: bool,
    /// The STS operations open to them; `None`: every one (a role session's).
    sts: Option<&'static [&'static str]>,
    /// Why, for the explanation.
    why: String,
}

/// The verdict for `action` made with `caller`'s credentials when they may not call it.
pub(super) fn refused_to_session(
    action: &str,
    caller: &ResolvedCaller,
    principal: &str,
    resource: Option<&str>,
    lang: Lang,
) -> Option<Verdict> {
    let limits = limits(caller, principal, lang)?;
    if let Some(name) = sts_operation(action, &["GetSessionToken", "GetFederationToken"]) {
        return Some(error_verdict(
            "AccessDenied",
            &["Cannot call ", name, " with session credentials"].concat(),
            say!(lang,
                "{name} takes the long-term credentials of a user or the root user; {principal} calls with a session's.",
                "{name} にはユーザーまたはルートユーザーの長期的な認証情報が必要ですが、{principal} はセッションの認証情報で呼び出しています。"),
            Some(principal),
        ));
    }
    let service = crate::evaluation::service_of(action);
    let iam = service.eq_ignore_ascii_case("iam") && !action.eq_ignore_ascii_case("iam:PassRole");
    let sts = service.eq_ignore_ascii_case("sts")
        && limits
            .sts
            .is_some_and(|open| sts_operation(action, open).is_none());
    if iam && !limits.iam {
        return Some(error_verdict(
            "InvalidClientTokenId",
            INVALID_TOKEN,
            limits.why,
            Some(principal),
        ));
    }
    sts.then(|| {
        let on = resource.map_or(String::new(), |r| [" on resource: ", r].concat());
        let message = [
            "User: ",
            principal,
            " is not authorized to perform: ",
            action,
            &on,
        ];
        error_verdict(
            "AccessDenied",
            &message.concat(),
            limits.why,
            Some(principal),
        )
    })
}

/// The limits of `caller`'s credentials; none for long-term credentials.
fn limits(caller: &ResolvedCaller, principal: &str, lang: Lang) -> Option<Limits> {
    if let Some(token) = &caller.token {
        return Some(Limits {
            iam: token.mfa,
            sts: Some(&["AssumeRole", "GetCallerIdentity"]),
            why: say!(lang,
                "{principal} calls with GetSessionToken credentials: they cannot call IAM operations unless the GetSessionToken call gave MFA, nor STS operations other than AssumeRole and GetCallerIdentity (STS API reference, GetSessionToken), whatever the policies say. AWS does not document the error it returns.",
                "{principal} は GetSessionToken の認証情報で呼び出しています。ポリシーの内容にかかわらず、GetSessionToken の呼び出しで MFA を指定していなければ IAM のオペレーションを呼び出せず、AssumeRole と GetCallerIdentity 以外の STS のオペレーションも呼び出せません (STS API リファレンス、GetSessionToken)。AWS は返されるエラーを文書化していません。"),
        });
    }
    match caller.side.caller {
        Caller::FederatedUser { .. } => Some(Limits {
            iam: false,
            sts: Some(&["GetCallerIdentity"]),
            why: say!(lang,
                "{principal} is a federated user session: with the CLI or the API its credentials cannot call IAM operations, nor STS operations other than GetCallerIdentity (STS API reference, GetFederationToken), whatever the policies say. AWS does not document the error it returns.",
                "{principal} はフェデレーションユーザーのセッションです。CLI または API では、ポリシーの内容にかかわらず、その認証情報で IAM のオペレーションも、GetCallerIdentity 以外の STS のオペレーションも呼び出せません (STS API リファレンス、GetFederationToken)。AWS は返されるエラーを文書化していません。"),
        }),
        Caller::RoleSession { .. } => Some(Limits {
            iam: true,
            sts: None,
            why: String::new(),
        }),
        _ => None,
    }
}
