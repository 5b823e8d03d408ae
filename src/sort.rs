//! One sort for the whole library.
//!
//! The standard library's sorts are generic: every element type and every
//! comparison closure gets its own copy of a large algorithm (drift sort,
//! small-sort networks, partitioning), and the checker's module carried a
//! dozen of them, 27 KB of its code. Here the algorithm is written once, over
//! indices with a `dyn` comparison, and only a short permutation step is
//! generic. The lists sorted are small (candidates, notices, a few thousand
//! places at most), so the indirection costs nothing that shows.

use crate::prelude::*;

use core::cmp::Ordering;

/// Stable sort of `v` by `cmp`
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = v;
        stable_order(items.len(), &mut |i, j| match (items.get(i), items.get(j)) {
            (Some(a), Some(b)) => cmp(a, b),
            _ => Ordering::Equal,
        })
    };
    permute(v, &order);
}

/// Stable sort of `v` by a key
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort of `v` in its natural order
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorted, without repeats
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort(v);
    v.dedup();
}

/// The indices `0..len` in sorted order: a bottom-up merge sort, stable
fn stable_order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut to: Vec<usize> = Vec::with_capacity(len);
    let mut width = 1;
    while width < len {
        to.clear();
        let mut start = 0;
        while start < len {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (left, right) = (from.get(start..mid).unwrap_or(&[]), from.get(mid..end).unwrap_or(&[]));
            let (mut l, mut r) = (left.iter().peekable(), right.iter().peekable());
            loop {
                let take_left = match (l.peek(), r.peek()) {
                    (Some(&&a), Some(&&b)) => cmp(a, b) != Ordering::Greater,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => break,
                };
                to.extend(if take_left { l.next() } else { r.next() });
            }
            start = end;
        }
        core::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Put the item at `order[k]` at position `k`, following the permutation's cycles
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        let mut k = start;
        while placed.get(k) == Some(&false) {
            if let Some(p) = placed.get_mut(k) {
                *p = true;
            }
            let next = order.get(k).copied().unwrap_or(start);
            if next == start || next >= v.len() {
                break;
            }
            v.swap(k, next);
            k = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut seed = 7u32;
        for len in [0, 1, 2, 3, 5, 8, 13, 64, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) as u8 % 7, i)
                })
                .collect();
            let (mut ours, mut std) = (v.clone(), v.clone());
            sort_by_key(&mut ours, |x| x.0);
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "length {len}");
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.cmp(a));
            let mut std = v;
            std.sort_by(|a, b| b.cmp(a));
            assert_eq!(ours, std, "length {len}, reversed");
        }
    }

    #[test]
    fn dedups() {
        let mut v = vec![3, 1, 3, 2, 1];
        sort_dedup(&mut v);
        assert_eq!(v, [1, 2, 3]);
    }
}
