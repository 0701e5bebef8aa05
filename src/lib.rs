//! # IAM Playground
//!
//! An AWS IAM policy evaluator and STS session model. A *scenario* (a small AWS world of
//! accounts, users, roles, resources and their policies, plus a list of requests made in it) goes
//! in; for each request, the decision AWS would make, the error it would return and an account of
//! why come out.
//!
//! The core knows nothing of WebAssembly or the browser; `wasm` is a thin binding compiled only
//! for `wasm32`, and `main.rs` is the command line.
//!
//! Data flows one way: text → [`json`] (values with positions) → [`policy`] (parsed, validated
//! documents with compiled patterns) → [`evaluation`] and [`sts`] (decisions) → results.

#![forbid(unsafe_code)]

pub mod arn;
pub mod condition;
pub mod deadline;
pub mod evaluation;
pub mod finding;
pub mod json;
pub mod lang;
pub mod matching;
mod order;
pub mod policy;
pub mod scenario;
pub mod services;
pub mod sorted_map;
pub mod sts;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The program's version, as the command line and the page show it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
