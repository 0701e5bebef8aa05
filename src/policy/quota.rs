//! Size quotas per kind of policy.
//!
//! Sources: IAM User Guide, "IAM and AWS STS quotas" (semantics notes §4): a managed policy
//! holds 6,144 characters, a role trust policy 2,048 (raisable through Service Quotas), white
//! space outside strings not counted; STS takes a session policy of at most 2,048 characters;
//! Organizations, "Quotas and service limits": SCPs and RCPs hold 5,120 characters, and there
//! every character counts, white space included. A policy validated alone is measured against
//! the managed-policy quota (inline quotas are per entity, summed over its inline policies).
//! Resource-based policies have per-service quotas and are not measured here.

use super::codes::{self, Code};
use super::reader::{place, Reader};
use super::PolicyKind;
use crate::json::Json;
use crate::lang::{gap, say};

struct Quota {
    limit: usize,
    code: Code,
    /// Whether white space outside strings counts.
    all_characters: bool,
}

fn quota(kind: PolicyKind) -> Option<Quota> {
    use PolicyKind::*;
    let (limit, code, all_characters) = match kind {
        Identity | Boundary => (
            6144,
            codes::POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA,
            false,
        ),
        Trust => (
            2048,
            codes::POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA,
            false,
        ),
        Session => (2048, codes::POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA, true),
        Scp => (5120, codes::POLICY_SIZE_EXCEEDS_SCP_QUOTA, true),
        Rcp => (5120, codes::POLICY_SIZE_EXCEEDS_RCP_QUOTA, true),
        Resource => return None,
    };
    Some(Quota {
        limit,
        code,
        all_characters,
    })
}

/// `raw_chars` is the length of the policy's own text when it is known (a policy validated
/// alone); otherwise the compact form is measured, which is what the kinds that count every
/// character would see after the white space is removed.
pub(crate) fn check(r: &mut Reader, json: &Json, base: &str, raw_chars: Option<usize>) {
    let Some(q) = quota(r.kind) else {
        return;
    };
    let compact = json.compact_char_count();
    let size = match raw_chars {
        Some(n) if q.all_characters => n,
        _ => compact,
    };
    if size <= q.limit {
        return;
    }
    let lang = r.lang;
    let counted = if q.all_characters {
        lang.pick(
            "every character counts, white space included",
            "空白を含むすべての文字を数えます",
        )
    } else {
        lang.pick(
            "white space outside strings not counted",
            "文字列の外の空白は数えません",
        )
    };
    let advice = if r.kind == PolicyKind::Trust {
        lang.pick(
            " You can ask for a higher quota through Service Quotas, or shorten the policy.",
            "Service Quotas でクォータの引き上げを申請するか、ポリシーを短くしてください。",
        )
    } else if q.all_characters && compact <= q.limit {
        lang.pick(
            " Removing the white space outside strings brings it within the quota.",
            "文字列の外の空白を削除すればクォータに収まります。",
        )
    } else {
        lang.pick(
            " Shorten it, for example by using wildcards or by splitting it into several policies.",
            "ワイルドカードを使う、複数のポリシーに分けるなどして短くしてください。",
        )
    };
    let (name, limit) = (r.kind.name(lang), q.limit);
    let gap = gap(name);
    let message = say!(
        lang,
        "This {name} is {size} characters long ({counted}), more than the {limit} allowed.{advice}",
        "この{name}{gap}は {size} 文字あり ({counted})、上限の {limit} 文字を超えています。{advice}"
    );
    r.report(q.code, message, &place(base, json.span));
}
