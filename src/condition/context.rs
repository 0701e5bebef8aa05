//! The request context: the condition keys a request carries and their values.

use std::borrow::Cow;
use std::cmp::Ordering;

use super::DerivedKeys;
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

/// Room made in a new context: the keys AWS derives for one request (the caller's, the
/// resource's, the STS call's) are fewer.
const DERIVED_KEYS: usize = 24;

/// The most keys a context finds by scanning before it sorts them (see [`RequestContext`]).
const SCAN_LIMIT: usize = 32;

/// Condition keys of one request. Key names are case-insensitive in AWS (`aws:SourceIP` is
/// `aws:sourceip`), tag keys included, so they are found by comparing without case: no
/// lower-cased copy of a key is made, to store it or to look it up.
///
/// A request's context is mostly a dozen or two keys, set one by one as the request is read:
/// they are kept in the order they were set and found by scanning, which for so few costs less
/// than keeping them sorted. A context that grows past [`SCAN_LIMIT`] keys (a request's own
/// `context` may list thousands) is sorted by the keys' lower-cased spelling once and searched
/// from then on. Either way its entries come out in that order ([`into_entries`](Self::into_entries)).
#[derive(Clone, Debug, Default)]
pub struct RequestContext {
    entries: Vec<ContextEntry>,
    /// Whether `entries` are in the order of their keys' lower-cased spelling.
    sorted: bool,
    /// When the request's time runs out (none: never). Not part of what the request says, so
    /// equality ignores it.
    deadline: Option<Deadline>,
    /// The groups of derived keys this context makes (see [`DerivedKeys`]); not part of what
    /// the request says either.
    derives: DerivedKeys,
}

/// The same keys, spelled the same, with the same values and sources, in whatever order they
/// were set.
impl PartialEq for RequestContext {
    fn eq(&self, other: &Self) -> bool {
        self.entries.len() == other.entries.len()
            && self.entries.iter().all(|e| other.entry(&e.key) == Some(e))
    }
}

impl Eq for RequestContext {}

impl RequestContext {
    /// An empty context with room for the keys AWS derives for a request (about twenty), so
    /// that setting them does not grow it three times over.
    pub fn new() -> Self {
        RequestContext {
            entries: Vec::with_capacity(DERIVED_KEYS),
            ..Self::default()
        }
    }

    /// Evaluation against this context stops once `deadline` passes (see [`crate::deadline`]).
    pub fn set_deadline(&mut self, deadline: Option<Deadline>) {
        self.deadline = deadline;
    }

    /// Makes only these groups of derived keys: the ones the policies read, when nobody will see
    /// the context (see [`DerivedKeys`]).
    pub fn derive_only(&mut self, groups: DerivedKeys) {
        self.derives = groups;
    }

    /// Whether this context makes the keys of `group`; their makers ask first.
    pub fn derives(&self, group: DerivedKeys) -> bool {
        self.derives.has(group)
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
                if !self.sorted && self.entries.len() > SCAN_LIMIT {
                    self.sort();
                }
            }
        }
    }

    /// Where `key` stands, or where it would: at the end while the keys are unsorted.
    fn position(&self, key: &str) -> Result<usize, usize> {
        if self.sorted {
            return self.entries.binary_search_by(|e| caseless_cmp(&e.key, key));
        }
        self.entries
            .iter()
            .position(|e| e.key.len() == key.len() && e.key.eq_ignore_ascii_case(key))
            .ok_or(self.entries.len())
    }

    /// Sorts the entries by insertion: there are at most [`SCAN_LIMIT`] + 1 of them, and the
    /// standard library's sort would add 2 KB of gzipped module for this one use.
    fn sort(&mut self) {
        let entries = &mut self.entries;
        for i in 1..entries.len() {
            let mut j = i;
            while j > 0 && caseless_cmp(&entries[j - 1].key, &entries[j].key) == Ordering::Greater {
                entries.swap(j - 1, j);
                j -= 1;
            }
        }
        self.sorted = true;
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

    /// The entries in the order of their keys' lower-cased spelling, given up rather than
    /// copied: a request's explanation takes its context's keys and values once evaluation is
    /// done with them.
    pub fn into_entries(mut self) -> impl Iterator<Item = ContextEntry> {
        if !self.sorted {
            self.sort();
        }
        self.entries.into_iter()
    }
}

/// The order of the lower-cased spellings of `a` and `b`, without lower-casing a copy. Keys
/// mostly share their prefix (`aws:`) in the same case, so bytes are lower-cased only where they
/// differ.
pub(super) fn caseless_cmp(a: &str, b: &str) -> Ordering {
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

    /// Scanned (a few keys) or searched (past `SCAN_LIMIT`), a context finds its keys without
    /// case, replaces and removes them, gives them up in order and equals one set in another
    /// order.
    #[test]
    fn small_and_large_contexts_agree() {
        for n in [3, SCAN_LIMIT, SCAN_LIMIT + 1, 100] {
            let keys: Vec<String> = (0..n)
                .map(|i| format!("aws:PrincipalTag/K{}", (i * 37) % n))
                .collect();
            let (mut ctx, mut reversed) = (RequestContext::new(), RequestContext::new());
            for (i, key) in keys.iter().enumerate() {
                ctx.set_derived(key.clone(), ContextValue::Single(i.to_string()));
            }
            for (i, key) in keys.iter().enumerate().rev() {
                reversed.set_derived(key.clone(), ContextValue::Single(i.to_string()));
            }
            assert_eq!(ctx, reversed, "{n} keys");
            for (i, key) in keys.iter().enumerate() {
                let upper = key.to_ascii_uppercase();
                assert_eq!(
                    ctx.single(&upper),
                    Some(i.to_string().as_str()),
                    "{n}: {upper}"
                );
            }
            ctx.set_from_request(
                &keys[0].to_ascii_lowercase(),
                ContextValue::Single("x".into()),
            );
            assert_eq!(ctx.entry(&keys[0]).unwrap().source, ContextSource::Override);
            assert_ne!(ctx, reversed);
            ctx.remove(&keys[1].to_ascii_uppercase());
            assert_eq!(ctx.get(&keys[1]), None, "{n}: removed");
            let out: Vec<String> = ctx
                .into_entries()
                .map(|e| e.key.to_ascii_lowercase())
                .collect();
            let mut expected: Vec<String> = keys
                .iter()
                .skip(1)
                .map(|k| k.to_ascii_lowercase())
                .collect();
            expected.push(keys[0].to_ascii_lowercase());
            expected.retain(|k| *k != keys[1].to_ascii_lowercase());
            expected.sort();
            assert_eq!(out, expected, "{n} keys in order");
        }
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
