//! Action patterns: `service:Action`, case-insensitive, with `*` and `?`.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Action": the service prefix and the action
//! name are case-insensitive, and `*` and `?` may appear anywhere (`iam:*AccessKey*`).

use super::Wildcard;

/// A compiled `Action`/`NotAction` value. `"*"` matches every action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionPattern {
    raw: String,
    glob: Wildcard,
}

impl ActionPattern {
    /// Compiles a value as written. Never fails: whether the value is a valid action is a
    /// finding of the policy validator, and an invalid value simply matches what it matches.
    pub fn new(raw: &str) -> ActionPattern {
        ActionPattern {
            raw: raw.to_string(),
            glob: Wildcard::new_case_insensitive(raw),
        }
    }

    pub fn matches(&self, action: &str) -> bool {
        self.glob.matches(action)
    }

    pub fn raw(&self) -> &str {
        &self.raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_match_case_insensitively_with_wildcards() {
        let table: &[(&str, &str, bool)] = &[
            ("*", "s3:GetObject", true),
            ("s3:*", "s3:GetObject", true),
            ("s3:*", "S3:getobject", true),
            ("S3:GETOBJECT", "s3:GetObject", true),
            ("iam:*AccessKey*", "iam:CreateAccessKey", true),
            ("iam:*AccessKey*", "iam:ListAccessKeys", true),
            ("iam:*AccessKey*", "iam:CreateUser", false),
            ("ec2:Describe*", "ec2:DescribeInstances", true),
            ("ec2:Describe*", "ec2:RunInstances", false),
            ("sts:AssumeRole", "sts:AssumeRoleWithSAML", false),
            ("sts:AssumeRole*", "sts:AssumeRoleWithSAML", true),
            ("s3:Get?bject", "s3:GetObject", true),
            ("s3:GetObject", "s3express:GetObject", false),
            ("s3:*", "s3express:GetObject", false),
        ];
        for &(pattern, action, expected) in table {
            assert_eq!(
                ActionPattern::new(pattern).matches(action),
                expected,
                "{pattern} vs {action}"
            );
        }
    }
}
