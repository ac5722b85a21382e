//! A run of buckets with no rows: each still costs a statement unless the
//! empty-bucket cache already knows it, and the whole run is counted (and
//! cached) arithmetically, so even millisecond buckets are cheap. A bucket
//! deleted as a whole while it held no rows still has a partition (its
//! tombstone), so the read touches it.

use super::super::cql::select_statement;
use super::walk::{BucketVisit, Page, MAX_STATEMENTS};
use super::Store;

impl Store {
    /// Buckets `lo..=hi` hold no rows: each costs a statement unless the
    /// cache already knows it is empty. Returns the buckets the cache should
    /// remember (a read records them; a re-read does not, see `peek`).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn missing_run(
        &self,
        page: &mut Page,
        channel: u64,
        lo: u64,
        hi: u64,
        cut: Option<u64>,
        limit: u32,
        record_top: bool,
        gc_before: i64,
    ) -> Option<(u64, u64)> {
        let cache_on = self.config.empty_bucket_cache;
        let run = hi - lo + 1;
        let cached = if cache_on {
            self.empty.count_in(channel, lo, hi)
        } else {
            0
        };
        let asked = run - cached;
        page.stats.empty_buckets_skipped += cached;
        page.stats.empty_buckets_visited += asked;
        page.stats.buckets_queried += asked;
        page.stats.partitions_touched += self.deleted_partitions_asked(channel, lo, hi);
        self.count_empty_ranges(page, channel, lo, hi, gc_before);
        if cached == 0 {
            page.visit(BucketVisit::Missing { from: hi, to: lo });
        } else if asked == 0 {
            page.visit(BucketVisit::Skipped { from: hi, to: lo });
        } else {
            self.visits_with_cache(page, channel, lo, hi);
        }
        let mut b = Some(hi);
        let mut first = true;
        let mut logged = 0u64;
        while let Some(cur) = b {
            if cur < lo || page.statements.len() >= MAX_STATEMENTS {
                break;
            }
            if let Some((clo, _)) = cache_on
                .then(|| self.empty.covering(channel, cur))
                .flatten()
            {
                b = clo.checked_sub(1);
                first = false;
                continue;
            }
            let c = if first { cut } else { None };
            page.log(format!("{};", select_statement(channel, cur, c, limit)));
            logged += 1;
            first = false;
            b = cur.checked_sub(1);
        }
        page.statements_omitted += asked.saturating_sub(logged);
        if !cache_on {
            return None;
        }
        let top = if record_top {
            Some(hi)
        } else {
            hi.checked_sub(1)
        };
        top.filter(|t| *t >= lo).map(|t| (lo, t))
    }

    fn visits_with_cache(&self, page: &mut Page, channel: u64, lo: u64, hi: u64) {
        let mut cur = hi;
        loop {
            match self.empty.covering(channel, cur) {
                Some((clo, _)) => {
                    let to = clo.max(lo);
                    page.visit(BucketVisit::Skipped { from: cur, to });
                    cur = to;
                }
                None => {
                    let below = self
                        .empty
                        .intervals(channel)
                        .into_iter()
                        .rev()
                        .find(|(_, h)| *h < cur);
                    let to = below.map_or(lo, |(_, h)| (h + 1).max(lo));
                    page.visit(BucketVisit::Missing { from: cur, to });
                    cur = to;
                }
            }
            if cur <= lo {
                break;
            }
            cur -= 1;
        }
    }

    /// Partitions in `lo..=hi` that hold only a partition tombstone and that
    /// the walk asks for (the empty-bucket cache does not skip them).
    fn deleted_partitions_asked(&self, channel: u64, lo: u64, hi: u64) -> u64 {
        let Some(ch) = self.channel(channel) else {
            return 0;
        };
        let cache_on = self.config.empty_bucket_cache;
        ch.partition_deletions
            .iter()
            .filter(|(b, _)| (lo..=hi).contains(b))
            .filter(|(b, _)| !(cache_on && self.empty.contains(channel, *b)))
            .count() as u64
    }

    /// A bucket whose rows a range delete removed still holds the range
    /// tombstone: the read asks for it and meets its markers, one bound per
    /// tombstone and the close bound they share (see `Channel::ranges_in`).
    fn count_empty_ranges(&self, page: &mut Page, channel: u64, lo: u64, hi: u64, gc_before: i64) {
        let Some(ch) = self.channel(channel) else {
            return;
        };
        let cache_on = self.config.empty_bucket_cache;
        let ranges = ch.range_tombstones();
        for (i, r) in ranges.iter().enumerate() {
            let b = r.bucket;
            if !(lo..=hi).contains(&b) || (cache_on && self.empty.contains(channel, b)) {
                continue;
            }
            let first = !ranges[..i].iter().any(|q| q.bucket == b);
            // The close bound is counted with the bucket's first tombstone.
            let close = first.then(|| ch.close_purgeable(b, gc_before));
            for purgeable in std::iter::once(r.deletion.purgeable(gc_before)).chain(close) {
                if purgeable {
                    page.stats.purgeable_skipped += 1;
                } else {
                    page.stats.tombstones += 1;
                }
            }
            if first && ch.partition_deletion(b).is_none() {
                page.stats.partitions_touched += 1;
            }
        }
    }
}
