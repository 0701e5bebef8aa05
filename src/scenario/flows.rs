//! Which flow a request's action takes: an STS call that creates a session, a service call
//! that passes a role, or a plain authorization.

use crate::services::{pass_role_api, PassRoleApi};
use crate::sts::StsApi;

pub enum Flow {
    Sts(StsApi),
    PassRole(&'static PassRoleApi),
    Plain,
}

pub fn route(action: &str) -> Flow {
    if let Some(api) = StsApi::from_action(action) {
        return Flow::Sts(api);
    }
    match pass_role_api(action) {
        Some(api) => Flow::PassRole(api),
        None => Flow::Plain,
    }
}
