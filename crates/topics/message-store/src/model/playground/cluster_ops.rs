//! The cluster view and the 2023 data services. None of these change the
//! table's contents as cqlsh would see them, so the CQL log gets comments.

use super::super::action::Action;
use super::super::coalesce::DataServices;
use super::super::error::{check_range, Error};
use super::super::input::Input;
use super::super::snowflake::Snowflake;
use super::super::store::MAX_LIMIT;
use super::{Outcome, Playground};

pub const MAX_HOT_READS: u32 = 100_000;
pub const MAX_CONCURRENT: u32 = 10_000;

impl Playground {
    pub(super) fn apply_cluster(&mut self, action: &Action) -> Result<(), Error> {
        match action {
            Action::SetNodes(n) => {
                let rf = self.cluster.rf();
                self.cluster.reshape(*n as usize, rf)?;
                self.log_cql(format!("-- cluster now has {n} nodes"));
            }
            Action::SetRf(rf) => {
                let nodes = self.cluster.node_count();
                self.cluster.reshape(nodes, *rf as usize)?;
                self.log_cql(format!(
                    "ALTER KEYSPACE discord WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': {rf}}};"
                ));
            }
            Action::SetReadCl(cl) => {
                self.cluster.read_cl = *cl;
                self.log_cql(format!("-- reads now at {}", cl.name()));
            }
            Action::SetWriteCl(cl) => {
                self.cluster.write_cl = *cl;
                self.log_cql(format!("-- writes now at {}", cl.name()));
            }
            Action::NodeDown(n) => {
                self.cluster.node_down(*n, self.now_ms)?;
                self.log_cql(format!("-- node {n} goes down"));
            }
            Action::NodeUp(n) => {
                let r = self.cluster.node_up(*n, self.now_ms)?;
                self.log_cql(format!("-- node {n} comes back up"));
                self.outcome = Outcome::HintsReplayed(r);
            }
            Action::Repair => {
                let r = self.cluster.repair()?;
                self.log_cql("-- nodetool repair discord".into());
                self.outcome = Outcome::Repaired(r);
            }
            Action::ClusterRead { channel, limit } => {
                check_channel(*channel)?;
                check_range(Input::Limit, *limit as u64, 1, MAX_LIMIT as u64)?;
                let r = self.cluster.read_latest(*channel, *limit, self.now_ms)?;
                self.outcome = Outcome::ClusterRead(r);
            }
            Action::HotReads { channel, reads } => {
                check_channel(*channel)?;
                check_range(Input::Reads, *reads as u64, 1, MAX_HOT_READS as u64)?;
                let top = Snowflake::largest_at(self.now_ms).map(|s| s.0).unwrap_or(0);
                let bucket = self.store.config().bucket.bucket(top);
                let r = self.cluster.hot_reads(*channel, bucket, *reads)?;
                self.outcome = Outcome::HotReads(r);
            }
            Action::SetCoalescing(on) => self.services.coalescing = *on,
            Action::SetDataServices(n) => {
                let on = self.services.coalescing;
                self.services = DataServices::new(*n, on)?;
            }
            Action::ConcurrentReads { channel, count } => {
                check_channel(*channel)?;
                check_range(
                    Input::ConcurrentReads,
                    *count as u64,
                    1,
                    MAX_CONCURRENT as u64,
                )?;
                let reqs = vec![*channel; *count as usize];
                self.outcome = Outcome::Coalesced(self.services.serve(&reqs));
            }
            _ => {}
        }
        Ok(())
    }
}

fn check_channel(channel: u64) -> Result<(), Error> {
    Snowflake::new(channel)
        .map(|_| ())
        .map_err(|error| Error::Snowflake {
            field: Input::Channel,
            error,
        })
}
