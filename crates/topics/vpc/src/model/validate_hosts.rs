//! Validation of everything that holds an address: internet and NAT
//! gateways and instances (subnet, reserved addresses, uniqueness, groups).

use super::sorted::{SortedMap, SortedSet};
use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

use super::cidr::reserved_role;
use super::error::VpcError;
use super::layout::Network;
use super::limits::MAX_GROUPS_PER_INSTANCE;
use super::validate::{cap, unknown, vpc_exists};

type Check = Result<(), VpcError>;

pub(super) fn check_gateways(net: &Network) -> Check {
    let mut attached = SortedSet::new();
    for g in &net.internet_gateways {
        vpc_exists(net, &g.vpc, &g.id)?;
        if !attached.insert(g.vpc.as_str()) {
            return Err(VpcError::IgwPerVpc { vpc: g.vpc.clone() });
        }
    }
    for n in &net.nat_gateways {
        let subnet = net
            .subnet(&n.subnet)
            .ok_or_else(|| unknown("subnet", &n.subnet, &n.id))?;
        ip_in_subnet(&n.id, n.private_ip, subnet.cidr, &subnet.id)?;
        public_ip_outside_vpcs(net, &n.id, n.elastic_ip)?;
    }
    Ok(())
}

fn ip_in_subnet(owner: &str, ip: Ipv4Addr, cidr: Ipv4Net, subnet: &str) -> Check {
    if !cidr.contains(&ip) {
        return Err(VpcError::IpOutsideSubnet {
            owner: owner.to_string(),
            ip,
            subnet: subnet.to_string(),
            cidr,
        });
    }
    match reserved_role(cidr, ip) {
        Some(role) => Err(VpcError::IpReserved {
            owner: owner.to_string(),
            ip,
            role: role.describe(),
        }),
        None => Ok(()),
    }
}

fn public_ip_outside_vpcs(net: &Network, owner: &str, ip: Ipv4Addr) -> Check {
    match net.vpcs.iter().find(|v| v.contains(ip)) {
        Some(v) => Err(VpcError::PublicIpInVpc {
            owner: owner.to_string(),
            ip,
            vpc: v.id.clone(),
        }),
        None => Ok(()),
    }
}

pub(super) fn check_instances(net: &Network) -> Check {
    // Private IPs are unique per VPC (unpeered VPCs may overlap); public ones globally.
    let mut private: SortedMap<(&str, Ipv4Addr), &str> = SortedMap::new();
    let mut public: SortedMap<Ipv4Addr, &str> = SortedMap::new();
    for n in &net.nat_gateways {
        let vpc = net.subnet(&n.subnet).map_or("", |s| s.vpc.as_str());
        if let Some(first) = private.insert((vpc, n.private_ip), &n.id) {
            return Err(dup_ip(n.private_ip, first, &n.id));
        }
        if let Some(first) = public.insert(n.elastic_ip, &n.id) {
            return Err(dup_ip(n.elastic_ip, first, &n.id));
        }
    }
    for i in &net.instances {
        if i.subnet.trim().is_empty() {
            return Err(VpcError::InstanceWithoutSubnet {
                instance: i.id.clone(),
            });
        }
        let subnet = net
            .subnet(&i.subnet)
            .ok_or_else(|| unknown("subnet", &i.subnet, &i.id))?;
        ip_in_subnet(&i.id, i.private_ip, subnet.cidr, &subnet.id)?;
        if let Some(first) = private.insert((subnet.vpc.as_str(), i.private_ip), &i.id) {
            return Err(dup_ip(i.private_ip, first, &i.id));
        }
        if let Some(ip) = i.public_ip {
            public_ip_outside_vpcs(net, &i.id, ip)?;
            if let Some(first) = public.insert(ip, &i.id) {
                return Err(dup_ip(ip, first, &i.id));
            }
        }
        cap(
            i.security_groups.len(),
            MAX_GROUPS_PER_INSTANCE,
            "security groups on one instance",
        )?;
        for g in &i.security_groups {
            let group = net
                .security_group(g)
                .ok_or_else(|| unknown("security group", g, &i.id))?;
            if group.vpc != subnet.vpc {
                return Err(VpcError::CrossVpc {
                    what: format!("{} security group", i.id),
                    id: g.clone(),
                    expected: subnet.vpc.clone(),
                    found: group.vpc.clone(),
                });
            }
        }
    }
    Ok(())
}

fn dup_ip(ip: Ipv4Addr, a: &str, b: &str) -> VpcError {
    VpcError::DuplicateIp {
        ip,
        a: a.to_string(),
        b: b.to_string(),
    }
}
