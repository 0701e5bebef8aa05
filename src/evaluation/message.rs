//! AWS's AccessDenied message shapes (IAM User Guide, "Troubleshoot access denied error
//! messages"; semantics notes §8).

use crate::policy::PolicyKind;

/// `User: ARN is not authorized to perform: ACTION on resource: ARN because no TYPE allows the
/// ACTION action` (implicit) or `... with an explicit deny in a TYPE` (explicit).
///
/// AWS adds the policy-type context only for requests within one account or one organization
/// (Amazon S3 User Guide, "Troubleshoot access denied (403 Forbidden) errors": the additional
/// context is included for requests from the same account or organization); across
/// organizations the message stops after the resource. The role trust policy is written "the role
/// trust policy" in AWS's explicit-deny example, and "a TYPE" elsewhere. An SCP that denies
/// implicitly (no SCP at some level allows) is still written as an explicit deny: "When an SCP
/// denies access, the error message always includes the phrase ... explicit deny in a Service
/// Control Policy, even if the denial is implicit" (the same page).
pub fn access_denied_message(
    principal: &str,
    action: &str,
    resource: &str,
    denied_by: Option<PolicyKind>,
    explicit: bool,
    with_context: bool,
) -> String {
    let head =
        format!("User: {principal} is not authorized to perform: {action} on resource: {resource}");
    let Some(kind) = denied_by.filter(|_| with_context) else {
        return head;
    };
    let name = kind.aws_name();
    if explicit || kind == PolicyKind::Scp {
        // AWS: "with an explicit deny in an identity-based policy", "... in a service control
        // policy", "... in the role trust policy".
        let article = if kind == PolicyKind::Trust {
            "the"
        } else if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{head} with an explicit deny in {article} {name}")
    } else {
        format!("{head} because no {name} allows the {action} action")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_follow_aws() {
        let m = access_denied_message(
            "arn:aws:iam::111122223333:user/alice",
            "sts:AssumeRole",
            "arn:aws:iam::444455556666:role/app/Deployer",
            Some(PolicyKind::Identity),
            false,
            true,
        );
        assert_eq!(m, "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/app/Deployer because no identity-based policy allows the sts:AssumeRole action");
        // As in AWS's "Troubleshoot access denied error messages" examples.
        let m = access_denied_message(
            "u",
            "codecommit:ListRepositories",
            "r",
            Some(PolicyKind::Identity),
            true,
            true,
        );
        assert!(
            m.ends_with("with an explicit deny in an identity-based policy"),
            "{m}"
        );
        let m = access_denied_message("u", "s3:GetObject", "r", Some(PolicyKind::Scp), true, true);
        assert!(
            m.ends_with("with an explicit deny in a service control policy"),
            "{m}"
        );
        // No SCP allows: AWS still writes an explicit deny, where other kinds say "no TYPE".
        let m = access_denied_message("u", "s3:GetObject", "r", Some(PolicyKind::Scp), false, true);
        assert_eq!(
            m,
            "User: u is not authorized to perform: s3:GetObject on resource: r with an explicit deny in a service control policy"
        );
        let m = access_denied_message("u", "s3:GetObject", "r", Some(PolicyKind::Rcp), false, true);
        assert!(
            m.ends_with("because no resource control policy allows the s3:GetObject action"),
            "{m}"
        );
        let m = access_denied_message(
            "u",
            "sts:AssumeRole",
            "r",
            Some(PolicyKind::Trust),
            true,
            true,
        );
        assert!(
            m.ends_with("with an explicit deny in the role trust policy"),
            "{m}"
        );
        let m = access_denied_message(
            "u",
            "s3:GetObject",
            "r",
            Some(PolicyKind::Resource),
            false,
            false,
        );
        assert_eq!(
            m,
            "User: u is not authorized to perform: s3:GetObject on resource: r"
        );
    }
}
