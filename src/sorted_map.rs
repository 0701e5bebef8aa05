//! A map kept as a vector sorted by key.
//!
//! The engine's maps (the world's users, roles, resources and organizations by ARN or id, a
//! run's sessions, the policies read once per text) need look-up by key, insertion and, now and
//! then, iteration. A hash table does that with code of its own for every key and value type:
//! about 20 KB of the WebAssembly module, whose size budget is tight, and an iteration order
//! that depends on the hasher. A sorted vector does it with a binary search, in key order. The
//! maps hold at most a few thousand entries (a scenario has at most 1000 entities), and most
//! are built once per world.

use std::borrow::Borrow;

use serde::Serialize;

#[derive(Clone, Debug)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn position<Q>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.position(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.position(key).is_ok()
    }

    /// Sets the value of `key`, returning the one it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// The value of `key`, inserted by `make` first if there is none.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.position(&key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, make()));
                i
            }
        };
        &mut self.entries[i].1
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

/// Built by inserting each pair in turn (the last value of a key wins), not by sorting: a sort
/// is code of its own in the module for every element type.
impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = SortedMap::new();
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    }
}

/// Written as a JSON object, in key order.
impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.entries.iter().map(|(k, v)| (k, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_its_keys_in_order_and_the_last_value_of_each() {
        let mut map = SortedMap::new();
        for (k, v) in [("b", 1), ("a", 2), ("c", 3), ("b", 4)] {
            map.insert(k.to_string(), v);
        }
        assert_eq!(map.len(), 3);
        assert_eq!(map.get("b"), Some(&4));
        assert_eq!(map.get("z"), None);
        assert!(map.contains_key("a"));
        assert_eq!(map.values().copied().collect::<Vec<_>>(), [2, 4, 3]);
        *map.get_or_insert_with("d".to_string(), || 0) += 5;
        *map.get_or_insert_with("a".to_string(), || 0) += 5;
        assert_eq!(map.values().copied().collect::<Vec<_>>(), [7, 4, 3, 5]);
        let collected: SortedMap<&str, i32> = [("y", 1), ("x", 2), ("y", 3)].into_iter().collect();
        assert_eq!(
            collected.iter().collect::<Vec<_>>(),
            [(&"x", &2), (&"y", &3)]
        );
        assert_eq!(
            crate::json::to_compact_json(&collected).unwrap(),
            r#"{"x":2,"y":3}"#
        );
        map.clear();
        assert!(map.is_empty());
    }
}
