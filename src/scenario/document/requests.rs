//! Requests: who calls, which action on which resource, with what context, when, and what the
//! author expects.

use super::codes;
use super::fields::{list, place, At, Cx, Fields};
use super::model::{ContextItem, Decision, Expectation, Request};
use super::principal;
use super::suggest::did_you_mean;
use crate::arn::{quote, Arn, PrincipalArn};
use crate::condition::ContextValue;
use crate::json::{pointer_push, Json, Value};
use crate::lang::{say, Text};
use crate::policy::Located;

const REQUEST_FIELDS: &[&str] = &[
    "name",
    "principal",
    "action",
    "resource",
    "credentials",
    "parameters",
    "context",
    "at",
    "expect",
];

/// The STS actions whose `resource` is the role to assume (scenario format, Requests).
const ASSUME_ACTIONS: &[&str] = &[
    "sts:AssumeRole",
    "sts:AssumeRoleWithWebIdentity",
    "sts:AssumeRoleWithSAML",
];

/// Reads `requests`, giving each its effective time. A request whose `at` is earlier than the
/// previous request's is an error: sessions expire on the scenario's clock, and running requests
/// in list order while the clock goes back would make expiry depend on which of the two the
/// reader believes.
pub(super) fn read(cx: &mut Cx, fields: &Fields<'_>) -> Vec<Request> {
    let mut clock = 0;
    cx.list(fields, "requests", |cx, at| {
        let mut request = request(cx, at, clock)?;
        if let Some(t) = request.at {
            if t < clock {
                let message = say!(
                    cx.lang,
                    "This request is at {t} seconds, before the previous request at {clock}; \
                     requests are listed in time order, so give it an `at` of {clock} or more.",
                    "このリクエストは {t} 秒で、前のリクエストの {clock} 秒より前です。リクエストは\
                     時刻順に並べるため、`at` を {clock} 以上にしてください。"
                );
                let pointer = pointer_push(at.pointer, "at");
                let span = at.json.get("at").map_or(at.json.span, |j| j.span);
                cx.error(codes::TIME_GOES_BACK, message, &pointer, span);
                return None;
            }
            clock = t;
        }
        request.time = clock;
        Some(request)
    })
}

fn request(cx: &mut Cx, at: At<'_, '_>, clock: u64) -> Option<Request> {
    let what = cx.lang.pick("A request", "リクエスト");
    let f = cx.object(at, what, REQUEST_FIELDS, &["action"])?;
    let get = |key: &str| f.get(key);
    let name = get("name").and_then(|(json, p)| cx.string(At { json, pointer: &p }, "`name`"));
    let action = get("action").and_then(|(json, p)| action(cx, At { json, pointer: &p }));
    let principal = principal::read(cx, &f, action.as_ref().map(|a| a.value.as_str()));
    let resource = resource(cx, &f, action.as_ref());
    let session_token = get("credentials").is_some_and(|(json, p)| {
        let at = At { json, pointer: &p };
        credentials(cx, at, principal.as_ref().and_then(|p| p.as_ref()))
    });
    let parameters = get("parameters").and_then(|(json, p)| {
        let at = At { json, pointer: &p };
        let is_object = json.members().is_some();
        if !is_object {
            let expected = Text {
                en: "an object of the API's parameters",
                ja: "API のパラメーターのオブジェクト",
            };
            cx.wrong_type(at, "`parameters`", expected);
        }
        is_object.then(|| json.clone())
    });
    let context =
        get("context").map_or_else(Vec::new, |(json, p)| context(cx, At { json, pointer: &p }));
    let at_seconds = get("at").and_then(|(json, p)| {
        cx.whole_number(
            At { json, pointer: &p },
            cx.lang.pick(
                "`at` (seconds after the scenario starts)",
                "`at` (シナリオ開始からの秒数)",
            ),
        )
    });
    let expect = get("expect").and_then(|(json, p)| expect(cx, At { json, pointer: &p }));
    Some(Request {
        name,
        principal: principal?,
        action: action?,
        resource: resource?,
        session_token,
        parameters,
        context,
        at: at_seconds,
        time: clock,
        expect,
        place: f.place(),
    })
}

/// `credentials`: `"GetSessionToken"` (the only value: long-term credentials are the default),
/// for a request of a user or the root user, the only callers of GetSessionToken (a request
/// without a principal, a web identity's or a SAML one, has none).
fn credentials(cx: &mut Cx, at: At<'_, '_>, principal: Option<&Located<String>>) -> bool {
    let Some(value) = cx.string(at, "`credentials`") else {
        return false;
    };
    let message = if value.value != "GetSessionToken" {
        say!(cx.lang,
            "`credentials` is \"GetSessionToken\" (the request is made with the credentials of the principal's latest GetSessionToken session), or absent for its long-term credentials.",
            "`credentials` には \"GetSessionToken\" (プリンシパルの最新の GetSessionToken セッションの認証情報でリクエストする) を指定するか、長期的な認証情報なら省略します。")
    } else if principal.is_none_or(|p| {
        !matches!(
            PrincipalArn::parse(&p.value),
            Ok(Some(PrincipalArn::User { .. } | PrincipalArn::Root { .. }))
        )
    }) {
        say!(cx.lang,
            "Only a user or the root user has GetSessionToken credentials; remove `credentials` or make the principal a user.",
            "GetSessionToken の認証情報を持つのはユーザーとルートユーザーだけです。`credentials` を削除するか、プリンシパルをユーザーにしてください。")
    } else {
        return true;
    };
    cx.error(codes::INVALID_VALUE, message, at.pointer, at.json.span);
    false
}

/// Whether `action` is one of `actions`, ignoring case as IAM does for action names.
pub(super) fn is_one_of(action: &str, actions: &[&str]) -> bool {
    actions.iter().any(|a| a.eq_ignore_ascii_case(action))
}

/// `service:ActionName`, without wildcards: a request performs one action (IAM User Guide,
/// "IAM JSON policy elements: Action" for the prefix and name shape).
fn action(cx: &mut Cx, at: At<'_, '_>) -> Option<Located<String>> {
    let action = cx.string(at, "`action`")?;
    let valid = action.value.split_once(':').is_some_and(|(service, name)| {
        !service.is_empty()
            && service
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    });
    if valid {
        return Some(action);
    }
    let message = say!(
        cx.lang,
        "{} is not an action a request can make; write one action as `service:ActionName`, \
         such as `s3:GetObject`, without wildcards.",
        "{} はリクエストできるアクションではありません。`s3:GetObject` のように、\
         ワイルドカードなしの `service:ActionName` でアクションを 1 つ書いてください。",
        quote(&action.value)
    );
    cx.error(codes::INVALID_ACTION, message, at.pointer, at.json.span);
    None
}

/// `Some(None)` when absent and allowed, `None` on error.
fn resource(
    cx: &mut Cx,
    f: &Fields<'_>,
    action: Option<&Located<String>>,
) -> Option<Option<Located<String>>> {
    let assume = action.filter(|a| is_one_of(&a.value, ASSUME_ACTIONS));
    let Some((json, pointer)) = f.get("resource") else {
        if let Some(action) = assume {
            let message = say!(
                cx.lang,
                "A request for {} must name the role to assume in `resource`.",
                "{} のリクエストでは、引き受けるロールを `resource` に指定する必要があります。",
                action.value
            );
            cx.error(codes::MISSING_FIELD, message, &f.pointer, f.span);
            return None;
        }
        return Some(None);
    };
    let at = At {
        json,
        pointer: &pointer,
    };
    let resource = cx.string(at, "`resource`")?;
    let problem = if let Some(action) = assume {
        match PrincipalArn::parse(&resource.value) {
            Ok(Some(PrincipalArn::Role { .. })) => None,
            Err(error) => Some((codes::INVALID_ARN, error.sentence(cx.lang))),
            Ok(_) => Some((
                codes::WRONG_ARN_KIND,
                say!(
                    cx.lang,
                    "The `resource` of {} is the role to assume, an IAM role ARN \
                     (`arn:aws:iam::ACCOUNT:role/NAME`); {} is not one.",
                    "{} の `resource` は引き受けるロールの ARN (`arn:aws:iam::ACCOUNT:role/NAME`) \
                     ですが、{} はロールの ARN ではありません。",
                    action.value,
                    quote(&resource.value)
                ),
            )),
        }
    } else if resource.value == "*" {
        None
    } else {
        Arn::parse(&resource.value)
            .err()
            .map(|e| (codes::INVALID_ARN, format!("{e}.")))
    };
    match problem {
        None => Some(Some(resource)),
        Some((code, message)) => {
            cx.error(code, message, at.pointer, json.span);
            None
        }
    }
}

/// A request's `context`: strings are single values, arrays multivalued; numbers and booleans
/// count as their text, as condition operators read them.
fn context(cx: &mut Cx, at: At<'_, '_>) -> Vec<ContextItem> {
    let Some(members) = cx.members(at, "`context`") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for member in members {
        let pointer = pointer_push(at.pointer, &member.key);
        if member.key.is_empty() {
            let message = cx
                .lang
                .pick(
                    "A context key is empty; write it like `aws:SourceIp`.",
                    "コンテキストキーが空です。`aws:SourceIp` のように書いてください。",
                )
                .to_string();
            cx.error(codes::INVALID_VALUE, message, &pointer, member.key_span);
            continue;
        }
        let at = At {
            json: &member.value,
            pointer: &pointer,
        };
        let what = say!(
            cx.lang,
            "The value of context key `{}`",
            "コンテキストキー `{}` の値",
            member.key
        );
        let value = match &member.value.value {
            Value::Array(items) => {
                let texts: Option<Vec<String>> = items.iter().map(scalar_text).collect();
                texts.map(ContextValue::Multi)
            }
            _ => scalar_text(&member.value).map(ContextValue::Single),
        };
        match value {
            Some(value) => out.push(ContextItem {
                key: member.key.clone(),
                value,
                place: place(&member.value, &pointer),
            }),
            None => cx.wrong_type(
                at,
                &what,
                Text {
                    en: "a string, number, boolean or an array of them",
                    ja: "文字列、数値、ブール値またはその配列",
                },
            ),
        }
    }
    out
}

fn scalar_text(json: &Json) -> Option<String> {
    match &json.value {
        Value::String(s) | Value::Number(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn expect(cx: &mut Cx, at: At<'_, '_>) -> Option<Located<Expectation>> {
    let expectation = match &at.json.value {
        Value::String(text) => Expectation {
            decision: decision(cx, at, text)?,
            code: None,
        },
        Value::Object(_) => {
            let f = cx.object(at, "`expect`", &["decision", "code"], &["decision"])?;
            let (json, pointer) = f.get("decision")?;
            let decision_at = At {
                json,
                pointer: &pointer,
            };
            let text = cx.string(decision_at, "`decision`")?;
            let code = f.get("code").and_then(|(json, p)| {
                let what = cx
                    .lang
                    .pick("`code` (an AWS error code)", "`code` (AWS のエラーコード)");
                cx.string(At { json, pointer: &p }, what)
            });
            Expectation {
                decision: decision(cx, decision_at, &text.value)?,
                code: code.map(|c| c.value),
            }
        }
        _ => {
            let expected = Text {
                en: "a decision such as \"allowed\", or { \"decision\": ..., \"code\": ... }",
                ja: "\"allowed\" などの判定、または { \"decision\": ..., \"code\": ... }",
            };
            cx.wrong_type(at, "`expect`", expected);
            return None;
        }
    };
    Some(Located {
        value: expectation,
        place: place(at.json, at.pointer),
    })
}

fn decision(cx: &mut Cx, at: At<'_, '_>, text: &str) -> Option<Decision> {
    if let Some(decision) = Decision::from_name(text) {
        return Some(decision);
    }
    let hint = match did_you_mean(text, Decision::NAMES) {
        Some(near) => say!(cx.lang, " Did you mean `{near}`?", "`{near}` のことですか?"),
        None => String::new(),
    };
    let message = say!(
        cx.lang,
        "{} is not a decision; expect one of {}.{hint}",
        "{} は判定ではありません。{} のいずれかを指定してください。{hint}",
        quote(text),
        list(&Decision::NAMES, cx.lang)
    );
    cx.error(codes::INVALID_EXPECT, message, at.pointer, at.json.span);
    None
}
