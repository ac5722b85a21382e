//! The filters in front of interfaces: security groups (stateful,
//! allow-only, evaluated on the request) and network ACLs (stateless,
//! numbered, evaluated on the request and on the reply).

use std::net::Ipv4Addr;

use super::filters::{first_match, protocol_port_match, AclAction, SgPeer};
use super::index::{Eni, Index};
use super::packet::{Code, ComponentKind, Hop, Matched};
use super::walk::{block, Dir, Walker};

impl Walker<'_, '_> {
    /// Security groups of instance `k`; return traffic is always allowed.
    pub(super) fn sg_hop(&mut self, k: usize, egress: bool) {
        let ix = self.ix;
        let Some(inst) = ix.instance(k) else {
            return;
        };
        let az = ix.az_of_instance(k);
        let first = inst.security_groups.first().unwrap_or(&inst.id);
        if self.dir == Dir::Return {
            let mut hop = self.hop(first, ComponentKind::SecurityGroup, az);
            hop.related = inst.security_groups.clone();
            hop.matched = Some(Matched::Stateful);
            self.push(hop);
            return;
        }
        let found = sg_allows(ix, k, egress, self.header.src, self.header.dst, self.header);
        let name = found.as_ref().map_or(first.as_str(), |(g, _)| g.as_str());
        let mut hop = self.hop(name, ComponentKind::SecurityGroup, az);
        hop.related = inst.security_groups.clone();
        match found {
            Some((group, index)) => {
                hop.matched = Some(Matched::SgRule {
                    group,
                    egress,
                    index,
                })
            }
            None => {
                let (way, remote) = if egress {
                    ("outbound to", self.header.dst)
                } else {
                    ("inbound from", self.header.src)
                };
                hop.explanations.push(block(
                    Code::EniSgRulesMismatch,
                    format!(
                        "no rule in {} of {} allows {} {way} {remote}",
                        inst.security_groups.join(", "),
                        inst.id,
                        describe_traffic(self.header)
                    ),
                ));
            }
        }
        self.push(hop);
    }

    /// The hop of subnet `s`'s network ACL `acl`, with the rule that decided
    /// (`None`: the final `*` rule); the IPv6 walk's too.
    pub(super) fn acl_verdict_hop(
        &self,
        acl: &str,
        s: usize,
        egress: bool,
        number: Option<u32>,
        action: AclAction,
    ) -> Hop {
        let ix = self.ix;
        let mut hop = self.hop(acl, ComponentKind::NetworkAcl, ix.az_of_subnet(s));
        hop.related = ix
            .subnet(s)
            .map(|sn| vec![sn.id.clone()])
            .unwrap_or_default();
        hop.matched = Some(Matched::AclRule {
            acl: acl.to_string(),
            egress,
            number,
            action,
        });
        hop
    }

    /// The network ACL of subnet `s`, if the VPC has one.
    pub(super) fn acl_hop(&mut self, s: usize, egress: bool) {
        let ix = self.ix;
        let Some((acl, a)) = ix.acl(s) else {
            return;
        };
        let Some((inbound, outbound)) = ix.acl_rules.get(a) else {
            return;
        };
        let h = self.header;
        let remote = if egress { h.dst } else { h.src };
        let rules = if egress { outbound } else { inbound };
        let verdict = first_match(
            rules.iter().copied(),
            h.protocol,
            remote,
            h.dst_port.unwrap_or(0),
        );
        let mut hop = self.acl_verdict_hop(&acl.id, s, egress, verdict.number, verdict.action);
        if verdict.action == AclAction::Deny {
            let rule = verdict
                .number
                .map_or("the final * rule".to_string(), |n| format!("rule {n}"));
            let way = if egress {
                "outbound to"
            } else {
                "inbound from"
            };
            hop.explanations.push(block(
                Code::SubnetAclRestriction,
                format!(
                    "{}: {rule} denies {} {way} {remote}",
                    acl.id,
                    describe_traffic(h)
                ),
            ));
        }
        self.push(hop);
    }
}

/// First (group, rule index) of instance `k` that allows the packet.
pub(super) fn sg_allows(
    ix: &Index,
    k: usize,
    egress: bool,
    src: Ipv4Addr,
    dst: Ipv4Addr,
    h: super::packet::Header,
) -> Option<(String, usize)> {
    let inst = ix.instance(k)?;
    let remote = if egress { dst } else { src };
    let port = h.dst_port.unwrap_or(0);
    for gid in &inst.security_groups {
        let Some(group) = ix
            .groups
            .get(gid.as_str())
            .and_then(|&g| ix.net.security_groups.get(g))
        else {
            continue;
        };
        for (index, r) in group.rules(egress).iter().enumerate() {
            if !protocol_port_match(r.protocol, r.ports, h.protocol, port) {
                continue;
            }
            let peer_ok = match &r.peer {
                SgPeer::Cidr(c) => c.contains(&remote),
                SgPeer::Group(other) => member_of(ix, other, remote),
                #[cfg(feature = "ipv6")]
                SgPeer::Cidr6(_) => false,
            };
            if peer_ok {
                return Some((gid.clone(), index));
            }
        }
    }
    None
}

/// Is `ip` the private IP of an instance in group `gid` (in that group's VPC)?
fn member_of(ix: &Index, gid: &str, ip: Ipv4Addr) -> bool {
    let Some(group) = ix
        .groups
        .get(gid)
        .and_then(|&g| ix.net.security_groups.get(g))
    else {
        return false;
    };
    let Some(&vpc) = ix.vpcs.get(group.vpc.as_str()) else {
        return false;
    };
    match ix.private.get(&(vpc, ip)) {
        Some(Eni::Instance(m)) => ix
            .instance(*m)
            .is_some_and(|i| i.security_groups.iter().any(|g| g == gid)),
        _ => false,
    }
}

fn describe_traffic(h: super::packet::Header) -> String {
    match h.dst_port {
        Some(p) if h.protocol.has_ports() => format!("{} port {p}", h.protocol.name()),
        _ => h.protocol.name().to_string(),
    }
}
