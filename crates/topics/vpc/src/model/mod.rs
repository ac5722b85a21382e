//! The VPC topic's model: a network layout with AWS's validation rules,
//! route lookup, Reachability-Analyzer-style packet traces, AZ failure
//! what-ifs, an all-pairs reachability matrix, presets, Terraform export,
//! a CIDR explorer, and the playground reducer with its tours.
//!
//! Layers, bottom up: `cidr` and the data in `layout`/`filters`; rules in
//! `validate*`; `lookup` (routing) and `index` (ids to positions); the
//! tracer (`trace`, `walk*`) and `matrix`; then `edits`, `playground` and
//! `tours` for the UI.

mod action;
mod cidr;
mod cidr_association;
mod edits;
mod edits_hosts;
mod endpoint;
mod error;
mod explorer;
mod filters;
mod goals;
mod index;
#[cfg(feature = "ipv6")]
mod ipv6;
#[cfg(feature = "ipv6")]
mod ipv6_edits;
#[cfg(feature = "ipv6")]
mod ipv6_rules;
mod layout;
mod limits;
mod lookup;
mod matrix;
mod nat_cost;
mod packet;
mod playground;
mod presets;
mod sorted;
mod split_bar;
mod story;
mod synth;
mod terraform;
#[cfg(feature = "ipv6")]
mod terraform6;
mod tour_actions;
mod tour_answers;
mod tours;
mod tours_cidr;
mod tours_tasks;
mod trace;
#[cfg(feature = "ipv6")]
mod trace6;
mod validate;
mod validate_filters;
mod validate_hosts;
mod validate_routes;
mod walk;
#[cfg(feature = "ipv6")]
mod walk6;
#[cfg(feature = "ipv6")]
mod walk6_filters;
mod walk_endpoint;
mod walk_filters;
mod walk_places;

#[cfg(test)]
mod tests;

pub use action::{AclRuleInput, Action, Notice, PeerInput, SgRuleInput};
pub use cidr::{
    check_block_size, halves, overlaps, parse_cidr, parse_ip, reserved_addresses, reserved_role,
    total_addresses, usable_addresses, ParsedCidr, ReservedRole, MAX_PREFIX, MIN_PREFIX,
    RESERVED_PER_SUBNET,
};
pub use cidr_association::{range_of, table_rule, Range};
pub use endpoint::{GatewayEndpoint, Service, REGION};
pub use error::VpcError;
pub use explorer::{address_bits, explain, CidrExplain, ReservedAddress};
pub use filters::{
    protocol_port_match, AclAction, AclRule, AclVerdict, NetworkAcl, PortRange, Protocol,
    SecurityGroup, SgPeer, SgRule, ACL_RULE_MAX, ACL_RULE_MIN, MAX_PORT,
};
#[cfg(feature = "ipv6")]
pub use ipv6::{
    instance_ipv6, nth_64, parse_cidr6, route6_state, AclRule6, Block6, Cidr6, EgressOnlyGateway,
    Header6, Ipv6Layout, Route6, Target6, INTERNET_HOST6, SUBNET_PREFIX6, VPC_PREFIX6,
};
pub use layout::{
    Instance, InternetGateway, NatGateway, Network, Peering, Route, RouteState, RouteTable, Subnet,
    Target, Vpc,
};
pub use limits::*;
pub use lookup::{
    blackholes, effective_routes, is_public_subnet, route_for, CompiledTable, RouteDecision,
    RouteEntry,
};
pub use matrix::{reachability_matrix, Cell, Matrix};
pub use nat_cost::{
    break_even_gb, dollars, nat_per_az, parse_gb, parse_price, shared_nat, DesignCost, NatPrices,
    HOURS_PER_MONTH, MAX_GB_PER_AZ, US_EAST_1,
};
pub use packet::{
    Blocker, Code, CodeSet, ComponentKind, Endpoint, Explanation, Faults, Header, Hop, Matched,
    Path, Trace, TraceSpec, DEFAULT_EPHEMERAL_PORT, INTERNET_HOST,
};
pub use playground::{Playground, Snapshot, Stats};
pub use presets::PresetId;
pub use sorted::{SortedMap, SortedSet};
pub use split_bar::{SplitBar, SplitRefusal};
pub use synth::{synthetic, SynthParams};
pub use terraform::{resource_name, to_terraform};
pub use tours::tours;
pub use trace::{check_spec, trace};
#[cfg(feature = "ipv6")]
pub use trace6::reachability_matrix6;
pub use validate::validate;
