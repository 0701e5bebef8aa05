//! The result of an authorization and its trace: what the explanation shows.

use std::rc::Rc;

use serde::Serialize;

use crate::json::Pointer;
use crate::lang::{say, Lang};
use crate::policy::PolicyKind;

/// The decision, as AWS's policy simulator names it, plus `error` for requests that never reach
/// authorization (a parameter fails validation, an expired session, an unknown role).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    Allowed,
    ImplicitDeny,
    ExplicitDeny,
    Error,
}

impl Decision {
    pub const NAMES: [&'static str; 4] = ["allowed", "implicitDeny", "explicitDeny", "error"];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Allowed => "allowed",
            Decision::ImplicitDeny => "implicitDeny",
            Decision::ExplicitDeny => "explicitDeny",
            Decision::Error => "error",
        }
    }

    pub fn from_name(name: &str) -> Option<Decision> {
        Some(match name {
            "allowed" => Decision::Allowed,
            "implicitDeny" => Decision::ImplicitDeny,
            "explicitDeny" => Decision::ExplicitDeny,
            "error" => Decision::Error,
            _ => return None,
        })
    }
}

/// Which account's evaluation a policy belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Side {
    /// The principal's account (the trusted account): identity policies, boundary, session
    /// policies, SCPs.
    Caller,
    /// The resource's account (the trusting account): the resource-based policy, RCPs.
    Resource,
}

/// What a policy contributed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PolicyVerdict {
    /// A `Deny` statement applies.
    Deny,
    /// An `Allow` statement applies and no `Deny` does.
    Allow,
    /// No statement applies.
    NoMatch,
}

/// Whether one element of a statement matched the request, and why or why not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ElementTrace {
    pub matched: bool,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConditionTrace {
    pub operator: String,
    pub key: String,
    pub matched: bool,
    pub reason: String,
    pub pointer: Pointer,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementTrace {
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    pub pointer: Pointer,
    pub line: u32,
    pub effect: &'static str,
    /// Every element matched: the statement takes part in the decision.
    pub applies: bool,
    /// When the action does not match, the statement's other elements are not evaluated: the
    /// trace then has no resource, principal or conditions.
    pub action: ElementTrace,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<ElementTrace>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal: Option<ElementTrace>,
    pub conditions: Vec<ConditionTrace>,
}

impl StatementTrace {
    /// Matched on action (and resource and principal) but a condition failed: the statement a
    /// person most likely meant to apply.
    pub fn near_miss(&self) -> bool {
        !self.applies && self.action.matched
    }

    /// Action, resource and principal match and only a condition fails: the closest miss.
    pub fn fails_only_on_conditions(&self) -> bool {
        !self.applies
            && self.action.matched
            && self.resource.as_ref().is_none_or(|r| r.matched)
            && self.principal.as_ref().is_none_or(|p| p.matched)
    }

    /// An Allow statement that fails only on its conditions: what stands between the request
    /// and an allow (a Deny that does not apply refuses nothing).
    pub fn allow_failing_on_conditions(&self) -> bool {
        self.effect == "Allow" && self.fails_only_on_conditions()
    }

    /// The conditions that did not match.
    pub fn failed_conditions(&self) -> impl Iterator<Item = &ConditionTrace> {
        self.conditions.iter().filter(|c| !c.matched)
    }

    /// A short name: the `Sid`, or "statement N".
    pub fn name(&self, lang: Lang) -> String {
        match &self.sid {
            Some(sid) if !sid.is_empty() => {
                say!(lang, "statement `{sid}`", "ステートメント `{sid}`")
            }
            _ => say!(lang, "statement {}", "ステートメント {}", self.index),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyTrace {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub side: Side,
    pub label: Rc<str>,
    /// An AWS managed policy (see [`PolicyUse`](super::input::PolicyUse)); not written.
    #[serde(skip)]
    pub managed: bool,
    pub pointer: Pointer,
    /// The organization level for SCPs and RCPs (root, OU or account id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    pub verdict: PolicyVerdict,
    pub statements: Vec<StatementTrace>,
}

/// A statement that decided the outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementRef {
    pub policy: Rc<str>,
    /// Of an AWS managed policy: to be detached rather than edited. Not written.
    #[serde(skip)]
    pub managed: bool,
    pub pointer: Pointer,
    pub effect: &'static str,
}

/// The outcome of one authorization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Authorization {
    pub decision: Decision,
    /// The policy type AWS's message names for a denial.
    #[serde(skip)]
    pub denied_by: Option<PolicyKind>,
    /// The side that refused, for cross-account requests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused_by: Option<Side>,
    pub cross_account: bool,
    /// AWS's AccessDenied message, when denied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Sentences: how the decision was reached.
    pub reasons: Vec<String>,
    /// Sentences: what would change the outcome.
    pub changes: Vec<String>,
    pub deciding: Vec<StatementRef>,
    pub policies: Vec<PolicyTrace>,
}
