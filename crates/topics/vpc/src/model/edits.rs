//! Applying layout edits to a network. Each edit changes a copy; the caller
//! validates the whole layout before keeping it.

use super::action::{AclRuleInput, Action, Notice, PeerInput, SgRuleInput};
use super::cidr::{check_block_size, clip, parse_cidr};
use super::error::VpcError;
use super::filters::{AclRule, NetworkAcl, PortRange, SecurityGroup, SgPeer, SgRule};
use super::layout::{Network, Route, RouteTable, Subnet, Target};
use super::validate::unknown;

type Edit = Result<(), VpcError>;

/// Parses a CIDR, recording a notice when it had to be rounded.
fn cidr(field: &str, input: &str, notices: &mut Vec<Notice>) -> Result<ipnet::Ipv4Net, VpcError> {
    let parsed = parse_cidr(field, input)?;
    if parsed.rounded {
        notices.push(Notice::CidrRounded {
            field: field.to_string(),
            input: clip(input.trim()),
            rounded: parsed.net,
        });
    }
    Ok(parsed.net)
}

pub(super) fn find<'a, T>(
    list: &'a mut [T],
    id: &str,
    key: impl Fn(&T) -> &str,
    kind: &'static str,
) -> Result<&'a mut T, VpcError> {
    list.iter_mut()
        .find(|x| key(x) == id)
        .ok_or_else(|| unknown(kind, id, "this edit"))
}

pub(super) fn remove<T>(
    list: &mut Vec<T>,
    id: &str,
    key: impl Fn(&T) -> &str,
    kind: &'static str,
) -> Edit {
    let before = list.len();
    list.retain(|x| key(x) != id);
    if list.len() == before {
        Err(unknown(kind, id, "this edit"))
    } else {
        Ok(())
    }
}

pub(super) fn apply_edit(net: &mut Network, action: &Action, notices: &mut Vec<Notice>) -> Edit {
    #[cfg(feature = "ipv6")]
    if let Some(done) = super::ipv6_edits::apply6(net, action) {
        return done;
    }
    match action {
        Action::SetVpcCidr { vpc, cidr: text } => {
            let field = format!("{vpc} CIDR");
            let c = cidr(&field, text, notices)?;
            check_block_size(&field, c)?;
            find(&mut net.vpcs, vpc, |v| &v.id, "VPC")?.cidr = c;
        }
        Action::AddSecondaryCidr { vpc, cidr: text } => {
            let field = format!("{vpc} secondary CIDR");
            let c = cidr(&field, text, notices)?;
            check_block_size(&field, c)?;
            let v = find(&mut net.vpcs, vpc, |v| &v.id, "VPC")?.clone();
            super::cidr_association::check_association(net, &v, c)?;
            find(&mut net.vpcs, vpc, |v| &v.id, "VPC")?
                .secondary_cidrs
                .push(c);
        }
        Action::RemoveSecondaryCidr { vpc, cidr: text } => {
            let c = cidr(&format!("{vpc} secondary CIDR"), text, notices)?;
            let v = find(&mut net.vpcs, vpc, |v| &v.id, "VPC")?;
            let before = v.secondary_cidrs.len();
            v.secondary_cidrs.retain(|x| *x != c);
            if v.secondary_cidrs.len() == before {
                return Err(unknown("secondary CIDR block", &c.to_string(), vpc));
            }
        }
        Action::AddSubnet {
            id,
            vpc,
            cidr: text,
            az,
        } => {
            let c = cidr(&format!("{id} CIDR"), text, notices)?;
            net.subnets.push(Subnet {
                id: id.clone(),
                vpc: vpc.clone(),
                cidr: c,
                az: az.clone(),
            });
        }
        Action::EditSubnetCidr { subnet, cidr: text } => {
            let c = cidr(&format!("{subnet} CIDR"), text, notices)?;
            find(&mut net.subnets, subnet, |s| &s.id, "subnet")?.cidr = c;
        }
        Action::RemoveSubnet { subnet } => remove_subnet(net, subnet)?,
        Action::AddRouteTable { id, vpc } => net.route_tables.push(RouteTable {
            id: id.clone(),
            vpc: vpc.clone(),
            main: false,
            routes: Vec::new(),
            subnets: Vec::new(),
        }),
        Action::AddRoute {
            table,
            destination,
            target,
        } => {
            let dest = cidr(&format!("{table} route destination"), destination, notices)?;
            let vpc = net
                .route_table(table)
                .map(|t| t.vpc.clone())
                .ok_or_else(|| unknown("route table", table, "this edit"))?;
            let exists = match target {
                Target::Local => true,
                _ => net.route_state(&vpc, target) == super::layout::RouteState::Active,
            };
            if !exists {
                return Err(VpcError::TargetMissing {
                    table: table.clone(),
                    target: target.id().to_string(),
                });
            }
            find(&mut net.route_tables, table, |t| &t.id, "route table")?
                .routes
                .push(Route {
                    destination: dest,
                    target: target.clone(),
                });
        }
        Action::RemoveRoute { table, destination } => {
            let dest = cidr(&format!("{table} route destination"), destination, notices)?;
            let t = find(&mut net.route_tables, table, |t| &t.id, "route table")?;
            let before = t.routes.len();
            t.routes.retain(|r| r.destination != dest);
            if t.routes.len() == before {
                return Err(VpcError::RouteNotFound {
                    table: table.clone(),
                    destination: dest,
                });
            }
        }
        Action::SetAssociation { subnet, table } => {
            if net.subnet(subnet).is_none() {
                return Err(unknown("subnet", subnet, "this edit"));
            }
            for t in &mut net.route_tables {
                t.subnets.retain(|s| s != subnet);
            }
            if let Some(t) = table {
                find(&mut net.route_tables, t, |t| &t.id, "route table")?
                    .subnets
                    .push(subnet.clone());
            }
        }
        Action::AddNetworkAcl { id, vpc } => net.network_acls.push(NetworkAcl::new_custom(id, vpc)),
        Action::SetAclAssociation { subnet, acl } => {
            if net.subnet(subnet).is_none() {
                return Err(unknown("subnet", subnet, "this edit"));
            }
            for a in &mut net.network_acls {
                a.subnets.retain(|s| s != subnet);
            }
            if let Some(a) = acl {
                find(&mut net.network_acls, a, |a| &a.id, "network ACL")?
                    .subnets
                    .push(subnet.clone());
            }
        }
        Action::AddNaclRule { acl, rule } => {
            let rule = acl_rule(acl, rule, notices)?;
            find(&mut net.network_acls, acl, |a| &a.id, "network ACL")?
                .rules
                .push(rule);
        }
        Action::RemoveNaclRule {
            acl,
            number,
            egress,
        } => {
            let a = find(&mut net.network_acls, acl, |a| &a.id, "network ACL")?;
            let before = a.rules.len();
            a.rules
                .retain(|r| !(r.number == *number && r.egress == *egress));
            if a.rules.len() == before {
                return Err(VpcError::AclRuleNotFound {
                    acl: acl.clone(),
                    number: *number,
                    egress: *egress,
                });
            }
        }
        Action::AddSecurityGroup { id, vpc } => {
            net.security_groups.push(SecurityGroup::new(id, vpc))
        }
        Action::AddSgRule {
            group,
            egress,
            rule,
        } => {
            let rule = sg_rule(group, rule, notices)?;
            let g = find(&mut net.security_groups, group, |g| &g.id, "security group")?;
            if *egress {
                g.outbound.push(rule);
            } else {
                g.inbound.push(rule);
            }
        }
        Action::RemoveSgRule {
            group,
            egress,
            index,
        } => {
            let g = find(&mut net.security_groups, group, |g| &g.id, "security group")?;
            let rules = if *egress {
                &mut g.outbound
            } else {
                &mut g.inbound
            };
            if *index >= rules.len() {
                return Err(VpcError::SgRuleIndex {
                    group: group.clone(),
                    index: *index,
                    len: rules.len(),
                });
            }
            rules.remove(*index);
        }
        other => return super::edits_hosts::apply_host_edit(net, other),
    }
    Ok(())
}

fn remove_subnet(net: &mut Network, subnet: &str) -> Edit {
    let user = net
        .instances
        .iter()
        .find(|i| i.subnet == subnet)
        .map(|i| i.id.clone())
        .or_else(|| {
            net.nat_gateways
                .iter()
                .find(|n| n.subnet == subnet)
                .map(|n| n.id.clone())
        });
    if let Some(dependent) = user {
        return Err(VpcError::HasDependencies {
            id: subnet.to_string(),
            dependent,
        });
    }
    remove(&mut net.subnets, subnet, |s| &s.id, "subnet")?;
    for t in &mut net.route_tables {
        t.subnets.retain(|s| s != subnet);
    }
    for a in &mut net.network_acls {
        a.subnets.retain(|s| s != subnet);
    }
    Ok(())
}

fn ports(from: u32, to: u32) -> PortRange {
    PortRange { from, to }
}

fn acl_rule(acl: &str, r: &AclRuleInput, notices: &mut Vec<Notice>) -> Result<AclRule, VpcError> {
    Ok(AclRule {
        number: r.number,
        egress: r.egress,
        action: r.action,
        protocol: r.protocol,
        ports: ports(r.from_port, r.to_port),
        cidr: cidr(&format!("{acl} rule {} CIDR", r.number), &r.cidr, notices)?,
    })
}

fn sg_rule(group: &str, r: &SgRuleInput, notices: &mut Vec<Notice>) -> Result<SgRule, VpcError> {
    let peer = match &r.peer {
        PeerInput::Cidr(text) => SgPeer::Cidr(cidr(&format!("{group} rule CIDR"), text, notices)?),
        PeerInput::Group(g) => SgPeer::Group(g.clone()),
    };
    Ok(SgRule {
        protocol: r.protocol,
        ports: ports(r.from_port, r.to_port),
        peer,
    })
}
