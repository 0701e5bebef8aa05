//! The request context: the condition keys a request carries and their values.

use std::borrow::Cow;
use std::cmp::Ordering;

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
    /// The key as last spelled (`aws:SourceIp`); the keys the program derives are its own
    /// literals, borrowed rather than copied on every request.
    pub key: Cow<'static, str>,
    pub value: ContextValue,
    pub source: ContextSource,
}

/// Condition keys of one request. Key names are case-insensitive in AWS (`aws:SourceIP` is
/// `aws:sourceip`), tag keys included, so they are kept in the order of their lower-cased
/// spelling and found by comparing without case: no lower-cased copy of a key is made, to
/// store it or to look it up.
#[derive(Clone, Debug, Default)]
pub struct RequestContext {
    entries: Vec<ContextEntry>,
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
    pub fn set_derived(&mut self, key: impl Into<Cow<'static, str>>, value: ContextValue) {
        self.set(key.into(), value, |_| ContextSource::Derived);
    }

    /// Sets a key from the request's `context`; over a derived key this is an override.
    pub fn set_from_request(&mut self, key: &str, value: ContextValue) {
        let source = |was: Option<ContextSource>| match was {
            Some(ContextSource::Derived) => ContextSource::Override,
            Some(source) => source,
            None => ContextSource::Request,
        };
        self.set(Cow::Owned(key.to_string()), value, source);
    }

    /// Sets `key`, its source said by `source` from the source of the value it replaces.
    fn set(
        &mut self,
        key: Cow<'static, str>,
        value: ContextValue,
        source: impl FnOnce(Option<ContextSource>) -> ContextSource,
    ) {
        match self.position(&key) {
            Ok(i) => {
                let entry = &mut self.entries[i];
                entry.source = source(Some(entry.source));
                entry.key = key;
                entry.value = value;
            }
            Err(i) => {
                let source = source(None);
                self.entries.insert(i, ContextEntry { key, value, source });
            }
        }
    }

    /// Where `key` stands, or where it would.
    fn position(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|e| caseless_cmp(&e.key, key))
    }

    pub fn remove(&mut self, key: &str) {
        if let Ok(i) = self.position(key) {
            self.entries.remove(i);
        }
    }

    pub fn entry(&self, key: &str) -> Option<&ContextEntry> {
        self.position(key).ok().map(|i| &self.entries[i])
    }

    pub fn get(&self, key: &str) -> Option<&ContextValue> {
        self.entry(key).map(|e| &e.value)
    }

    /// A single-valued key's value: what a policy variable `${key}` resolves to.
    pub fn single(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(ContextValue::as_single)
    }

    pub fn iter(&self) -> impl Iterator<Item = &ContextEntry> {
        self.entries.iter()
    }

    /// The entries in the order of [`iter`](Self::iter), given up rather than copied: a request's
    /// explanation takes its context's keys and values once evaluation is done with them.
    pub fn into_entries(self) -> impl Iterator<Item = ContextEntry> {
        self.entries.into_iter()
    }
}

/// The order of the lower-cased spellings of `a` and `b`, without lower-casing a copy. Keys
/// mostly share their prefix (`aws:`) in the same case, so bytes are lower-cased only where they
/// differ.
fn caseless_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (&x, &y) in a.iter().zip(b) {
        if x != y {
            match x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase()) {
                Ordering::Equal => {}
                unequal => return unequal,
            }
        }
    }
    a.len().cmp(&b.len())
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

    #[test]
    fn keys_are_ordered_by_their_lower_cased_spelling() {
        let keys = [
            "aws:SourceIp",
            "aws:sourceip",
            "aws:SourceIP",
            "AWS:s",
            "aws:",
            "aws:PrincipalTag/Team",
            "aws:principaltag/team-a",
            "aws:Principal_Tag",
            "s3:x-amz-acl",
            "",
            "a",
            "B",
            "b",
            "aws:PrincipalTag/Team ",
            "aws:PrincipalTag/TeaM",
            "[",
            "_",
            "`",
            "@",
        ];
        for a in keys {
            for b in keys {
                let expected = a.to_ascii_lowercase().cmp(&b.to_ascii_lowercase());
                assert_eq!(caseless_cmp(a, b), expected, "{a:?} against {b:?}");
            }
        }
    }
}
