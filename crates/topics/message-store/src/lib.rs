//! Discord's message store on Cassandra: Snowflake IDs, time buckets,
//! tombstones and the ring, as a playground with a bucket timeline, a
//! partition view, a query box that walks the buckets, the cluster ring, a
//! workload generator and a CQL mirror.

mod comic;
mod focus;
pub mod model;
mod panel_action;
mod refusal;
mod state;
mod view;
mod workshop;
mod zine;

pub use state::MessageStorePanel;

techshack_core::export_panel!(crate::MessageStorePanel);
