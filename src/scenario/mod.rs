//! The scenario document, its validation, running it, share links.
//!
//! A scenario is read ([`document`]), its world resolved once ([`world`]: every policy parsed
//! and compiled), and its requests run in order ([`run`]), sessions carried from one request to
//! the next ([`sessions`]).

mod assume;
mod caller;
pub mod catalogue;
mod credentials;
pub mod document;
mod engine;
mod federation;
mod flows;
pub mod link;
mod pass_role;
mod policy_cache;
mod result;
mod run;
mod session_token;
mod sessions;
mod world;

pub use caller::SCENARIO_EPOCH;
pub use engine::Engine;
pub use result::{Check, ContextShown, Explain, RequestResult, RunOutput, SessionCard, ShownValue};
pub use run::{run_scenario, run_scenario_with, RunOptions, TimeLimits};

#[cfg(test)]
mod derived_keys_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod time_limit_tests;
