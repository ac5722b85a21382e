//! The shapes a session's bytes take: `arbitrary` reads them.

use arbitrary::Arbitrary;
use topic_vpc::model::PresetId;

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Kind {
    Vpc,
    Subnet,
    Table,
    Igw,
    Nat,
    Instance,
    Group,
    Acl,
    Peering,
    Endpoint,
    Eigw,
}

#[derive(Arbitrary, Debug)]
pub enum Id {
    /// One of the layout's ids of the field's kind.
    Existing(u8),
    /// Any id of the layout, whatever its kind.
    Other(u8),
    /// A new, well-formed id.
    Fresh(u8),
    Raw(String),
}

#[derive(Arbitrary, Debug)]
pub enum Zone {
    Existing(u8),
    Known(u8),
    Raw(String),
}

#[derive(Arbitrary, Debug)]
pub enum CidrIn {
    /// A block inside one of the layout's blocks (VPCs, subnets, routes).
    Inside {
        of: u8,
        grow: u8,
        index: u32,
        host: u16,
    },
    /// One of the layout's blocks as it is.
    Existing(u8),
    Any {
        addr: u32,
        prefix: u8,
    },
    Raw(String),
}

/// IPv6 block text: the k-th /64 of a VPC's /56, a VPC's /56 itself,
/// empty (Amazon-provided), any block, or raw text.
#[derive(Arbitrary, Debug)]
pub enum Cidr6In {
    SubnetOf { vpc: u8, k: u8 },
    VpcBlock(u8),
    Amazon,
    Any { addr: u128, prefix: u8 },
    Raw(String),
}

#[derive(Arbitrary, Debug)]
pub enum IpIn {
    InSubnet { subnet: u8, host: u16 },
    Any(u32),
    Raw(String),
}

#[derive(Arbitrary, Debug)]
pub enum PortIn {
    Common(u8),
    Any(u32),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Proto {
    Tcp,
    Udp,
    Icmp,
    All,
}

#[derive(Arbitrary, Debug)]
pub enum EndpointIn {
    Instance(Id),
    Internet,
    Ip(IpIn),
    Instance6(Id),
    Internet6,
}

#[derive(Arbitrary, Debug)]
pub enum TargetIn {
    Local,
    Igw(Id),
    Nat(Id),
    Instance(Id),
    Peering(Id),
    Endpoint(Id),
}

#[derive(Arbitrary, Debug)]
pub enum PeerIn {
    Cidr(AnyCidrIn),
    Group(Id),
}

/// A rule's block: IPv4 or IPv6 (rules take either).
#[derive(Arbitrary, Debug)]
pub enum AnyCidrIn {
    V4(CidrIn),
    V6(Cidr6In),
}

#[derive(Arbitrary, Debug)]
pub enum FAction {
    LoadPreset(u8),
    SetVpcCidr {
        vpc: Id,
        cidr: CidrIn,
    },
    AddSecondaryCidr {
        vpc: Id,
        cidr: CidrIn,
    },
    RemoveSecondaryCidr {
        vpc: Id,
        cidr: CidrIn,
    },
    AddSubnet {
        id: Id,
        vpc: Id,
        cidr: CidrIn,
        az: Zone,
    },
    EditSubnetCidr {
        subnet: Id,
        cidr: CidrIn,
    },
    RemoveSubnet {
        subnet: Id,
    },
    AddRouteTable {
        id: Id,
        vpc: Id,
    },
    AddRoute {
        table: Id,
        destination: CidrIn,
        target: TargetIn,
    },
    RemoveRoute {
        table: Id,
        destination: CidrIn,
    },
    SetAssociation {
        subnet: Id,
        table: Option<Id>,
    },
    AddNetworkAcl {
        id: Id,
        vpc: Id,
    },
    SetAclAssociation {
        subnet: Id,
        acl: Option<Id>,
    },
    AddNaclRule {
        acl: Id,
        number: PortIn,
        egress: bool,
        allow: bool,
        protocol: Proto,
        from_port: PortIn,
        to_port: PortIn,
        cidr: AnyCidrIn,
    },
    RemoveNaclRule {
        acl: Id,
        number: PortIn,
        egress: bool,
    },
    AddSecurityGroup {
        id: Id,
        vpc: Id,
    },
    AddSgRule {
        group: Id,
        egress: bool,
        protocol: Proto,
        from_port: PortIn,
        to_port: PortIn,
        peer: PeerIn,
    },
    RemoveSgRule {
        group: Id,
        egress: bool,
        index: u8,
    },
    AddInstance {
        id: Id,
        subnet: Id,
        private_ip: IpIn,
        public_ip: Option<IpIn>,
        security_groups: Vec<Id>,
    },
    RemoveInstance {
        id: Id,
    },
    SetSourceDestCheck {
        instance: Id,
        enabled: bool,
    },
    AddNat {
        id: Id,
        subnet: Id,
        private_ip: IpIn,
        elastic_ip: IpIn,
    },
    DeleteNat {
        nat: Id,
    },
    AddIgw {
        id: Id,
        vpc: Id,
    },
    DeleteIgw {
        igw: Id,
    },
    AddPeering {
        id: Id,
        requester: Id,
        accepter: Id,
    },
    DeletePeering {
        id: Id,
    },
    FailAz {
        az: Zone,
        failed: bool,
    },
    SetTrace {
        src: EndpointIn,
        dst: EndpointIn,
        protocol: Proto,
        port: PortIn,
    },
    SetEphemeralPort {
        port: PortIn,
    },
    SetMatrix {
        protocol: Proto,
        port: PortIn,
    },
    SetGatewayEndpoint {
        id: Id,
        vpc: Id,
        dynamodb: bool,
        route_tables: Vec<Id>,
    },
    RemoveGatewayEndpoint {
        id: Id,
    },
    SetVpcIpv6 {
        vpc: Id,
        enabled: bool,
        cidr: Cidr6In,
    },
    SetSubnetIpv6 {
        subnet: Id,
        cidr: Cidr6In,
    },
    AddEigw {
        id: Id,
        vpc: Id,
    },
    DeleteEigw {
        eigw: Id,
    },
    AddRoute6 {
        table: Id,
        destination: Cidr6In,
        to_eigw: bool,
        target: Id,
    },
    RemoveRoute6 {
        table: Id,
        destination: Cidr6In,
    },
}

#[derive(Arbitrary, Debug)]
pub struct Session {
    pub preset: u8,
    pub actions: Vec<FAction>,
}

pub fn preset(n: u8) -> PresetId {
    PresetId::ALL[usize::from(n) % PresetId::ALL.len()]
}
