//! Policy references: a document written in place, a name from the top-level `policies` map, or
//! an AWS managed policy (by ARN, or by AWS Organizations name).

use super::codes;
use super::fields::{list, place, At, Cx, Fields};
use super::model::{NamedPolicy, PolicyRef};
use super::suggest::did_you_mean;
use crate::arn::{quote, PrincipalArn};
use crate::json::{pointer_push, Json, Value};
use crate::lang::{say, Text};
use crate::policy::Located;

/// The AWS Organizations managed policies that a scenario may name: the default SCP and RCP
/// attached everywhere (AWS Organizations User Guide, "Service control policies" and "Resource
/// control policies").
pub const ORGANIZATIONS_POLICIES: &[&str] = &["FullAWSAccess", "RCPFullAWSAccess"];

/// Reads the top-level `policies` map; each value must be a policy document (an object).
/// Each document is left in the tree (its place is a null standing at the same span) and its
/// member's index returned beside it, for [`take_documents`] to move it once reading is done:
/// copying every document was a visible share of reading a scenario.
pub(super) fn read_named(cx: &mut Cx, fields: &Fields<'_>) -> (Vec<NamedPolicy>, Vec<usize>) {
    let Some((json, pointer)) = fields.get("policies") else {
        return (Vec::new(), Vec::new());
    };
    let Some(members) = cx.members(
        At {
            json,
            pointer: &pointer,
        },
        "`policies`",
    ) else {
        return (Vec::new(), Vec::new());
    };
    let mut out = Vec::new();
    let mut indices = Vec::new();
    for (index, member) in members.iter().enumerate() {
        let at = At {
            json: &member.value,
            pointer: &pointer_push(&pointer, &member.key),
        };
        if member.key.is_empty() {
            let message = cx
                .lang
                .pick(
                    "A policy in `policies` has an empty name; give it a name.",
                    "`policies` のポリシーの名前が空です。名前を付けてください。",
                )
                .to_string();
            cx.error(codes::INVALID_VALUE, message, at.pointer, member.key_span);
        } else if member.value.members().is_none() {
            let what = say!(cx.lang, "The policy `{}`", "ポリシー `{}`", member.key);
            let expected = Text {
                en: "a policy document (an object)",
                ja: "ポリシードキュメント (オブジェクト)",
            };
            cx.wrong_type(at, &what, expected);
        } else if !out.iter().any(|p: &NamedPolicy| p.name == member.key) {
            out.push(NamedPolicy {
                name: member.key.clone(),
                document: Json {
                    value: Value::Null,
                    span: member.value.span,
                },
                place: place(&member.value, at.pointer),
            });
            indices.push(index);
        }
    }
    (out, indices)
}

/// Moves the named policies' documents out of the scenario's tree `root`, at the `policies`
/// member indices [`read_named`] returned, into `policies`.
pub(super) fn take_documents(root: &mut Json, indices: &[usize], policies: &mut [NamedPolicy]) {
    let Value::Object(top) = &mut root.value else {
        return;
    };
    let Some(map) = top.iter_mut().find(|m| m.key == "policies") else {
        return;
    };
    let Value::Object(members) = &mut map.value.value else {
        return;
    };
    for (policy, &index) in policies.iter_mut().zip(indices) {
        std::mem::swap(&mut policy.document, &mut members[index].value);
    }
}

/// Reads one policy reference. A string is, in this order: an ARN (an IAM managed policy), a
/// name of the `policies` map, or an AWS Organizations managed policy name.
pub(super) fn read(cx: &mut Cx, at: At<'_, '_>) -> Option<Located<PolicyRef>> {
    let value = if at.json.members().is_some() {
        PolicyRef::Inline(at.json.clone())
    } else if let Some(text) = at.json.as_str() {
        string_ref(cx, at, text)?
    } else {
        let what = cx.lang.pick("A policy", "ポリシー");
        let expected = Text {
            en: "a policy document (an object) or a policy name or ARN",
            ja: "ポリシードキュメント (オブジェクト)、またはポリシーの名前か ARN",
        };
        cx.wrong_type(at, what, expected);
        return None;
    };
    Some(Located {
        value,
        place: place(at.json, at.pointer),
    })
}

fn string_ref(cx: &mut Cx, at: At<'_, '_>, text: &str) -> Option<PolicyRef> {
    if text.starts_with("arn:") {
        return match PrincipalArn::parse(text) {
            Ok(Some(PrincipalArn::Policy { .. })) => Some(PolicyRef::Managed(text.to_string())),
            Ok(_) => {
                let message = say!(
                    cx.lang,
                    "{} is not a managed policy ARN (`arn:aws:iam::aws:policy/NAME` or \
                     `arn:aws:iam::ACCOUNT:policy/NAME`).",
                    "{} は管理ポリシーの ARN (`arn:aws:iam::aws:policy/NAME` または \
                     `arn:aws:iam::ACCOUNT:policy/NAME`) ではありません。",
                    quote(text)
                );
                cx.error(codes::WRONG_ARN_KIND, message, at.pointer, at.json.span);
                None
            }
            Err(error) => {
                let message = error.sentence(cx.lang);
                cx.error(codes::INVALID_ARN, message, at.pointer, at.json.span);
                None
            }
        };
    }
    if cx.policy_names.iter().any(|n| n == text) {
        return Some(PolicyRef::Named(text.to_string()));
    }
    if ORGANIZATIONS_POLICIES.contains(&text) {
        return Some(PolicyRef::Managed(text.to_string()));
    }
    let names: Vec<&str> = cx.policy_names.iter().map(String::as_str).collect();
    let hint = match did_you_mean(
        text,
        names
            .iter()
            .copied()
            .chain(ORGANIZATIONS_POLICIES.iter().copied()),
    ) {
        Some(near) => say!(cx.lang, " Did you mean `{near}`?", "`{near}` のことですか?"),
        None if names.is_empty() => cx
            .lang
            .pick(
                " The scenario's `policies` map is empty.",
                "シナリオの `policies` は空です。",
            )
            .to_string(),
        None => say!(
            cx.lang,
            " The policies defined are {}.",
            "定義されているポリシーは {} です。",
            list(&names, cx.lang)
        ),
    };
    let message = say!(
        cx.lang,
        "No policy named {} is defined in `policies`, and it is not an AWS managed policy ARN.{hint}",
        "{} という名前のポリシーは `policies` に定義されておらず、AWS 管理ポリシーの ARN でもありません。{hint}",
        quote(text)
    );
    cx.error(codes::UNKNOWN_POLICY, message, at.pointer, at.json.span);
    None
}

/// Reads an optional single policy reference field (`trust`, `boundary`, `policy`).
pub(super) fn optional(cx: &mut Cx, fields: &Fields<'_>, key: &str) -> Option<Located<PolicyRef>> {
    let (json, pointer) = fields.get(key)?;
    read(
        cx,
        At {
            json,
            pointer: &pointer,
        },
    )
}

/// Reads an optional list of policy references (`policies`).
pub(super) fn many(cx: &mut Cx, fields: &Fields<'_>, key: &str) -> Vec<Located<PolicyRef>> {
    cx.list(fields, key, read)
}
