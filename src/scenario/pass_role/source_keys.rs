//! The confused-deputy keys in a service's request to assume a role passed to it
//! ([`SourceKeys`]), and what to say when the role's trust policy fails on one that request
//! lacks: a trust policy that follows a service's confused-deputy advice must pass here as it
//! does in AWS, and one that tests a key the service is not known to send must say why it fails.

use crate::condition::{ContextValue, RequestContext};
use crate::evaluation::Authorization;
use crate::lang::{say, Lang};
use crate::services::{PassRoleApi, SourceKeys, SOURCE_KEYS};

/// Where a service's request to assume a passed role comes from: the account the call is made
/// in and the resource it acts for (`iam:AssociatedResourceArn`'s value).
#[derive(Clone, Copy)]
pub(super) struct Source<'a> {
    pub account: &'a str,
    pub resource: &'a str,
}

/// Puts in `context` the source keys the service sends: the account the call is made in, and
/// the resource it acts for, as the request gives it (as `iam:AssociatedResourceArn` takes it)
/// or, for ECS, a task of the account in the resource's Region.
pub(super) fn set_source_keys(api: &PassRoleApi, source: Source, context: &mut RequestContext) {
    let arn = match api.source_keys {
        SourceKeys::Undocumented => return,
        SourceKeys::AccountAndResource => source.resource.to_string(),
        SourceKeys::AccountAndTask => some_task(source),
    };
    let account = source.account.to_string();
    context.set_derived("aws:SourceAccount", ContextValue::Single(account));
    context.set_derived("aws:SourceArn", ContextValue::Single(arn));
}

/// `arn:PARTITION:ecs:REGION:ACCOUNT:task/*`: a task that does not exist yet, in the Region and
/// account of the task definition. It matches what the ECS Developer Guide tests
/// (`arn:aws:ecs:REGION:ACCOUNT:*`) and, as the guide says, no pattern naming a cluster.
fn some_task(source: Source) -> String {
    let (partition, region) = match crate::arn::Arn::parse(source.resource) {
        Ok(arn) => (arn.partition, arn.region),
        Err(_) => ("aws", "*"),
    };
    let account = source.account;
    ["arn:", partition, ":ecs:", region, ":", account, ":task/*"].concat()
}

/// What to say when the trust policy fails on a source key the service's request lacks: a
/// statement about this service fails only on its conditions, one of which tests such a key.
pub(super) fn missing_source_keys_note(
    api: &PassRoleApi,
    authorization: &Authorization,
    context: &RequestContext,
    lang: Lang,
) -> Option<String> {
    let mut keys = String::new();
    for key in SOURCE_KEYS {
        if context.get(key).is_none() && fails_on(authorization, key) {
            if !keys.is_empty() {
                keys.push_str(lang.pick(", ", "、"));
            }
            keys.push_str(key);
        }
    }
    if keys.is_empty() {
        return None;
    }
    let service = api.passed_to_service;
    Some(say!(
        lang,
        "The trust policy tests {keys}, which the guide of {service} does not document sending for a passed role, so the request here has no such key. Confirm it in a real account before relying on the condition.",
        "信頼ポリシーは {keys} を条件にしていますが、{service} のガイドには渡されたロールについてこのキーを送るとは書かれていないため、ここではリクエストに含まれません。この条件に頼る前に実際のアカウントで確かめてください。"
    ))
}

/// Whether an Allow statement that names the service fails, among its conditions, on one that
/// tests `key` (condition keys ignore case).
fn fails_on(authorization: &Authorization, key: &str) -> bool {
    authorization
        .policies
        .iter()
        .flat_map(|policy| &policy.statements)
        .filter(|statement| statement.allow_failing_on_conditions())
        .flat_map(|statement| statement.failed_conditions())
        .any(|condition| condition.key.eq_ignore_ascii_case(key))
}
