//! Validation of security groups and network ACLs: ports, rule numbers,
//! references and one ACL per subnet.

use super::sorted::{SortedMap, SortedSet};

use super::error::VpcError;
use super::filters::{PortRange, SgPeer, ACL_RULE_MAX, ACL_RULE_MIN, MAX_PORT};
use super::layout::Network;
use super::limits::{MAX_ACL_RULES, MAX_SG_RULES};
use super::validate::{cap, network_address, unknown, vpc_exists};

type Check = Result<(), VpcError>;

pub(super) fn check_ports(field: &str, ports: PortRange) -> Check {
    for value in [ports.from, ports.to] {
        if value > MAX_PORT {
            return Err(VpcError::PortOutOfRange {
                field: field.to_string(),
                value,
            });
        }
    }
    if ports.from > ports.to {
        return Err(VpcError::PortRangeInverted {
            field: field.to_string(),
            from: ports.from,
            to: ports.to,
        });
    }
    Ok(())
}

pub(super) fn check_security_groups(net: &Network) -> Check {
    for g in &net.security_groups {
        vpc_exists(net, &g.vpc, &g.id)?;
        for egress in [false, true] {
            let rules = g.rules(egress);
            cap(
                rules.len(),
                MAX_SG_RULES,
                "rules in one security group direction",
            )?;
            for r in rules {
                check_ports(&format!("{} rule ports", g.id), r.ports)?;
                match &r.peer {
                    SgPeer::Cidr(c) => network_address(&format!("{} rule CIDR", g.id), *c)?,
                    #[cfg(feature = "ipv6")]
                    SgPeer::Cidr6(_) => {}
                    SgPeer::Group(other) => {
                        let o = net
                            .security_group(other)
                            .ok_or_else(|| unknown("security group", other, &g.id))?;
                        if o.vpc != g.vpc && net.peered(&g.vpc, &o.vpc).is_none() {
                            return Err(VpcError::CrossVpc {
                                what: format!("{} rule", g.id),
                                id: other.clone(),
                                expected: format!("{} or a peered VPC", g.vpc),
                                found: o.vpc.clone(),
                            });
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

pub(super) fn check_acls(net: &Network) -> Check {
    let mut owner: SortedMap<&str, &str> = SortedMap::new();
    for a in &net.network_acls {
        vpc_exists(net, &a.vpc, &a.id)?;
        for egress in [false, true] {
            let n = a.rules.iter().filter(|r| r.egress == egress).count();
            cap(n, MAX_ACL_RULES, "rules in one network ACL direction")?;
        }
        let mut numbers = SortedSet::new();
        for r in &a.rules {
            if !(ACL_RULE_MIN..=ACL_RULE_MAX).contains(&r.number) {
                return Err(VpcError::AclRuleNumber {
                    acl: a.id.clone(),
                    number: r.number,
                });
            }
            if !numbers.insert((r.egress, r.number)) {
                return Err(VpcError::AclRuleDuplicate {
                    acl: a.id.clone(),
                    number: r.number,
                    egress: r.egress,
                });
            }
            check_ports(&format!("{} rule {} ports", a.id, r.number), r.ports)?;
            network_address(&format!("{} rule {} CIDR", a.id, r.number), r.cidr)?;
        }
        for s in &a.subnets {
            let subnet = net.subnet(s).ok_or_else(|| unknown("subnet", s, &a.id))?;
            if subnet.vpc != a.vpc {
                return Err(VpcError::CrossVpc {
                    what: format!("{} association", a.id),
                    id: s.clone(),
                    expected: a.vpc.clone(),
                    found: subnet.vpc.clone(),
                });
            }
            if let Some(first) = owner.insert(s, &a.id) {
                return Err(VpcError::DuplicateAssociation {
                    subnet: s.clone(),
                    kind: "network ACL",
                    first: first.to_string(),
                    second: a.id.clone(),
                });
            }
        }
    }
    for v in &net.vpcs {
        let count = net
            .network_acls
            .iter()
            .filter(|a| a.vpc == v.id && a.default)
            .count();
        if count > 1 {
            return Err(VpcError::DefaultAclCount {
                vpc: v.id.clone(),
                count,
            });
        }
    }
    Ok(())
}
