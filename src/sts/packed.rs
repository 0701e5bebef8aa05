//! An estimate of STS's packed size of session policies and session tags.
//!
//! AWS: "An AWS conversion compresses the passed inline session policy, managed policy ARNs, and
//! session tags into a packed binary format that has a separate limit" (STS API reference,
//! AssumeRole `Policy`; IAM User Guide, "Passing session tags in AWS STS"). Neither the format
//! nor the limit is published. This module is therefore an **estimate**, and the explanation
//! must say so when a result hinges on it:
//!
//! * the packed input is the inline policy as compact JSON text, each policy ARN, and each tag
//!   as `key=value`, one per line;
//! * it is compressed with DEFLATE (level 6), and the compressed byte count is compared with
//!   [`PACKED_BUDGET_BYTES`].
//!
//! The budget was chosen so that a full 2,048-character inline policy lands well under 100 %
//! and so that about 20 long tags (the EKS pod identity tags plus GitHub Actions' default tags),
//! which users report failing with "Packed size of session tags consumes 142% of allotted
//! space" (aws-actions/configure-aws-credentials#1803), land over it. It is a calibration
//! against reports, not AWS's formula.

use crate::json::Json;

/// The compressed size, in bytes, that this estimate treats as 100 %.
pub const PACKED_BUDGET_BYTES: usize = 700;

/// The estimated `PackedPolicySize` percentage (rounded up) for a request's session policy,
/// policy ARNs and session tags. 0 when nothing is passed, as AWS reports for such requests.
pub fn packed_policy_percent(
    policy: Option<&Json>,
    policy_arns: &[String],
    tags: &[(String, String)],
) -> usize {
    let mut text = String::new();
    if let Some(policy) = policy {
        text.push_str(&policy.to_compact_string());
        text.push('\n');
    }
    for arn in policy_arns {
        text.push_str(arn);
        text.push('\n');
    }
    for (key, value) in tags {
        text.push_str(key);
        text.push('=');
        text.push_str(value);
        text.push('\n');
    }
    if text.is_empty() {
        return 0;
    }
    let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6).len();
    (packed * 100).div_ceil(PACKED_BUDGET_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, Limits};

    #[test]
    fn nothing_passed_packs_to_zero() {
        assert_eq!(packed_policy_percent(None, &[], &[]), 0);
    }

    #[test]
    fn a_small_policy_fits_and_many_long_distinct_tags_do_not() {
        let policy = parse(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}"#,
            &Limits::default(),
        )
        .unwrap();
        let small = packed_policy_percent(Some(&policy), &[], &[]);
        assert!(small > 0 && small < 50, "{small}");
        // 50 tags with distinct 40-character hex values (commit ids, run ids) barely compress.
        let tags: Vec<(String, String)> = (0..50)
            .map(|i| {
                let value: String = crate::sts::digest::sha1(format!("{i}").as_bytes())
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                (format!("Tag{i}"), value)
            })
            .collect();
        assert!(packed_policy_percent(None, &[], &tags) > 100);
    }
}
