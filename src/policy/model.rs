//! The parsed form of a policy document.

use crate::condition::{Condition, DerivedKeys};
use crate::json::{Pointer, Span};
use crate::lang::Lang;
use crate::matching::{ActionPattern, ResourcePattern};

/// Where an element stands: its JSON pointer in the enclosing document (a scenario, or the policy
/// itself when validated alone) and its text range.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub pointer: Pointer,
    pub span: Span,
}

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub place: Place,
}

/// The kinds of policy the product handles; each has its own grammar rules and size quota.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PolicyKind {
    Identity,
    /// A role's trust policy (`AssumeRolePolicyDocument`), a resource-based policy with rules of
    /// its own.
    Trust,
    /// A resource-based policy other than a trust policy (S3 bucket, KMS key, SQS queue, ...).
    Resource,
    Scp,
    Rcp,
    Boundary,
    Session,
}

impl PolicyKind {
    /// The `--kind` spelling of the command line.
    pub fn from_name(name: &str) -> Option<PolicyKind> {
        Some(match name {
            "identity" => PolicyKind::Identity,
            "trust" => PolicyKind::Trust,
            "resource" => PolicyKind::Resource,
            "scp" => PolicyKind::Scp,
            "rcp" => PolicyKind::Rcp,
            "boundary" => PolicyKind::Boundary,
            "session" => PolicyKind::Session,
            _ => return None,
        })
    }

    /// How AWS's messages name this kind of policy ("no identity-based policy allows ...").
    pub fn aws_name(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity-based policy",
            PolicyKind::Trust => "role trust policy",
            PolicyKind::Resource => "resource-based policy",
            PolicyKind::Scp => "service control policy",
            PolicyKind::Rcp => "resource control policy",
            PolicyKind::Boundary => "permissions boundary",
            PolicyKind::Session => "session policy",
        }
    }

    /// [`name`](Self::name) after "a" or "an" in English ("an identity-based policy"); Japanese
    /// has no article.
    pub fn with_article(self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, PolicyKind::Identity) => format!("an {}", self.aws_name()),
            (Lang::En, _) => format!("a {}", self.aws_name()),
            (Lang::Ja, _) => self.name(lang).to_string(),
        }
    }

    /// How the explanation names this kind of policy: AWS's own name in English, the name AWS's
    /// Japanese documentation uses in Japanese.
    pub fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.aws_name(),
            Lang::Ja => match self {
                PolicyKind::Identity => "アイデンティティベースのポリシー",
                PolicyKind::Trust => "ロールの信頼ポリシー",
                PolicyKind::Resource => "リソースベースのポリシー",
                PolicyKind::Scp => "サービスコントロールポリシー (SCP)",
                PolicyKind::Rcp => "リソースコントロールポリシー (RCP)",
                PolicyKind::Boundary => "アクセス許可の境界",
                PolicyKind::Session => "セッションポリシー",
            },
        }
    }
}

/// The `Version` element. Policy variables work only under `2012-10-17`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyVersion {
    V2012_10_17,
    V2008_10_17,
    /// No `Version` element: IAM accepts it, treats it as `2008-10-17`, and variables are text.
    Unspecified,
}

impl PolicyVersion {
    pub fn supports_variables(self) -> bool {
        self == PolicyVersion::V2012_10_17
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

/// A parsed policy. Statements that could not be read are left out and reported as findings;
/// `valid` is false when any finding was an error, because IAM would have refused the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    pub kind: PolicyKind,
    pub version: PolicyVersion,
    pub id: Option<String>,
    pub statements: Vec<Statement>,
    pub valid: bool,
    pub place: Place,
}

impl Policy {
    /// The groups of derived keys its conditions read; all of them when a policy variable,
    /// which may name any key, stands in a condition or a resource (for a condition, any `${`
    /// in a value counts: a literal `${*}` costs only keys made for nothing).
    pub fn derived_keys_read(&self) -> DerivedKeys {
        let mut keys = DerivedKeys::NONE;
        for statement in &self.statements {
            let mut patterns = statement.resource.iter().flat_map(|r| &r.patterns);
            if patterns.any(|p| p.value.has_variables()) {
                return DerivedKeys::ALL;
            }
            for condition in &statement.conditions {
                if condition.variables && condition.values.iter().any(|v| v.contains("${")) {
                    return DerivedKeys::ALL;
                }
                keys = keys | DerivedKeys::of_key(&condition.key);
            }
        }
        keys
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// Position in the `Statement` array (0 when `Statement` is a single object).
    pub index: usize,
    pub sid: Option<String>,
    pub effect: Effect,
    pub principal: Option<PrincipalClause>,
    pub action: ActionClause,
    /// Absent in trust policies, which have no `Resource`.
    pub resource: Option<ResourceClause>,
    /// Every (operator, key) pair of the `Condition` block; all must hold.
    pub conditions: Vec<Condition>,
    pub place: Place,
}

/// `Principal` or `NotPrincipal`.
#[derive(Clone, Debug, PartialEq)]
pub struct PrincipalClause {
    pub negated: bool,
    pub value: PrincipalValue,
    pub place: Place,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PrincipalValue {
    /// `"Principal": "*"`.
    Any,
    /// `"Principal": {"AWS": [...], "Service": ..., ...}` flattened to one entry per value.
    Entries(Vec<Located<PrincipalEntry>>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipalEntry {
    pub kind: PrincipalType,
    /// The value as written (`"123456789012"`, `"arn:aws:iam::123456789012:root"`, `"*"`, ...).
    pub value: String,
}

/// The keys of a `Principal` map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrincipalType {
    Aws,
    Service,
    Federated,
    CanonicalUser,
}

/// `Action` or `NotAction`.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionClause {
    pub negated: bool,
    pub patterns: Vec<Located<ActionPattern>>,
    pub place: Place,
}

/// `Resource` or `NotResource`.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceClause {
    pub negated: bool,
    pub patterns: Vec<Located<ResourcePattern>>,
    pub place: Place,
}
