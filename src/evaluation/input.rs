//! What an authorization needs: the caller's side and the resource's side of a request.

use std::rc::Rc;

use crate::condition::RequestContext;
use crate::lang::Lang;
use crate::matching::Caller;
use crate::policy::Policy;

/// A policy as used in one request, with the name the explanation gives it.
#[derive(Clone, Debug)]
pub struct PolicyUse<'a> {
    pub policy: &'a Policy,
    /// "inline policy 1 of user alice", "AdministratorAccess (AWS managed)", ...
    pub label: Rc<str>,
    /// An AWS managed policy: the advice is to detach it, its statements are not the user's.
    pub managed: bool,
}

/// One level of an organization (root, an OU, the account) and the SCPs or RCPs attached there.
/// Every level must allow: AWS evaluates SCPs and RCPs level by level.
#[derive(Clone, Debug)]
pub struct OrgLevel<'a> {
    pub target: String,
    pub policies: Vec<PolicyUse<'a>>,
}

/// The principal making the request and the policies that govern it (the trusted account).
#[derive(Clone, Debug)]
pub struct CallerSide<'a> {
    pub caller: Caller,
    /// Identity-based policies: the user's (inline, managed, and its groups'), or the role's.
    pub identity: Vec<PolicyUse<'a>>,
    pub boundary: Option<PolicyUse<'a>>,
    /// The calling session's session policies (inline `Policy` and `PolicyArns` together);
    /// empty when the session has none, or the caller is not a session.
    pub session: Vec<PolicyUse<'a>>,
    /// SCP levels of the caller's organization path; `None` outside an organization.
    pub scps: Option<Vec<OrgLevel<'a>>>,
    /// The caller's organization, for the message rule (enhanced context within an org).
    pub organization: Option<String>,
}

/// What the request acts on and the policies the resource's account applies (the trusting
/// account).
#[derive(Clone, Debug)]
pub struct ResourceSide<'a> {
    pub account: Option<String>,
    /// The resource-based policy: a role's trust policy for AssumeRole, a bucket policy, ...
    pub policy: Option<PolicyUse<'a>>,
    /// RCP levels of the resource account's organization path; `None` outside an organization.
    pub rcps: Option<Vec<OrgLevel<'a>>>,
    pub organization: Option<String>,
}

/// The action, the resource ARN and the context of one request, and the language its
/// explanation is written in.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    pub action: &'a str,
    pub resource: &'a str,
    pub context: &'a RequestContext,
    pub lang: Lang,
    /// The explanation will be brief (see `scenario::RequestResult::brief`), its statements
    /// never shown: those whose action does not match are skipped, not described, which saves
    /// writing sentences no one will read. What only the full explanation shows is left out of
    /// the traces too: conditions, a policy's pointer and level, a statement's `Sid`.
    pub brief: bool,
}
