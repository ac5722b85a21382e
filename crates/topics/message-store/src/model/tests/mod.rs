//! Native tests, one file per rule family.

mod bench;
mod channel_tests;
mod cluster_tests;
mod compact_props;
mod cql_tests;
mod edge_case_tests;
mod lww_tests;
mod murmur3_tests;
mod paging_tests;
mod playground_tests;
mod range_tests;
mod reread_tests;
mod slice_tests;
mod snapshot_tests;
mod snowflake_tests;
mod store_tests;
mod tombstone_tests;
mod tour_tests;
mod ttl_tests;
mod walk_tests;
mod workload_tests;
