//! "Latest N messages before X": Discord's read. It asks for one bucket
//! partition at a time, newest to oldest, until it has N rows or reaches the
//! bucket the channel was created in.

use super::super::cql::select_statement;
use super::super::error::{check_range, Error};
use super::super::input::Input;
use super::super::murmur3::partition_token;
use super::super::snowflake::{Snowflake, MAX_ID};
use super::paging::PagingState;
use super::scan::{scan_bucket, MessageRow, ReadStats, ScanLimits};
use super::Store;
use serde::{Deserialize, Serialize};

pub const MAX_PAGE_SIZE: u32 = 5000;
pub const MAX_LIMIT: u32 = 1_000_000;
pub(super) const MAX_STATEMENTS: usize = 64;
const MAX_VISITS: usize = 256;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuerySpec {
    pub channel: u64,
    pub limit: u32,
    /// Only messages with an ID below this one.
    pub before: Option<u64>,
}

/// What the walk did at a run of buckets, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BucketVisit {
    /// Buckets `to..=from` skipped thanks to the empty-bucket cache.
    Skipped { from: u64, to: u64 },
    /// Buckets `to..=from` asked for; no partition existed.
    Missing { from: u64, to: u64 },
    Read {
        bucket: u64,
        live: u32,
        tombstones: u32,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub rows: Vec<MessageRow>,
    pub has_more: bool,
    pub paging_state: Option<String>,
    pub stats: ReadStats,
    pub warnings: Vec<String>,
    /// The CQL statements sent (the first few, if there were many).
    pub statements: Vec<String>,
    pub statements_omitted: u64,
    pub visits: Vec<BucketVisit>,
    pub corrupt_deleted: Vec<u64>,
    /// Rows with a null author that a re-read (`Store::peek`) left out but,
    /// unlike a read, did not delete; the next read deletes them.
    pub corrupt_hidden: Vec<u64>,
}

/// A read Cassandra aborted (TombstoneOverwhelmingException).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryFailure {
    pub message: String,
    pub stats: ReadStats,
    pub page: Page,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum QueryOutcome {
    Page(Page),
    Failed(QueryFailure),
}

/// A walk and what a read does after it: the empty buckets it would have
/// the cache remember, and the corrupt rows it would delete.
struct Walked {
    outcome: QueryOutcome,
    empty: Vec<(u64, u64)>,
    corrupt: Vec<u64>,
}

impl Page {
    pub(super) fn log(&mut self, stmt: String) {
        if self.statements.len() < MAX_STATEMENTS {
            self.statements.push(stmt);
        } else {
            self.statements_omitted += 1;
        }
    }

    pub(super) fn visit(&mut self, v: BucketVisit) {
        if self.visits.len() < MAX_VISITS {
            self.visits.push(v);
        }
    }
}

pub fn validate(spec: &QuerySpec, page_size: u32) -> Result<(), Error> {
    if spec.channel > MAX_ID {
        return Err(Error::Invalid {
            field: Input::Channel,
            reason: format!("{} does not fit a signed bigint", spec.channel),
        });
    }
    check_range(Input::Limit, spec.limit as u64, 1, MAX_LIMIT as u64)?;
    check_range(Input::PageSize, page_size as u64, 1, MAX_PAGE_SIZE as u64)?;
    if let Some(b) = spec.before {
        if b > MAX_ID {
            return Err(Error::Invalid {
                field: Input::Before,
                reason: format!("{b} does not fit a signed bigint"),
            });
        }
    }
    Ok(())
}

impl Store {
    /// Runs one page of the walk. `repair_ts` timestamps the deletes issued
    /// when null-author repair is on.
    pub fn query(
        &mut self,
        spec: &QuerySpec,
        page_size: u32,
        paging_state: Option<&str>,
        now_ms: u64,
        repair_ts: i64,
    ) -> Result<QueryOutcome, Error> {
        let w = self.walk(spec, page_size, paging_state, now_ms)?;
        // Recorded after the walk: each range is at or above the bucket it
        // was found at, and the walk only goes down, so none of them could
        // have changed what the walk saw.
        for (lo, hi) in w.empty {
            self.empty.insert(spec.channel, lo, hi);
        }
        let mut outcome = w.outcome;
        if let QueryOutcome::Page(page) = &mut outcome {
            for id in w.corrupt {
                self.repair_corrupt(spec.channel, id, repair_ts, (now_ms / 1000) as u32)?;
                page.corrupt_deleted.push(id);
                page.stats.corrupt_rows_deleted += 1;
            }
        }
        Ok(outcome)
    }

    /// The same page as `query` returns, without a read's side effects: the
    /// empty-bucket cache remembers nothing new and corrupt rows are left
    /// out but not deleted (`Page::corrupt_hidden`). What a change shows of
    /// the read already on screen, at the cost of one page of the walk.
    pub fn peek(
        &self,
        spec: &QuerySpec,
        page_size: u32,
        paging_state: Option<&str>,
        now_ms: u64,
    ) -> Result<QueryOutcome, Error> {
        let w = self.walk(spec, page_size, paging_state, now_ms)?;
        let mut outcome = w.outcome;
        if let QueryOutcome::Page(page) = &mut outcome {
            page.corrupt_hidden = w.corrupt;
        }
        Ok(outcome)
    }

    fn walk(
        &self,
        spec: &QuerySpec,
        page_size: u32,
        paging_state: Option<&str>,
        now_ms: u64,
    ) -> Result<Walked, Error> {
        validate(spec, page_size)?;
        let (bound, remaining) = match paging_state {
            None => (spec.before, spec.limit),
            Some(text) => {
                let ps = PagingState::decode(text)?;
                if ps.channel != spec.channel || ps.before != spec.before || ps.limit != spec.limit
                {
                    return Err(Error::PagingState("it belongs to a different query".into()));
                }
                if ps.remaining == 0 || ps.remaining > spec.limit {
                    return Err(Error::PagingState(
                        "its remaining row count is impossible".into(),
                    ));
                }
                (Some(ps.cursor), ps.remaining)
            }
        };
        let want = page_size.min(remaining);
        let size = self.config.bucket;
        let channel = spec.channel;
        let creation = size.bucket(channel);
        let top = match bound {
            Some(x) => x.checked_sub(1),
            None => Some(Snowflake::largest_at(now_ms).map(|s| s.0).unwrap_or(0)),
        };
        let gc_before = (now_ms / 1000) as i64 - self.config.gc_grace_seconds as i64;
        let (failure_threshold, skip_corrupt) = (
            self.config.failure_threshold,
            self.config.repair_null_authors,
        );
        let limits = |limit: u32| ScanLimits {
            limit,
            gc_before,
            failure_threshold,
            skip_corrupt,
        };
        let cache_on = self.config.empty_bucket_cache;
        let slot = self.index.get(&channel).map(|&i| i as usize);
        let mut page = Page::default();
        let mut corrupt = Vec::new();
        let mut empty = Vec::new();
        // The walk asks for the bucket holding X first, as Discord's
        // `make_buckets(channel_id, before)` does, even when X is the first
        // ID of its bucket and that bucket can hold nothing before X.
        let mut b = top
            .filter(|t| *t >= channel)
            .map(|t| size.bucket(bound.unwrap_or(t)));
        while let Some(cur) = b {
            let got = page.rows.len() as u32;
            if cur < creation || got >= want {
                break;
            }
            let top_id = top.unwrap_or(0);
            let hi = size.last_id(cur).min(top_id);
            // Without a bound the clock caps IDs, so the top bucket is whole.
            let full = bound.is_none() || hi == size.last_id(cur);
            let cut = (!full).then_some(top_id.saturating_add(1));
            let rows = slot
                .map(|s| self.channels[s].rows.as_slice())
                .unwrap_or(&[]);
            let pos = rows.partition_point(|r| r.id <= hi);
            let next = pos.checked_sub(1).map(|p| size.bucket(rows[p].id));
            if next != Some(cur) {
                let lo = next.map_or(creation, |n| (n + 1).max(creation));
                empty.extend(self.missing_run(
                    &mut page,
                    channel,
                    lo,
                    cur,
                    cut,
                    want - got,
                    full && cache_on,
                    gc_before,
                ));
                b = lo.checked_sub(1);
                continue;
            }
            b = cur.checked_sub(1);
            if cache_on && self.empty.contains(channel, cur) {
                page.stats.empty_buckets_skipped += 1;
                page.visit(BucketVisit::Skipped { from: cur, to: cur });
                continue;
            }
            let stmt = select_statement(channel, cur, cut, want - got);
            page.log(format!("{stmt};"));
            let Some(s) = slot else { break };
            let scan = scan_bucket(
                &self.channels[s],
                &self.arena,
                |id| size.bucket(id),
                cur,
                pos,
                &limits(want - got),
            );
            let st = &mut page.stats;
            st.buckets_queried += 1;
            st.partitions_touched += 1;
            st.live_rows += scan.live_rows as u64;
            st.tombstones += scan.tombstones as u64;
            st.purgeable_skipped += scan.purgeable as u64;
            st.rows_examined += scan.examined as u64;
            page.visit(BucketVisit::Read {
                bucket: cur,
                live: scan.live_rows,
                tombstones: scan.tombstones,
            });
            if let Some(at) = scan.aborted_at {
                let message = format!(
                    "Scanned over {} tombstones during query '{}' (last scanned row token was {} and partion key was (({}, {}), {})); query aborted",
                    scan.tombstones,
                    stmt,
                    partition_token(channel, cur),
                    channel,
                    cur,
                    at
                );
                let stats = page.stats;
                return Ok(Walked {
                    outcome: QueryOutcome::Failed(QueryFailure {
                        message,
                        stats,
                        page,
                    }),
                    empty,
                    corrupt: Vec::new(),
                });
            }
            if scan.tombstones > self.config.warn_threshold {
                let mut q = stmt.clone();
                q.truncate(512);
                page.warnings.push(format!(
                    "Read {} live rows and {} tombstone cells for query {}; token {} (see tombstone_warn_threshold)",
                    scan.live_rows,
                    scan.tombstones,
                    q,
                    partition_token(channel, cur)
                ));
            }
            if scan.rows.is_empty() {
                page.stats.empty_buckets_visited += 1;
            }
            if cache_on && scan.live_rows == 0 && scan.complete && full {
                empty.push((cur, cur));
            }
            corrupt.extend(scan.corrupt);
            page.rows.extend(scan.rows);
        }
        let got = page.rows.len() as u32;
        if got == want && remaining > got {
            if let Some(last) = page.rows.last().map(|r| r.message_id) {
                page.has_more = self.has_live_below(slot, last, gc_before);
                if page.has_more {
                    let ps = PagingState {
                        channel,
                        before: spec.before,
                        limit: spec.limit,
                        cursor: last,
                        remaining: remaining - got,
                    };
                    page.paging_state = Some(ps.encode());
                }
            }
        }
        Ok(Walked {
            outcome: QueryOutcome::Page(page),
            empty,
            corrupt,
        })
    }
}
