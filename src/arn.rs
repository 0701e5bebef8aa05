//! Amazon Resource Names: reading a concrete ARN into its parts, and telling which IAM or STS
//! identity an ARN names.
//!
//! Patterns with wildcards (`Resource` values) are the business of [`crate::matching`]; this
//! module reads the ARNs that name one thing: an entity of a scenario, a request's principal or
//! resource. Its errors are sentences that quote the ARN and say what is wrong with it.
//!
//! Source for the format: AWS General Reference / IAM User Guide, "Amazon Resource Names (ARNs)"
//! (`arn:partition:service:region:account-id:resource`, where the resource part may itself hold
//! `:` and `/`), and "IAM identifiers" (semantics notes, source IDS).

mod principal;

pub use principal::{role_session_arn, PrincipalArn};

use std::fmt;

/// The partitions AWS publishes (AWS General Reference, "Amazon Resource Names", partition).
pub const PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

/// The longest stretch of an ARN quoted in a message, so hostile input cannot make huge ones.
const QUOTE_CHARS: usize = 200;

/// A concrete ARN, its parts borrowed from the text it was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arn<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    /// Empty for global services (IAM, STS's global form, S3 buckets).
    pub region: &'a str,
    /// Empty where the service has none (S3 buckets), `aws` for AWS managed policies, else 12
    /// digits.
    pub account: &'a str,
    /// Everything after the fifth colon, `:` and `/` included.
    pub resource: &'a str,
}

/// Why a text is not the ARN it should be: a sentence that quotes it, in English (`message`,
/// also its `Display`) and in Japanese. Both are written when the error is made: ARNs are read
/// where no language is known, and errors are rare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArnError {
    pub message: String,
    pub ja: String,
}

impl ArnError {
    pub(crate) fn new(message: String, ja: String) -> ArnError {
        ArnError { message, ja }
    }

    /// The sentence in `lang`.
    pub fn message_in(&self, lang: crate::lang::Lang) -> &str {
        lang.pick(&self.message, &self.ja)
    }

    /// The sentence in `lang` with its full stop, as a finding's message.
    pub fn sentence(&self, lang: crate::lang::Lang) -> String {
        format!("{}{}", self.message_in(lang), lang.pick(".", "。"))
    }
}

impl fmt::Display for ArnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ArnError {}

/// `text` in backquotes, cut short (on a character boundary) when very long.
pub(crate) fn quote(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(QUOTE_CHARS).collect();
    if chars.next().is_some() {
        format!("`{head}…`")
    } else {
        format!("`{head}`")
    }
}

impl<'a> Arn<'a> {
    /// Reads `text` as a concrete ARN, checking the partition, the service and region spelling and
    /// the account ID.
    pub fn parse(text: &'a str) -> Result<Arn<'a>, ArnError> {
        let fail = |why: String, ja: String| {
            let q = quote(text);
            Err(ArnError::new(
                format!("{q} is not an ARN: {why}"),
                format!("{q} は ARN ではありません: {ja}"),
            ))
        };
        let Some(rest) = text.strip_prefix("arn:") else {
            return fail(
                "an ARN starts with `arn:`".into(),
                "ARN は `arn:` で始まります".into(),
            );
        };
        let Some([partition, service, region, account, resource]) = five_parts(rest) else {
            return fail(
                "an ARN has six parts separated by colons, \
                 arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE"
                    .into(),
                "ARN はコロンで区切られた 6 つの部分 (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE) からなります"
                    .into(),
            );
        };
        if !PARTITIONS.contains(&partition) {
            let (q, all) = (quote(partition), PARTITIONS.join(", "));
            return fail(
                format!("its partition is {q}; AWS's partitions are {all}"),
                format!("パーティションが {q} です。AWS のパーティションは {all} です"),
            );
        }
        if service.is_empty() || !service.chars().all(is_lower_name_char) {
            let q = quote(service);
            return fail(
                format!(
                    "its service is {q}; a service prefix is lower-case letters, digits and hyphens, \
                     such as `iam` or `s3`"
                ),
                format!("サービスが {q} です。サービスプレフィックスは `iam` や `s3` のような英小文字、数字、ハイフンです"),
            );
        }
        if !region.chars().all(is_lower_name_char) {
            let q = quote(region);
            return fail(
                format!("its region is {q}; a region is written like `us-east-1`, or left empty"),
                format!(
                    "リージョンが {q} です。リージョンは `us-east-1` のように書くか、空にします"
                ),
            );
        }
        if resource.is_empty() {
            return fail(
                "its resource part, after the fifth colon, is empty".into(),
                "5 つ目のコロンの後のリソース部分が空です".into(),
            );
        }
        check_account(text, account, AccountRule::Optional)?;
        Ok(Arn {
            partition,
            service,
            region,
            account,
            resource,
        })
    }
}

impl fmt::Display for Arn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "arn:{}:{}:{}:{}:{}",
            self.partition, self.service, self.region, self.account, self.resource
        )
    }
}

/// The five parts of `rest` (an ARN after `arn:`) separated by its first four colons, the last
/// keeping any colons after them. One pass over the bytes: ARNs are read several times for each
/// request, and `splitn` cost a search set up anew for each part.
pub(crate) fn five_parts(rest: &str) -> Option<[&str; 5]> {
    let mut parts = [""; 5];
    let (mut start, mut found) = (0, 0);
    for (i, b) in rest.bytes().enumerate() {
        if b == b':' {
            parts[found] = &rest[start..i];
            start = i + 1;
            found += 1;
            if found == 4 {
                parts[4] = &rest[start..];
                return Some(parts);
            }
        }
    }
    None
}

fn is_lower_name_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

/// Whether an ARN may leave its account empty or say `aws` (AWS managed policies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AccountRule {
    /// Empty, `aws` or 12 digits (any ARN).
    Optional,
    /// 12 digits (IAM and STS identities).
    Required,
    /// 12 digits or `aws` (IAM policies).
    RequiredOrAws,
}

/// An AWS account ID is 12 digits (IAM User Guide, "Your AWS account ID and its alias").
pub fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

pub(crate) fn check_account(arn: &str, account: &str, rule: AccountRule) -> Result<(), ArnError> {
    let aws_ok = rule != AccountRule::Required;
    if is_account_id(account) || (aws_ok && account == "aws") {
        return Ok(());
    }
    if account.is_empty() && rule == AccountRule::Optional {
        return Ok(());
    }
    // Quoted only now: the ARN of every S3 object has no account, and most ARNs read are fine.
    let q = quote(arn);
    let (en, ja) = if account.is_empty() {
        (
            format!("{q} has no account ID; this kind of ARN needs one"),
            format!("{q} にアカウント ID がありません。この種類の ARN には必要です"),
        )
    } else if account.bytes().all(|b| b.is_ascii_digit()) {
        let n = account.len();
        (
            format!("{q} has an account ID of {n} digits; an AWS account ID has 12"),
            format!("{q} のアカウント ID は {n} 桁です。AWS アカウント ID は 12 桁です"),
        )
    } else {
        let a = quote(account);
        (
            format!("{q} has {a} where the account ID goes; an AWS account ID is 12 digits"),
            format!(
                "{q} のアカウント ID の位置に {a} があります。AWS アカウント ID は 12 桁の数字です"
            ),
        )
    };
    Err(ArnError::new(en, ja))
}

/// The account of `arn`, when it is an ARN with an account.
pub fn account_of(arn: &str) -> Option<&str> {
    Arn::parse(arn)
        .ok()
        .map(|a| a.account)
        .filter(|a| !a.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_six_parts() {
        let cases: &[(&str, [&str; 5])] = &[
            (
                "arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob",
                [
                    "aws",
                    "iam",
                    "",
                    "123456789012",
                    "user/division_abc/subdivision_xyz/Bob",
                ],
            ),
            (
                "arn:aws:s3:::reports/2024/q1.csv",
                ["aws", "s3", "", "", "reports/2024/q1.csv"],
            ),
            (
                "arn:aws-cn:sqs:cn-north-1:123456789012:queue",
                ["aws-cn", "sqs", "cn-north-1", "123456789012", "queue"],
            ),
            (
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*",
                [
                    "aws",
                    "logs",
                    "us-east-1",
                    "123456789012",
                    "log-group:/aws/lambda/f:*",
                ],
            ),
            (
                "arn:aws:iam::aws:policy/AdministratorAccess",
                ["aws", "iam", "", "aws", "policy/AdministratorAccess"],
            ),
        ];
        for (text, [partition, service, region, account, resource]) in cases {
            let arn = Arn::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                (
                    arn.partition,
                    arn.service,
                    arn.region,
                    arn.account,
                    arn.resource
                ),
                (*partition, *service, *region, *account, *resource),
                "{text}"
            );
            assert_eq!(arn.to_string(), *text);
        }
    }

    #[test]
    fn refuses_what_is_not_an_arn_with_a_sentence() {
        let cases = [
            ("lambda.amazonaws.com", "an ARN starts with `arn:`"),
            ("arn:aws:iam::123456789012", "six parts separated by colons"),
            ("arn:amazon:iam::123456789012:root", "its partition is `amazon`"),
            ("arn:aws:IAM::123456789012:root", "its service is `IAM`"),
            ("arn:aws:s3:::", "its resource part, after the fifth colon, is empty"),
            (
                "arn:aws:iam::12345:user/a",
                "`arn:aws:iam::12345:user/a` has an account ID of 5 digits; an AWS account ID has 12",
            ),
            ("arn:aws:iam::alice:user/a", "has `alice` where the account ID goes"),
        ];
        for (text, expected) in cases {
            let error = Arn::parse(text).expect_err(text);
            assert!(
                error.message.contains(expected),
                "{text}: {}",
                error.message
            );
        }
    }

    #[test]
    fn quotes_long_and_non_ascii_text_without_splitting_characters() {
        let long = "é".repeat(500);
        let quoted = quote(&long);
        assert_eq!(quoted.chars().count(), QUOTE_CHARS + 3);
        assert!(Arn::parse(&long).is_err());
    }

    #[test]
    fn account_of_reads_the_account_part() {
        assert_eq!(
            account_of("arn:aws:sts::444455556666:assumed-role/Deployer/s1"),
            Some("444455556666")
        );
        assert_eq!(account_of("arn:aws:s3:::reports"), None);
        assert_eq!(account_of("not an arn"), None);
    }
}
