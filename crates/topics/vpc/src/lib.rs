//! AWS VPC networking with a packet tracer: a clickable diagram of subnets
//! over availability zones, gateways, route tables, security groups and
//! NACLs, with traces, AZ failures, a reachability matrix, a CIDR explorer
//! and a Terraform export.

mod comic;
pub mod model;
mod state;
mod view;
mod workshop;
mod zine;

pub use state::VpcPanel;

techshack_core::export_panel!(crate::VpcPanel);
// IPv6 is the upgrade module's (crates/topics/vpc/ipv6): the page asks this
// module whether it reads a link before choosing.
techshack_core::export_reads_state!(crate::VpcPanel);
