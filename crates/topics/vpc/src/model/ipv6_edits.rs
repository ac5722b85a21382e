//! Edits and rules for the IPv6 side of a layout. IPv6 edits, and IPv4
//! edits given IPv6 text (a `::/0` ACL or security-group rule), are handled
//! here; everything else falls through to the IPv4 edits.

use super::action::{AclRuleInput, Action, PeerInput};
use super::error::VpcError;
use super::filters::{
    AclAction, AclRule, NetworkAcl, PortRange, Protocol, SecurityGroup, SgPeer, SgRule,
};
use super::ipv6::{
    check_prefix6, overlaps6, parse_block6, parse_cidr6, route6_state, AclRule6, Block6, Cidr6,
    EgressOnlyGateway, Route6, Target6, SUBNET_PREFIX6, VPC_PREFIX6,
};
use super::layout::{Network, RouteState};
use super::limits::{MAX_ACL_RULES, MAX_ROUTES_PER_TABLE, MAX_VPCS};
use super::validate::{cap, unknown};

type Edit = Result<(), VpcError>;

fn is_v6(text: &str) -> bool {
    text.contains(':')
}

/// Applies `action` if it is an IPv6 edit; `None` hands it to the IPv4 edits.
pub(super) fn apply6(net: &mut Network, action: &Action) -> Option<Edit> {
    Some(match action {
        Action::SetVpcIpv6 { vpc, enabled, cidr } => set_vpc(net, vpc, *enabled, cidr),
        Action::SetSubnetIpv6 { subnet, cidr } => set_subnet(net, subnet, cidr),
        Action::AddEigw { id, vpc } => {
            net.ipv6.egress_only_gateways.push(EgressOnlyGateway {
                id: id.clone(),
                vpc: vpc.clone(),
            });
            Ok(())
        }
        Action::DeleteEigw { eigw } => {
            let list = &mut net.ipv6.egress_only_gateways;
            let before = list.len();
            list.retain(|g| g.id != *eigw);
            if list.len() == before {
                Err(unknown("egress-only internet gateway", eigw, "this edit"))
            } else {
                Ok(())
            }
        }
        Action::AddRoute6 {
            table,
            destination,
            target,
        } => add_route(net, table, destination, target),
        Action::RemoveRoute6 { table, destination } => {
            parse_cidr6(&format!("{table} route destination"), destination).and_then(|d| {
                let before = net.ipv6.routes.len();
                net.ipv6
                    .routes
                    .retain(|r| !(r.table == *table && r.destination == d));
                if net.ipv6.routes.len() == before {
                    Err(unknown("IPv6 route", &d.to_string(), table))
                } else {
                    Ok(())
                }
            })
        }
        Action::AddNaclRule { acl, rule } if is_v6(&rule.cidr) => add_acl_rule(net, acl, rule),
        Action::RemoveNaclRule {
            acl,
            number,
            egress,
        } if net
            .ipv6
            .acl_rules
            .iter()
            .any(|r| r.acl == *acl && r.number == *number && r.egress == *egress) =>
        {
            net.ipv6
                .acl_rules
                .retain(|r| !(r.acl == *acl && r.number == *number && r.egress == *egress));
            Ok(())
        }
        Action::AddSgRule {
            group,
            egress,
            rule,
        } => {
            let PeerInput::Cidr(text) = &rule.peer else {
                return None;
            };
            if !is_v6(text) {
                return None;
            }
            let add = |c: Cidr6| -> Edit {
                let g = net
                    .security_groups
                    .iter_mut()
                    .find(|g| g.id == *group)
                    .ok_or_else(|| unknown("security group", group, "this edit"))?;
                let r = SgRule {
                    protocol: rule.protocol,
                    ports: PortRange {
                        from: rule.from_port,
                        to: rule.to_port,
                    },
                    peer: SgPeer::Cidr6(c),
                };
                if *egress {
                    g.outbound.push(r);
                } else {
                    g.inbound.push(r);
                }
                Ok(())
            };
            parse_cidr6(&format!("{group} rule CIDR"), text).and_then(add)
        }
        // A group made in a dual-stack VPC also allows all outbound IPv6
        // (VPC User Guide, "Security group rules": ::/0 outbound when the
        // VPC has an IPv6 block).
        Action::AddSecurityGroup { id, vpc } if net.ipv6.vpc_block(vpc).is_some() => {
            let mut g = SecurityGroup::new(id, vpc);
            g.outbound.push(all_to(SgPeer::Cidr6(Cidr6::ANY)));
            net.security_groups.push(g);
            Ok(())
        }
        _ => return None,
    })
}

fn all_to(peer: SgPeer) -> SgRule {
    SgRule {
        protocol: Protocol::All,
        ports: PortRange::ALL,
        peer,
    }
}

fn set_vpc(net: &mut Network, vpc: &str, enabled: bool, text: &str) -> Edit {
    if net.vpc(vpc).is_none() {
        return Err(unknown("VPC", vpc, "this edit"));
    }
    let field = format!("{vpc} IPv6 block");
    if !enabled {
        if let Some(s) = net
            .subnets
            .iter()
            .find(|s| s.vpc == vpc && net.ipv6.subnet_block(&s.id).is_some())
        {
            return Err(VpcError::HasDependencies {
                id: field,
                dependent: format!("{}'s /64", s.id),
            });
        }
        net.ipv6.vpc_blocks.retain(|b| b.owner != vpc);
        return Ok(());
    }
    let block = if text.trim().is_empty() {
        net.ipv6.amazon_block()
    } else {
        parse_block6(&field, text, Some(VPC_PREFIX6))?
    };
    check_prefix6(&field, block, VPC_PREFIX6)?;
    if let Some(s) = net.subnets.iter().find(|s| {
        s.vpc == vpc
            && net
                .ipv6
                .subnet_block(&s.id)
                .is_some_and(|c| !block.covers(c))
    }) {
        return Err(VpcError::HasDependencies {
            id: field,
            dependent: format!("{}'s /64, which lies outside {block}", s.id),
        });
    }
    let had = net.ipv6.vpc_block(vpc).is_some();
    net.ipv6.vpc_blocks.retain(|b| b.owner != vpc);
    net.ipv6.vpc_blocks.push(Block6 {
        owner: vpc.to_string(),
        cidr: block,
    });
    if !had {
        allow_ipv6_in_default_acl(net, vpc);
    }
    Ok(())
}

/// "Default network ACL": with an IPv6 block, the default ACL also has rule
/// 101 allowing all IPv6 traffic in and out, but only in a direction whose
/// rules are still AWS's defaults ("if you've modified the inbound rules of
/// a default network ACL, we do not add the rule"). Modified here means the
/// rules differ from a new default ACL's, the only history a layout keeps.
fn allow_ipv6_in_default_acl(net: &mut Network, vpc: &str) {
    let Some(acl) = net.network_acls.iter().find(|a| a.vpc == vpc && a.default) else {
        return;
    };
    let fresh = NetworkAcl::new_default(&acl.id, vpc);
    for egress in [false, true] {
        let way = |r: &&AclRule| r.egress == egress;
        let modified = !acl
            .rules
            .iter()
            .filter(way)
            .eq(fresh.rules.iter().filter(way))
            || net
                .ipv6
                .acl_rules
                .iter()
                .any(|r| r.acl == acl.id && r.egress == egress);
        if !modified {
            net.ipv6.acl_rules.push(AclRule6 {
                acl: acl.id.clone(),
                number: 101,
                egress,
                action: AclAction::Allow,
                protocol: Protocol::All,
                ports: PortRange::ALL,
                cidr: Cidr6::ANY,
            });
        }
    }
}

fn add_route(net: &mut Network, table: &str, text: &str, target: &Target6) -> Edit {
    let d = parse_cidr6(&format!("{table} route destination"), text)?;
    let vpc = net
        .route_table(table)
        .map(|t| t.vpc.clone())
        .ok_or_else(|| unknown("route table", table, "this edit"))?;
    if route6_state(net, &vpc, target) == RouteState::Blackhole {
        return Err(VpcError::TargetMissing {
            table: table.to_string(),
            target: target.id().to_string(),
        });
    }
    net.ipv6.routes.push(Route6 {
        table: table.to_string(),
        destination: d,
        target: target.clone(),
    });
    Ok(())
}

fn set_subnet(net: &mut Network, subnet: &str, text: &str) -> Edit {
    if net.subnet(subnet).is_none() {
        return Err(unknown("subnet", subnet, "this edit"));
    }
    net.ipv6.subnet_blocks.retain(|b| b.owner != subnet);
    if text.trim().is_empty() {
        return Ok(());
    }
    let block = parse_block6(&format!("{subnet} IPv6 block"), text, Some(SUBNET_PREFIX6))?;
    net.ipv6.subnet_blocks.push(Block6 {
        owner: subnet.to_string(),
        cidr: block,
    });
    Ok(())
}

fn add_acl_rule(net: &mut Network, acl: &str, r: &AclRuleInput) -> Edit {
    let cidr = parse_cidr6(&format!("{acl} rule {} CIDR", r.number), &r.cidr)?;
    net.ipv6.acl_rules.push(AclRule6 {
        acl: acl.to_string(),
        number: r.number,
        egress: r.egress,
        action: r.action,
        protocol: r.protocol,
        ports: PortRange {
            from: r.from_port,
            to: r.to_port,
        },
        cidr,
    });
    Ok(())
}

/// Drops IPv6 parts whose owner was removed by an IPv4 edit (a subnet, a
/// table, an ACL), as AWS deletes them with their owner.
pub(super) fn prune6(net: &mut Network) {
    let Network {
        vpcs,
        subnets,
        route_tables,
        network_acls,
        ipv6,
        ..
    } = net;
    ipv6.vpc_blocks
        .retain(|b| vpcs.iter().any(|v| v.id == b.owner));
    ipv6.subnet_blocks
        .retain(|b| subnets.iter().any(|s| s.id == b.owner));
    ipv6.routes
        .retain(|r| route_tables.iter().any(|t| t.id == r.table));
    ipv6.acl_rules
        .retain(|r| network_acls.iter().any(|a| a.id == r.acl));
}

/// The IPv6 rules of "Subnet CIDR blocks" and "IPv6 support for your VPC".
pub(super) fn validate6(net: &Network) -> Edit {
    let v6 = &net.ipv6;
    cap(
        v6.egress_only_gateways.len(),
        MAX_VPCS,
        "egress-only internet gateways",
    )?;
    cap(v6.routes.len(), MAX_ROUTES_PER_TABLE, "IPv6 routes")?;
    cap(v6.acl_rules.len(), MAX_ACL_RULES, "IPv6 network ACL rules")?;
    for (k, b) in v6.vpc_blocks.iter().enumerate() {
        let field = format!("{} IPv6 block", b.owner);
        check_prefix6(&field, b.cidr, VPC_PREFIX6)?;
        if let Some(o) = v6.vpc_blocks[..k]
            .iter()
            .find(|o| overlaps6(o.cidr, b.cidr))
        {
            return Err(VpcError::Ipv6Block {
                field,
                reason: format!("{} is already {}'s block", b.cidr, o.owner),
            });
        }
    }
    for (k, b) in v6.subnet_blocks.iter().enumerate() {
        let field = format!("{} IPv6 block", b.owner);
        let vpc = net.subnet(&b.owner).map_or("", |s| s.vpc.as_str());
        let Some(outer) = v6.vpc_block(vpc) else {
            return Err(VpcError::Ipv6Block {
                field,
                reason: format!("{vpc} has no IPv6 block yet; turn on dual-stack first"),
            });
        };
        check_prefix6(&field, b.cidr, SUBNET_PREFIX6)?;
        if !outer.covers(b.cidr) {
            return Err(VpcError::Ipv6Block {
                field,
                reason: format!("{} is outside {vpc}'s block {outer}", b.cidr),
            });
        }
        if let Some(o) = v6.subnet_blocks[..k]
            .iter()
            .find(|o| overlaps6(o.cidr, b.cidr))
        {
            return Err(VpcError::Ipv6Block {
                field,
                reason: format!("{} is already {}'s /64", b.cidr, o.owner),
            });
        }
    }
    for g in &v6.egress_only_gateways {
        if net.vpc(&g.vpc).is_none() {
            return Err(unknown("VPC", &g.vpc, &g.id));
        }
    }
    super::ipv6_rules::check_routes6(net)?;
    super::ipv6_rules::check_acl_rules6(net)
}
