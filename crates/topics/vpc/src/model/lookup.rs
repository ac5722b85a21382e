//! Route lookup: implicit local routes + explicit routes, explicit
//! association else main table, longest prefix match.

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

use super::layout::{Network, RouteState, RouteTable, Target};

/// One row of a table as the VPC router sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteEntry {
    pub destination: Ipv4Net,
    pub target: Target,
    pub state: RouteState,
}

/// A route table compiled for lookups: local routes included, most specific first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompiledTable {
    pub table: String,
    pub entries: Vec<RouteEntry>,
}

impl CompiledTable {
    pub fn new(net: &Network, t: &RouteTable) -> CompiledTable {
        let mut entries: Vec<RouteEntry> = effective_routes(net, t);
        // Stable sort keeps local, then static, then prefix-list routes on equal prefixes.
        entries.sort_by_key(|e| std::cmp::Reverse(e.destination.prefix_len()));
        CompiledTable {
            table: t.id.clone(),
            entries,
        }
    }

    /// Longest prefix match.
    pub fn lookup(&self, ip: Ipv4Addr) -> Option<&RouteEntry> {
        self.entries.iter().find(|e| e.destination.contains(&ip))
    }

    /// The matched route and the next less specific route that also matches.
    pub fn lookup_with_shadow(&self, ip: Ipv4Addr) -> (Option<&RouteEntry>, Option<&RouteEntry>) {
        let mut hits = self.entries.iter().filter(|e| e.destination.contains(&ip));
        (hits.next(), hits.next())
    }

    /// Some route is strictly inside `block`, so addresses in it may route differently.
    pub fn splits(&self, block: Ipv4Net) -> bool {
        self.entries.iter().any(|e| {
            e.destination.prefix_len() > block.prefix_len() && block.contains(&e.destination)
        })
    }
}

/// Every route the table holds: one local route per VPC CIDR, then the explicit ones.
pub fn effective_routes(net: &Network, t: &RouteTable) -> Vec<RouteEntry> {
    let local = net
        .vpc(&t.vpc)
        .into_iter()
        .flat_map(|v| v.cidrs())
        .map(|c| RouteEntry {
            destination: c,
            target: Target::Local,
            state: RouteState::Active,
        });
    let explicit = t.routes.iter().map(|r| RouteEntry {
        destination: r.destination,
        target: r.target.clone(),
        state: net.route_state(&t.vpc, &r.target),
    });
    // Last, so that on an equal prefix the stable sort in `CompiledTable`
    // keeps a static route ahead of a prefix-list route, as AWS ranks them
    // (VPC User Guide, "Route priority": static, then prefix list routes).
    let mut all: Vec<RouteEntry> = local.chain(explicit).collect();
    for e in net.endpoints_of(t) {
        for c in e.service.cidrs() {
            all.push(RouteEntry {
                destination: *c,
                target: Target::Endpoint(e.id.clone()),
                state: RouteState::Active,
            });
        }
    }
    all
}

/// What a subnet's router does with a destination address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteDecision {
    pub subnet: String,
    /// `None` only when the VPC has no route tables at all.
    pub table: Option<String>,
    /// The subnet has no explicit association and uses the main table.
    pub via_main: bool,
    pub matched: Option<RouteEntry>,
}

impl RouteDecision {
    pub fn is_blackhole(&self) -> bool {
        self.matched
            .as_ref()
            .is_some_and(|m| m.state == RouteState::Blackhole)
    }
}

/// Route lookup for traffic leaving `subnet` toward `ip`.
pub fn route_for(net: &Network, subnet: &str, ip: Ipv4Addr) -> RouteDecision {
    let table = net.table_for_subnet(subnet);
    let via_main = table.is_some_and(|t| !t.subnets.iter().any(|s| s == subnet));
    let matched = table.and_then(|t| CompiledTable::new(net, t).lookup(ip).cloned());
    RouteDecision {
        subnet: subnet.to_string(),
        table: table.map(|t| t.id.clone()),
        via_main,
        matched,
    }
}

/// Every explicit route whose target is gone, as (table, destination, target).
pub fn blackholes(net: &Network) -> Vec<(String, Ipv4Net, Target)> {
    net.route_tables
        .iter()
        .flat_map(|t| {
            t.routes
                .iter()
                .filter(|r| net.route_state(&t.vpc, &r.target) == RouteState::Blackhole)
                .map(|r| (t.id.clone(), r.destination, r.target.clone()))
        })
        .collect()
}

/// A subnet is public when its table sends 0.0.0.0/0 to an internet gateway.
pub fn is_public_subnet(net: &Network, subnet: &str) -> bool {
    net.table_for_subnet(subnet).is_some_and(|t| {
        t.routes.iter().any(|r| {
            r.destination.prefix_len() == 0
                && matches!(r.target, Target::Igw(_))
                && net.route_state(&t.vpc, &r.target) == RouteState::Active
        })
    })
}
