//! The one sort in the WebAssembly module.
//!
//! Each element type a standard library sort is used with is code of its own in the module:
//! four sorts (three element types with `sort_unstable`, one with the stable sort) were 4.5 KB
//! of the gzipped module more than one. So whatever needs an order sorts (key, index) pairs of
//! this one type, with the heap sort of `BinaryHeap`, the least code of the standard library's
//! sorts (1.8 KB gzipped less than `sort_unstable`), and O(n log n) like it. What is sorted is
//! never on a request's path: one policy's findings or statements, the keys of a large object.
//! The indices are distinct, so ties in the key keep their order, as a stable sort would.

use std::collections::BinaryHeap;

/// `pairs` in ascending order, by key and then by index.
pub(crate) fn sorted(pairs: Vec<(u64, usize)>) -> Vec<(u64, usize)> {
    BinaryHeap::from(pairs).into_sorted_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_come_out_by_key_then_index() {
        let pairs = vec![(3, 0), (1, 4), (3, 1), (0, 2), (1, 3)];
        assert_eq!(sorted(pairs), vec![(0, 2), (1, 3), (1, 4), (3, 0), (3, 1)]);
        assert_eq!(sorted(Vec::new()), Vec::new());
    }
}
