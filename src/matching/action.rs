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
    /// No `*` or `?`: most values name one action, and one case-insensitive comparison (which
    /// fails at once on a different length) decides them without the glob.
    literal: bool,
}

impl ActionPattern {
    /// Compiles a value as written. Never fails: whether the value is a valid action is a
    /// finding of the policy validator, and an invalid value simply matches what it matches.
    pub fn new(raw: &str) -> ActionPattern {
        let glob = Wildcard::new_case_insensitive(raw);
        ActionPattern {
            raw: raw.to_string(),
            literal: !glob.has_wildcards(),
            glob,
        }
    }

    /// Byte-wise ASCII case folding equals the glob's character-wise folding: an ASCII
    /// character is one byte, and the bytes of any other character are never folded.
    pub fn matches(&self, action: &str) -> bool {
        if self.literal {
            self.raw.eq_ignore_ascii_case(action)
        } else {
            self.glob.matches(action)
        }
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
            // Literal values: compared whole, ASCII case folded, other characters exact.
            ("s3:GetObject", "s3:GetObjec", false),
            ("s3:GetObject", "s3:GetObjects", false),
            ("s3:GetObject", "", false),
            ("", "", true),
            ("s3:GetObjéct", "S3:GETOBJéCT", true),
            ("s3:GetObjéct", "S3:GETOBJÉCT", false),
            ("s3:GetObject", "s3:GetObjeçt", false),
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The literal shortcut gives the glob's answer; texts are the pattern with some
        /// characters' case changed or replaced and perhaps one more character, so both answers are frequent.
        #[test]
        fn literal_actions_agree_with_the_glob(
            pattern in "[a-cA-C:éÉ*?]{0,8}",
            flips in proptest::collection::vec(0..4u8, 0..8),
            extra in "[aé]{0,1}",
        ) {
            let mut text: String = pattern
                .chars()
                .zip(flips.iter().chain(std::iter::repeat(&0)))
                .map(|(c, flip)| match flip {
                    1 => c.to_ascii_uppercase(),
                    2 => c.to_ascii_lowercase(),
                    3 => 'é',
                    _ => c,
                })
                .collect();
            text.push_str(&extra);
            let glob = Wildcard::new_case_insensitive(&pattern);
            prop_assert_eq!(ActionPattern::new(&pattern).matches(&text), glob.matches(&text));
        }
    }
}
