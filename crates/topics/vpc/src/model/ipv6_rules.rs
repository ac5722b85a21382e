//! IPv6 routes and network ACL rules: where they may point and how their
//! numbers share space with the IPv4 rules.

use super::error::VpcError;
use super::filters::{ACL_RULE_MAX, ACL_RULE_MIN, MAX_PORT};
use super::layout::Network;
use super::validate::unknown;

type Check = Result<(), VpcError>;

/// Each route's table exists, its destination is unique in the table and
/// is not the VPC's own /56 (the implicit local route).
pub(super) fn check_routes6(net: &Network) -> Check {
    let routes = &net.ipv6.routes;
    for (k, r) in routes.iter().enumerate() {
        let Some(t) = net.route_table(&r.table) else {
            return Err(unknown("route table", &r.table, "an IPv6 route"));
        };
        if routes[..k]
            .iter()
            .any(|o| o.table == r.table && o.destination == r.destination)
        {
            return Err(VpcError::Ipv6Block {
                field: format!("{} route destination", r.table),
                reason: format!("{} already has a route to {}", r.table, r.destination),
            });
        }
        if net.ipv6.vpc_block(&t.vpc) == Some(r.destination) {
            return Err(VpcError::Ipv6Block {
                field: format!("{} route destination", r.table),
                reason: format!(
                    "{} is {}'s own block, which the local route already covers",
                    r.destination, t.vpc
                ),
            });
        }
    }
    Ok(())
}

/// Rule numbers are 1 to 32766 and unique per direction across the ACL's
/// IPv4 and IPv6 rules ("Network ACL rules").
pub(super) fn check_acl_rules6(net: &Network) -> Check {
    let rules = &net.ipv6.acl_rules;
    for (k, r) in rules.iter().enumerate() {
        let Some(acl) = net.network_acl(&r.acl) else {
            return Err(unknown("network ACL", &r.acl, "an IPv6 rule"));
        };
        if !(ACL_RULE_MIN..=ACL_RULE_MAX).contains(&r.number) {
            return Err(VpcError::AclRuleNumber {
                acl: r.acl.clone(),
                number: r.number,
            });
        }
        let same = |number: u32, egress: bool| number == r.number && egress == r.egress;
        if acl.rules.iter().any(|o| same(o.number, o.egress))
            || rules[..k]
                .iter()
                .any(|o| o.acl == r.acl && same(o.number, o.egress))
        {
            return Err(VpcError::AclRuleDuplicate {
                acl: r.acl.clone(),
                number: r.number,
                egress: r.egress,
            });
        }
        let p = r.ports;
        if p.to > MAX_PORT {
            return Err(VpcError::PortOutOfRange {
                field: format!("{} rule {} port", r.acl, r.number),
                value: p.to,
            });
        }
        if p.from > p.to {
            return Err(VpcError::PortRangeInverted {
                field: format!("{} rule {} ports", r.acl, r.number),
                from: p.from,
                to: p.to,
            });
        }
    }
    Ok(())
}
