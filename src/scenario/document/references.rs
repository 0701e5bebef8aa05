//! Checks across entities: nothing defined twice, and every group a user names exists.
//!
//! IAM names of users, groups, roles and instance profiles are unique within an account
//! regardless of case (IAM User Guide, "IAM identifiers", friendly names; IAM API Reference,
//! CreateRole: "Role names are not distinguished by case"), whatever their paths.

use super::codes;
use super::fields::Cx;
use super::model::{Scenario, User};
use super::suggest::did_you_mean;
use crate::arn::{quote, PrincipalArn};
use crate::lang::{say, Text};
use crate::policy::Located;

pub(super) fn check(scenario: &Scenario, cx: &mut Cx) {
    let accounts = scenario
        .accounts
        .iter()
        .map(|a| (a.id.value.clone(), &a.id));
    let none = Text { en: "", ja: "" };
    let case = Text {
        en: " (IAM names are unique in an account regardless of case)",
        ja: " (IAM の名前は大文字と小文字を区別せずアカウント内で一意です)",
    };
    let what = |en, ja| Text { en, ja };
    unique(cx, what("The account", "アカウント"), none, accounts);
    let users = scenario
        .users
        .iter()
        .map(|u| (iam_key(&u.account, &u.name), &u.arn));
    unique(cx, what("The user", "ユーザー"), case, users);
    let groups = scenario
        .groups
        .iter()
        .map(|g| (iam_key(&g.account, &g.name), &g.arn));
    unique(cx, what("The group", "グループ"), case, groups);
    let roles = scenario
        .roles
        .iter()
        .map(|r| (iam_key(&r.account, &r.name), &r.arn));
    unique(cx, what("The role", "ロール"), case, roles);
    let resources = scenario
        .resources
        .iter()
        .map(|r| (r.arn.value.clone(), &r.arn));
    unique(cx, what("The resource", "リソース"), none, resources);
    instance_profiles(scenario, cx);
    management_accounts(scenario, cx);
    for user in &scenario.users {
        for group in &user.groups {
            group_exists(scenario, user, group, cx);
        }
    }
}

fn iam_key(account: &str, name: &str) -> String {
    format!("{account}/{}", name.to_ascii_lowercase())
}

/// Reports each element whose key was seen before, pointing at the later one.
fn unique<'s>(
    cx: &mut Cx,
    what: Text,
    why: Text,
    items: impl Iterator<Item = (String, &'s Located<String>)>,
) {
    let mut seen: Vec<(String, &Located<String>)> = Vec::new();
    for (key, item) in items {
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            let (what, why) = (what.get(cx.lang), why.get(cx.lang));
            let message = say!(
                cx.lang,
                "{what} {} is already defined at {}{why}; define it once.",
                "{what} {} は {}{why} で定義済みです。1 回だけ定義してください。",
                quote(&item.value),
                first.place.pointer
            );
            cx.error(
                codes::DUPLICATE_ENTITY,
                message,
                &item.place.pointer,
                item.place.span,
            );
        } else {
            seen.push((key, item));
        }
    }
}

/// An instance profile holds one role, in the role's own account (IAM API Reference,
/// AddRoleToInstanceProfile; IAM quotas: roles in an instance profile, 1).
fn instance_profiles(scenario: &Scenario, cx: &mut Cx) {
    let mut seen: Vec<(String, &str)> = Vec::new();
    for role in &scenario.roles {
        for profile in &role.instance_profiles {
            let Ok(Some(PrincipalArn::InstanceProfile { account, name, .. })) =
                PrincipalArn::parse(&profile.value)
            else {
                continue;
            };
            let place = &profile.place;
            if account != role.account {
                let message = say!(
                    cx.lang,
                    "The instance profile {} is in account {account}, but the role {} is in \
                     account {}; an instance profile holds a role of its own account.",
                    "インスタンスプロファイル {} はアカウント {account} にありますが、ロール {} は\
                     アカウント {} にあります。インスタンスプロファイルには同じアカウントのロールを\
                     入れます。",
                    quote(&profile.value),
                    quote(&role.arn.value),
                    role.account
                );
                cx.error(codes::WRONG_ARN_KIND, message, &place.pointer, place.span);
            } else if let Some((_, other)) =
                seen.iter().find(|(k, _)| *k == iam_key(&account, &name))
            {
                let message = say!(
                    cx.lang,
                    "The instance profile {} already holds the role {}; an instance profile \
                     holds one role.",
                    "インスタンスプロファイル {} にはすでにロール {} が入っています。\
                     インスタンスプロファイルに入れられるロールは 1 つです。",
                    quote(&profile.value),
                    quote(other)
                );
                cx.error(codes::DUPLICATE_ENTITY, message, &place.pointer, place.span);
            } else {
                seen.push((iam_key(&account, &name), &role.arn.value));
            }
        }
    }
}

/// An organization has one management account (AWS Organizations User Guide, "Terminology and
/// concepts").
fn management_accounts(scenario: &Scenario, cx: &mut Cx) {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for account in &scenario.accounts {
        let Some(org) = account.organization.as_ref().filter(|o| o.management) else {
            continue;
        };
        let (id, this) = (org.id.value.as_str(), account.id.value.as_str());
        match seen.iter().find(|(o, _)| *o == id) {
            Some((_, first)) => {
                let message = say!(
                    cx.lang,
                    "The organization {id} already has {first} as its management account; an organization has one.",
                    "組織 {id} の管理アカウントはすでに {first} です。管理アカウントは組織に 1 つだけです。"
                );
                let pointer = [org.place.pointer.as_str(), "/management"].concat();
                cx.error(codes::DUPLICATE_ENTITY, message, &pointer, org.place.span);
            }
            None => seen.push((id, this)),
        }
    }
}

/// A user's group is named by its name (in the user's account) or by its ARN; either way it must
/// be one of the scenario's groups, and in the user's account (IAM API Reference,
/// AddUserToGroup takes a group and a user of the same account).
fn group_exists(scenario: &Scenario, user: &User, group: &Located<String>, cx: &mut Cx) {
    let place = &group.place;
    let by_arn = group.value.starts_with("arn:");
    let (account, name) = if by_arn {
        match PrincipalArn::parse(&group.value) {
            Ok(Some(PrincipalArn::Group { account, name, .. })) => (account, name),
            Ok(_) => {
                let message = say!(
                    cx.lang,
                    "{} is not a group ARN (`arn:aws:iam::ACCOUNT:group/NAME`).",
                    "{} はグループの ARN (`arn:aws:iam::ACCOUNT:group/NAME`) ではありません。",
                    quote(&group.value)
                );
                cx.error(codes::WRONG_ARN_KIND, message, &place.pointer, place.span);
                return;
            }
            Err(error) => {
                cx.error(
                    codes::INVALID_ARN,
                    error.sentence(cx.lang),
                    &place.pointer,
                    place.span,
                );
                return;
            }
        }
    } else {
        (user.account.clone(), group.value.clone())
    };
    if account != user.account {
        let message = say!(
            cx.lang,
            "The group {} is in account {account}, but the user {} is in account {}; a user \
             can only be in groups of its own account.",
            "グループ {} はアカウント {account} にありますが、ユーザー {} はアカウント {} に\
             あります。ユーザーが所属できるのは同じアカウントのグループだけです。",
            quote(&group.value),
            quote(&user.arn.value),
            user.account
        );
        cx.error(codes::UNKNOWN_GROUP, message, &place.pointer, place.span);
        return;
    }
    let in_account: Vec<_> = scenario
        .groups
        .iter()
        .filter(|g| g.account == account)
        .collect();
    let found = in_account.iter().any(|g| {
        if by_arn {
            g.arn.value == group.value
        } else {
            g.name == name
        }
    });
    if found {
        return;
    }
    let names = in_account.iter().map(|g| g.name.as_str());
    let hint = match did_you_mean(&name, names) {
        Some(near) => say!(cx.lang, " Did you mean `{near}`?", "`{near}` のことですか?"),
        None if in_account.is_empty() => say!(
            cx.lang,
            " Account {account} has no groups in `groups`.",
            "`groups` にアカウント {account} のグループはありません。"
        ),
        None => say!(
            cx.lang,
            " The groups of account {account} are {}.",
            "アカウント {account} のグループは {} です。",
            in_account
                .iter()
                .map(|g| format!("`{}`", g.name))
                .collect::<Vec<_>>()
                .join(cx.lang.pick(", ", "、"))
        ),
    };
    let message = say!(
        cx.lang,
        "The user {} is in the group {}, which is not in `groups`.{hint}",
        "ユーザー {} はグループ {} に所属していますが、そのグループは `groups` にありません。{hint}",
        quote(&user.arn.value),
        quote(&group.value)
    );
    cx.error(codes::UNKNOWN_GROUP, message, &place.pointer, place.span);
}
