//! Discord's 2023 data services: a Rust layer between the API and the
//! database. Requests are routed by a consistent hash on `channel_id`, so
//! every request for one channel reaches the same instance, which lets
//! concurrent identical reads share a single database query.

use super::error::{check_range, Error};
use super::input::Input;
use super::murmur3::bigint_token;
use serde::{Deserialize, Serialize};

pub const MAX_INSTANCES: u32 = 64;
const POINTS_PER_INSTANCE: u32 = 32;

#[derive(Clone, Debug, PartialEq)]
pub struct DataServices {
    instances: u32,
    pub coalescing: bool,
    ring: Vec<(i64, u32)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoalesceReport {
    pub requests: u64,
    pub db_queries: u64,
    /// Requests each instance received.
    pub per_instance: Vec<u64>,
}

impl DataServices {
    pub fn new(instances: u32, coalescing: bool) -> Result<DataServices, Error> {
        check_range(
            Input::DataServiceInstances,
            instances as u64,
            1,
            MAX_INSTANCES as u64,
        )?;
        Ok(DataServices::build(instances, coalescing))
    }

    /// Four instances, coalescing off (the pre-2023 path).
    pub fn standard() -> DataServices {
        DataServices::build(4, false)
    }

    fn build(instances: u32, coalescing: bool) -> DataServices {
        let mut ring: Vec<(i64, u32)> = (0..instances)
            .flat_map(|i| {
                (0..POINTS_PER_INSTANCE)
                    .map(move |p| (bigint_token(((i as u64) << 32) | p as u64), i))
            })
            .collect();
        ring.sort_unstable();
        DataServices {
            instances,
            coalescing,
            ring,
        }
    }

    pub fn instances(&self) -> u32 {
        self.instances
    }

    /// The instance that owns a channel: first ring point at or after its hash.
    pub fn route(&self, channel: u64) -> u32 {
        let t = bigint_token(channel);
        let i = self.ring.partition_point(|(p, _)| *p < t);
        self.ring
            .get(i)
            .or_else(|| self.ring.first())
            .map(|(_, inst)| *inst)
            .unwrap_or(0)
    }

    /// Serves requests that are all in flight at once. Without coalescing
    /// each costs a query; with it, one query per distinct channel.
    pub fn serve(&self, channels: &[u64]) -> CoalesceReport {
        let mut per_instance = vec![0u64; self.instances as usize];
        let mut seen: Vec<u64> = Vec::new();
        for &c in channels {
            if let Some(n) = per_instance.get_mut(self.route(c) as usize) {
                *n += 1;
            }
            if !seen.contains(&c) {
                seen.push(c);
            }
        }
        CoalesceReport {
            requests: channels.len() as u64,
            db_queries: if self.coalescing {
                seen.len() as u64
            } else {
                channels.len() as u64
            },
            per_instance,
        }
    }
}
