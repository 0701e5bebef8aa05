//! Advice for a request that an Allow statement would let through but for its conditions.
//!
//! Whether to tell the caller to meet the conditions depends on what they check. Keys the
//! request itself supplies (MFA given with the call, `sts:ExternalId`, `aws:SourceIp`, the tags
//! it passes) can be met by sending them. Keys that say who is calling or what the request acts
//! on (the caller's ARN, account, organization or tags, the resource's tags, the service a role
//! is passed to, a token's claims) cannot: meeting them means changing the policy, which is the
//! policy owner's decision to make deliberately. And a role session never carries MFA into its
//! own requests (IAM User Guide, "Secure API access with MFA"), so an MFA condition is out of
//! its reach whatever it sends.

use crate::lang::{say, Lang};
use crate::matching::Caller;

use super::super::statement::PolicyOutcome;

/// Why the closest Allow statement does not apply.
pub(super) enum Unmet {
    /// Only keys the request supplies: send what they check.
    Supplied,
    /// MFA keys, which the caller's own credentials cannot carry: a role session's or a
    /// federated user session's never do, a user's long-term access keys neither.
    Mfa(MfaCaller),
    /// Keys the request cannot change (named, as written in the policy).
    Fixed(Vec<String>),
}

/// Who lacks the MFA a condition asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MfaCaller {
    RoleSession,
    FederatedUser,
    /// A user (or the root user), with long-term access keys, or GetSessionToken credentials
    /// made without MFA or whose MFA is too old for the condition: one sentence says all three.
    User,
}

/// How the first Allow statement of `policies` that fails only on its conditions fails, if one
/// does. `mfa_in_call`: the call itself can give MFA (AssumeRole's `SerialNumber` and
/// `TokenCode`), which a role session's other requests cannot.
pub(super) fn unmet<'a>(
    policies: impl Iterator<Item = &'a PolicyOutcome>,
    caller: &Caller,
    mfa_in_call: bool,
) -> Option<Unmet> {
    let statement = policies
        .flat_map(|p| p.trace.statements.iter())
        .find(|s| s.allow_failing_on_conditions())?;
    let keys: Vec<&str> = statement
        .failed_conditions()
        .map(|c| c.key.as_str())
        .collect();
    let mfa_caller = match caller {
        Caller::RoleSession { .. } => Some(MfaCaller::RoleSession),
        Caller::FederatedUser { .. } => Some(MfaCaller::FederatedUser),
        Caller::User { .. } | Caller::Root { .. } => Some(MfaCaller::User),
        _ => None,
    };
    if let Some(who) = mfa_caller.filter(|_| !mfa_in_call && keys.iter().any(|k| is_mfa(k))) {
        return Some(Unmet::Mfa(who));
    }
    let fixed: Vec<String> = keys
        .iter()
        .filter(|k| !supplied_by_request(k))
        .map(|k| k.to_string())
        .collect();
    Some(if fixed.is_empty() {
        Unmet::Supplied
    } else {
        Unmet::Fixed(fixed)
    })
}

fn is_mfa(key: &str) -> bool {
    key.to_ascii_lowercase().starts_with("aws:multifactorauth")
}

/// Whether a condition key takes its value from what the request sends rather than from who
/// sends it or what it acts on.
fn supplied_by_request(key: &str) -> bool {
    const SUPPLIED: &[&str] = &[
        "aws:multifactorauthpresent",
        "aws:multifactorauthage",
        "aws:sourceip",
        "aws:sourcevpc",
        "aws:sourcevpce",
        "aws:vpcsourceip",
        "aws:securetransport",
        "aws:requestedregion",
        "aws:currenttime",
        "aws:epochtime",
        "aws:tagkeys",
        "sts:externalid",
        "sts:rolesessionname",
        "sts:sourceidentity",
        "sts:transitivetagkeys",
        "sts:durationseconds",
    ];
    let key = key.to_ascii_lowercase();
    if SUPPLIED.contains(&key.as_str()) || key.starts_with("aws:requesttag/") {
        return true;
    }
    // A service's own keys describe the call (`s3:x-amz-acl`, `ec2:InstanceType`), except those
    // on a resource's existing tags. A prefix with a dot or a slash is an identity provider's
    // (`token.actions.githubusercontent.com:sub`): a claim of the token, not of the request.
    let Some((prefix, name)) = key.split_once(':') else {
        return false;
    };
    let ours = ["aws", "iam", "sts", "saml", "organizations"];
    !ours.contains(&prefix)
        && !prefix.contains(['.', '/'])
        && !name.contains("resourcetag/")
        && !name.contains("existingobjecttag/")
}

/// The advice for an unmet condition; `policy` names where the statement is ("the trust
/// policy", "an identity-based policy of {who}").
pub(super) fn advice(unmet: &Unmet, policy: &str, who: &str, action: &str, lang: Lang) -> String {
    match unmet {
        Unmet::Supplied => say!(lang,
            "{policy} already allows {action} for {who} under conditions the request does not meet (above): send what they check rather than allowing the action without them.",
            "{policy}はすでに {who} に {action} を許可していますが、このリクエストが満たさない条件 (上記) が付いています。条件なしで許可するのではなく、条件が確認する値を送ってください。"),
        Unmet::Mfa(MfaCaller::User) => say!(lang,
            "The statement above allows {action} only with MFA: long-term access keys carry none, and GetSessionToken credentials carry it only when that call gave SerialNumber and TokenCode. Make the request with credentials from such a call (here: \"credentials\": \"GetSessionToken\"), fresh ones if the condition limits aws:MultiFactorAuthAge.",
            "上記のステートメントは MFA がある場合にのみ {action} を許可します。長期的なアクセスキーには MFA が含まれず、GetSessionToken の認証情報には、その呼び出しで SerialNumber と TokenCode を指定した場合にのみ含まれます。そのような呼び出しで得た認証情報でリクエストしてください (ここでは \"credentials\": \"GetSessionToken\")。条件で aws:MultiFactorAuthAge を制限している場合は、新しく取得してください。"),
        Unmet::Mfa(MfaCaller::FederatedUser) => say!(lang,
            "The statement above allows {action} only with MFA, which a federated user session never has (GetFederationToken takes no MFA): use credentials from GetSessionToken with MFA for such calls.",
            "上記のステートメントは MFA がある場合にのみ {action} を許可しますが、フェデレーションユーザーのセッションには MFA がありません (GetFederationToken は MFA を受け付けません)。このような呼び出しには MFA 付きの GetSessionToken の認証情報を使います。"),
        Unmet::Mfa(MfaCaller::RoleSession) => say!(lang,
            "The statement above allows {action} only with MFA, which a role session never carries into its own requests (see the note): use credentials from GetSessionToken with MFA for such calls.",
            "上記のステートメントは MFA がある場合にのみ {action} を許可しますが、ロールセッションは自身のリクエストに MFA を含めません (注記を参照)。このような呼び出しには MFA 付きの GetSessionToken の認証情報を使います。"),
        Unmet::Fixed(keys) => {
            let keys = keys.join(", ");
            say!(lang,
                "The statement above allows {action} only when its conditions on {keys} are met, and those keys describe the caller or what it acts on: if {who} should have this access, the policy's owner must widen the conditions deliberately.",
                "上記のステートメントは {keys} の条件を満たす場合にのみ {action} を許可します。これらのキーは呼び出し元や操作対象を表します。{who} にこのアクセスを与えるべきなら、ポリシーの所有者が意図して条件を広げる必要があります。")
        }
    }
}
