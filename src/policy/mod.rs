//! The IAM policy language: documents, statements, parsing with positions, validation findings.
//!
//! A policy is read once from its JSON (with positions), checked as IAM and Access Analyzer check
//! it for its kind (identity, role trust, resource-based, SCP, RCP, permissions boundary,
//! session), and turned into a [`Policy`] whose patterns are compiled, ready to be evaluated
//! against any number of requests.

mod model;

pub use model::*;
