//! Every user-level change the panel can make. Text fields (CIDRs, IPs)
//! stay text here so parsing errors and rounding are the model's to report.

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};

use super::filters::{AclAction, Protocol};
use super::layout::Target;
use super::packet::Endpoint;
use super::presets::PresetId;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AclRuleInput {
    pub number: u32,
    pub egress: bool,
    pub action: AclAction,
    pub protocol: Protocol,
    pub from_port: u32,
    pub to_port: u32,
    pub cidr: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeerInput {
    Cidr(String),
    Group(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SgRuleInput {
    pub protocol: Protocol,
    pub from_port: u32,
    pub to_port: u32,
    pub peer: PeerInput,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    LoadPreset {
        preset: PresetId,
    },
    SetVpcCidr {
        vpc: String,
        cidr: String,
    },
    AddSecondaryCidr {
        vpc: String,
        cidr: String,
    },
    RemoveSecondaryCidr {
        vpc: String,
        cidr: String,
    },
    AddSubnet {
        id: String,
        vpc: String,
        cidr: String,
        az: String,
    },
    EditSubnetCidr {
        subnet: String,
        cidr: String,
    },
    RemoveSubnet {
        subnet: String,
    },
    AddRouteTable {
        id: String,
        vpc: String,
    },
    AddRoute {
        table: String,
        destination: String,
        target: Target,
    },
    RemoveRoute {
        table: String,
        destination: String,
    },
    /// `None` returns the subnet to the main table.
    SetAssociation {
        subnet: String,
        table: Option<String>,
    },
    /// A new custom ACL: no rules, so it denies everything.
    AddNetworkAcl {
        id: String,
        vpc: String,
    },
    /// `None` returns the subnet to the default ACL.
    SetAclAssociation {
        subnet: String,
        acl: Option<String>,
    },
    AddNaclRule {
        acl: String,
        rule: AclRuleInput,
    },
    RemoveNaclRule {
        acl: String,
        number: u32,
        egress: bool,
    },
    /// A new group: no inbound rules, all outbound allowed.
    AddSecurityGroup {
        id: String,
        vpc: String,
    },
    AddSgRule {
        group: String,
        egress: bool,
        rule: SgRuleInput,
    },
    RemoveSgRule {
        group: String,
        egress: bool,
        index: usize,
    },
    AddInstance {
        id: String,
        subnet: String,
        private_ip: String,
        public_ip: Option<String>,
        security_groups: Vec<String>,
    },
    RemoveInstance {
        id: String,
    },
    SetSourceDestCheck {
        instance: String,
        enabled: bool,
    },
    AddNat {
        id: String,
        subnet: String,
        private_ip: String,
        elastic_ip: String,
    },
    /// Routes to it stay behind as blackholes.
    DeleteNat {
        nat: String,
    },
    AddIgw {
        id: String,
        vpc: String,
    },
    /// Routes to it stay behind as blackholes.
    DeleteIgw {
        igw: String,
    },
    AddPeering {
        id: String,
        requester: String,
        accepter: String,
    },
    DeletePeering {
        id: String,
    },
    FailAz {
        az: String,
        failed: bool,
    },
    SetTrace {
        src: Endpoint,
        dst: Endpoint,
        protocol: Protocol,
        port: u32,
    },
    /// The client's ephemeral source port used by traces and the matrix.
    SetEphemeralPort {
        port: u32,
    },
    SetMatrix {
        protocol: Protocol,
        port: u32,
    },
    /// Creates a gateway endpoint, or changes the route tables of an existing
    /// one (AWS's CreateVpcEndpoint / ModifyVpcEndpoint); each table in
    /// `route_tables` gets the service's prefix-list route.
    SetGatewayEndpoint {
        id: String,
        vpc: String,
        service: super::endpoint::Service,
        route_tables: Vec<String>,
    },
    /// Its routes go with it (AWS removes them; they do not become blackholes).
    RemoveGatewayEndpoint {
        id: String,
    },
    #[cfg(feature = "ipv6")]
    /// Dual-stack on or off; `cidr` empty means an Amazon-provided /56.
    SetVpcIpv6 {
        vpc: String,
        enabled: bool,
        cidr: String,
    },
    #[cfg(feature = "ipv6")]
    /// A /64 from the VPC's /56; empty text removes the subnet's block.
    SetSubnetIpv6 {
        subnet: String,
        cidr: String,
    },
    #[cfg(feature = "ipv6")]
    AddEigw {
        id: String,
        vpc: String,
    },
    #[cfg(feature = "ipv6")]
    /// Routes to it stay behind as blackholes.
    DeleteEigw {
        eigw: String,
    },
    #[cfg(feature = "ipv6")]
    AddRoute6 {
        table: String,
        destination: String,
        target: super::ipv6::Target6,
    },
    #[cfg(feature = "ipv6")]
    RemoveRoute6 {
        table: String,
        destination: String,
    },
}

impl Action {
    /// Edits change the layout and are recorded in the snapshot; the rest
    /// (what-ifs and view settings) are stored as plain fields.
    pub fn is_layout_edit(&self) -> bool {
        !matches!(
            self,
            Action::LoadPreset { .. }
                | Action::FailAz { .. }
                | Action::SetTrace { .. }
                | Action::SetEphemeralPort { .. }
                | Action::SetMatrix { .. }
        )
    }
}

/// Something the model did with the input that the user should know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Notice {
    /// The CIDR had host bits set and was rounded to its network address.
    CidrRounded {
        field: String,
        input: String,
        rounded: Ipv4Net,
    },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::CidrRounded {
                field,
                input,
                rounded,
            } => write!(
                f,
                "{field}: {input} was rounded to its network address {rounded}"
            ),
        }
    }
}
