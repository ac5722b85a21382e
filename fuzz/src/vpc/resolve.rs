//! From a fuzzed action to a model action, with ids and blocks picked from
//! the layout as it stands.

use super::input::*;
use super::pools::Pools;
use topic_vpc::model::{
    AclAction, AclRuleInput, Action, Network, PeerInput, Protocol, Service, SgRuleInput, Target6,
};

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
                cidr: p.any_cidr(cidr),
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
                    PeerIn::Cidr(c) => PeerInput::Cidr(p.any_cidr(c)),
                    PeerIn::Group(g) => PeerInput::Group(p.id(Group, g)),
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
        FAction::SetGatewayEndpoint {
            id,
            vpc,
            dynamodb,
            route_tables,
        } => Action::SetGatewayEndpoint {
            id: p.id(Kind::Endpoint, id),
            vpc: p.id(Kind::Vpc, vpc),
            service: if *dynamodb {
                Service::Dynamodb
            } else {
                Service::S3
            },
            route_tables: route_tables.iter().map(|t| p.id(Kind::Table, t)).collect(),
        },
        FAction::RemoveGatewayEndpoint { id } => Action::RemoveGatewayEndpoint {
            id: p.id(Kind::Endpoint, id),
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
    }
}
