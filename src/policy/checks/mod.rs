//! Checks that look at a statement or the policy as a whole, after its elements are read:
//! Access Analyzer's security warnings and suggestions, and the trust policy rules that tie
//! principals to actions.

mod passrole;
mod redundant;
mod trust;

pub(crate) use trust::TRUST_ACTIONS;

use super::reader::Reader;
use super::{Policy, PolicyKind};
use crate::json::Json;

pub(crate) fn run(r: &mut Reader, policy: &Policy, json: &Json, base: &str) {
    redundant::statements(r, json, base);
    for stmt in &policy.statements {
        redundant::values(r, stmt);
        match policy.kind {
            PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session => {
                passrole::check(r, stmt)
            }
            PolicyKind::Trust => trust::check(r, stmt),
            _ => {}
        }
    }
}
