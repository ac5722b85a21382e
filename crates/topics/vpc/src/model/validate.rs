//! Whole-layout validation with AWS's rules. The first violation found is
//! returned; `apply` relies on this to refuse an edit and keep the old layout.

use super::sorted::SortedSet;
use ipnet::Ipv4Net;

use super::cidr::{check_block_size, overlaps};
use super::error::VpcError;
use super::layout::Network;
use super::limits::*;

type Check = Result<(), VpcError>;

pub fn validate(net: &Network) -> Check {
    check_counts(net)?;
    check_ids(net)?;
    check_vpcs(net)?;
    // Peering problems are root causes of route and SG errors, so report them first.
    check_peerings(net)?;
    check_subnets(net)?;
    super::validate_routes::check_route_tables(net)?;
    super::validate_hosts::check_gateways(net)?;
    super::validate_hosts::check_instances(net)?;
    super::validate_filters::check_security_groups(net)?;
    super::validate_filters::check_acls(net)?;
    #[cfg(feature = "ipv6")]
    super::ipv6_edits::validate6(net)?;
    super::endpoint::check_endpoints(net)
}

pub(super) fn cap(len: usize, max: usize, what: &'static str) -> Check {
    if len > max {
        Err(VpcError::TooMany { what, max })
    } else {
        Ok(())
    }
}

fn check_counts(net: &Network) -> Check {
    cap(net.vpcs.len(), MAX_VPCS, "VPCs")?;
    cap(net.subnets.len(), MAX_SUBNETS, "subnets")?;
    cap(net.route_tables.len(), MAX_ROUTE_TABLES, "route tables")?;
    cap(net.internet_gateways.len(), MAX_VPCS, "internet gateways")?;
    cap(net.nat_gateways.len(), MAX_NAT_GATEWAYS, "NAT gateways")?;
    cap(net.instances.len(), MAX_INSTANCES, "instances")?;
    cap(
        net.security_groups.len(),
        MAX_SECURITY_GROUPS,
        "security groups",
    )?;
    cap(net.network_acls.len(), MAX_NETWORK_ACLS, "network ACLs")?;
    cap(net.peerings.len(), MAX_PEERINGS, "peering connections")
}

fn check_ids(net: &Network) -> Check {
    let ids = [
        ("VPC", net.vpcs.iter().map(|v| &v.id).collect::<Vec<_>>()),
        ("subnet", net.subnets.iter().map(|v| &v.id).collect()),
        (
            "route table",
            net.route_tables.iter().map(|v| &v.id).collect(),
        ),
        (
            "internet gateway",
            net.internet_gateways.iter().map(|v| &v.id).collect(),
        ),
        (
            "NAT gateway",
            net.nat_gateways.iter().map(|v| &v.id).collect(),
        ),
        ("instance", net.instances.iter().map(|v| &v.id).collect()),
        (
            "security group",
            net.security_groups.iter().map(|v| &v.id).collect(),
        ),
        (
            "network ACL",
            net.network_acls.iter().map(|v| &v.id).collect(),
        ),
        (
            "peering connection",
            net.peerings.iter().map(|v| &v.id).collect(),
        ),
        (
            "gateway endpoint",
            net.endpoints.iter().map(|v| &v.id).collect(),
        ),
        #[cfg(feature = "ipv6")]
        (
            "egress-only internet gateway",
            net.ipv6
                .egress_only_gateways
                .iter()
                .map(|v| &v.id)
                .collect(),
        ),
    ];
    let mut seen = SortedSet::new();
    for (kind, list) in ids {
        for id in list {
            if id.trim().is_empty() {
                return Err(VpcError::EmptyId { kind });
            }
            cap(id.len(), MAX_ID_LEN, "characters in an id")?;
            no_control_chars(kind, id)?;
            if !seen.insert(id.as_str()) {
                return Err(VpcError::DuplicateId { id: id.clone() });
            }
        }
    }
    Ok(())
}

/// Ids end up in exports and on screen as names, where a newline or other
/// control character can forge lines (issue 15), so none is accepted.
fn no_control_chars(kind: &'static str, id: &str) -> Check {
    if id.chars().any(char::is_control) {
        Err(VpcError::ControlCharInId { kind })
    } else {
        Ok(())
    }
}

pub(super) fn network_address(field: &str, cidr: Ipv4Net) -> Check {
    if cidr.trunc() == cidr {
        Ok(())
    } else {
        Err(VpcError::CidrNotNetworkAddress {
            field: field.to_string(),
            cidr,
        })
    }
}

pub(super) fn vpc_exists(net: &Network, vpc: &str, used_by: &str) -> Check {
    match net.vpc(vpc) {
        Some(_) => Ok(()),
        None => Err(unknown("VPC", vpc, used_by)),
    }
}

pub(super) fn unknown(kind: &'static str, id: &str, used_by: &str) -> VpcError {
    VpcError::UnknownRef {
        kind,
        id: id.to_string(),
        used_by: used_by.to_string(),
    }
}

fn check_vpcs(net: &Network) -> Check {
    for vpc in &net.vpcs {
        cap(
            vpc.secondary_cidrs.len(),
            MAX_SECONDARY_CIDRS,
            "secondary CIDR blocks",
        )?;
        let field = format!("{} CIDR", vpc.id);
        let blocks: Vec<Ipv4Net> = vpc.cidrs().collect();
        for (k, &c) in blocks.iter().enumerate() {
            network_address(&field, c)?;
            check_block_size(&field, c)?;
            if let Some(&other) = blocks.iter().take(k).find(|&&o| overlaps(o, c)) {
                return Err(VpcError::VpcCidrOverlap {
                    vpc: vpc.id.clone(),
                    a: other,
                    b: c,
                });
            }
            // A changed primary block must still admit the secondary ones.
            if k > 0 {
                if let Some(rule) = super::cidr_association::table_rule(&blocks[..k], c) {
                    return Err(VpcError::CidrAssociation {
                        vpc: vpc.id.clone(),
                        cidr: c,
                        rule,
                    });
                }
            }
        }
    }
    Ok(())
}

fn check_subnets(net: &Network) -> Check {
    for (k, s) in net.subnets.iter().enumerate() {
        vpc_exists(net, &s.vpc, &s.id)?;
        let field = format!("{} CIDR", s.id);
        network_address(&field, s.cidr)?;
        check_block_size(&field, s.cidr)?;
        let inside = net
            .vpc(&s.vpc)
            .is_some_and(|v| v.cidrs().any(|c| c.contains(&s.cidr)));
        if !inside {
            return Err(VpcError::SubnetOutsideVpc {
                subnet: s.id.clone(),
                cidr: s.cidr,
                vpc: s.vpc.clone(),
            });
        }
        if s.az.trim().is_empty() {
            return Err(VpcError::EmptyId {
                kind: "availability zone",
            });
        }
        cap(s.az.len(), MAX_ID_LEN, "characters in an availability zone")?;
        no_control_chars("availability zone", &s.az)?;
        let clash = net.subnets.iter().take(k);
        if let Some(o) = clash
            .filter(|o| o.vpc == s.vpc)
            .find(|o| overlaps(o.cidr, s.cidr))
        {
            return Err(VpcError::SubnetOverlap {
                a: o.id.clone(),
                b: s.id.clone(),
                a_cidr: o.cidr,
                b_cidr: s.cidr,
            });
        }
    }
    Ok(())
}

fn check_peerings(net: &Network) -> Check {
    let mut pairs = SortedSet::new();
    for p in &net.peerings {
        let a = net
            .vpc(&p.requester)
            .ok_or_else(|| unknown("VPC", &p.requester, &p.id))?;
        let b = net
            .vpc(&p.accepter)
            .ok_or_else(|| unknown("VPC", &p.accepter, &p.id))?;
        if a.id == b.id {
            return Err(VpcError::PeeringSelf {
                peering: p.id.clone(),
            });
        }
        let key = if a.id < b.id {
            (&a.id, &b.id)
        } else {
            (&b.id, &a.id)
        };
        if !pairs.insert(key) {
            return Err(VpcError::PeeringDuplicate {
                a: a.id.clone(),
                b: b.id.clone(),
            });
        }
        for ca in a.cidrs() {
            if let Some(cb) = b.cidrs().find(|&cb| overlaps(ca, cb)) {
                return Err(VpcError::PeeringOverlap {
                    peering: p.id.clone(),
                    a: ca,
                    b: cb,
                });
            }
        }
    }
    Ok(())
}
