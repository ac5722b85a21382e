//! Table settings, the clock and compaction: everything that changes how
//! the table behaves rather than what it holds.

use super::super::action::Action;
use super::super::bucket::BucketSize;
use super::super::cql;
use super::super::error::{check_range, Error};
use super::super::input::Input;
use super::writes::snowflake_time;
use super::{Outcome, Playground};

const MAX_ADVANCE_S: u64 = 10 * 365 * 86_400;
const MAX_GRACE_S: u64 = 10 * 365 * 86_400;

impl Playground {
    pub(super) fn apply_setting(&mut self, action: &Action) -> Result<(), Error> {
        match action {
            Action::WriteNullColumns(on) => {
                self.write_nulls = *on;
                Ok(())
            }
            Action::SetBucketDays(days) => {
                let size = BucketSize::from_days(*days)?;
                self.store.set_bucket_size(size);
                self.cluster.set_config(*self.store.config());
                self.log_cql(format!(
                    "-- bucket size is now {days} days (rows are re-bucketed)"
                ));
                Ok(())
            }
            Action::SetGrace(s) => {
                check_range(Input::GcGrace, *s as u64, 0, MAX_GRACE_S)?;
                self.store.set_grace(*s);
                self.cluster.set_config(*self.store.config());
                self.log_cql(cql::alter_grace_statement(*s));
                Ok(())
            }
            Action::Compact => {
                let store = self.store.compact(self.now_ms);
                let cluster_tombstones_purged = self.cluster.compact(self.now_ms);
                self.log_cql("-- nodetool compact discord messages".into());
                self.outcome = Outcome::Compacted {
                    store,
                    cluster_tombstones_purged,
                };
                Ok(())
            }
            Action::AdvanceClock { seconds } => {
                check_range(Input::Seconds, *seconds, 1, MAX_ADVANCE_S)?;
                let next = self.now_ms + seconds * 1000;
                snowflake_time(next)?;
                self.now_ms = next;
                self.log_cql(format!("-- {seconds} seconds pass"));
                Ok(())
            }
            Action::EnableEmptyBucketCache(on) => {
                self.store.set_empty_bucket_cache(*on);
                Ok(())
            }
            Action::RepairNullAuthors(on) => {
                self.store.set_repair_null_authors(*on);
                Ok(())
            }
            _ => Ok(()),
        }
    }
}
