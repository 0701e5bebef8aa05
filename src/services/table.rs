//! The built-in table of service APIs that pass a role. Service principals and parameter names
//! are each service's API reference's; trust-check outcomes carry their evidence.

use super::{Evidence, PassRoleApi, RoleParameter, RoleValue, SourceKeys, TrustCheck};
use crate::lang::Text;

const fn role(name: &'static str, required: bool) -> RoleParameter {
    RoleParameter {
        name,
        value: RoleValue::RoleArn,
        required,
    }
}

const fn profile(required: bool) -> RoleParameter {
    RoleParameter {
        name: "IamInstanceProfile",
        value: RoleValue::InstanceProfile,
        required,
    }
}

const LAMBDA_TRUST: TrustCheck = TrustCheck {
    checked_by_this_call: true,
    error_code: Some("InvalidParameterValueException"),
    outcome: Text {
        en: "Lambda refuses the call with InvalidParameterValueException: \"The role defined for the function cannot be assumed by Lambda.\"",
        ja: "Lambda は InvalidParameterValueException で呼び出しを拒否します: \"The role defined for the function cannot be assumed by Lambda.\"",
    },
    evidence: Evidence::Community,
};

const EC2_TRUST: TrustCheck = TrustCheck {
    checked_by_this_call: false,
    error_code: None,
    outcome: Text {
        en: "The call succeeds; the instance gets no credentials from its instance profile, which shows only when software on it calls AWS.",
        ja: "呼び出しは成功しますが、インスタンスはインスタンスプロファイルから認証情報を得られません。これはインスタンス上のソフトウェアが AWS を呼び出したときに初めて表面化します。",
    },
    evidence: Evidence::Unverified,
};

const ECS_TRUST: TrustCheck = TrustCheck {
    checked_by_this_call: false,
    error_code: None,
    outcome: Text {
        en: "The task definition is accepted; tasks fail when ECS cannot assume the execution role, and the task's own calls fail when the task role cannot be assumed.",
        ja: "タスク定義は受け付けられますが、ECS がタスク実行ロールを引き受けられないとタスクが失敗し、タスクロールを引き受けられないとタスク自身の呼び出しが失敗します。",
    },
    evidence: Evidence::Unverified,
};

const CLOUDFORMATION_TRUST: TrustCheck = TrustCheck {
    checked_by_this_call: true,
    error_code: Some("ValidationError"),
    outcome: Text {
        en: "CloudFormation refuses the call with ValidationError: \"Role <role ARN> is invalid or cannot be assumed\".",
        ja: "CloudFormation は ValidationError で呼び出しを拒否します: \"Role <role ARN> is invalid or cannot be assumed\"。",
    },
    evidence: Evidence::Community,
};

/// See the module's doc comment for sources.
pub static PASS_ROLE_APIS: &[PassRoleApi] = &[
    PassRoleApi {
        action: "lambda:CreateFunction",
        parameters: &[role("Role", true)],
        passed_to_service: "lambda.amazonaws.com",
        associated_resource: "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}",
        trust_check: LAMBDA_TRUST,
        source_keys: SourceKeys::Undocumented,
    },
    PassRoleApi {
        action: "lambda:UpdateFunctionConfiguration",
        parameters: &[role("Role", false)],
        passed_to_service: "lambda.amazonaws.com",
        associated_resource: "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}",
        trust_check: LAMBDA_TRUST,
        source_keys: SourceKeys::Undocumented,
    },
    PassRoleApi {
        action: "ec2:RunInstances",
        parameters: &[profile(false)],
        passed_to_service: "ec2.amazonaws.com",
        associated_resource: "arn:${Partition}:ec2:${Region}:${Account}:instance/*",
        trust_check: EC2_TRUST,
        source_keys: SourceKeys::Undocumented,
    },
    PassRoleApi {
        action: "ec2:AssociateIamInstanceProfile",
        parameters: &[profile(true)],
        passed_to_service: "ec2.amazonaws.com",
        associated_resource: "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}",
        trust_check: EC2_TRUST,
        source_keys: SourceKeys::Undocumented,
    },
    PassRoleApi {
        action: "ec2:ReplaceIamInstanceProfileAssociation",
        parameters: &[profile(true)],
        passed_to_service: "ec2.amazonaws.com",
        associated_resource: "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}",
        trust_check: EC2_TRUST,
        source_keys: SourceKeys::Undocumented,
    },
    // "The caller of this operation must be granted the PassRole permission on the IAM role"
    // (IAM API Reference, AddRoleToInstanceProfile).
    PassRoleApi {
        action: "iam:AddRoleToInstanceProfile",
        parameters: &[RoleParameter {
            name: "RoleName",
            value: RoleValue::RoleName,
            required: true,
        }],
        passed_to_service: "ec2.amazonaws.com",
        associated_resource: "arn:${Partition}:ec2:*:${Account}:instance/*",
        trust_check: EC2_TRUST,
        source_keys: SourceKeys::Undocumented,
    },
    // Source keys: the ECS Developer Guide ("Amazon ECS task IAM role") conditions the task
    // role's trust policy on aws:SourceAccount and an aws:SourceArn matching
    // `arn:aws:ecs:REGION:ACCOUNT:*`; a pattern naming a cluster is not supported.
    PassRoleApi {
        action: "ecs:RegisterTaskDefinition",
        parameters: &[role("taskRoleArn", false), role("executionRoleArn", false)],
        passed_to_service: "ecs-tasks.amazonaws.com",
        associated_resource: "arn:${Partition}:ecs:${Region}:${Account}:task-definition/${Family}:*",
        trust_check: ECS_TRUST,
        source_keys: SourceKeys::AccountAndTask,
    },
    PassRoleApi {
        action: "ecs:RunTask",
        parameters: &[role("overrides.taskRoleArn", false), role("overrides.executionRoleArn", false)],
        passed_to_service: "ecs-tasks.amazonaws.com",
        associated_resource: "arn:${Partition}:ecs:${Region}:${Account}:task-definition/${Family}:${Revision}",
        trust_check: ECS_TRUST,
        source_keys: SourceKeys::AccountAndTask,
    },
    PassRoleApi {
        action: "cloudformation:CreateStack",
        parameters: &[role("RoleARN", false)],
        passed_to_service: "cloudformation.amazonaws.com",
        associated_resource: "arn:${Partition}:cloudformation:${Region}:${Account}:stack/${StackName}/*",
        trust_check: CLOUDFORMATION_TRUST,
        source_keys: SourceKeys::Undocumented,
    },
    PassRoleApi {
        action: "cloudformation:UpdateStack",
        parameters: &[role("RoleARN", false)],
        passed_to_service: "cloudformation.amazonaws.com",
        associated_resource: "arn:${Partition}:cloudformation:${Region}:${Account}:stack/${StackName}/*",
        trust_check: CLOUDFORMATION_TRUST,
        source_keys: SourceKeys::Undocumented,
    },
    // Source keys: the CodeBuild User Guide ("Allow CodeBuild to interact with other AWS
    // services") conditions the service role's trust policy on aws:SourceAccount and an
    // aws:SourceArn of `arn:aws:codebuild:REGION:ACCOUNT:project/NAME`.
    PassRoleApi {
        action: "codebuild:CreateProject",
        parameters: &[role("serviceRole", true)],
        passed_to_service: "codebuild.amazonaws.com",
        associated_resource: "arn:${Partition}:codebuild:${Region}:${Account}:project/${ProjectName}",
        trust_check: TrustCheck {
            checked_by_this_call: true,
            error_code: Some("InvalidInputException"),
            outcome: Text {
                en: "CodeBuild refuses the call with InvalidInputException: \"CodeBuild is not authorized to perform: sts:AssumeRole on <role ARN>\".",
                ja: "CodeBuild は InvalidInputException で呼び出しを拒否します: \"CodeBuild is not authorized to perform: sts:AssumeRole on <role ARN>\"。",
            },
            evidence: Evidence::Community,
        },
        source_keys: SourceKeys::AccountAndResource,
    },
    PassRoleApi {
        action: "glue:CreateJob",
        parameters: &[RoleParameter {
            name: "Role",
            value: RoleValue::RoleNameOrArn,
            required: true,
        }],
        passed_to_service: "glue.amazonaws.com",
        associated_resource: "arn:${Partition}:glue:${Region}:${Account}:job/${JobName}",
        trust_check: TrustCheck {
            checked_by_this_call: false,
            error_code: None,
            outcome: Text {
                en: "The job is created; its runs fail when Glue cannot assume the role.",
                ja: "ジョブは作成されますが、Glue がロールを引き受けられないと、ジョブの実行が失敗します。",
            },
            evidence: Evidence::Unverified,
        },
        source_keys: SourceKeys::Undocumented,
    },
    PassRoleApi {
        action: "sagemaker:CreateNotebookInstance",
        parameters: &[role("RoleArn", true)],
        passed_to_service: "sagemaker.amazonaws.com",
        associated_resource: "arn:${Partition}:sagemaker:${Region}:${Account}:notebook-instance/${NotebookInstanceName}",
        trust_check: TrustCheck {
            checked_by_this_call: true,
            error_code: Some("ValidationException"),
            outcome: Text {
                en: "SageMaker refuses the call with ValidationException: \"Could not assume role <role ARN>. Please ensure that the role exists and allows principal 'sagemaker.amazonaws.com' to assume the role.\"",
                ja: "SageMaker は ValidationException で呼び出しを拒否し、ロールを引き受けられないと伝えます。",
            },
            evidence: Evidence::Community,
        },
        source_keys: SourceKeys::Undocumented,
    },
    // Source keys: the Step Functions Developer Guide ("Creating an IAM role for your state
    // machine", confused deputy prevention) conditions the trust policy on aws:SourceAccount
    // and an aws:SourceArn of `arn:aws:states:REGION:ACCOUNT:stateMachine:*`.
    PassRoleApi {
        action: "states:CreateStateMachine",
        parameters: &[role("roleArn", true)],
        passed_to_service: "states.amazonaws.com",
        associated_resource: "arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}",
        trust_check: TrustCheck {
            checked_by_this_call: true,
            error_code: Some("AccessDeniedException"),
            outcome: Text {
                en: "Step Functions refuses the call with AccessDeniedException: \"Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role.\"",
                ja: "Step Functions は AccessDeniedException で呼び出しを拒否します: \"Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role.\"",
            },
            evidence: Evidence::Community,
        },
        source_keys: SourceKeys::AccountAndResource,
    },
];
