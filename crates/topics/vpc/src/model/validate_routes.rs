//! Route-table rules: one main table per VPC, one table per subnet, and the
//! AWS constraints on explicit routes next to the implicit local routes.

use super::sorted::{SortedMap, SortedSet};

use super::error::VpcError;
use super::layout::{Network, RouteTable, Target};
use super::limits::MAX_ROUTES_PER_TABLE;
use super::validate::{cap, network_address, unknown, vpc_exists};

type Check = Result<(), VpcError>;

pub(super) fn check_route_tables(net: &Network) -> Check {
    let mut owner: SortedMap<&str, &str> = SortedMap::new();
    for t in &net.route_tables {
        vpc_exists(net, &t.vpc, &t.id)?;
        for s in &t.subnets {
            let subnet = net.subnet(s).ok_or_else(|| unknown("subnet", s, &t.id))?;
            if subnet.vpc != t.vpc {
                return Err(VpcError::CrossVpc {
                    what: format!("{} association", t.id),
                    id: s.clone(),
                    expected: t.vpc.clone(),
                    found: subnet.vpc.clone(),
                });
            }
            if let Some(first) = owner.insert(s, &t.id) {
                return Err(VpcError::DuplicateAssociation {
                    subnet: s.clone(),
                    kind: "route table",
                    first: first.to_string(),
                    second: t.id.clone(),
                });
            }
        }
        check_routes(net, t)?;
    }
    for v in &net.vpcs {
        let count = net
            .route_tables
            .iter()
            .filter(|t| t.vpc == v.id && t.main)
            .count();
        if count != 1 {
            return Err(VpcError::MainTableCount {
                vpc: v.id.clone(),
                count,
            });
        }
    }
    Ok(())
}

fn check_routes(net: &Network, t: &RouteTable) -> Check {
    cap(t.routes.len(), MAX_ROUTES_PER_TABLE, "routes in one table")?;
    let Some(vpc) = net.vpc(&t.vpc) else {
        return Err(unknown("VPC", &t.vpc, &t.id));
    };
    let mut seen = SortedSet::new();
    for r in &t.routes {
        let dest = r.destination;
        network_address(&format!("{} route destination", t.id), dest)?;
        if r.target == Target::Local {
            return Err(VpcError::RouteExplicitLocal {
                table: t.id.clone(),
                destination: dest,
            });
        }
        // AWS adds and removes endpoint routes itself (PrivateLink guide,
        // "Gateway endpoints": a route table is associated with the endpoint).
        if let Target::Endpoint(id) = &r.target {
            return Err(VpcError::GatewayEndpoint {
                id: id.clone(),
                rule: "its routes come from associating a route table with it, not from adding a route",
            });
        }
        if !seen.insert(dest) {
            return Err(VpcError::RouteDuplicate {
                table: t.id.clone(),
                destination: dest,
            });
        }
        if vpc.cidrs().any(|c| c == dest) {
            return Err(VpcError::RouteConflictsWithLocal {
                table: t.id.clone(),
                destination: dest,
            });
        }
        // AWS: a route more specific than local must name a whole subnet CIDR
        // and point at a NAT gateway or network interface (middlebox routing).
        if vpc.cidrs().any(|c| c.contains(&dest)) {
            let is_subnet = net
                .subnets
                .iter()
                .any(|s| s.vpc == vpc.id && s.cidr == dest);
            if !is_subnet {
                return Err(VpcError::RouteMoreSpecificNotSubnet {
                    table: t.id.clone(),
                    destination: dest,
                });
            }
            if !matches!(r.target, Target::Nat(_) | Target::Instance(_)) {
                return Err(VpcError::RouteMoreSpecificBadTarget {
                    table: t.id.clone(),
                    destination: dest,
                    target: r.target.id().to_string(),
                });
            }
        }
        check_target_vpc(net, t, &r.target)?;
    }
    Ok(())
}

/// A target that still exists must be in this VPC; a deleted one is a blackhole.
fn check_target_vpc(net: &Network, t: &RouteTable, target: &Target) -> Check {
    let found: Option<String> = match target {
        Target::Local => None,
        Target::Endpoint(id) => net.endpoint(id).map(|e| e.vpc.clone()),
        Target::Igw(id) => net.igw(id).map(|g| g.vpc.clone()),
        Target::Nat(id) => net
            .nat(id)
            .and_then(|n| net.subnet(&n.subnet))
            .map(|s| s.vpc.clone()),
        Target::Instance(id) => net
            .instance(id)
            .and_then(|i| net.subnet(&i.subnet))
            .map(|s| s.vpc.clone()),
        Target::Peering(id) => net.peering(id).map(|p| {
            if p.other_side(&t.vpc).is_some() {
                t.vpc.clone()
            } else {
                format!("{} and {}", p.requester, p.accepter)
            }
        }),
    };
    match found {
        Some(vpc) if vpc != t.vpc => Err(VpcError::CrossVpc {
            what: format!("{} route target", t.id),
            id: target.id().to_string(),
            expected: t.vpc.clone(),
            found: vpc,
        }),
        _ => Ok(()),
    }
}
