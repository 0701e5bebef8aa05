//! The decision logic: AWS's policy evaluation across policy types, same and cross account, with
//! a trace of every policy and statement considered.
//!
//! Sources: IAM User Guide, "Policy evaluation logic" and "Cross-account policy evaluation logic"
//! (semantics notes §1, §2 and §10). The flow: an explicit deny in any applicable policy decides;
//! then the RCPs of the resource's account and the SCPs of the caller's account must allow at
//! every level; then the resource-based policy, which can grant on its own depending on which
//! principal it names; then identity policies, the permissions boundary and session policies.
//! Across accounts, both the trusted (caller's) and the trusting (resource's) side must allow.

mod advice;
mod decide;
mod input;
mod message;
mod scope;
mod statement;
mod trace;

pub use decide::authorize;
pub use input::{CallerSide, OrgLevel, PolicyUse, Request, ResourceSide};
pub use message::access_denied_message;
pub use scope::service_of;
pub use trace::{
    Authorization, ConditionTrace, Decision, ElementTrace, PolicyTrace, PolicyVerdict, Side,
    StatementRef, StatementTrace,
};

#[cfg(test)]
mod tests;
