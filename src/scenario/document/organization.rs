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
use crate::policy::Located;

pub(super) fn account(cx: &mut Cx, at: At<'_, '_>) -> Option<Account> {
    let f = cx.object(at, "An account", &["id", "name", "organization"], &["id"])?;
    let name = match f.get("name") {
        Some((json, pointer)) => cx.string(
            At {
                json,
                pointer: &pointer,
            },
            "An account's `name`",
        ),
        None => None,
    };
    let (json, pointer) = f.get("id")?;
    let id = cx.string(
        At {
            json,
            pointer: &pointer,
        },
        "An account's `id`",
    )?;
    if !is_account_id(&id.value) {
        let message = format!(
            "The account ID {} is not 12 digits; an AWS account ID is written like `111122223333`.",
            quote(&id.value)
        );
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
    let known = ["id", "path", "scps", "rcps"];
    let f = cx.object(at, "An organization", &known, &["id", "path"])?;
    let id = org_id(
        cx,
        &f,
        "id",
        "an organization ID",
        "o-a1b2c3d4e5",
        is_org_id,
    );
    let mut index = 0;
    let path = cx.list(&f, "path", |cx, at| {
        let (what, example, valid): (_, _, fn(&str) -> bool) = if index == 0 {
            ("a root ID", "r-ab12", is_root_id)
        } else {
            ("an organizational unit ID", "ou-ab12-11111111", is_ou_id)
        };
        index += 1;
        id_value(cx, at, what, example, valid)
    });
    if let Some((json, pointer)) = f.get("path") {
        if json.as_array().is_some_and(|items| items.is_empty()) {
            let message =
                "An organization's `path` must start with the root ID (`r-...`).".to_string();
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
    Some(Organization {
        id: id?,
        path,
        scps,
        rcps,
        place: f.place(),
    })
}

fn level(cx: &mut Cx, at: At<'_, '_>, targets: &[&str], kind: &str) -> Option<OrgPolicies> {
    let what = format!("An entry of `{}`", kind.to_ascii_lowercase());
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
        let message = format!(
            "{kind} are attached to {}, which is neither on this account's organization path \
             nor the account itself; the targets here are {}.",
            quote(&target.value),
            list(targets)
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
    what: &str,
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
    what: &str,
    example: &str,
    valid: fn(&str) -> bool,
) -> Option<Located<String>> {
    let id = cx.string(at, &format!("The value, {what},"))?;
    if valid(&id.value) {
        return Some(id);
    }
    let message = format!(
        "{} is not {what}; AWS Organizations writes it like `{example}`.",
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
