//! The error code a service answers an authorization denial with. AWS's message has one shape
//! ("User: ARN is not authorized to perform: ACTION on resource: ARN because ..."), but the code
//! follows the service's protocol:
//! * the query protocol (IAM, STS, CloudFormation, RDS, ElastiCache, Elastic Load Balancing,
//!   Auto Scaling) and REST-XML (S3, Route 53): `AccessDenied`, HTTP 403; so SQS and CloudWatch,
//!   which moved to JSON but stay "query compatible" (SDKs report the query code they send);
//! * JSON and REST-JSON: `AccessDeniedException` (400 for JSON, 403 for REST-JSON);
//! * SNS: `AuthorizationError`; EC2: `UnauthorizedOperation`, with an encoded message.
//!
//! The services listed are those whose denial code users report as they met it (CLI and SDK
//! errors in public issues; EC2's and S3's are documented); a service not listed answers
//! `AccessDenied`. Step Functions is reported once to answer a missing `iam:PassRole` with
//! `AccessDenied`; here every denial of a call follows its protocol.

/// The code and, where the service replaces AWS's message, its message.
pub struct Denial {
    pub code: &'static str,
    pub message: Option<&'static str>,
}

/// Services answering `AccessDeniedException`, by IAM service prefix.
const JSON_PROTOCOL: &[&str] = &[
    "acm",
    "apigateway",
    "athena",
    "bedrock",
    "codebuild",
    "codepipeline",
    "cognito-idp",
    "dynamodb",
    "ecr",
    "ecs",
    "eks",
    "es",
    "events",
    "firehose",
    "glue",
    "kinesis",
    "kms",
    "lambda",
    "logs",
    "organizations",
    "sagemaker",
    "secretsmanager",
    "ssm",
    "states",
];

/// "If a user attempts to perform an action that they have not been granted permission to do,
/// the request returns the following error: Client.UnauthorizedOperation" (EC2 API Reference,
/// "Troubleshooting API request errors"). The encoded part, which sts:DecodeAuthorizationMessage
/// decodes, says what the explanation's checks say; it is not reproduced.
const EC2_DENIED: &str =
    "You are not authorized to perform this operation. Encoded authorization failure message: …";

/// How a denial of a call of `action` is answered.
pub fn denial(action: &str) -> Denial {
    let service = crate::evaluation::service_of(action).to_ascii_lowercase();
    let (code, message) = match service.as_str() {
        "ec2" => ("UnauthorizedOperation", Some(EC2_DENIED)),
        "sns" => ("AuthorizationError", None),
        s if JSON_PROTOCOL.contains(&s) => ("AccessDeniedException", None),
        _ => ("AccessDenied", None),
    };
    Denial { code, message }
}

#[cfg(test)]
mod tests {
    use super::denial;

    #[test]
    fn each_protocol_has_its_code() {
        for (action, code) in [
            ("s3:GetObject", "AccessDenied"),
            ("sqs:SendMessage", "AccessDenied"),
            ("iam:ListUsers", "AccessDenied"),
            ("sts:AssumeRole", "AccessDenied"),
            ("lambda:CreateFunction", "AccessDeniedException"),
            ("DynamoDB:GetItem", "AccessDeniedException"),
            ("kms:Decrypt", "AccessDeniedException"),
            ("sns:Publish", "AuthorizationError"),
            ("ec2:RunInstances", "UnauthorizedOperation"),
        ] {
            assert_eq!(denial(action).code, code, "{action}");
        }
        assert!(denial("ec2:StopInstances").message.is_some());
        assert!(denial("lambda:Invoke").message.is_none());
    }
}
