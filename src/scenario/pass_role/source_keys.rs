//! The confused-deputy keys in a service's request to assume a role passed to it
//! ([`SourceKeys`]), and what to say when the role's trust policy tests one that request lacks:
//! a trust policy that follows a service's confused-deputy advice must pass here as it does in
//! AWS, and one that tests a key the service is not known to send must say why it fails.

use crate::condition::{ContextValue, RequestContext};
use crate::lang::{say, Lang};
use crate::policy::Policy;
use crate::services::{PassRoleApi, SourceKeys, SOURCE_KEYS};

/// Puts in `context` the source keys the service sends: the account the call is made in and,
/// where the service names the resource it acts for, that resource as the request gives it
/// (as `iam:AssociatedResourceArn` takes it).
pub(super) fn set_source_keys(
    api: &PassRoleApi,
    account: &str,
    resource: &str,
    context: &mut RequestContext,
) {
    if api.source_keys == SourceKeys::Undocumented {
        return;
    }
    context.set_derived("aws:SourceAccount", ContextValue::Single(account.into()));
    if api.source_keys == SourceKeys::AccountAndResource {
        context.set_derived("aws:SourceArn", ContextValue::Single(resource.into()));
    }
}

/// Why the trust policy's conditions on source keys cannot hold, when it tests keys the
/// service's request does not have; `None` when it tests none of them.
pub(super) fn missing_source_keys_note(
    api: &PassRoleApi,
    trust: &Policy,
    context: &RequestContext,
    lang: Lang,
) -> Option<String> {
    let mut keys = String::new();
    let mut only_arn = true;
    for key in SOURCE_KEYS {
        if context.get(key).is_none() && tests_key(trust, key) {
            if !keys.is_empty() {
                keys.push_str(", ");
            }
            keys.push_str(key);
            only_arn &= key == "aws:SourceArn";
        }
    }
    if keys.is_empty() {
        return None;
    }
    let why = match (api.source_keys, only_arn) {
        (SourceKeys::AccountOnly, true) => lang.pick(
            "Its aws:SourceArn names a task, which exists only once started: test aws:SourceAccount instead.",
            "その aws:SourceArn が指すのは起動後に初めて存在するタスクです。代わりに aws:SourceAccount を条件にしてください。",
        ),
        _ => lang.pick(
            "Its guide does not say it sends them for a passed role: check in your account, or drop the condition.",
            "渡されたロールについて送るとはドキュメントに書かれていません。実際のアカウントで確かめるか、条件を外してください。",
        ),
    };
    let service = api.passed_to_service;
    Some(say!(
        lang,
        "The trust policy tests {keys}, which {service} does not send here. {why}",
        "信頼ポリシーは {keys} を条件にしていますが、{service} はここでそれを送りません。{why}"
    ))
}

/// Whether any condition of the policy tests `key` (condition keys ignore case).
fn tests_key(policy: &Policy, key: &str) -> bool {
    policy
        .statements
        .iter()
        .flat_map(|statement| &statement.conditions)
        .any(|condition| condition.key.eq_ignore_ascii_case(key))
}
