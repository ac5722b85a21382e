//! The filters an IPv6 packet meets: security groups (IPv6 CIDR rules and
//! group references; an IPv4 rule never matches) and network ACLs (their
//! IPv6 rules, numbered with the IPv4 ones; final `*` deny).

use super::filters::{protocol_port_match, AclAction, SgPeer};
use super::packet::{Code, ComponentKind, Matched};
use super::walk::{block, Dir};
use super::walk6::Walk6;

impl Walk6<'_, '_, '_> {
    /// Security groups: IPv6 CIDR rules and group references (which match
    /// a member's IPv6 address too); replies are allowed (stateful).
    pub(super) fn sg_hop(&mut self, k: usize, egress: bool) {
        let ix = self.n6.ix;
        let Some(inst) = ix.instance(k) else { return };
        let az = ix.az_of_instance(k);
        let first = inst.security_groups.first().unwrap_or(&inst.id);
        let mut hop = self.hop(first, ComponentKind::SecurityGroup, az);
        hop.related = inst.security_groups.clone();
        if self.w.dir == Dir::Return {
            hop.matched = Some(Matched::Stateful);
            self.push(hop);
            return;
        }
        let remote = if egress { self.dst } else { self.src };
        let h = self.w.header;
        let port = h.dst_port.unwrap_or(0);
        let member = |gid: &str| {
            self.n6
                .by_addr
                .get(&remote)
                .and_then(|&m| ix.instance(m))
                .is_some_and(|i| i.security_groups.iter().any(|g| g == gid))
        };
        let mut v4_only = false;
        let found = inst.security_groups.iter().find_map(|gid| {
            let group = ix
                .groups
                .get(gid.as_str())
                .and_then(|&g| ix.net.security_groups.get(g))?;
            group
                .rules(egress)
                .iter()
                .enumerate()
                .find_map(|(index, r)| {
                    if !protocol_port_match(r.protocol, r.ports, h.protocol, port) {
                        return None;
                    }
                    let hit = match &r.peer {
                        SgPeer::Cidr6(c) => c.contains(remote),
                        SgPeer::Group(other) => member(other),
                        SgPeer::Cidr(_) => {
                            v4_only = true;
                            false
                        }
                    };
                    hit.then(|| (gid.clone(), index))
                })
        });
        match found {
            Some((group, index)) => {
                hop.component = group.clone();
                hop.matched = Some(Matched::SgRule {
                    group,
                    egress,
                    index,
                });
            }
            None => hop.explanations.push(block(
                Code::EniSgRulesMismatch,
                format!(
                    "no rule in {} of {} allows {} {} {remote}{}",
                    inst.security_groups.join(", "),
                    inst.id,
                    h.protocol.name(),
                    if egress {
                        "outbound to"
                    } else {
                        "inbound from"
                    },
                    if v4_only {
                        " (its IPv4 rules do not match IPv6 packets; add a ::/0 rule)"
                    } else {
                        ""
                    }
                ),
            )),
        }
        self.push(hop);
    }

    /// The subnet's network ACL over its IPv6 rules, lowest number first;
    /// no match is the final `*` deny. A VPC without an ACL allows all.
    pub(super) fn acl_hop(&mut self, s: usize, egress: bool) {
        let ix = self.n6.ix;
        let Some((acl, _)) = ix.acl(s) else { return };
        let h = self.w.header;
        let remote = if egress { self.dst } else { self.src };
        let port = h.dst_port.unwrap_or(0);
        let verdict = ix
            .net
            .ipv6
            .acl_rules
            .iter()
            .filter(|r| r.acl == acl.id && r.egress == egress)
            .filter(|r| {
                r.cidr.contains(remote)
                    && protocol_port_match(r.protocol, r.ports, h.protocol, port)
            })
            .min_by_key(|r| r.number)
            .map_or((None, AclAction::Deny), |r| (Some(r.number), r.action));
        let mut hop = self
            .w
            .acl_verdict_hop(&acl.id, s, egress, verdict.0, verdict.1);
        if verdict.1 == AclAction::Deny {
            let rule = verdict
                .0
                .map_or("the final * rule (no IPv6 rule matches)".to_string(), |n| {
                    format!("rule {n}")
                });
            hop.explanations.push(block(
                Code::SubnetAclRestriction,
                format!(
                    "{}: {rule} denies {} {} {remote}",
                    acl.id,
                    h.protocol.name(),
                    if egress {
                        "outbound to"
                    } else {
                        "inbound from"
                    }
                ),
            ));
        }
        self.push(hop);
    }
}
