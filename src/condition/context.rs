//! The request context: the condition keys a request carries and their values.

use std::collections::BTreeMap;

use crate::deadline::Deadline;

/// A context key's value. Whether a key is single- or multivalued is decided by the request, not
/// by the policy (AWS: "multivalued context keys"), so both shapes are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContextValue {
    Single(String),
    Multi(Vec<String>),
}

impl ContextValue {
    /// The values as a list: one for a single-valued key.
    pub fn values(&self) -> &[String] {
        match self {
            ContextValue::Single(v) => std::slice::from_ref(v),
            ContextValue::Multi(vs) => vs,
        }
    }

    pub fn as_single(&self) -> Option<&str> {
        match self {
            ContextValue::Single(v) => Some(v),
            ContextValue::Multi(_) => None,
        }
    }
}

/// Where a context value came from, so the explanation can say when an author overrode what AWS
/// would have derived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContextSource {
    /// Derived from the principal, the session or the parameters, as AWS would.
    Derived,
    /// Given in the request's `context` for a key the program does not derive.
    Request,
    /// Given in the request's `context` over a value the program derived.
    Override,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextEntry {
    /// The key as first spelled (`aws:SourceIp`).
    pub key: String,
    pub value: ContextValue,
    pub source: ContextSource,
}

/// Condition keys of one request. Key names are case-insensitive in AWS (`aws:SourceIP` is
/// `aws:sourceip`), tag keys included, so they are stored lower-cased.
#[derive(Clone, Debug, Default)]
pub struct RequestContext {
    entries: BTreeMap<String, ContextEntry>,
    /// When the request's time runs out (none: never). Not part of what the request says, so
    /// equality ignores it.
    deadline: Option<Deadline>,
}

impl PartialEq for RequestContext {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl Eq for RequestContext {}

impl RequestContext {
    pub fn new() -> Self {
        Self::default()
    }

    /// Evaluation against this context stops once `deadline` passes (see [`crate::deadline`]).
    pub fn set_deadline(&mut self, deadline: Option<Deadline>) {
        self.deadline = deadline;
    }

    /// Whether the request's time is spent; evaluation loops ask before each comparison.
    pub fn out_of_time(&self) -> bool {
        self.deadline.as_ref().is_some_and(Deadline::passed)
    }

    /// Sets a key the program derives, replacing any earlier derived value.
    pub fn set_derived(&mut self, key: &str, value: ContextValue) {
        self.entries.insert(
            key.to_ascii_lowercase(),
            ContextEntry {
                key: key.to_string(),
                value,
                source: ContextSource::Derived,
            },
        );
    }

    /// Sets a key from the request's `context`; over a derived key this is an override.
    pub fn set_from_request(&mut self, key: &str, value: ContextValue) {
        let lower = key.to_ascii_lowercase();
        let source = match self.entries.get(&lower) {
            Some(e) if e.source == ContextSource::Derived => ContextSource::Override,
            Some(e) => e.source,
            None => ContextSource::Request,
        };
        self.entries.insert(
            lower,
            ContextEntry {
                key: key.to_string(),
                value,
                source,
            },
        );
    }

    pub fn remove(&mut self, key: &str) {
        self.entries.remove(&key.to_ascii_lowercase());
    }

    pub fn entry(&self, key: &str) -> Option<&ContextEntry> {
        self.entries.get(&key.to_ascii_lowercase())
    }

    pub fn get(&self, key: &str) -> Option<&ContextValue> {
        self.entry(key).map(|e| &e.value)
    }

    /// A single-valued key's value: what a policy variable `${key}` resolves to.
    pub fn single(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(ContextValue::as_single)
    }

    pub fn iter(&self) -> impl Iterator<Item = &ContextEntry> {
        self.entries.values()
    }

    /// The entries in the order of [`iter`](Self::iter), given up rather than copied: a request's
    /// explanation takes its context's keys and values once evaluation is done with them.
    pub fn into_entries(self) -> impl Iterator<Item = ContextEntry> {
        self.entries.into_values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_case_insensitive_and_overrides_are_marked() {
        let mut ctx = RequestContext::new();
        ctx.set_derived("aws:PrincipalTag/Team", ContextValue::Single("blue".into()));
        assert_eq!(ctx.single("AWS:principaltag/team"), Some("blue"));
        ctx.set_from_request("aws:principaltag/TEAM", ContextValue::Single("red".into()));
        assert_eq!(
            ctx.entry("aws:PrincipalTag/Team").unwrap().source,
            ContextSource::Override
        );
        ctx.set_from_request("aws:SourceIp", ContextValue::Single("203.0.113.7".into()));
        assert_eq!(
            ctx.entry("aws:sourceip").unwrap().source,
            ContextSource::Request
        );
    }
}
