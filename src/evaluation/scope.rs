//! Which policies govern a request beyond the caller and the resource: the services RCPs cover,
//! and the resources whose own policy must allow as a role's trust policy must.

/// The services whose resources RCPs govern, by their action prefix. Organizations User Guide,
/// "Resource control policies": "RCPs apply to resources of the following AWS services" (at
/// launch S3, STS, KMS, SQS and Secrets Manager, as AWS Control Tower's RCP page lists them);
/// AWS's announcements added ECR and OpenSearch Serverless (June 2025), Cognito and CloudWatch
/// Logs (January 2026) and DynamoDB (February 2026).
const RCP_SERVICES: [&str; 10] = [
    "s3",
    "sts",
    "kms",
    "sqs",
    "secretsmanager",
    "ecr",
    "aoss",
    "cognito-idp",
    "logs",
    "dynamodb",
];

/// The service prefix of an action (`s3` of `s3:GetObject`; none without a colon).
pub fn service_of(action: &str) -> &str {
    action.split_once(':').map_or("", |(service, _)| service)
}

/// Whether RCPs govern a request for `action`.
pub fn rcps_cover(action: &str) -> bool {
    let service = service_of(action);
    RCP_SERVICES.iter().any(|s| s.eq_ignore_ascii_case(service))
}

/// Whether `resource` is a KMS key, whose key policy, like a role's trust policy, must itself
/// allow: "Unless the key policy explicitly allows it, you cannot use IAM policies to allow
/// access to a KMS key" (KMS Developer Guide, "Key policies in AWS KMS"; IAM User Guide, "Policy
/// evaluation logic": "IAM role trust policies and KMS key policies are exceptions").
pub fn is_kms_key(resource: &str) -> bool {
    // arn:PARTITION:kms:REGION:ACCOUNT:key/ID, in any partition (aws, aws-cn, aws-us-gov).
    let mut parts = resource.splitn(6, ':');
    parts.next() == Some("arn")
        && parts.nth(1) == Some("kms")
        && parts.nth(2).is_some_and(|r| r.starts_with("key/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rcps_cover_the_listed_services_only() {
        assert!(rcps_cover("s3:GetObject"));
        assert!(rcps_cover("STS:AssumeRole"));
        assert!(rcps_cover("dynamodb:PutItem"));
        assert!(!rcps_cover("lambda:InvokeFunction"));
        assert!(!rcps_cover("ec2:TerminateInstances"));
        assert!(!rcps_cover("s3"));
    }

    #[test]
    fn kms_keys_are_told_from_aliases_and_other_arns() {
        assert!(is_kms_key(
            "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        ));
        assert!(is_kms_key(
            "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        ));
        assert!(!is_kms_key("arn:aws:kms:us-east-1:111122223333:alias/app"));
        assert!(!is_kms_key("arn:aws:s3:::key/x"));
        assert!(!is_kms_key("*"));
    }
}
