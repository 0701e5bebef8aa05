//! What running a scenario gives: one result per request, in the contract's shape.

use serde::Serialize;

use crate::condition::{ContextSource, ContextValue, RequestContext};
use crate::evaluation::{Authorization, Decision};
use crate::finding::Finding;

/// `{ "results": [...], "findings": [...] }`, what `run --json` prints and `runScenario` returns.
#[derive(Clone, Debug, Serialize)]
pub struct RunOutput {
    pub results: Vec<RequestResult>,
    pub findings: Vec<Finding>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestResult {
    pub index: usize,
    pub name: Option<String>,
    pub decision: Decision,
    pub code: Option<String>,
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<SessionCard>,
    /// `met`, `unmet`, or null when the request has no `expect`.
    pub expectation: Option<&'static str>,
    pub explain: Explain,
}

/// The session an allowed STS request created.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionCard {
    pub arn: String,
    /// A role session's `AssumedRoleId` (`ROLEID:SESSION`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assumed_role_id: Option<String>,
    /// A federated user session's `FederatedUserId` (`ACCOUNT:NAME`), instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub federated_user_id: Option<String>,
    pub issued_at: i64,
    pub expires_at: i64,
    pub chained: bool,
    /// By key, as a JSON object (sorted, as tag keys are listed in the console).
    pub tags: crate::sorted_map::SortedMap<String, String>,
    pub transitive_tag_keys: Vec<String>,
    pub source_identity: Option<String>,
    pub mfa: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub session_policies: Vec<String>,
}

/// The program's own account of why.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explain {
    /// `authorization`, `assumeRole`, `passRole`, or `error`.
    pub kind: &'static str,
    pub summary: String,
    pub principal: Option<String>,
    pub action: String,
    pub resource: Option<String>,
    /// Every check made, in order; the first that did not allow decided.
    pub checks: Vec<Check>,
    pub context: Vec<ContextShown>,
    pub notes: Vec<String>,
    /// True when only the summary is given: the checks, context and notes were left out (see
    /// [`RequestResult::brief`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub brief: bool,
}

/// One authorization (or validation step) of a request: an AssumeRole makes one per action the
/// trust policy must allow; a call that passes a role makes three.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub name: String,
    pub action: String,
    pub resource: String,
    pub decision: Decision,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization: Option<Authorization>,
    /// Sentences for checks that are not policy evaluations (a trust check made elsewhere by
    /// the service, a cross-account refusal).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// A check AWS does not make in this call (a service's later trust check): shown, but it
    /// does not decide the request.
    pub advisory: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ContextShown {
    pub key: std::borrow::Cow<'static, str>,
    pub value: ShownValue,
    /// `derived`, `request`, or `override`.
    pub source: &'static str,
}

/// A context value as the contract writes it: a string, or a list of strings for a multivalued
/// key. (Its own type rather than `serde_json::Value`, whose writer would bring float formatting
/// into the module for nothing.)
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ShownValue {
    One(String),
    Many(Vec<String>),
}

/// The context as the explanation shows it, made from the context itself (its strings move, none
/// is copied): the last thing a request does with its context.
pub fn show_context(context: RequestContext) -> Vec<ContextShown> {
    context
        .into_entries()
        .map(|entry| ContextShown {
            key: entry.key,
            value: match entry.value {
                ContextValue::Single(v) => ShownValue::One(v),
                ContextValue::Multi(vs) => ShownValue::Many(vs),
            },
            source: match entry.source {
                ContextSource::Derived => "derived",
                ContextSource::Request => "request",
                ContextSource::Override => "override",
            },
        })
        .collect()
}

impl RequestResult {
    /// Keeps what a closed request shows (the decision, AWS's error, the session, what was asked
    /// and the summary) and leaves out the checks, the context and the notes. The page opens a
    /// request's explanation by asking for it in full, so the rest would be written and parsed
    /// on every keystroke for nothing: for one AssumeRole the reply is a tenth of the size.
    pub fn brief(&mut self) {
        self.explain.brief = true;
        self.explain.checks = Vec::new();
        self.explain.context = Vec::new();
        self.explain.notes = Vec::new();
    }
}
