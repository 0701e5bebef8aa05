//! `iam:PassRole` allowed on every role.
//!
//! Source: Access Analyzer policy check reference, "Pass role with star in resource" and its
//! siblings (semantics notes §5, §7): allowing `iam:PassRole` on `*` or through `NotResource`
//! lets the principal hand any role, however powerful, to a service.

use crate::lang::say;
use crate::matching::ActionPattern;
use crate::policy::codes::{self, Code};
use crate::policy::glob::has_wildcard;
use crate::policy::reader::Reader;
use crate::policy::{Effect, Located, Statement};

const PASS_ROLE: &str = "iam:PassRole";

pub(crate) fn check(r: &mut Reader, stmt: &Statement) {
    let Some(resource) = &stmt.resource else {
        return;
    };
    if stmt.effect != Effect::Allow {
        return;
    }
    // An action pattern is a case-insensitive glob already compiled: what `glob(raw,
    // PASS_ROLE, true)` would compile again for every statement.
    let passes = |p: &&Located<ActionPattern>| p.value.matches(PASS_ROLE);
    let patterns = &stmt.action.patterns;
    let matching = patterns.iter().filter(passes);
    let (not_action, star_action) = if stmt.action.negated {
        if patterns.iter().any(|p| passes(&p)) {
            return; // NotAction excludes PassRole
        }
        (true, false)
    } else {
        let literal = matching.clone().any(|p| !has_wildcard(p.value.raw()));
        if matching.count() == 0 {
            return;
        }
        (false, !literal)
    };
    let not_resource = resource.negated;
    if !not_resource && !resource.patterns.iter().any(|p| p.value.raw() == "*") {
        return;
    }
    // The Japanese phrases carry their own spacing: a space only next to Latin text.
    let lang = r.lang;
    let (code, how): (Code, &str) = match (not_action, star_action, not_resource) {
        (true, _, true) => (
            codes::PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE,
            lang.pick(
                "`NotAction` and `NotResource`",
                " `NotAction` と `NotResource` ",
            ),
        ),
        (true, _, false) => (
            codes::PASS_ROLE_WITH_NOT_ACTION_AND_STAR_IN_RESOURCE,
            lang.pick(
                "`NotAction` with `\"Resource\": \"*\"`",
                " `NotAction` と `\"Resource\": \"*\"` ",
            ),
        ),
        (false, true, true) => (
            codes::PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE,
            lang.pick(
                "a wildcard action with `NotResource`",
                "ワイルドカードのアクションと `NotResource` ",
            ),
        ),
        (false, false, true) => (
            codes::PASS_ROLE_WITH_NOT_RESOURCE,
            lang.pick("`NotResource`", " `NotResource` "),
        ),
        (false, true, false) => (
            codes::PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE,
            lang.pick(
                "a wildcard action with `\"Resource\": \"*\"`",
                "ワイルドカードのアクションと `\"Resource\": \"*\"` ",
            ),
        ),
        (false, false, false) => (
            codes::PASS_ROLE_WITH_STAR_IN_RESOURCE,
            lang.pick("`\"Resource\": \"*\"`", " `\"Resource\": \"*\"` "),
        ),
    };
    let message = say!(lang,
        "This statement allows `iam:PassRole` on every role through {how}, so the principal can pass any role to a service: list the role ARNs it may pass and add an `iam:PassedToService` condition.",
        "このステートメントは{how}によってすべてのロールに対する `iam:PassRole` を許可しているため、プリンシパルは任意のロールをサービスに渡せます。渡してよいロールの ARN を列挙し、`iam:PassedToService` の条件を追加してください。");
    r.report(code, message, &resource.place);
}
