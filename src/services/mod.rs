//! What each service API checks when it receives a role: PassRole flows and service principals.
//!
//! `iam:PassRole` is a permission, not an API: the service API that receives a role checks it,
//! on the role's ARN (path included), with `iam:PassedToService` (the service principal that
//! will assume the role) and `iam:AssociatedResourceArn` (what the role is attached to)
//! (IAM User Guide, "Grant a user permissions to pass a role to an AWS service"; semantics
//! notes §5). Separately, the role's trust policy must let that service principal assume it;
//! where and whether the API itself reports a trust problem differs by service, and is recorded
//! in [`PassRoleApi::trust_check`] with how sure we are.

mod denial;
mod extract;
mod table;

use crate::lang::Text;

pub use denial::{denial, Denial};
pub use extract::{extract_roles, ExtractedRole, RoleReference};
pub use table::PASS_ROLE_APIS;

/// How a parameter names the role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleValue {
    /// A role ARN.
    RoleArn,
    /// A role ARN or a bare role name (Glue's `Role`).
    RoleNameOrArn,
    /// A bare role name, in the caller's account (IAM's `RoleName`).
    RoleName,
    /// An instance profile, as its ARN or as `{"Arn": ...}` / `{"Name": ...}` (EC2); the role
    /// passed is the one inside the profile.
    InstanceProfile,
}

/// One parameter that carries a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleParameter {
    /// The API's own parameter name; a dot descends into an object (`overrides.taskRoleArn`).
    pub name: &'static str,
    pub value: RoleValue,
    pub required: bool,
}

/// How confident the table is about a service's trust check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// AWS documentation says so.
    Documented,
    /// Widely reported by users; not in AWS's documentation.
    Community,
    /// Not documented; our best understanding.
    Unverified,
}

/// Where AWS reports that the role's trust policy does not let the service assume it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrustCheck {
    /// Whether this API call itself fails when the service cannot assume the role.
    pub checked_by_this_call: bool,
    /// The error code the call fails with when it checks the trust itself.
    pub error_code: Option<&'static str>,
    /// What happens, as a sentence (the error AWS returns, or when the failure shows up); the
    /// English one quotes AWS's own message, which the result's `message` takes.
    pub outcome: Text,
    pub evidence: Evidence,
}

/// A service API that passes a role to a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PassRoleApi {
    /// The IAM action, as AWS spells it (`lambda:CreateFunction`).
    pub action: &'static str,
    pub parameters: &'static [RoleParameter],
    /// The `iam:PassedToService` value: the service principal that will assume the role.
    pub passed_to_service: &'static str,
    /// What `iam:AssociatedResourceArn` holds, as an ARN template (see
    /// [`associated_resource_arn`]).
    pub associated_resource: &'static str,
    pub trust_check: TrustCheck,
    /// The confused-deputy keys the service puts in its own request to assume the role.
    pub source_keys: SourceKeys,
}

/// The keys `aws:SourceAccount` and `aws:SourceArn` in the request a service makes to assume
/// a role passed to it, which a trust policy tests against the confused deputy problem. They
/// are present only when a service acts on behalf of a resource (IAM User Guide, "AWS global
/// condition context keys"), and AWS lists no services that send them: each service's own
/// guide says so or does not, and only what one says is modelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKeys {
    /// The service's guide documents neither for this role, so neither is in the request.
    Undocumented,
    /// `aws:SourceAccount` is the account the call is made in, `aws:SourceArn` the resource the
    /// call creates or changes (Step Functions' state machine, CodeBuild's project): the
    /// request's `resource`, as for `iam:AssociatedResourceArn`.
    AccountAndResource,
    /// `aws:SourceAccount` is the account the call is made in; `aws:SourceArn` names a task,
    /// which exists only once one starts after this call (ECS), so a task of that account and
    /// Region stands for it.
    AccountAndTask,
}

/// The source keys a trust policy may test; the guides of the services that take a passed role
/// document neither `aws:SourceOrgID` nor `aws:SourceOrgPaths`, so no request here has them.
pub const SOURCE_KEYS: [&str; 4] = [
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
];

/// The table entry for an action, matched ignoring case as IAM action names are.
pub fn pass_role_api(action: &str) -> Option<&'static PassRoleApi> {
    PASS_ROLE_APIS
        .iter()
        .find(|api| api.action.eq_ignore_ascii_case(action))
}

/// The `iam:AssociatedResourceArn` of a call. Mostly the resource the call acts on, which the
/// scenario gives as the request's `resource` in the form of [`PassRoleApi::associated_resource`]
/// (a function ARN for Lambda, an instance ARN for EC2, a stack ARN for CloudFormation, ...).
/// A template with nothing to fill but the partition and the account is the value itself:
/// AddRoleToInstanceProfile's is "`arn:aws:ec2:*:CallerAccountId:instance/*`" (IAM API
/// Reference, AddRoleToInstanceProfile), as the profile is on no instance yet.
pub fn associated_resource_arn(
    api: &PassRoleApi,
    request_resource: &str,
    partition: &str,
    account: &str,
) -> String {
    let fixed = api
        .associated_resource
        .replace("${Partition}", partition)
        .replace("${Account}", account);
    if fixed.contains("${") {
        request_resource.to_string()
    } else {
        fixed
    }
}

#[cfg(test)]
mod tests;
