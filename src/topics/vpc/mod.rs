//! AWS VPC networking with a packet tracer: a clickable diagram of subnets
//! over availability zones, gateways, route tables, security groups and
//! NACLs, with traces, AZ failures, a reachability matrix, a CIDR explorer
//! and a Terraform export.

mod comic;
pub mod model;
mod state;
mod view;

/// The registry's name for this topic's panel model.
pub use state::VpcPanel as Playground;
