//! Session tags of a new session: what it inherits, what it is given, what stays transitive.
//!
//! Sources: STS API reference, AssumeRole `Tags` and `TransitiveTagKeys`; IAM User Guide,
//! "Passing session tags in AWS STS", section "Chaining roles with session tags" (semantics
//! notes §3.4):
//! * a chained call inherits the calling session's transitive tags, and they stay transitive;
//! * passing a tag whose key equals an inherited one (case-insensitively: "Tag key–value pairs
//!   are not case sensitive, but case is preserved") makes the call fail;
//! * role tags never become transitive; they are overlaid at request time (see `context`).

use crate::sts::params::{StsParams, Tag};
use crate::sts::session::Session;
use crate::sts::StsError;

/// The tags a new session will carry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagPlan {
    /// Inherited transitive tags first, then the requested ones.
    pub tags: Vec<Tag>,
    /// Tags inherited from the calling session (all of them transitive).
    pub inherited: Vec<Tag>,
    /// Keys that pass on to the next session of a chain.
    pub transitive_tag_keys: Vec<String>,
}

/// The calling session's transitive tags, which a chained session inherits.
pub fn inherited_transitive_tags(caller: Option<&Session>) -> Vec<Tag> {
    let Some(caller) = caller else {
        return Vec::new();
    };
    caller
        .tags
        .iter()
        .filter(|t| contains_key(&caller.transitive_tag_keys, &t.key))
        .cloned()
        .collect()
}

/// Merges inherited transitive tags with the requested ones.
///
/// The error for a requested key equal to an inherited one: AWS documents only that "the
/// operation fails" (AssumeRole `Tags`); the code and message here are this program's
/// (`InvalidParameterValue`), not AWS's published text.
pub fn plan_tags(params: &StsParams, caller: Option<&Session>) -> Result<TagPlan, StsError> {
    let inherited = inherited_transitive_tags(caller);
    if let Some(clash) = params
        .tags
        .iter()
        .find(|t| inherited.iter().any(|i| same_tag_key(&i.key, &t.key)))
    {
        let held = inherited
            .iter()
            .find(|i| same_tag_key(&i.key, &clash.key))
            .map(|i| i.key.as_str())
            .unwrap_or_default();
        return Err(StsError::new(
            "InvalidParameterValue",
            format!(
                "The session tag '{}' cannot be passed because the calling session already carries the transitive tag '{held}', which a chained session inherits and which cannot be overridden. Remove '{}' from Tags. (The playground's wording: AWS documents only that the call fails.)",
                clash.key, clash.key
            ),
        ));
    }
    let mut transitive: Vec<String> = inherited.iter().map(|t| t.key.clone()).collect();
    for key in &params.transitive_tag_keys {
        if !contains_key(&transitive, key) {
            transitive.push(key.clone());
        }
    }
    let mut tags = inherited.clone();
    tags.extend(params.tags.iter().cloned());
    Ok(TagPlan {
        tags,
        inherited,
        transitive_tag_keys: transitive,
    })
}

/// Whether `keys` holds `key`, ignoring case as tag keys do.
pub fn contains_key(keys: &[String], key: &str) -> bool {
    keys.iter().any(|k| same_tag_key(k, key))
}

/// Tag keys are compared ignoring case ("not case sensitive, but case is preserved"), the way
/// condition keys are (`aws:PrincipalTag/Team` is `aws:principaltag/team`): ASCII letters fold,
/// others are compared as written. AWS does not document how it folds letters outside ASCII
/// (`Été` and `été`), so one rule serves both, and a session tag that replaces a role tag is
/// always the one a condition on its key then finds.
pub fn same_tag_key(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

#[cfg(test)]
mod tests {
    use super::same_tag_key;

    #[test]
    fn tag_keys_fold_ascii_case_as_condition_keys_do() {
        assert!(same_tag_key("Projet Été", "PROJET Été"));
        assert!(same_tag_key("CostCenter", "costcenter"));
        assert!(!same_tag_key("Été", "été"));
        assert!(!same_tag_key("team", "team "));
    }
}
