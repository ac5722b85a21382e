//! libsvm's kernel column cache: each column keeps a prefix `[0, len)` in the
//! solver's current (shrunk) order, the least recently used columns are dropped
//! when the budget runs out, and swapping two indices swaps them in every column.

/// Element type of cached Q columns. libsvm's `Qfloat` is `float`: storing f32
/// halves the cache and keeps the solver's arithmetic identical to libsvm's
/// (with f64 here, fits drift from scikit-learn's by up to ~70×tol at tol 1e-6).
pub type Qfloat = f32;

/// An LRU cache of Q columns, bounded by a number of entries.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnCache {
    cols: Vec<Vec<Qfloat>>,
    /// Circular doubly linked LRU list; index `l` is the sentinel head.
    prev: Vec<usize>,
    next: Vec<usize>,
    /// Entries still free to allocate.
    free: usize,
}

impl ColumnCache {
    /// `budget` is in entries; like libsvm it is raised to fit two full columns.
    pub fn new(l: usize, budget: usize) -> Self {
        let head = l;
        ColumnCache {
            cols: vec![Vec::new(); l],
            prev: vec![head; l + 1],
            next: vec![head; l + 1],
            free: budget.max(2 * l),
        }
    }

    fn head(&self) -> usize {
        self.cols.len()
    }

    fn unlink(&mut self, h: usize) {
        let (p, n) = (self.prev[h], self.next[h]);
        self.next[p] = n;
        self.prev[n] = p;
    }

    fn push_back(&mut self, h: usize) {
        let head = self.head();
        let last = self.prev[head];
        self.next[h] = head;
        self.prev[h] = last;
        self.next[last] = h;
        self.prev[head] = h;
    }

    fn drop_column(&mut self, h: usize) {
        self.unlink(h);
        self.free += self.cols[h].len();
        self.cols[h] = Vec::new();
    }

    /// Makes column `index` hold at least `len` entries and marks it most recently
    /// used. Returns the first position that still has to be filled.
    pub fn reserve(&mut self, index: usize, len: usize) -> usize {
        if len == 0 {
            return 0;
        }
        let have = self.cols[index].len();
        if have > 0 {
            self.unlink(index);
        }
        if len > have {
            let more = len - have;
            let head = self.head();
            while self.free < more {
                let old = self.next[head];
                if old == head {
                    break;
                }
                self.drop_column(old);
            }
            self.cols[index].resize(len, 0.0);
            self.free = self.free.saturating_sub(more);
            self.push_back(index);
            return have;
        }
        self.push_back(index);
        len
    }

    pub fn column_mut(&mut self, index: usize) -> &mut [Qfloat] {
        &mut self.cols[index]
    }

    pub fn column(&self, index: usize) -> &[Qfloat] {
        &self.cols[index]
    }

    /// Swaps indices `i` and `j` in the cache's bookkeeping and in every cached
    /// column; a column that holds `min(i,j)` but not `max(i,j)` is dropped.
    pub fn swap_index(&mut self, i: usize, j: usize) {
        if i == j {
            return;
        }
        let (li, lj) = (!self.cols[i].is_empty(), !self.cols[j].is_empty());
        if li {
            self.unlink(i);
        }
        if lj {
            self.unlink(j);
        }
        self.cols.swap(i, j);
        if !self.cols[i].is_empty() {
            self.push_back(i);
        }
        if !self.cols[j].is_empty() {
            self.push_back(j);
        }
        let (lo, hi) = if i < j { (i, j) } else { (j, i) };
        let head = self.head();
        let mut h = self.next[head];
        while h != head {
            let after = self.next[h];
            let len = self.cols[h].len();
            if len > lo {
                if len > hi {
                    self.cols[h].swap(lo, hi);
                } else {
                    self.drop_column(h);
                }
            }
            h = after;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserve_reports_what_to_fill() {
        let mut c = ColumnCache::new(4, 100);
        assert_eq!(c.reserve(1, 3), 0);
        c.column_mut(1).copy_from_slice(&[1.0, 2.0, 3.0]);
        assert_eq!(c.reserve(1, 2), 2);
        assert_eq!(c.reserve(1, 4), 3);
        assert_eq!(&c.column(1)[..3], &[1.0, 2.0, 3.0]);
    }

    #[test]
    fn least_recently_used_column_is_dropped_first() {
        // budget raised to 2*l = 8 entries: two full columns
        let mut c = ColumnCache::new(4, 0);
        c.reserve(0, 4);
        c.reserve(1, 4);
        c.reserve(0, 4); // 0 becomes most recent
        assert_eq!(c.reserve(2, 4), 0);
        assert!(c.column(1).is_empty());
        assert_eq!(c.column(0).len(), 4);
    }

    #[test]
    fn swap_moves_entries_and_drops_short_columns() {
        let mut c = ColumnCache::new(4, 100);
        c.reserve(0, 4);
        c.column_mut(0).copy_from_slice(&[10.0, 11.0, 12.0, 13.0]);
        c.reserve(1, 2);
        c.column_mut(1).copy_from_slice(&[20.0, 21.0]);
        c.swap_index(1, 3);
        assert_eq!(c.column(0), &[10.0, 13.0, 12.0, 11.0]);
        // column 1's data moved to index 3 and holds index 1 but not 3: dropped
        assert!(c.column(3).is_empty());
        assert!(c.column(1).is_empty());
        assert_eq!(c.free, 100 - 4);
    }
}
