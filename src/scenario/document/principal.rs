//! A request's `principal`: who makes the request.
//!
//! The forms the scenario format accepts: an IAM user, the account root, a role session, a
//! federated user session, or an AWS service principal calling `sts:AssumeRole`. Web identity and
//! SAML requests have no `principal`: the caller is the identity in the token or assertion.
//! Sources: scenario format, Requests; IAM User Guide, "AWS JSON policy elements: Principal"
//! (semantics notes §3.1) for the forms; semantics notes §3.5 for the session ARN.

use super::codes;
use super::fields::{At, Cx, Fields};
use super::requests::is_one_of;
use crate::arn::{is_account_id, quote, role_session_arn, PrincipalArn};
use crate::lang::{say, Lang};
use crate::policy::Located;

/// The requests whose caller is a federated identity rather than an AWS principal.
const FEDERATED_ACTIONS: &[&str] = &["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];

/// Reads `principal`. `Some(None)`: absent, as it must be for web identity and SAML; `None`: an
/// error was reported. `action` is `None` when the action itself was in error.
pub(super) fn read(
    cx: &mut Cx,
    f: &Fields<'_>,
    action: Option<&str>,
) -> Option<Option<Located<String>>> {
    let federated = action.filter(|a| is_one_of(a, FEDERATED_ACTIONS));
    let Some((json, pointer)) = f.get("principal") else {
        if federated.is_some() || action.is_none() {
            return Some(None);
        }
        let message = cx
            .lang
            .pick(
                "A request must have a `principal`, the ARN of who makes it, unless its \
                 action is sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML.",
                "リクエストには、アクションが sts:AssumeRoleWithWebIdentity か \
                 sts:AssumeRoleWithSAML でない限り、リクエストを行うプリンシパルの ARN \
                 である `principal` が必要です。",
            )
            .to_string();
        cx.error(codes::MISSING_FIELD, message, &f.pointer, f.span);
        return None;
    };
    let at = At {
        json,
        pointer: &pointer,
    };
    let principal = cx.string(at, "`principal`")?;
    if let Some(action) = federated {
        let message = say!(
            cx.lang,
            "A request for {action} has no `principal`: the caller is the identity in its \
             token or assertion (`parameters`). Remove `principal`.",
            "{action} のリクエストには `principal` を指定しません。呼び出し元はトークンまたは\
             アサーション (`parameters`) の ID です。`principal` を削除してください。"
        );
        cx.error(codes::INVALID_PRINCIPAL, message, at.pointer, json.span);
        return None;
    }
    match problem(&principal.value, action, cx.lang) {
        None => Some(Some(principal)),
        Some((code, message)) => {
            cx.error(code, message, at.pointer, json.span);
            None
        }
    }
}

fn problem(text: &str, action: Option<&str>, lang: Lang) -> Option<(&'static str, String)> {
    if !text.starts_with("arn:") {
        return not_an_arn(text, action, lang);
    }
    let parsed = match PrincipalArn::parse(text) {
        Err(error) => return Some((codes::INVALID_ARN, error.sentence(lang))),
        Ok(parsed) => parsed,
    };
    let hint = match &parsed {
        Some(PrincipalArn::User { .. })
        | Some(PrincipalArn::Root { .. })
        | Some(PrincipalArn::AssumedRole { .. })
        | Some(PrincipalArn::FederatedUser { .. }) => return None,
        Some(PrincipalArn::Role { name, .. }) => say!(
            lang,
            " A role acts through a session: write the session ARN, such as {}.",
            "ロールはセッションを通じて動作します。{} のようにセッションの ARN を書いてください。",
            role_session_arn(text, name).map_or_else(|_| String::new(), |s| quote(&s))
        ),
        _ => String::new(),
    };
    let found = parsed
        .as_ref()
        .map_or("not an IAM identity", PrincipalArn::kind_name);
    let message = say!(
        lang,
        "{} is {found}, which cannot make a request; `principal` is an IAM user, an account \
         root (`arn:aws:iam::ACCOUNT:root`), a role session \
         (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`), a federated user or a service \
         principal.{hint}",
        "{} はリクエストできません。`principal` は IAM ユーザー、アカウントのルート \
         (`arn:aws:iam::ACCOUNT:root`)、ロールセッション \
         (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`)、フェデレーションユーザーまたは\
         サービスプリンシパルです。{hint}",
        quote(text)
    );
    Some((codes::WRONG_ARN_KIND, message))
}

/// Service principals such as `lambda.amazonaws.com` (and `.amazonaws.com.cn` in China); the
/// only request a service makes here is assuming a role it is trusted by.
fn not_an_arn(text: &str, action: Option<&str>, lang: Lang) -> Option<(&'static str, String)> {
    if is_service_principal(text) {
        // Without an action (missing or misspelt, a finding of its own) there is nothing to
        // refuse yet.
        if action.is_none_or(|a| a.eq_ignore_ascii_case("sts:AssumeRole")) {
            return None;
        }
        let message = say!(
            lang,
            "The service principal {} can only make an sts:AssumeRole request here; another \
             action is made by a session of the role the service assumed.",
            "サービスプリンシパル {} がここでできるのは sts:AssumeRole のリクエストだけです。\
             ほかのアクションは、サービスが引き受けたロールのセッションが行います。",
            quote(text)
        );
        return Some((codes::INVALID_PRINCIPAL, message));
    }
    let hint = if is_account_id(text) {
        say!(
            lang,
            " For the account's root user, write `arn:aws:iam::{text}:root`.",
            "アカウントのルートユーザーは `arn:aws:iam::{text}:root` と書きます。"
        )
    } else {
        String::new()
    };
    let message = say!(
        lang,
        "{} is neither an ARN nor a service principal such as `lambda.amazonaws.com`.{hint}",
        "{} は ARN でも `lambda.amazonaws.com` のようなサービスプリンシパルでもありません。{hint}",
        quote(text)
    );
    Some((codes::INVALID_PRINCIPAL, message))
}

fn is_service_principal(text: &str) -> bool {
    let host = text
        .strip_suffix(".amazonaws.com")
        .or_else(|| text.strip_suffix(".amazonaws.com.cn"));
    host.is_some_and(|h| {
        !h.is_empty()
            && h.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
    })
}
