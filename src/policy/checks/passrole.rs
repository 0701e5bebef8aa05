//! `iam:PassRole` allowed on every role.
//!
//! Source: Access Analyzer policy check reference, "Pass role with star in resource" and its
//! siblings (semantics notes §5, §7): allowing `iam:PassRole` on `*` or through `NotResource`
//! lets the principal hand any role, however powerful, to a service.

use crate::policy::codes::{self, Code};
use crate::policy::glob::{glob, has_wildcard};
use crate::policy::reader::Reader;
use crate::policy::{Effect, Statement};

const PASS_ROLE: &str = "iam:PassRole";

pub(crate) fn check(r: &mut Reader, stmt: &Statement) {
    let Some(resource) = &stmt.resource else {
        return;
    };
    if stmt.effect != Effect::Allow {
        return;
    }
    let passes = |raw: &str| glob(raw, PASS_ROLE, true);
    let patterns = &stmt.action.patterns;
    let matching = patterns.iter().filter(|p| passes(p.value.raw()));
    let (not_action, star_action) = if stmt.action.negated {
        if patterns.iter().any(|p| passes(p.value.raw())) {
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
    let (code, how): (Code, &str) = match (not_action, star_action, not_resource) {
        (true, _, true) => (
            codes::PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE,
            "`NotAction` and `NotResource`",
        ),
        (true, _, false) => (
            codes::PASS_ROLE_WITH_NOT_ACTION_AND_STAR_IN_RESOURCE,
            "`NotAction` with `\"Resource\": \"*\"`",
        ),
        (false, true, true) => (
            codes::PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE,
            "a wildcard action with `NotResource`",
        ),
        (false, false, true) => (codes::PASS_ROLE_WITH_NOT_RESOURCE, "`NotResource`"),
        (false, true, false) => (
            codes::PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE,
            "a wildcard action with `\"Resource\": \"*\"`",
        ),
        (false, false, false) => (
            codes::PASS_ROLE_WITH_STAR_IN_RESOURCE,
            "`\"Resource\": \"*\"`",
        ),
    };
    let message = format!("This statement allows `iam:PassRole` on every role through {how}, so the principal can pass any role to a service: list the role ARNs it may pass and add an `iam:PassedToService` condition.");
    r.report(code, message, &resource.place);
}
