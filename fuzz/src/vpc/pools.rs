//! The layout's ids and blocks as a fuzzed action refers to them: by index
//! into what exists, or anything at all.

use super::input::*;
use std::net::Ipv4Addr;
use topic_vpc::model::{nth_64, Endpoint, Network, Target};

fn pick<T: Clone>(list: &[T], n: u8) -> Option<T> {
    (!list.is_empty()).then(|| list[usize::from(n) % list.len()].clone())
}

/// The layout's ids and blocks, for actions to refer to.
pub struct Pools<'a> {
    net: &'a Network,
}

impl<'a> Pools<'a> {
    pub fn new(net: &'a Network) -> Self {
        Pools { net }
    }

    pub(super) fn ids(&self, kind: Kind) -> Vec<String> {
        let n = self.net;
        match kind {
            Kind::Vpc => n.vpcs.iter().map(|v| v.id.clone()).collect(),
            Kind::Subnet => n.subnets.iter().map(|v| v.id.clone()).collect(),
            Kind::Table => n.route_tables.iter().map(|v| v.id.clone()).collect(),
            Kind::Igw => n.internet_gateways.iter().map(|v| v.id.clone()).collect(),
            Kind::Nat => n.nat_gateways.iter().map(|v| v.id.clone()).collect(),
            Kind::Instance => n.instances.iter().map(|v| v.id.clone()).collect(),
            Kind::Group => n.security_groups.iter().map(|v| v.id.clone()).collect(),
            Kind::Acl => n.network_acls.iter().map(|v| v.id.clone()).collect(),
            Kind::Peering => n.peerings.iter().map(|v| v.id.clone()).collect(),
            Kind::Endpoint => n.endpoints.iter().map(|v| v.id.clone()).collect(),
            Kind::Eigw => n
                .ipv6
                .egress_only_gateways
                .iter()
                .map(|v| v.id.clone())
                .collect(),
        }
    }

    pub(super) fn all_ids(&self) -> Vec<String> {
        use Kind::*;
        [
            Vpc, Subnet, Table, Igw, Nat, Instance, Group, Acl, Peering, Endpoint, Eigw,
        ]
        .into_iter()
        .flat_map(|k| self.ids(k))
        .collect()
    }

    pub fn id(&self, kind: Kind, id: &Id) -> String {
        match id {
            Id::Existing(i) => pick(&self.ids(kind), *i).unwrap_or_else(|| "missing".into()),
            Id::Other(i) => pick(&self.all_ids(), *i).unwrap_or_else(|| "missing".into()),
            Id::Fresh(i) => format!("fz-{kind:?}-{i}").to_ascii_lowercase(),
            Id::Raw(s) => s.clone(),
        }
    }

    pub(super) fn zone(&self, z: &Zone) -> String {
        match z {
            Zone::Existing(i) => {
                let azs: Vec<String> = self.net.subnets.iter().map(|s| s.az.clone()).collect();
                pick(&azs, *i).unwrap_or_else(|| "us-east-1a".into())
            }
            Zone::Known(i) => pick(
                &["us-east-1a", "us-east-1b", "us-east-1c", "eu-west-1a"],
                *i,
            )
            .unwrap_or_default()
            .into(),
            Zone::Raw(s) => s.clone(),
        }
    }

    pub(super) fn blocks(&self) -> Vec<ipnet::Ipv4Net> {
        let n = self.net;
        n.vpcs
            .iter()
            .flat_map(|v| v.cidrs())
            .chain(n.subnets.iter().map(|s| s.cidr))
            .chain(
                n.route_tables
                    .iter()
                    .flat_map(|t| t.routes.iter().map(|r| r.destination)),
            )
            .collect()
    }

    pub fn cidr(&self, c: &CidrIn) -> String {
        match c {
            CidrIn::Inside {
                of,
                grow,
                index,
                host,
            } => {
                let Some(base) = pick(&self.blocks(), *of) else {
                    return "10.0.0.0/16".into();
                };
                let p0 = u32::from(base.prefix_len());
                let p = (p0 + u32::from(*grow) % (33 - p0)).min(32);
                let span = p - p0;
                let sub = if span == 0 {
                    0
                } else {
                    (u64::from(*index) % (1u64 << span)) as u32
                };
                let net = u32::from(base.network()) | sub.checked_shl(32 - p).unwrap_or(0);
                let hostbits = if p == 32 {
                    0
                } else {
                    u32::from(*host) & (u32::MAX >> p)
                };
                format!("{}/{p}", Ipv4Addr::from(net | hostbits))
            }
            CidrIn::Existing(i) => pick(&self.blocks(), *i)
                .map(|b| b.to_string())
                .unwrap_or_else(|| "10.0.0.0/16".into()),
            CidrIn::Any { addr, prefix } => format!("{}/{}", Ipv4Addr::from(*addr), prefix % 40),
            CidrIn::Raw(s) => s.clone(),
        }
    }

    pub fn ip_addr(&self, ip: &IpIn) -> Ipv4Addr {
        match ip {
            IpIn::InSubnet { subnet, host } => match pick(&self.net.subnets, *subnet) {
                Some(s) => {
                    let size = 1u64 << (32 - u32::from(s.cidr.prefix_len()));
                    let off = (u64::from(*host) % size) as u32;
                    Ipv4Addr::from(u32::from(s.cidr.network()).wrapping_add(off))
                }
                None => Ipv4Addr::new(10, 0, 0, 10),
            },
            IpIn::Any(a) => Ipv4Addr::from(*a),
            IpIn::Raw(_) => Ipv4Addr::new(203, 0, 113, 10),
        }
    }

    pub fn ip(&self, ip: &IpIn) -> String {
        match ip {
            IpIn::Raw(s) => s.clone(),
            other => self.ip_addr(other).to_string(),
        }
    }

    pub(super) fn endpoint(&self, e: &EndpointIn) -> Endpoint {
        match e {
            EndpointIn::Instance(id) => Endpoint::Instance(self.id(Kind::Instance, id)),
            EndpointIn::Internet => Endpoint::Internet,
            EndpointIn::Ip(ip) => Endpoint::Ip(self.ip_addr(ip)),
            EndpointIn::Instance6(id) => Endpoint::Instance6(self.id(Kind::Instance, id)),
            EndpointIn::Internet6 => Endpoint::Internet6,
        }
    }

    /// A rule's block text; an IPv6 pick that finds no block still reads
    /// as IPv6 (`::/0`), so the IPv6 rule paths are hit.
    pub fn any_cidr(&self, c: &AnyCidrIn) -> String {
        match c {
            AnyCidrIn::V4(c) => self.cidr(c),
            AnyCidrIn::V6(c) => match self.cidr6(c) {
                s if s.is_empty() => "::/0".into(),
                s => s,
            },
        }
    }

    /// IPv6 block text, mostly from the layout's own /56s.
    pub fn cidr6(&self, c: &Cidr6In) -> String {
        let blocks: Vec<_> = self.net.ipv6.vpc_blocks.iter().map(|b| b.cidr).collect();
        match c {
            Cidr6In::SubnetOf { vpc, k } => pick(&blocks, *vpc)
                .map(|b| nth_64(b, *k).to_string())
                .unwrap_or_default(),
            Cidr6In::VpcBlock(v) => pick(&blocks, *v).map(|b| b.to_string()).unwrap_or_default(),
            Cidr6In::Amazon => String::new(),
            Cidr6In::Any { addr, prefix } => {
                format!("{}/{prefix}", std::net::Ipv6Addr::from(*addr))
            }
            Cidr6In::Raw(s) => s.clone(),
        }
    }

    pub(super) fn target(&self, t: &TargetIn) -> Target {
        match t {
            TargetIn::Local => Target::Local,
            TargetIn::Igw(id) => Target::Igw(self.id(Kind::Igw, id)),
            TargetIn::Nat(id) => Target::Nat(self.id(Kind::Nat, id)),
            TargetIn::Instance(id) => Target::Instance(self.id(Kind::Instance, id)),
            TargetIn::Peering(id) => Target::Peering(self.id(Kind::Peering, id)),
            TargetIn::Endpoint(id) => Target::Endpoint(self.id(Kind::Endpoint, id)),
        }
    }
}
