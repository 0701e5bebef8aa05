//! Users, groups, roles and resources.

use super::codes;
use super::fields::{At, Cx, Fields};
use super::model::{Group, Resource, Role, Tag, User};
use super::policy_ref;
use crate::arn::{is_account_id, quote, Arn, PrincipalArn};
use crate::json::pointer_push;
use crate::lang::{say, Lang, Text};
use crate::policy::Located;

/// `MaxSessionDuration` of CreateRole: 3600 to 43200 seconds, 3600 by default (IAM API
/// Reference, CreateRole; semantics notes §4).
pub const DEFAULT_MAX_SESSION_DURATION: u32 = 3600;
const MAX_SESSION_DURATION_RANGE: (u64, u64) = (3600, 43200);

/// IAM tag bounds: keys 1 to 128 characters, values up to 256 (IAM User Guide, "Tagging IAM
/// resources", tag naming rules).
const TAG_KEY_MAX: usize = 128;
const TAG_VALUE_MAX: usize = 256;

pub(super) fn user(cx: &mut Cx, at: At<'_, '_>) -> Option<User> {
    let known = ["arn", "groups", "policies", "boundary", "tags"];
    let f = cx.object(at, cx.lang.pick("A user", "ユーザー"), &known, &["arn"])?;
    let kind = Text {
        en: "an IAM user",
        ja: "IAM ユーザー",
    };
    let identity = identity(cx, &f, kind, "user", |p| match p {
        PrincipalArn::User { account, name, .. } => Some((account, name)),
        _ => None,
    });
    let groups = cx.list(&f, "groups", |cx, at| {
        let what = cx
            .lang
            .pick("A group name or ARN", "グループの名前または ARN");
        cx.string(at, what)
    });
    let policies = policy_ref::many(cx, &f, "policies");
    let boundary = policy_ref::optional(cx, &f, "boundary");
    let tags = tags(cx, &f);
    let (arn, account, name) = identity?;
    Some(User {
        arn,
        account,
        name,
        groups,
        policies,
        boundary,
        tags,
        place: f.place(),
    })
}

pub(super) fn group(cx: &mut Cx, at: At<'_, '_>) -> Option<Group> {
    let what = cx.lang.pick("A group", "グループ");
    let f = cx.object(at, what, &["arn", "policies"], &["arn"])?;
    let kind = Text {
        en: "an IAM group",
        ja: "IAM グループ",
    };
    let identity = identity(cx, &f, kind, "group", |p| match p {
        PrincipalArn::Group { account, name, .. } => Some((account, name)),
        _ => None,
    });
    let policies = policy_ref::many(cx, &f, "policies");
    let (arn, account, name) = identity?;
    Some(Group {
        arn,
        account,
        name,
        policies,
        place: f.place(),
    })
}

pub(super) fn role(cx: &mut Cx, at: At<'_, '_>) -> Option<Role> {
    let known = [
        "arn",
        "trust",
        "policies",
        "boundary",
        "tags",
        "maxSessionDuration",
        "instanceProfiles",
    ];
    let f = cx.object(at, cx.lang.pick("A role", "ロール"), &known, &["arn"])?;
    let kind = Text {
        en: "an IAM role",
        ja: "IAM ロール",
    };
    let identity = identity(cx, &f, kind, "role", |p| match p {
        PrincipalArn::Role { account, name, .. } => Some((account, name)),
        _ => None,
    });
    let trust = policy_ref::optional(cx, &f, "trust");
    let policies = policy_ref::many(cx, &f, "policies");
    let boundary = policy_ref::optional(cx, &f, "boundary");
    let tags = tags(cx, &f);
    let max_session_duration = max_session_duration(cx, &f);
    let instance_profiles = cx.list(&f, "instanceProfiles", instance_profile);
    let (arn, account, name) = identity?;
    Some(Role {
        arn,
        account,
        name,
        trust,
        policies,
        boundary,
        tags,
        max_session_duration: max_session_duration?,
        instance_profiles,
        place: f.place(),
    })
}

pub(super) fn resource(cx: &mut Cx, at: At<'_, '_>) -> Option<Resource> {
    let what = cx.lang.pick("A resource", "リソース");
    let f = cx.object(at, what, &["arn", "policy", "account"], &["arn"])?;
    let policy = policy_ref::optional(cx, &f, "policy");
    let (json, pointer) = f.get("arn")?;
    let arn = cx.string(
        At {
            json,
            pointer: &pointer,
        },
        cx.lang.pick("A resource's `arn`", "リソースの `arn`"),
    )?;
    let identity = match (Arn::parse(&arn.value), PrincipalArn::parse(&arn.value)) {
        (Err(error), _) => {
            cx.error(
                codes::INVALID_ARN,
                error.sentence(cx.lang),
                &pointer,
                json.span,
            );
            return None;
        }
        (_, Ok(Some(p))) => p,
        _ => {
            let account = resource_account(cx, &f, &arn.value);
            return Some(Resource {
                arn,
                policy,
                account,
                place: f.place(),
            });
        }
    };
    let arn_text = quote(&arn.value);
    let message = match identity {
        PrincipalArn::Role { .. } => say!(
            cx.lang,
            "{arn_text} is a role: list it under `roles`, where its resource-based policy is its `trust`.",
            "{arn_text} はロールです。`roles` に記述してください (リソースベースのポリシーは `trust` です)。"
        ),
        other => say!(
            cx.lang,
            "{arn_text} is {}, which has no resource-based policy; list it under its own kind.",
            "{arn_text} ({}) にはリソースベースのポリシーがありません。その種類のリストに記述してください。",
            other.kind_name()
        ),
    };
    cx.error(codes::WRONG_ARN_KIND, message, &pointer, json.span);
    None
}

/// Reads the `arn` of an IAM entity, which must classify as `kind` (`"an IAM user"`); returns the
/// ARN with its account and name. (`pick` is a function pointer rather than a generic closure:
/// this function's code is then in the module once, not once per kind of entity.)
fn identity(
    cx: &mut Cx,
    f: &Fields<'_>,
    kind: Text,
    resource_type: &str,
    pick: fn(PrincipalArn) -> Option<(String, String)>,
) -> Option<(Located<String>, String, String)> {
    let (json, pointer) = f.get("arn")?;
    let arn = cx.string(
        At {
            json,
            pointer: &pointer,
        },
        &say!(cx.lang, "The `arn` of {}", "{}の `arn`", kind.get(cx.lang)),
    )?;
    let parsed = match PrincipalArn::parse(&arn.value) {
        Err(error) => {
            cx.error(
                codes::INVALID_ARN,
                error.sentence(cx.lang),
                &pointer,
                json.span,
            );
            return None;
        }
        Ok(parsed) => parsed,
    };
    let found = parsed
        .as_ref()
        .map_or("not an IAM identity", PrincipalArn::kind_name);
    match parsed.and_then(pick) {
        Some((account, name)) => Some((arn, account, name)),
        None => {
            let (kind, arn_text) = (kind.get(cx.lang), quote(&arn.value));
            let message = say!(
                cx.lang,
                "The `arn` of {kind} must be {kind} ARN (`arn:aws:iam::ACCOUNT:{resource_type}/NAME`); \
                 {arn_text} is {found}.",
                "{kind}の `arn` は {kind}の ARN (`arn:aws:iam::ACCOUNT:{resource_type}/NAME`) \
                 でなければなりません。{arn_text} は別の種類です。"
            );
            cx.error(codes::WRONG_ARN_KIND, message, &pointer, json.span);
            None
        }
    }
}

fn tags(cx: &mut Cx, f: &Fields<'_>) -> Vec<Tag> {
    let Some((json, pointer)) = f.get("tags") else {
        return Vec::new();
    };
    let Some(members) = cx.members(
        At {
            json,
            pointer: &pointer,
        },
        "`tags`",
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for member in members {
        let member_pointer = pointer_push(&pointer, &member.key);
        let at = At {
            json: &member.value,
            pointer: &member_pointer,
        };
        let key_chars = member.key.chars().count();
        if key_chars == 0 || key_chars > TAG_KEY_MAX {
            let message = say!(
                cx.lang,
                "A tag key has {key_chars} characters; IAM tag keys have 1 to {TAG_KEY_MAX}.",
                "タグキーが {key_chars} 文字です。IAM のタグキーは 1～{TAG_KEY_MAX} 文字です。"
            );
            cx.error(
                codes::INVALID_VALUE,
                message,
                &member_pointer,
                member.key_span,
            );
            continue;
        }
        let what = say!(
            cx.lang,
            "The value of tag `{}`",
            "タグ `{}` の値",
            member.key
        );
        let Some(value) = cx.string(at, &what) else {
            continue;
        };
        if value.value.chars().count() > TAG_VALUE_MAX {
            let message = say!(
                cx.lang,
                "The value of tag `{}` is longer than {TAG_VALUE_MAX} characters, IAM's limit.",
                "タグ `{}` の値が IAM の上限の {TAG_VALUE_MAX} 文字を超えています。",
                member.key
            );
            cx.error(
                codes::INVALID_VALUE,
                message,
                &member_pointer,
                member.value.span,
            );
            continue;
        }
        out.push(Tag {
            key: member.key.clone(),
            value: value.value,
            place: value.place,
        });
    }
    out
}

/// `Some(seconds)`, or `None` when the value given is not acceptable (with a finding).
fn max_session_duration(cx: &mut Cx, f: &Fields<'_>) -> Option<u32> {
    let Some((json, pointer)) = f.get("maxSessionDuration") else {
        return Some(DEFAULT_MAX_SESSION_DURATION);
    };
    let seconds = cx.whole_number(
        At {
            json,
            pointer: &pointer,
        },
        "`maxSessionDuration`",
    )?;
    let (low, high) = MAX_SESSION_DURATION_RANGE;
    if (low..=high).contains(&seconds) {
        return u32::try_from(seconds).ok();
    }
    let message = say!(
        cx.lang,
        "`maxSessionDuration` is {seconds} seconds; IAM accepts {low} (1 hour) to {high} (12 hours).",
        "`maxSessionDuration` が {seconds} 秒です。IAM で指定できるのは {low} (1 時間)～{high} (12 時間) です。"
    );
    cx.error(codes::INVALID_VALUE, message, &pointer, json.span);
    None
}

fn instance_profile(cx: &mut Cx, at: At<'_, '_>) -> Option<Located<String>> {
    let what = cx
        .lang
        .pick("An instance profile", "インスタンスプロファイル");
    let arn = cx.string(at, what)?;
    let message = match PrincipalArn::parse(&arn.value) {
        Ok(Some(PrincipalArn::InstanceProfile { .. })) => return Some(arn),
        Ok(_) => say!(
            cx.lang,
            "{} is not an instance profile ARN (`arn:aws:iam::ACCOUNT:instance-profile/NAME`).",
            "{} はインスタンスプロファイルの ARN (`arn:aws:iam::ACCOUNT:instance-profile/NAME`) ではありません。",
            quote(&arn.value)
        ),
        Err(error) => error.sentence(cx.lang),
    };
    cx.error(codes::WRONG_ARN_KIND, message, at.pointer, at.json.span);
    None
}

/// A resource's optional `account`: the account that owns it, for ARNs that do not name one (an
/// S3 bucket's `arn:aws:s3:::name`). AWS knows every bucket's owner; a scenario must say it, or
/// the bucket counts as in no account (never cross-account, no RCPs). Where the ARN names an
/// account, `account` must agree with it.
fn resource_account(cx: &mut Cx, f: &Fields, arn: &str) -> Option<Located<String>> {
    let (json, pointer) = f.get("account")?;
    let account = cx.string(
        At {
            json,
            pointer: &pointer,
        },
        cx.lang
            .pick("A resource's `account`", "リソースの `account`"),
    )?;
    let in_arn = crate::arn::account_of(arn).filter(|a| !a.is_empty());
    let problem = if !is_account_id(&account.value) {
        account_id_message(cx.lang, &quote(&account.value))
    } else if in_arn.is_some_and(|a| a != account.value) {
        say!(
            cx.lang,
            "The resource's ARN names account {}, but its `account` is {}; give `account` only for ARNs without one (S3 buckets).",
            "リソースの ARN はアカウント {} を示していますが、`account` は {} です。`account` はアカウントを含まない ARN (S3 バケット) にだけ指定してください。",
            in_arn.unwrap_or_default(),
            quote(&account.value)
        )
    } else {
        return Some(account);
    };
    cx.error(codes::INVALID_VALUE, problem, &pointer, json.span);
    None
}

/// "The account ID ... is not 12 digits" in `lang`, with the ID as quoted.
pub(super) fn account_id_message(lang: Lang, quoted: &str) -> String {
    say!(
        lang,
        "The account ID {quoted} is not 12 digits; an AWS account ID is written like `111122223333`.",
        "アカウント ID {quoted} が 12 桁ではありません。AWS アカウント ID は `111122223333` のように書きます。"
    )
}
