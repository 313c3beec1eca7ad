//! Sums per (string key, small id) for the aggregator's long breakdowns — every sending IP, every (receiving MX,
//! result type) pair — gathered by appending and summed by sorting rather than in a hash table.
//!
//! Why: a big report has as many distinct keys as failure details (100,000 sending IPs and as many MX hosts in
//! the 26 MB report), and a hash table of that size costs a cache miss per detail to look up and rehashes as it
//! grows; appending is a sequential write, and one sort of the entries by their hash is cheap and cache-friendly.
//! Memory stays bounded by the distinct keys: the entries are merged whenever they have doubled since the last
//! merge. The hash is FxHash, not keyed, but it only orders the entries: equal hashes fall back to comparing the
//! keys, so keys crafted to collide cost an ordinary string sort, never a quadratic probe.

use super::model::Text;
use std::hash::{BuildHasher, BuildHasherDefault};

/// Entries appended before the first merge (12 MB); a merge after that waits until the entries double.
const FIRST_MERGE: usize = 1 << 18;

/// One key's sum, or one not merged yet (40 bytes: a big report has 100,000 of them per tally).
#[derive(Debug, Default)]
pub(crate) struct Entry {
    /// The key's 32-bit hash above the small key: the one integer the entries are sorted by.
    order: u64,
    /// The string key (a sending IP, a receiving MX host).
    pub key: Text,
    /// The sum.
    pub n: u64,
}

impl Entry {
    /// The small key beside the string (a result type's number; 0 where there is none).
    pub fn id(&self) -> u32 {
        self.order as u32
    }

    fn hash(&self) -> u32 {
        (self.order >> 32) as u32
    }
}

/// Sums per (key, id), exact and saturating.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    entries: Vec<Entry>,
    /// Entries left by the last merge.
    merged: usize,
}

fn hash(key: &str) -> u32 {
    // the high half: FxHash's best-mixed bits
    (BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(key) >> 32) as u32
}

/// Puts the entries in merge order: by hash and id, and keys whose hashes collide by key within their run, so
/// equal (key, id) pairs are adjacent and so are all ids of one key. Strings are compared only on a collision.
/// (Sorting 16-byte positions and gathering the entries after was slower: the gather misses the cache.)
fn order(entries: &mut [Entry]) {
    entries.sort_unstable_by_key(|e| e.order);
    let mut start = 0;
    while start < entries.len() {
        let h = entries[start].hash();
        let end = start
            + entries[start..]
                .iter()
                .take_while(|e| e.hash() == h)
                .count();
        let run = &mut entries[start..end];
        // most runs are one entry: comparing its key with itself was a memcmp per entry
        if run.len() > 1 && run[1..].iter().any(|e| e.key != run[0].key) {
            run.sort_unstable_by(|a, b| a.key.cmp(&b.key).then(a.order.cmp(&b.order)));
        }
        start = end;
    }
}

impl Tally {
    /// Adds `n` to (`key`, `id`).
    pub fn add(&mut self, key: &str, id: u32, n: u64) {
        if self.entries.len() >= FIRST_MERGE.max(self.merged.saturating_mul(2)) {
            self.merge();
        }
        self.entries.push(Entry {
            order: u64::from(hash(key)) << 32 | u64::from(id),
            key: Text::from(key),
            n,
        });
    }

    /// Makes room for `more` entries at once, up to the next merge: a report's failure details are counted
    /// before they are added, so a big report's 100,000 entries are one allocation rather than a series of
    /// doublings, each copying the last (and touching fresh pages: most of the aggregator's time in a profile).
    pub fn reserve(&mut self, more: usize) {
        let room = FIRST_MERGE
            .max(self.merged.saturating_mul(2))
            .saturating_sub(self.entries.len());
        self.entries.reserve(more.min(room));
    }

    /// Sorts the entries and sums each (key, id) into one.
    fn merge(&mut self) {
        order(&mut self.entries);
        self.entries.dedup_by(|later, kept| {
            let same = later.order == kept.order && later.key == kept.key;
            if same {
                kept.n = kept.n.saturating_add(later.n);
            }
            same
        });
        self.merged = self.entries.len();
    }

    /// Every (key, id) once with its sum; all ids of a key are adjacent (in no particular key order).
    pub fn into_sums(mut self) -> Vec<Entry> {
        self.merge();
        self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_are_exact_across_merges_and_collisions() {
        let mut t = Tally::default();
        // more than a merge's worth, each key four times with two ids, interleaved
        let keys = FIRST_MERGE;
        for round in 0..2 {
            for k in 0..keys {
                t.add(&format!("host-{k}.example"), round, 1);
                t.add(&format!("host-{k}.example"), round, u64::MAX);
            }
        }
        let sums = t.into_sums();
        assert_eq!(sums.len(), keys * 2);
        assert!(sums.iter().all(|e| e.n == u64::MAX), "saturating");
        // the ids of one key are adjacent
        for pair in sums.chunks(2) {
            assert_eq!(pair[0].key, pair[1].key);
            assert_eq!((pair[0].id(), pair[1].id()), (0, 1));
        }
    }

    #[test]
    fn equal_hashes_still_keep_keys_apart() {
        let mut t = Tally::default();
        // forced collisions: the same hash for different keys, interleaved
        for (i, key) in ["b", "a", "b", "c", "a"].iter().enumerate() {
            t.entries.push(Entry {
                order: 7 << 32,
                key: Text::from(*key),
                n: i as u64 + 1,
            });
        }
        let sums: Vec<(String, u64)> = t
            .into_sums()
            .into_iter()
            .map(|e| (e.key.to_string(), e.n))
            .collect();
        assert_eq!(
            sums,
            [("a".into(), 2 + 5), ("b".into(), 1 + 3), ("c".into(), 4)]
        );
    }

    #[test]
    fn memory_stays_with_the_distinct_keys() {
        let mut t = Tally::default();
        for i in 0..(FIRST_MERGE * 8) {
            t.add(["one", "two"][i % 2], 0, 1);
        }
        assert!(t.entries.len() <= FIRST_MERGE, "{}", t.entries.len());
        let sums = t.into_sums();
        assert_eq!(sums.len(), 2);
        assert_eq!(
            sums.iter().map(|e| e.n).sum::<u64>(),
            (FIRST_MERGE * 8) as u64
        );
    }
}
