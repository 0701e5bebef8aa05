//! The built-in catalogue of AWS managed policies.
//!
//! A scenario may refer to an AWS managed policy by its ARN
//! (`arn:aws:iam::aws:policy/AdministratorAccess`, with a path where AWS gives one:
//! `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole`) and to an AWS Organizations
//! managed policy by its name (`FullAWSAccess`, `RCPFullAWSAccess`), as the scenario format's
//! "A policy reference" section says. The program runs offline, so it carries the documents.
//!
//! Each document is the default version as AWS publishes it, stored under `catalogue/` and
//! embedded at build time. Where each came from (stored copies read when this was written):
//!
//! | policy | version | source |
//! | --- | --- | --- |
//! | AdministratorAccess | v1 | mirror |
//! | PowerUserAccess | v12 (edited 2026-02-12) | reference guide and mirror |
//! | IAMFullAccess | v2 | reference guide and mirror |
//! | IAMReadOnlyAccess | v4 | mirror |
//! | AmazonS3FullAccess | v2 | mirror |
//! | AmazonS3ReadOnlyAccess | v3 | reference guide and mirror |
//! | AmazonEC2FullAccess | v5 | mirror |
//! | AmazonEC2ReadOnlyAccess | v2 | mirror |
//! | AmazonSQSFullAccess | v1 | mirror |
//! | AWSCloudFormationFullAccess | v1 | reference guide |
//! | AWSLambdaExecute | v1 | mirror |
//! | service-role/AWSLambdaBasicExecutionRole | v1 | mirror |
//! | service-role/AWSLambdaVPCAccessExecutionRole | v3 | reference guide and mirror |
//! | FullAWSAccess (SCP) | - | Organizations User Guide, "Service control policies (SCPs)" |
//! | RCPFullAWSAccess (RCP) | - | Organizations User Guide, "Resource control policy examples" |
//!
//! "Reference guide" is the *AWS Managed Policy Reference Guide*
//! (docs.aws.amazon.com/aws-managed-policy/latest/reference/<Name>.html); "mirror" is
//! github.com/zoph-io/MAMIP, `policies/<Name>`, which stores `iam:GetPolicyVersion` output for
//! the default version. Where both were read they agree. Key order follows the reference guide
//! where it was read, the mirror otherwise. AWS Organizations policies have no versions.
//!
//! AWS updates managed policies; `version` records the default version that was copied, so a
//! reader can compare it with the policy's current page.

use crate::lang::{say, Lang};

/// Which kind of policy a catalogue entry is, since each goes in a different place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManagedKind {
    /// An IAM managed policy, attached to users, groups and roles or used as a boundary.
    Iam,
    /// A service control policy of AWS Organizations.
    Scp,
    /// A resource control policy of AWS Organizations.
    Rcp,
}

/// An AWS managed policy the program knows.
#[derive(Debug, PartialEq, Eq)]
pub struct ManagedPolicy {
    /// The ARN for IAM policies, the name for AWS Organizations policies: what a scenario writes.
    pub arn_or_name: &'static str,
    pub kind: ManagedKind,
    /// The policy document, JSON text.
    pub document: &'static str,
    /// The default version copied (`v12`), or `unversioned` where AWS publishes none.
    pub version: &'static str,
}

impl ManagedPolicy {
    /// The policy's name: the last part of its ARN, or the whole name.
    pub fn name(&self) -> &'static str {
        last_segment(self.arn_or_name)
    }
}

const PREFIX: &str = "arn:aws:iam::aws:policy/";

macro_rules! iam {
    ($path:literal, $file:literal, $version:literal) => {
        ManagedPolicy {
            arn_or_name: concat!("arn:aws:iam::aws:policy/", $path, $file),
            kind: ManagedKind::Iam,
            document: include_str!(concat!("catalogue/", $file, ".json")),
            version: $version,
        }
    };
}

static CATALOGUE: [ManagedPolicy; 15] = [
    iam!("", "AdministratorAccess", "v1"),
    iam!("", "PowerUserAccess", "v12"),
    iam!("", "IAMFullAccess", "v2"),
    iam!("", "IAMReadOnlyAccess", "v4"),
    iam!("", "AmazonS3FullAccess", "v2"),
    iam!("", "AmazonS3ReadOnlyAccess", "v3"),
    iam!("", "AmazonEC2FullAccess", "v5"),
    iam!("", "AmazonEC2ReadOnlyAccess", "v2"),
    iam!("", "AmazonSQSFullAccess", "v1"),
    iam!("", "AWSCloudFormationFullAccess", "v1"),
    iam!("", "AWSLambdaExecute", "v1"),
    iam!("service-role/", "AWSLambdaBasicExecutionRole", "v1"),
    iam!("service-role/", "AWSLambdaVPCAccessExecutionRole", "v3"),
    ManagedPolicy {
        arn_or_name: "FullAWSAccess",
        kind: ManagedKind::Scp,
        document: include_str!("catalogue/FullAWSAccess.json"),
        version: "unversioned",
    },
    ManagedPolicy {
        arn_or_name: "RCPFullAWSAccess",
        kind: ManagedKind::Rcp,
        document: include_str!("catalogue/RCPFullAWSAccess.json"),
        version: "unversioned",
    },
];

/// Every policy in the catalogue.
pub fn all() -> &'static [ManagedPolicy] {
    &CATALOGUE
}

/// The catalogue entry a scenario's policy reference names, exactly as written. The scenario
/// format makes an ARN outside the catalogue an error, so a near miss is explained by
/// `not_found_message` rather than silently accepted as something the author may not have meant.
pub fn lookup(reference: &str) -> Option<&'static ManagedPolicy> {
    CATALOGUE.iter().find(|p| p.arn_or_name == reference)
}

/// Why `reference` resolved to nothing, with the entry the author probably meant.
pub fn not_found_message(reference: &str) -> String {
    not_found_message_in(reference, Lang::En)
}

/// [`not_found_message`] in `lang`.
pub fn not_found_message_in(reference: &str, lang: Lang) -> String {
    let mut message = if reference.starts_with("arn:") {
        say!(
            lang,
            "{reference} is not in the built-in catalogue of AWS managed policies; paste its \
             document into `policies` and refer to it by name",
            "{reference} は組み込みの AWS 管理ポリシーのカタログにありません。ドキュメントを \
             `policies` に貼り付けて、名前で参照してください"
        )
    } else {
        say!(
            lang,
            "{reference} is neither an entry of `policies` nor an AWS Organizations managed \
             policy in the built-in catalogue (FullAWSAccess, RCPFullAWSAccess); paste its \
             document into `policies` under that name",
            "{reference} は `policies` のエントリでも、組み込みカタログの AWS Organizations \
             管理ポリシー (FullAWSAccess, RCPFullAWSAccess) でもありません。ドキュメントを\
             その名前で `policies` に貼り付けてください"
        )
    };
    if let Some(suggestion) = near_miss(reference) {
        let near = suggestion.arn_or_name;
        message.push_str(&say!(
            lang,
            " (did you mean {near}?)",
            " ({near} のことですか?)"
        ));
    }
    message
}

/// Longest reference compared by edit distance; longer text is no typo of a catalogue entry.
const MAX_COMPARED_CHARS: usize = 128;

/// The entry that `reference` most likely meant: the same name in another case, with another
/// path or partition, as a bare name or as an ARN; else a name within two edits.
fn near_miss(reference: &str) -> Option<&'static ManagedPolicy> {
    let name = last_segment(reference);
    if let Some(same) = CATALOGUE
        .iter()
        .find(|p| p.name().eq_ignore_ascii_case(name))
    {
        return Some(same);
    }
    if name.chars().count() > MAX_COMPARED_CHARS {
        return None;
    }
    let lowered = name.to_ascii_lowercase();
    CATALOGUE
        .iter()
        .map(|p| (edit_distance(&lowered, &p.name().to_ascii_lowercase()), p))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, p)| p)
}

/// The part after the last `/` of an ARN's resource, or the whole text.
fn last_segment(reference: &str) -> &str {
    let resource = reference.strip_prefix(PREFIX).unwrap_or(reference);
    resource.rsplit('/').next().unwrap_or(resource)
}

/// Levenshtein distance over characters; both inputs are short (see `MAX_COMPARED_CHARS`).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            let delete = previous[j + 1] + 1;
            let insert = current[j] + 1;
            current.push(substitute.min(delete).min(insert));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{self, Limits};

    #[test]
    fn every_document_is_a_policy_with_version_2012_10_17_and_statements() {
        for policy in all() {
            let doc = json::parse(policy.document, &Limits::default())
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", policy.arn_or_name));
            let keys: Vec<&str> = doc
                .members()
                .unwrap_or_default()
                .iter()
                .map(|m| m.key.as_str())
                .collect();
            assert_eq!(keys, ["Version", "Statement"], "{}", policy.arn_or_name);
            assert_eq!(
                doc.get("Version").and_then(|v| v.as_str()),
                Some("2012-10-17")
            );
            let statements = doc
                .get("Statement")
                .and_then(|s| s.as_array())
                .unwrap_or_default();
            assert!(
                !statements.is_empty(),
                "{} has no statement",
                policy.arn_or_name
            );
            for statement in statements {
                assert_eq!(
                    statement.get("Effect").and_then(|e| e.as_str()),
                    Some("Allow"),
                    "{}",
                    policy.arn_or_name
                );
                // Only resource control policies name a principal (Organizations, "RCP syntax").
                assert_eq!(
                    statement.get("Principal").is_some(),
                    policy.kind == ManagedKind::Rcp,
                    "{}",
                    policy.arn_or_name
                );
            }
        }
    }

    #[test]
    fn entries_are_unique_and_named_as_aws_spells_them() {
        for (i, policy) in all().iter().enumerate() {
            assert!(all()[..i]
                .iter()
                .all(|p| p.arn_or_name != policy.arn_or_name));
            match policy.kind {
                ManagedKind::Iam => assert!(policy.arn_or_name.starts_with(PREFIX)),
                ManagedKind::Scp | ManagedKind::Rcp => assert!(!policy.arn_or_name.contains(':')),
            }
        }
    }

    #[test]
    fn looks_up_the_policies_scenarios_name() {
        let cases = [
            (
                "arn:aws:iam::aws:policy/AdministratorAccess",
                ManagedKind::Iam,
                "v1",
            ),
            (
                "arn:aws:iam::aws:policy/PowerUserAccess",
                ManagedKind::Iam,
                "v12",
            ),
            (
                "arn:aws:iam::aws:policy/IAMFullAccess",
                ManagedKind::Iam,
                "v2",
            ),
            (
                "arn:aws:iam::aws:policy/AmazonS3FullAccess",
                ManagedKind::Iam,
                "v2",
            ),
            (
                "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
                ManagedKind::Iam,
                "v3",
            ),
            (
                "arn:aws:iam::aws:policy/AmazonEC2FullAccess",
                ManagedKind::Iam,
                "v5",
            ),
            (
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                ManagedKind::Iam,
                "v1",
            ),
            ("FullAWSAccess", ManagedKind::Scp, "unversioned"),
            ("RCPFullAWSAccess", ManagedKind::Rcp, "unversioned"),
        ];
        for (reference, kind, version) in cases {
            let policy = lookup(reference).unwrap_or_else(|| panic!("{reference} not found"));
            assert_eq!(
                (policy.arn_or_name, policy.kind, policy.version),
                (reference, kind, version)
            );
        }
        assert_eq!(
            lookup("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
                .map(|p| p.name()),
            Some("AWSLambdaBasicExecutionRole")
        );
    }

    #[test]
    fn documents_say_what_aws_documents() {
        let compact = |r: &str| {
            lookup(r)
                .and_then(|p| json::parse(p.document, &Limits::default()).ok())
                .map(|d| d.to_compact_string())
        };
        assert_eq!(
            compact("arn:aws:iam::aws:policy/AdministratorAccess").as_deref(),
            Some(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
            )
        );
        assert_eq!(
            compact("RCPFullAWSAccess").as_deref(),
            Some(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#
            )
        );
        assert_eq!(
            compact("FullAWSAccess").as_deref(),
            Some(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
            )
        );
    }

    #[test]
    fn lookup_is_exact() {
        for reference in [
            "arn:aws:iam::aws:policy/administratoraccess",
            "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole",
            "AdministratorAccess",
            "fullawsaccess",
            "arn:aws:iam::aws:policy/FullAWSAccess",
            " FullAWSAccess",
            "",
        ] {
            assert_eq!(lookup(reference), None, "{reference:?}");
        }
    }

    #[test]
    fn not_found_messages_suggest_near_misses() {
        let cases = [
            (
                "arn:aws:iam::aws:policy/administratoraccess",
                Some("arn:aws:iam::aws:policy/AdministratorAccess"),
            ),
            (
                "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole",
                Some("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
            ),
            (
                "arn:aws:iam::aws:policy/AdministratorAcess",
                Some("arn:aws:iam::aws:policy/AdministratorAccess"),
            ),
            (
                "arn:aws-cn:iam::aws:policy/PowerUserAccess",
                Some("arn:aws:iam::aws:policy/PowerUserAccess"),
            ),
            (
                "AmazonS3ReadOnlyAccess",
                Some("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"),
            ),
            (
                "arn:aws:iam::aws:policy/FullAWSAccess",
                Some("FullAWSAccess"),
            ),
            ("RCPFullAwsAccess", Some("RCPFullAWSAccess")),
            ("arn:aws:iam::aws:policy/ReadOnlyAccess", None),
            ("MyPolicy", None),
        ];
        for (reference, suggestion) in cases {
            let message = not_found_message(reference);
            let expected = suggestion
                .map(|s| format!(" (did you mean {s}?)"))
                .unwrap_or_default();
            assert!(message.starts_with(reference), "{message}");
            assert!(
                message.ends_with(&format!("by name{expected}"))
                    || message.ends_with(&format!("under that name{expected}")),
                "{message}"
            );
        }
        assert_eq!(
            not_found_message("arn:aws:iam::aws:policy/Foo"),
            "arn:aws:iam::aws:policy/Foo is not in the built-in catalogue of AWS managed policies; paste its document into `policies` and refer to it by name"
        );
    }

    #[test]
    fn hostile_references_cost_little() {
        let long = "x".repeat(100_000);
        assert!(not_found_message(&long).ends_with("under that name"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
