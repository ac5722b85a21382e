//! From a fuzzed action to a model action, with ids and blocks picked from
//! the layout as it stands.

use super::input::*;
use std::net::Ipv4Addr;
use topic_vpc::model::{
    nth_64, AclAction, AclRuleInput, Action, Endpoint, Network, PeerInput, Protocol, SgRuleInput,
    Target, Target6,
};

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

    fn ids(&self, kind: Kind) -> Vec<String> {
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
            Kind::Eigw => n
                .ipv6
                .egress_only_gateways
                .iter()
                .map(|v| v.id.clone())
                .collect(),
        }
    }

    fn all_ids(&self) -> Vec<String> {
        use Kind::*;
        [Vpc, Subnet, Table, Igw, Nat, Instance, Group, Acl, Peering, Eigw]
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

    fn zone(&self, z: &Zone) -> String {
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

    fn blocks(&self) -> Vec<ipnet::Ipv4Net> {
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

    fn endpoint(&self, e: &EndpointIn) -> Endpoint {
        match e {
            EndpointIn::Instance(id) => Endpoint::Instance(self.id(Kind::Instance, id)),
            EndpointIn::Internet => Endpoint::Internet,
            EndpointIn::Ip(ip) => Endpoint::Ip(self.ip_addr(ip)),
            EndpointIn::Instance6(id) => Endpoint::Instance6(self.id(Kind::Instance, id)),
            EndpointIn::Internet6 => Endpoint::Internet6,
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

    fn target(&self, t: &TargetIn) -> Target {
        match t {
            TargetIn::Local => Target::Local,
            TargetIn::Igw(id) => Target::Igw(self.id(Kind::Igw, id)),
            TargetIn::Nat(id) => Target::Nat(self.id(Kind::Nat, id)),
            TargetIn::Instance(id) => Target::Instance(self.id(Kind::Instance, id)),
            TargetIn::Peering(id) => Target::Peering(self.id(Kind::Peering, id)),
        }
    }
}

pub fn port(p: &PortIn) -> u32 {
    const COMMON: [u32; 12] = [
        0, 1, 22, 80, 100, 443, 1024, 3306, 32768, 49152, 65535, 65536,
    ];
    match p {
        PortIn::Common(i) => COMMON[usize::from(*i) % COMMON.len()],
        PortIn::Any(v) => *v,
    }
}

pub fn protocol(p: Proto) -> Protocol {
    match p {
        Proto::Tcp => Protocol::Tcp,
        Proto::Udp => Protocol::Udp,
        Proto::Icmp => Protocol::Icmp,
        Proto::All => Protocol::All,
    }
}

/// The model action `a` stands for in the layout `net`.
pub fn resolve(a: &FAction, net: &Network) -> Action {
    let p = Pools::new(net);
    use Kind::*;
    match a {
        FAction::LoadPreset(n) => Action::LoadPreset { preset: preset(*n) },
        FAction::SetVpcCidr { vpc, cidr } => Action::SetVpcCidr {
            vpc: p.id(Vpc, vpc),
            cidr: p.cidr(cidr),
        },
        FAction::AddSecondaryCidr { vpc, cidr } => Action::AddSecondaryCidr {
            vpc: p.id(Vpc, vpc),
            cidr: p.cidr(cidr),
        },
        FAction::RemoveSecondaryCidr { vpc, cidr } => Action::RemoveSecondaryCidr {
            vpc: p.id(Vpc, vpc),
            cidr: p.cidr(cidr),
        },
        FAction::AddSubnet { id, vpc, cidr, az } => Action::AddSubnet {
            id: p.id(Subnet, id),
            vpc: p.id(Vpc, vpc),
            cidr: p.cidr(cidr),
            az: p.zone(az),
        },
        FAction::EditSubnetCidr { subnet, cidr } => Action::EditSubnetCidr {
            subnet: p.id(Subnet, subnet),
            cidr: p.cidr(cidr),
        },
        FAction::RemoveSubnet { subnet } => Action::RemoveSubnet {
            subnet: p.id(Subnet, subnet),
        },
        FAction::AddRouteTable { id, vpc } => Action::AddRouteTable {
            id: p.id(Table, id),
            vpc: p.id(Vpc, vpc),
        },
        FAction::AddRoute {
            table,
            destination,
            target,
        } => Action::AddRoute {
            table: p.id(Table, table),
            destination: p.cidr(destination),
            target: p.target(target),
        },
        FAction::RemoveRoute { table, destination } => Action::RemoveRoute {
            table: p.id(Table, table),
            destination: p.cidr(destination),
        },
        FAction::SetAssociation { subnet, table } => Action::SetAssociation {
            subnet: p.id(Subnet, subnet),
            table: table.as_ref().map(|t| p.id(Table, t)),
        },
        FAction::AddNetworkAcl { id, vpc } => Action::AddNetworkAcl {
            id: p.id(Acl, id),
            vpc: p.id(Vpc, vpc),
        },
        FAction::SetAclAssociation { subnet, acl } => Action::SetAclAssociation {
            subnet: p.id(Subnet, subnet),
            acl: acl.as_ref().map(|a| p.id(Acl, a)),
        },
        FAction::AddNaclRule {
            acl,
            number,
            egress,
            allow,
            protocol: proto,
            from_port,
            to_port,
            cidr,
        } => Action::AddNaclRule {
            acl: p.id(Acl, acl),
            rule: AclRuleInput {
                number: port(number),
                egress: *egress,
                action: if *allow {
                    AclAction::Allow
                } else {
                    AclAction::Deny
                },
                protocol: protocol(*proto),
                from_port: port(from_port),
                to_port: port(to_port),
                cidr: p.cidr(cidr),
            },
        },
        FAction::RemoveNaclRule {
            acl,
            number,
            egress,
        } => Action::RemoveNaclRule {
            acl: p.id(Acl, acl),
            number: port(number),
            egress: *egress,
        },
        FAction::AddSecurityGroup { id, vpc } => Action::AddSecurityGroup {
            id: p.id(Group, id),
            vpc: p.id(Vpc, vpc),
        },
        FAction::AddSgRule {
            group,
            egress,
            protocol: proto,
            from_port,
            to_port,
            peer,
        } => Action::AddSgRule {
            group: p.id(Group, group),
            egress: *egress,
            rule: SgRuleInput {
                protocol: protocol(*proto),
                from_port: port(from_port),
                to_port: port(to_port),
                peer: match peer {
                    PeerIn::Cidr(c) => PeerInput::Cidr(p.cidr(c)),
                    PeerIn::Group(g) => PeerInput::Group(p.id(Group, g)),
                    PeerIn::Cidr6(c) => PeerInput::Cidr(match p.cidr6(c) {
                        s if s.is_empty() => "::/0".into(),
                        s => s,
                    }),
                },
            },
        },
        FAction::RemoveSgRule {
            group,
            egress,
            index,
        } => Action::RemoveSgRule {
            group: p.id(Group, group),
            egress: *egress,
            index: usize::from(*index),
        },
        FAction::AddInstance {
            id,
            subnet,
            private_ip,
            public_ip,
            security_groups,
        } => Action::AddInstance {
            id: p.id(Instance, id),
            subnet: p.id(Subnet, subnet),
            private_ip: p.ip(private_ip),
            public_ip: public_ip.as_ref().map(|ip| p.ip(ip)),
            security_groups: security_groups
                .iter()
                .take(8)
                .map(|g| p.id(Group, g))
                .collect(),
        },
        FAction::RemoveInstance { id } => Action::RemoveInstance {
            id: p.id(Instance, id),
        },
        FAction::SetSourceDestCheck { instance, enabled } => Action::SetSourceDestCheck {
            instance: p.id(Instance, instance),
            enabled: *enabled,
        },
        FAction::AddNat {
            id,
            subnet,
            private_ip,
            elastic_ip,
        } => Action::AddNat {
            id: p.id(Nat, id),
            subnet: p.id(Subnet, subnet),
            private_ip: p.ip(private_ip),
            elastic_ip: p.ip(elastic_ip),
        },
        FAction::DeleteNat { nat } => Action::DeleteNat {
            nat: p.id(Nat, nat),
        },
        FAction::AddIgw { id, vpc } => Action::AddIgw {
            id: p.id(Igw, id),
            vpc: p.id(Vpc, vpc),
        },
        FAction::DeleteIgw { igw } => Action::DeleteIgw {
            igw: p.id(Igw, igw),
        },
        FAction::AddPeering {
            id,
            requester,
            accepter,
        } => Action::AddPeering {
            id: p.id(Peering, id),
            requester: p.id(Vpc, requester),
            accepter: p.id(Vpc, accepter),
        },
        FAction::DeletePeering { id } => Action::DeletePeering {
            id: p.id(Peering, id),
        },
        FAction::FailAz { az, failed } => Action::FailAz {
            az: p.zone(az),
            failed: *failed,
        },
        FAction::SetTrace {
            src,
            dst,
            protocol: proto,
            port: pt,
        } => Action::SetTrace {
            src: p.endpoint(src),
            dst: p.endpoint(dst),
            protocol: protocol(*proto),
            port: port(pt),
        },
        FAction::SetEphemeralPort { port: pt } => Action::SetEphemeralPort { port: port(pt) },
        FAction::SetMatrix {
            protocol: proto,
            port: pt,
        } => Action::SetMatrix {
            protocol: protocol(*proto),
            port: port(pt),
        },
        FAction::SetVpcIpv6 { vpc, enabled, cidr } => Action::SetVpcIpv6 {
            vpc: p.id(Vpc, vpc),
            enabled: *enabled,
            cidr: p.cidr6(cidr),
        },
        FAction::SetSubnetIpv6 { subnet, cidr } => Action::SetSubnetIpv6 {
            subnet: p.id(Subnet, subnet),
            cidr: p.cidr6(cidr),
        },
        FAction::AddEigw { id, vpc } => Action::AddEigw {
            id: p.id(Eigw, id),
            vpc: p.id(Vpc, vpc),
        },
        FAction::DeleteEigw { eigw } => Action::DeleteEigw {
            eigw: p.id(Eigw, eigw),
        },
        FAction::AddRoute6 {
            table,
            destination,
            to_eigw,
            target,
        } => Action::AddRoute6 {
            table: p.id(Table, table),
            destination: p.cidr6(destination),
            target: if *to_eigw {
                Target6::Eigw(p.id(Eigw, target))
            } else {
                Target6::Igw(p.id(Igw, target))
            },
        },
        FAction::RemoveRoute6 { table, destination } => Action::RemoveRoute6 {
            table: p.id(Table, table),
            destination: p.cidr6(destination),
        },
        FAction::AddNaclRule6 {
            acl,
            number,
            egress,
            allow,
            protocol: proto,
            from_port,
            to_port,
            cidr,
        } => Action::AddNaclRule {
            acl: p.id(Acl, acl),
            rule: AclRuleInput {
                number: port(number),
                egress: *egress,
                action: if *allow {
                    AclAction::Allow
                } else {
                    AclAction::Deny
                },
                protocol: protocol(*proto),
                from_port: port(from_port),
                to_port: port(to_port),
                // An empty pick still reads as IPv6, so the IPv6 path is hit.
                cidr: match p.cidr6(cidr) {
                    s if s.is_empty() => "::/0".into(),
                    s => s,
                },
            },
        },
    }
}
