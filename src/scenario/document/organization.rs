//! Accounts and their place in an AWS Organizations organization.
//!
//! ID shapes from the AWS Organizations API Reference (Organization `Id` `o-[a-z0-9]{10,32}`,
//! Root `Id` `r-[0-9a-z]{4,32}`, OrganizationalUnit `Id` `ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}`).
//! Every level from the root down to the account must allow, so `scps`/`rcps` entries name the
//! level (root, OU or the account) they are attached to (AWS Organizations User Guide, "SCP
//! evaluation"; semantics notes §1.1).

use super::codes;
use super::fields::{list, At, Cx, Fields};
use super::model::{Account, OrgPolicies, Organization};
use super::policy_ref;
use crate::arn::{is_account_id, quote};
use crate::lang::{say, Text};
use crate::policy::Located;

pub(super) fn account(cx: &mut Cx, at: At<'_, '_>) -> Option<Account> {
    let what = cx.lang.pick("An account", "アカウント");
    let f = cx.object(at, what, &["id", "name", "organization"], &["id"])?;
    let name = match f.get("name") {
        Some((json, pointer)) => cx.string(
            At {
                json,
                pointer: &pointer,
            },
            cx.lang.pick("An account's `name`", "アカウントの `name`"),
        ),
        None => None,
    };
    let (json, pointer) = f.get("id")?;
    let id = cx.string(
        At {
            json,
            pointer: &pointer,
        },
        cx.lang.pick("An account's `id`", "アカウントの `id`"),
    )?;
    if !is_account_id(&id.value) {
        let message = super::entities::account_id_message(cx.lang, &quote(&id.value));
        cx.error(codes::INVALID_VALUE, message, &pointer, json.span);
        return None;
    }
    let organization = match f.get("organization") {
        Some((json, pointer)) => organization(
            cx,
            At {
                json,
                pointer: &pointer,
            },
            &id.value,
        ),
        None => None,
    };
    Some(Account {
        id,
        name,
        organization,
        place: f.place(),
    })
}

fn organization(cx: &mut Cx, at: At<'_, '_>, account: &str) -> Option<Organization> {
    let known = ["id", "path", "scps", "rcps", "management"];
    let what = cx.lang.pick("An organization", "組織");
    let f = cx.object(at, what, &known, &["id", "path"])?;
    let id = org_id(
        cx,
        &f,
        "id",
        Text {
            en: "an organization ID",
            ja: "組織 ID",
        },
        "o-a1b2c3d4e5",
        is_org_id,
    );
    let mut index = 0;
    let path = cx.list(&f, "path", |cx, at| {
        let (what, example, valid): (_, _, fn(&str) -> bool) = if index == 0 {
            let root = Text {
                en: "a root ID",
                ja: "ルート ID",
            };
            (root, "r-ab12", is_root_id)
        } else {
            let ou = Text {
                en: "an organizational unit ID",
                ja: "組織単位 (OU) の ID",
            };
            (ou, "ou-ab12-11111111", is_ou_id)
        };
        index += 1;
        id_value(cx, at, what, example, valid)
    });
    if let Some((json, pointer)) = f.get("path") {
        if json.as_array().is_some_and(|items| items.is_empty()) {
            let message = cx
                .lang
                .pick(
                    "An organization's `path` must start with the root ID (`r-...`).",
                    "組織の `path` はルート ID (`r-...`) で始まる必要があります。",
                )
                .to_string();
            cx.error(codes::INVALID_VALUE, message, &pointer, json.span);
        }
    }
    let targets: Vec<&str> = path
        .iter()
        .map(|p| p.value.as_str())
        .chain([account])
        .collect();
    let scps = cx.list(&f, "scps", |cx, at| level(cx, at, &targets, "SCPs"));
    let rcps = cx.list(&f, "rcps", |cx, at| level(cx, at, &targets, "RCPs"));
    let management = f.get("management").and_then(|(json, pointer)| {
        let at = At {
            json,
            pointer: &pointer,
        };
        cx.boolean(at, "`management`")
    });
    Some(Organization {
        id: id?,
        path,
        scps,
        rcps,
        management: management.unwrap_or(false),
        place: f.place(),
    })
}

fn level(cx: &mut Cx, at: At<'_, '_>, targets: &[&str], kind: &str) -> Option<OrgPolicies> {
    let what = say!(
        cx.lang,
        "An entry of `{}`",
        "`{}` のエントリ",
        kind.to_ascii_lowercase()
    );
    let f = cx.object(at, &what, &["target", "policies"], &["target", "policies"])?;
    let policies = policy_ref::many(cx, &f, "policies");
    let (json, pointer) = f.get("target")?;
    let target = cx.string(
        At {
            json,
            pointer: &pointer,
        },
        "`target`",
    )?;
    if !targets.contains(&target.value.as_str()) {
        let message = say!(
            cx.lang,
            "{kind} are attached to {}, which is neither on this account's organization path \
             nor the account itself; the targets here are {}.",
            "{kind} のアタッチ先 {} は、このアカウントの組織のパス上にもアカウント自体にも\
             ありません。ここでのアタッチ先は {} です。",
            quote(&target.value),
            list(targets, cx.lang)
        );
        cx.error(codes::UNKNOWN_TARGET, message, &pointer, json.span);
        return None;
    }
    Some(OrgPolicies {
        target,
        policies,
        place: f.place(),
    })
}

fn org_id(
    cx: &mut Cx,
    f: &Fields<'_>,
    key: &str,
    what: Text,
    example: &str,
    valid: fn(&str) -> bool,
) -> Option<Located<String>> {
    let (json, pointer) = f.get(key)?;
    id_value(
        cx,
        At {
            json,
            pointer: &pointer,
        },
        what,
        example,
        valid,
    )
}

fn id_value(
    cx: &mut Cx,
    at: At<'_, '_>,
    what: Text,
    example: &str,
    valid: fn(&str) -> bool,
) -> Option<Located<String>> {
    let lang = cx.lang;
    let what = what.get(lang);
    let gap = crate::lang::gap(what);
    let id = cx.string(at, &say!(lang, "The value, {what},", "{what}{gap}の値"))?;
    if valid(&id.value) {
        return Some(id);
    }
    let message = say!(
        lang,
        "{} is not {what}; AWS Organizations writes it like `{example}`.",
        "{} は{what}{gap}ではありません。AWS Organizations では `{example}` のように書きます。",
        quote(&id.value)
    );
    cx.error(codes::INVALID_VALUE, message, at.pointer, at.json.span);
    None
}

fn is_id_part(text: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

fn is_org_id(text: &str) -> bool {
    text.strip_prefix("o-")
        .is_some_and(|r| is_id_part(r, 10, 32))
}

fn is_root_id(text: &str) -> bool {
    text.strip_prefix("r-")
        .is_some_and(|r| is_id_part(r, 4, 32))
}

fn is_ou_id(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("ou-") else {
        return false;
    };
    rest.split_once('-')
        .is_some_and(|(root, ou)| is_id_part(root, 4, 32) && is_id_part(ou, 8, 32))
}
