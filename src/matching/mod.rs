//! Matching: actions, ARNs and resources, principals, wildcards.
//!
//! Patterns are compiled when a policy is read; matching a request allocates only where a policy
//! variable must be substituted.

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
