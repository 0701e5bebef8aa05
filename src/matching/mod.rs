//! Matching: actions, ARNs and resources, principals, wildcards.
//!
//! Patterns are compiled when a policy is read; matching a request does not allocate (a resource
//! pattern with policy variables is substituted into a buffer on the stack, which spills to the
//! heap only for unusually long patterns).

mod action;
mod arn_pattern;
mod principal;
mod resource;
pub(crate) mod wildcard;

pub use action::ActionPattern;
pub use principal::{
    match_principal, not_principal_exempts, Caller, PrincipalMatch, PrincipalMatchKind,
};
pub use resource::ResourcePattern;
pub use wildcard::Wildcard;
