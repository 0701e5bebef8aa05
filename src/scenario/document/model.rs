//! The typed scenario, as the reader builds it from the document (format version 1). Every
//! element keeps its [`Place`] so later findings (policy validation, evaluation) can point at
//! the text. Policy documents stay [`Json`]: another module validates and parses them.

use crate::condition::ContextValue;
use crate::json::Json;
use crate::policy::{Located, Place};

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The `scenario` field: the format version, 1.
    pub version: u32,
    pub title: Option<Located<String>>,
    pub description: Option<Located<String>>,
    pub accounts: Vec<Account>,
    /// The top-level `policies` map, in document order.
    pub policies: Vec<NamedPolicy>,
    pub users: Vec<User>,
    pub groups: Vec<Group>,
    pub roles: Vec<Role>,
    pub resources: Vec<Resource>,
    pub requests: Vec<Request>,
}

/// An entry of the top-level `policies` map.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedPolicy {
    pub name: String,
    pub document: Json,
    /// The place of the document (its pointer is `/policies/NAME`).
    pub place: Place,
}

/// Where a policy is expected: the document itself, or a name to resolve.
#[derive(Clone, Debug, PartialEq)]
pub enum PolicyRef {
    /// A policy document written in place.
    Inline(Json),
    /// The name of an entry of the top-level `policies` map (checked to exist by the reader).
    Named(String),
    /// An AWS managed policy ARN or an AWS Organizations managed policy name (`FullAWSAccess`),
    /// resolved against the built-in catalogue elsewhere.
    Managed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    pub id: Located<String>,
    pub name: Option<Located<String>>,
    pub organization: Option<Organization>,
    pub place: Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Organization {
    pub id: Located<String>,
    /// From the root (`r-...`) down through each OU (`ou-...`) to the account's parent.
    pub path: Vec<Located<String>>,
    pub scps: Vec<OrgPolicies>,
    pub rcps: Vec<OrgPolicies>,
    /// Whether this account is the organization's management account, which SCPs and RCPs do
    /// not affect.
    pub management: bool,
    pub place: Place,
}

/// The policies attached at one level of the organization: the root, an OU or the account.
#[derive(Clone, Debug, PartialEq)]
pub struct OrgPolicies {
    pub target: Located<String>,
    pub policies: Vec<Located<PolicyRef>>,
    pub place: Place,
}

/// A resource tag or an IAM entity tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    pub key: String,
    pub value: String,
    pub place: Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct User {
    pub arn: Located<String>,
    pub account: String,
    pub name: String,
    /// As written: a group name (same account) or a group ARN; the reader checked each exists.
    pub groups: Vec<Located<String>>,
    pub policies: Vec<Located<PolicyRef>>,
    pub boundary: Option<Located<PolicyRef>>,
    pub tags: Vec<Tag>,
    pub place: Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub arn: Located<String>,
    pub account: String,
    pub name: String,
    pub policies: Vec<Located<PolicyRef>>,
    pub place: Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    pub arn: Located<String>,
    pub account: String,
    pub name: String,
    /// `None`: the role trusts nobody.
    pub trust: Option<Located<PolicyRef>>,
    pub policies: Vec<Located<PolicyRef>>,
    pub boundary: Option<Located<PolicyRef>>,
    pub tags: Vec<Tag>,
    /// Seconds, 3600 to 43200; 3600 when not given.
    pub max_session_duration: u32,
    pub instance_profiles: Vec<Located<String>>,
    pub place: Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    pub arn: Located<String>,
    pub policy: Option<Located<PolicyRef>>,
    /// The owning account, for ARNs without one (S3 buckets).
    pub account: Option<Located<String>>,
    pub place: Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub name: Option<Located<String>>,
    /// Absent only for `sts:AssumeRoleWithWebIdentity` and `sts:AssumeRoleWithSAML`.
    pub principal: Option<Located<String>>,
    pub action: Located<String>,
    pub resource: Option<Located<String>>,
    /// `"credentials": "GetSessionToken"` (our addition to the format): the request is made
    /// with the temporary credentials of the principal's latest GetSessionToken session, not
    /// with its long-term credentials.
    pub session_token: bool,
    /// The API parameters, read by the STS and services modules.
    pub parameters: Option<Json>,
    pub context: Vec<ContextItem>,
    /// Seconds after the scenario starts, as written; see [`Request::time`].
    pub at: Option<u64>,
    /// The effective time: `at`, or the previous request's time (0 for the first).
    pub time: u64,
    pub expect: Option<Located<Expectation>>,
    pub place: Place,
}

/// One entry of a request's `context`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextItem {
    pub key: String,
    pub value: ContextValue,
    pub place: Place,
}

/// What the author expects a request to give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expectation {
    pub decision: Decision,
    /// The AWS error code expected, such as `ValidationError`.
    pub code: Option<String>,
}

/// The decisions of the results (as in AWS's policy simulator, plus `error`).
pub use crate::evaluation::Decision;
