//! Writes, table settings and the clock. Each handler checks everything
//! before it changes anything, so a rejected action leaves no trace.

use super::super::action::Action;
use super::super::cell::{CellVersion, Deletion};
use super::super::cluster::ClusterMutation;
use super::super::cql;
use super::super::error::{check_range, Error};
use super::super::input::Input;
use super::super::schema::{Column, Value, MAX_CONTENT_CHARS, NULLABLE_COLUMNS};
use super::super::snowflake::{Snowflake, SnowflakeParts, MAX_ID};
use super::super::store::{check_ttl, message_write, RowWrite};
use super::{Outcome, Playground};

const MAX_FUTURE_MS: u64 = 365 * 86_400_000;

pub(super) fn snowflake(field: Input, v: u64) -> Result<Snowflake, Error> {
    Snowflake::new(v).map_err(|error| Error::Snowflake { field, error })
}

fn check_content(content: &str) -> Result<(), Error> {
    let n = content.chars().count();
    if n > MAX_CONTENT_CHARS {
        return Err(Error::Invalid {
            field: Input::Column(Column::Content),
            reason: format!("is {n} characters; messages are limited to {MAX_CONTENT_CHARS}"),
        });
    }
    Ok(())
}

pub(super) fn ldt(ts: i64) -> u32 {
    ts.div_euclid(1_000_000).clamp(0, u32::MAX as i64) as u32
}

impl Playground {
    pub(super) fn apply_write(&mut self, action: &Action) -> Result<(), Error> {
        match action {
            Action::WriteMessage {
                channel,
                author,
                content,
                at,
            } => self.write_message(*channel, *author, content, *at, None),
            Action::WriteExpiring {
                channel,
                author,
                content,
                at,
                ttl,
            } => self.write_message(*channel, *author, content, *at, Some(*ttl)),
            Action::DeleteHistory {
                channel,
                bucket,
                before,
            } => self.delete_history(*channel, *bucket, *before),
            Action::EditMessage {
                channel,
                message,
                content,
            } => {
                check_content(content)?;
                let cells = vec![(Column::Content, Some(Value::Text(content.clone())))];
                self.row_write(*channel, *message, cells)
            }
            Action::DeleteMessage { channel, message } => {
                self.row_write(*channel, *message, Vec::new())
            }
            Action::DeleteBucket { channel, bucket } => self.delete_bucket(*channel, *bucket),
            Action::Burst {
                channel,
                author,
                count,
                spacing_ms,
            } => self.burst(*channel, *author, *count, *spacing_ms),
            Action::DeleteNewest { channel, count } => self.delete_newest(*channel, *count),
            Action::GenerateWorkload {
                seed,
                messages,
                channels,
            } => self.generate(*seed, *messages, *channels),
            _ => self.apply_setting(action),
        }
    }

    pub(super) fn message_id(&self, at: u64, seq: u64) -> Result<u64, Error> {
        // Worker IDs 16..31 are the panel's; generated traffic uses 0..15.
        let parts = SnowflakeParts {
            unix_ms: at,
            worker: 16 + ((seq >> 17) & 15) as u8,
            process: ((seq >> 12) & 31) as u8,
            increment: (seq & 0xFFF) as u16,
        };
        Snowflake::from_parts(parts)
            .map(|s| s.0)
            .map_err(|error| Error::Snowflake {
                field: Input::At,
                error,
            })
    }

    fn write_message(
        &mut self,
        channel: u64,
        author: u64,
        content: &str,
        at: u64,
        ttl: Option<u32>,
    ) -> Result<(), Error> {
        let ch = snowflake(Input::Channel, channel)?;
        snowflake(Input::Author, author)?;
        check_content(content)?;
        if let Some(t) = ttl {
            check_ttl(t)?;
        }
        if at < ch.unix_ms() {
            return Err(Error::Invalid {
                field: Input::At,
                reason: format!(
                    "{at} ms is before channel {channel} was created ({} ms)",
                    ch.unix_ms()
                ),
            });
        }
        if at > self.now_ms.saturating_add(MAX_FUTURE_MS) {
            return Err(Error::Invalid {
                field: Input::At,
                reason: "is more than a year after the playground's clock".into(),
            });
        }
        let seq = self.seq.wrapping_add(1);
        let id = self.message_id(at, seq)?;
        let now = self.now_ms.max(at);
        let ts = (now as i64 * 1000).max(self.last_ts + 1);
        let w = message_write(channel, id, author, content, ts, ldt(ts), self.write_nulls);
        // The cluster's replicas do not model expiry: a TTL'd write, like a
        // burst, goes to the single-node store only.
        let out = match ttl {
            None => Some(self.cluster.write(&ClusterMutation::Row(w.clone()), now)?),
            Some(_) => None,
        };
        self.store
            .insert_message(channel, id, author, content, ts, ldt(ts), self.write_nulls)?;
        if let Some(t) = ttl {
            self.store.expire_later(channel, id, ts, t, ldt(ts));
        }
        self.now_ms = now;
        self.last_ts = ts;
        self.seq = seq;
        self.log_cql(self.insert_cql(channel, id, author, content, ts, ttl));
        self.outcome = Outcome::Wrote {
            message_id: Some(id),
            cluster: out,
        };
        Ok(())
    }

    pub(super) fn insert_cql(
        &self,
        channel: u64,
        id: u64,
        author: u64,
        content: &str,
        ts: i64,
        ttl: Option<u32>,
    ) -> String {
        let mut cells = vec![
            (Column::AuthorId, Some(Value::BigInt(author as i64))),
            (Column::Content, Some(Value::Text(content.to_string()))),
        ];
        if self.write_nulls {
            cells.extend(NULLABLE_COLUMNS.iter().map(|c| (*c, None)));
        }
        let bucket = self.store.config().bucket.bucket(id);
        cql::insert_statement(channel, bucket, id, &cells, ts, ttl)
    }

    /// An UPDATE of `cells`, or a row DELETE when `cells` is empty.
    fn row_write(
        &mut self,
        channel: u64,
        message: u64,
        cells: Vec<(Column, Option<Value>)>,
    ) -> Result<(), Error> {
        snowflake(Input::Channel, channel)?;
        snowflake(Input::Message, message)?;
        let ts = (self.now_ms as i64 * 1000).max(self.last_ts + 1);
        let w = RowWrite {
            channel,
            message_id: message,
            marker: None,
            deletion: cells.is_empty().then_some(Deletion { ts, ldt: ldt(ts) }),
            cells: cells
                .iter()
                .map(|(c, v)| {
                    let cell = match v {
                        Some(v) => CellVersion::live(ts, v.clone()),
                        None => CellVersion::tombstone(ts, ldt(ts)),
                    };
                    (*c, cell)
                })
                .collect(),
        };
        let out = self
            .cluster
            .write(&ClusterMutation::Row(w.clone()), self.now_ms)?;
        self.store.apply_row(&w)?;
        self.last_ts = ts;
        let bucket = self.store.config().bucket.bucket(message);
        self.log_cql(if cells.is_empty() {
            cql::delete_row_statement(channel, bucket, message, ts)
        } else {
            cql::update_statement(channel, bucket, message, &cells, ts)
        });
        self.outcome = Outcome::Wrote {
            message_id: Some(message),
            cluster: Some(out),
        };
        Ok(())
    }

    fn delete_bucket(&mut self, channel: u64, bucket: u64) -> Result<(), Error> {
        snowflake(Input::Channel, channel)?;
        let max = self.store.config().bucket.bucket(MAX_ID);
        check_range(Input::Bucket, bucket, 0, max)?;
        let ts = (self.now_ms as i64 * 1000).max(self.last_ts + 1);
        let deletion = Deletion { ts, ldt: ldt(ts) };
        let m = ClusterMutation::Partition {
            channel,
            bucket,
            deletion,
        };
        let out = self.cluster.write(&m, self.now_ms)?;
        self.store.delete_partition(channel, bucket, deletion)?;
        self.last_ts = ts;
        self.log_cql(cql::delete_partition_statement(channel, bucket, ts));
        self.outcome = Outcome::Wrote {
            message_id: None,
            cluster: Some(out),
        };
        Ok(())
    }
}

impl Playground {
    /// `DELETE … WHERE channel_id = ? AND bucket = ? AND message_id < before`.
    fn delete_history(&mut self, channel: u64, bucket: u64, before: u64) -> Result<(), Error> {
        snowflake(Input::Channel, channel)?;
        snowflake(Input::RangeBound, before)?;
        let size = self.store.config().bucket;
        check_range(Input::Bucket, bucket, 0, size.bucket(MAX_ID))?;
        if before <= size.first_id(bucket) {
            return Err(Error::Invalid {
                field: Input::RangeBound,
                reason: format!("nothing in bucket {bucket} lies before {before}"),
            });
        }
        let ts = (self.now_ms as i64 * 1000).max(self.last_ts + 1);
        let deletion = Deletion { ts, ldt: ldt(ts) };
        self.store.delete_range(channel, bucket, before, deletion)?;
        self.last_ts = ts;
        self.log_cql(cql::delete_range_statement(channel, bucket, before, ts));
        self.outcome = Outcome::Wrote {
            message_id: None,
            cluster: None,
        };
        Ok(())
    }
}

pub(super) fn snowflake_time(ms: u64) -> Result<(), Error> {
    Snowflake::largest_at(ms)
        .map(|_| ())
        .map_err(|error| Error::Snowflake {
            field: Input::Clock,
            error,
        })
}
