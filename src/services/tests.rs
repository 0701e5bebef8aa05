use super::*;
use crate::json::{parse, Limits};

#[test]
fn the_table_names_each_service_principal_and_role_parameter() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("lambda:CreateFunction", "lambda.amazonaws.com", &["Role"]),
        (
            "LAMBDA:updatefunctionconfiguration",
            "lambda.amazonaws.com",
            &["Role"],
        ),
        (
            "ec2:RunInstances",
            "ec2.amazonaws.com",
            &["IamInstanceProfile"],
        ),
        (
            "ec2:AssociateIamInstanceProfile",
            "ec2.amazonaws.com",
            &["IamInstanceProfile"],
        ),
        (
            "ecs:RegisterTaskDefinition",
            "ecs-tasks.amazonaws.com",
            &["taskRoleArn", "executionRoleArn"],
        ),
        (
            "ecs:RunTask",
            "ecs-tasks.amazonaws.com",
            &["overrides.taskRoleArn", "overrides.executionRoleArn"],
        ),
        (
            "cloudformation:CreateStack",
            "cloudformation.amazonaws.com",
            &["RoleARN"],
        ),
        (
            "cloudformation:UpdateStack",
            "cloudformation.amazonaws.com",
            &["RoleARN"],
        ),
        (
            "codebuild:CreateProject",
            "codebuild.amazonaws.com",
            &["serviceRole"],
        ),
        ("glue:CreateJob", "glue.amazonaws.com", &["Role"]),
        (
            "sagemaker:CreateNotebookInstance",
            "sagemaker.amazonaws.com",
            &["RoleArn"],
        ),
        (
            "states:CreateStateMachine",
            "states.amazonaws.com",
            &["roleArn"],
        ),
        (
            "iam:AddRoleToInstanceProfile",
            "ec2.amazonaws.com",
            &["RoleName"],
        ),
        (
            "ec2:ReplaceIamInstanceProfileAssociation",
            "ec2.amazonaws.com",
            &["IamInstanceProfile"],
        ),
    ];
    for (action, principal, names) in cases {
        let api = pass_role_api(action).unwrap_or_else(|| panic!("{action} missing"));
        assert_eq!(api.passed_to_service, *principal);
        let got: Vec<&str> = api.parameters.iter().map(|p| p.name).collect();
        assert_eq!(&got, names);
        assert!(api.associated_resource.starts_with("arn:${Partition}:"));
    }
    assert!(pass_role_api("s3:GetObject").is_none());
    assert!(
        pass_role_api("lambda:CreateFunction")
            .unwrap()
            .trust_check
            .checked_by_this_call
    );
    assert!(
        !pass_role_api("ec2:RunInstances")
            .unwrap()
            .trust_check
            .checked_by_this_call
    );
}

fn extract(action: &str, text: &str) -> (Vec<ExtractedRole>, Vec<crate::finding::Finding>) {
    let json = parse(text, &Limits::default()).unwrap();
    extract_roles(
        pass_role_api(action).unwrap(),
        Some(&json),
        "/requests/0/parameters",
        crate::lang::Lang::En,
    )
}

#[test]
fn role_references_are_extracted_in_each_form() {
    let (roles, findings) = extract(
        "lambda:CreateFunction",
        r#"{"FunctionName": "f", "Role": "arn:aws:iam::111122223333:role/service-role/fn"}"#,
    );
    assert!(findings.is_empty());
    assert_eq!(
        roles[0].reference,
        RoleReference::RoleArn("arn:aws:iam::111122223333:role/service-role/fn".into())
    );
    assert_eq!(roles[0].pointer, "/requests/0/parameters/Role");

    let (roles, _) = extract(
        "ec2:RunInstances",
        r#"{"IamInstanceProfile": {"Name": "web"}}"#,
    );
    assert_eq!(
        roles[0].reference,
        RoleReference::InstanceProfileName("web".into())
    );
    let (roles, _) = extract(
        "ec2:RunInstances",
        r#"{"IamInstanceProfile": {"Arn": "arn:aws:iam::1:instance-profile/web"}}"#,
    );
    assert_eq!(
        roles[0].reference,
        RoleReference::InstanceProfileArn("arn:aws:iam::1:instance-profile/web".into())
    );
    let (roles, findings) = extract("ec2:RunInstances", r#"{"ImageId": "ami-1"}"#);
    assert!(roles.is_empty() && findings.is_empty());

    let (roles, _) = extract(
        "ecs:RunTask",
        r#"{"overrides": {"taskRoleArn": "arn:aws:iam::1:role/task"}}"#,
    );
    assert_eq!(
        roles[0].pointer,
        "/requests/0/parameters/overrides/taskRoleArn"
    );

    let (roles, _) = extract("glue:CreateJob", r#"{"Role": "GlueJobRole"}"#);
    assert_eq!(
        roles[0].reference,
        RoleReference::RoleName("GlueJobRole".into())
    );
}

#[test]
fn missing_and_mistyped_role_parameters_are_findings() {
    let (_, findings) = extract("lambda:CreateFunction", r#"{"FunctionName": "f"}"#);
    assert_eq!(findings[0].code, "MISSING_PARAMETER");
    assert_eq!(findings[0].pointer, "/requests/0/parameters/Role");
    let (_, findings) = extract("states:CreateStateMachine", r#"{"roleArn": 7}"#);
    assert!(findings[0]
        .message
        .contains("must be a role ARN (a string), but it is a number"));
    let (_, findings) = extract(
        "ec2:AssociateIamInstanceProfile",
        r#"{"IamInstanceProfile": {"Id": "x"}}"#,
    );
    assert_eq!(findings[0].code, "PARAMETER_TYPE");
    // IAM's RoleName is a name: an ARN there is a mistake, not a role.
    let (roles, findings) = extract(
        "iam:AddRoleToInstanceProfile",
        r#"{"RoleName": "arn:aws:iam::111122223333:role/web"}"#,
    );
    assert!(roles.is_empty());
    assert!(findings[0]
        .message
        .contains("must be a role name (a string, not an ARN)"));
}

#[test]
fn the_associated_resource_is_the_call_s_unless_the_template_fixes_it() {
    let arn = |action: &str| {
        let api = pass_role_api(action).unwrap();
        associated_resource_arn(api, "arn:aws:x", "aws", "111122223333")
    };
    assert_eq!(arn("lambda:CreateFunction"), "arn:aws:x");
    assert_eq!(
        arn("iam:AddRoleToInstanceProfile"),
        "arn:aws:ec2:*:111122223333:instance/*"
    );
}
