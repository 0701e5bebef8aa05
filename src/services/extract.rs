//! Finding the role reference(s) in a service call's parameters.

use super::{PassRoleApi, RoleParameter, RoleValue};
use crate::finding::Finding;
use crate::json::{pointer_push, Json, Pointer, Span};
use crate::lang::{gap, json_kind, say, Lang, Text};

/// A role as a call names it. An instance profile is resolved to its role by the scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoleReference {
    RoleArn(String),
    /// A bare name, in the caller's account (Glue's `Role`).
    RoleName(String),
    InstanceProfileArn(String),
    InstanceProfileName(String),
}

/// One role reference found, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtractedRole {
    /// The parameter path as the table names it (`overrides.taskRoleArn`).
    pub parameter: &'static str,
    pub reference: RoleReference,
    pub pointer: Pointer,
    pub span: Span,
}

/// The role references in `parameters` (the request's object, at pointer `base`). Other
/// parameters of the API are not looked at. A required role parameter that is missing, or a
/// value of the wrong type, is an error finding.
pub fn extract_roles(
    api: &PassRoleApi,
    parameters: Option<&Json>,
    base: &str,
    lang: Lang,
) -> (Vec<ExtractedRole>, Vec<Finding>) {
    let mut roles = Vec::new();
    let mut findings = Vec::new();
    for parameter in api.parameters {
        match lookup(parameters, base, parameter.name) {
            Some((value, pointer)) => match reference(parameter, value) {
                Ok(reference) => roles.push(ExtractedRole {
                    parameter: parameter.name,
                    reference,
                    pointer,
                    span: value.span,
                }),
                Err(expected) => {
                    let (name, action) = (parameter.name, api.action);
                    let (expected, kind) = (expected.get(lang), json_kind(value, lang));
                    let gap = gap(expected);
                    findings.push(Finding::error(
                        "PARAMETER_TYPE",
                        say!(
                            lang,
                            "{name} of {action} must be {expected}, but it is {kind}.",
                            "{action} の {name} は{expected}{gap}でなければなりませんが、{kind}です。"
                        ),
                        pointer,
                        Some(value.span),
                    ))
                }
            },
            None if parameter.required => findings.push(Finding::error(
                "MISSING_PARAMETER",
                say!(
                    lang,
                    "{} needs the {} parameter: the role to pass to {}.",
                    "{} には {} パラメーターが必要です: {} に渡すロールです。",
                    api.action,
                    parameter.name,
                    api.passed_to_service
                ),
                pointer_push(base, parameter.name),
                parameters.map(|p| p.span),
            )),
            None => {}
        }
    }
    (roles, findings)
}

/// Follows a dotted path such as `overrides.taskRoleArn`.
fn lookup<'a>(parameters: Option<&'a Json>, base: &str, path: &str) -> Option<(&'a Json, Pointer)> {
    let mut value = parameters?;
    let mut pointer = base.to_string();
    for step in path.split('.') {
        value = value.get(step)?;
        pointer = pointer_push(&pointer, step);
    }
    Some((value, pointer))
}

fn reference(parameter: &RoleParameter, value: &Json) -> Result<RoleReference, Text> {
    match parameter.value {
        RoleValue::RoleArn => value
            .as_str()
            .map(|s| RoleReference::RoleArn(s.to_string()))
            .ok_or(Text {
                en: "a role ARN (a string)",
                ja: "ロール ARN (文字列)",
            }),
        RoleValue::RoleNameOrArn => match value.as_str() {
            Some(s) if s.starts_with("arn:") => Ok(RoleReference::RoleArn(s.to_string())),
            Some(s) => Ok(RoleReference::RoleName(s.to_string())),
            None => Err(Text {
                en: "a role name or ARN (a string)",
                ja: "ロール名または ARN (文字列)",
            }),
        },
        RoleValue::RoleName => match value.as_str() {
            Some(s) if !s.starts_with("arn:") => Ok(RoleReference::RoleName(s.to_string())),
            _ => Err(Text {
                en: "a role name (a string, not an ARN)",
                ja: "ロール名 (ARN ではなく文字列)",
            }),
        },
        RoleValue::InstanceProfile => instance_profile(value),
    }
}

/// EC2 takes `{"Arn": ...}` or `{"Name": ...}`; a bare ARN string is accepted as a shorthand.
fn instance_profile(value: &Json) -> Result<RoleReference, Text> {
    const EXPECTED: Text = Text {
        en: "an instance profile: {\"Arn\": \"arn:aws:iam::ACCOUNT:instance-profile/NAME\"} or {\"Name\": \"NAME\"}",
        ja: "インスタンスプロファイル ({\"Arn\": \"arn:aws:iam::ACCOUNT:instance-profile/NAME\"} または {\"Name\": \"NAME\"})",
    };
    if let Some(s) = value.as_str() {
        return Ok(RoleReference::InstanceProfileArn(s.to_string()));
    }
    if let Some(arn) = value.get("Arn").and_then(Json::as_str) {
        return Ok(RoleReference::InstanceProfileArn(arn.to_string()));
    }
    if let Some(name) = value.get("Name").and_then(Json::as_str) {
        return Ok(RoleReference::InstanceProfileName(name.to_string()));
    }
    Err(EXPECTED)
}
