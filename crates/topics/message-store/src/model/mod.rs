//! Message-store playground: how Discord stored billions of messages in
//! Cassandra (2017) and what changed in 2023.
//!
//! Layers, bottom up:
//! - `snowflake`, `bucket`, `murmur3`, `schema`, `cell`: the rules (IDs,
//!   10-day buckets, tokens, the table, last-write-wins); `channels`: the
//!   names the playground's channels are shown by.
//! - `store`: one node's table, built for millions of rows; reads walk
//!   buckets, count tombstones like Cassandra, page, and compact.
//! - `cluster`: a small replicated view (ring, consistency, hints, repair).
//! - `coalesce`: 2023's data services.
//! - `workload`: seeded, chunkable synthetic traffic.
//! - `cql`: the CQL mirror and `.cql` export; `history`: a channel's
//!   history deleted row by row and by one range delete, side by side.
//! - `playground` + `action` + `snapshot` + `tours`: the reducer the UI wraps.

pub mod action;
pub mod bucket;
pub mod cell;
pub mod channels;
pub mod cluster;
pub mod coalesce;
pub mod cql;
pub mod error;
pub mod goals;
pub mod history;
pub mod input;
pub mod murmur3;
pub mod playground;
pub mod read_cost;
pub mod scenarios;
pub mod schema;
pub mod snapshot;
pub mod snowflake;
pub mod store;
pub mod story;
pub mod tours;
pub mod workload;

#[cfg(test)]
mod tests;

pub use action::Action;
pub use error::Error;
pub use input::Input;
pub use playground::{Outcome, Playground};
pub use snapshot::Snapshot;
pub use tours::tours;
