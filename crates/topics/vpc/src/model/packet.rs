//! What a trace reports, shaped like AWS Reachability Analyzer output:
//! hops with the headers leaving each component, the rule that matched,
//! and explanation codes named as AWS names them.

use super::sorted::SortedSet;
use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

use super::filters::{AclAction, Protocol};
use super::layout::{RouteState, Target};

/// The internet host used as a trace endpoint (RFC 5737 TEST-NET-3).
pub const INTERNET_HOST: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 10);
/// Default client source port: the start of the IANA dynamic range, inside
/// both the NAT/ELB ephemeral range (1024-65535) and Linux's (32768-60999).
pub const DEFAULT_EPHEMERAL_PORT: u16 = 49152;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Endpoint {
    Instance(String),
    Internet,
    Ip(Ipv4Addr),
    #[cfg(feature = "ipv6")]
    /// An instance by its IPv6 address: the trace runs over IPv6.
    Instance6(String),
    #[cfg(feature = "ipv6")]
    /// The internet over IPv6 (`INTERNET_HOST6`).
    Internet6,
}

#[cfg(feature = "ipv6")]
impl Endpoint {
    pub fn is_ipv6(&self) -> bool {
        matches!(self, Endpoint::Instance6(_) | Endpoint::Internet6)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceSpec {
    pub src: Endpoint,
    pub dst: Endpoint,
    pub protocol: Protocol,
    /// Destination port (ignored for ICMP).
    pub port: u16,
    /// The client's ephemeral source port.
    #[serde(default = "default_src_port")]
    pub src_port: u16,
}

fn default_src_port() -> u16 {
    DEFAULT_EPHEMERAL_PORT
}

/// Availability zones marked as failed for what-if traces.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Faults {
    pub failed_azs: SortedSet<String>,
}

impl Faults {
    pub fn is_failed(&self, az: &str) -> bool {
        self.failed_azs.contains(az)
    }
}

/// Packet headers as they leave a component.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    pub src_port: Option<u16>,
    pub dst_port: Option<u16>,
    pub protocol: Protocol,
}

impl Header {
    /// The reply: addresses and ports swapped.
    pub fn reply(self) -> Header {
        Header {
            src: self.dst,
            dst: self.src,
            src_port: self.dst_port,
            dst_port: self.src_port,
            protocol: self.protocol,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Code {
    NoRouteToDestination,
    MoreSpecificRoute,
    SubnetAclRestriction,
    EniSgRulesMismatch,
    IgwPublicIpAssociationForEgress,
    IgwPrivateIpAssociationForIngress,
    NgwSourceAddressReassign,
    DisconnectedVpcs,
    /// A component that is not functional: here, one in a failed AZ.
    BadState,
    /// A blackhole route (its target was deleted).
    BadStateRoute,
    EniSourceDestCheckRestriction,
    AvailabilityZoneCrossed,
    MaxHopsExceeded,
}

impl Code {
    pub const ALL: [Code; 13] = [
        Code::NoRouteToDestination,
        Code::MoreSpecificRoute,
        Code::SubnetAclRestriction,
        Code::EniSgRulesMismatch,
        Code::IgwPublicIpAssociationForEgress,
        Code::IgwPrivateIpAssociationForIngress,
        Code::NgwSourceAddressReassign,
        Code::DisconnectedVpcs,
        Code::BadState,
        Code::BadStateRoute,
        Code::EniSourceDestCheckRestriction,
        Code::AvailabilityZoneCrossed,
        Code::MaxHopsExceeded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::NoRouteToDestination => "NO_ROUTE_TO_DESTINATION",
            Code::MoreSpecificRoute => "MORE_SPECIFIC_ROUTE",
            Code::SubnetAclRestriction => "SUBNET_ACL_RESTRICTION",
            Code::EniSgRulesMismatch => "ENI_SG_RULES_MISMATCH",
            Code::IgwPublicIpAssociationForEgress => "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS",
            Code::IgwPrivateIpAssociationForIngress => "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS",
            Code::NgwSourceAddressReassign => "NGW_SOURCE_ADDRESS_REASSIGN",
            Code::DisconnectedVpcs => "DISCONNECTED_VPCS",
            Code::BadState => "BAD_STATE",
            Code::BadStateRoute => "BAD_STATE_ROUTE",
            Code::EniSourceDestCheckRestriction => "ENI_SOURCE_DEST_CHECK_RESTRICTION",
            Code::AvailabilityZoneCrossed => "AVAILABILITY_ZONE_CROSSED",
            Code::MaxHopsExceeded => "MAX_HOPS_EXCEEDED",
        }
    }

    pub(super) fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// A set of codes, small enough to live in every matrix cell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CodeSet(pub u32);

impl CodeSet {
    pub fn insert(&mut self, c: Code) {
        self.0 |= c.bit();
    }
    pub fn contains(self, c: Code) -> bool {
        self.0 & c.bit() != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn codes(self) -> Vec<Code> {
        Code::ALL
            .into_iter()
            .filter(|c| self.contains(*c))
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub code: Code,
    /// Blocking codes make the path unreachable; the rest are annotations.
    pub blocking: bool,
    pub detail: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    Internet,
    Instance,
    SecurityGroup,
    NetworkAcl,
    RouteTable,
    InternetGateway,
    NatGateway,
    Peering,
    /// An address inside a subnet that no modelled interface holds.
    SubnetHost,
    Vpc,
    GatewayEndpoint,
    #[cfg(feature = "ipv6")]
    EgressOnlyGateway,
}

/// The rule or translation that decided a hop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Matched {
    Route {
        table: String,
        destination: Ipv4Net,
        target: Target,
        state: RouteState,
    },
    /// `number: None` is the final `*` rule.
    AclRule {
        acl: String,
        egress: bool,
        number: Option<u32>,
        action: AclAction,
    },
    SgRule {
        group: String,
        egress: bool,
        index: usize,
    },
    /// Return traffic of a tracked connection: security groups are stateful.
    Stateful,
    Translation {
        from: Ipv4Addr,
        to: Ipv4Addr,
    },
    #[cfg(feature = "ipv6")]
    Route6 {
        table: String,
        destination: super::ipv6::Cidr6,
        target: Option<super::ipv6::Target6>,
        state: RouteState,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hop {
    pub component: String,
    pub kind: ComponentKind,
    /// Other components this hop stands for (e.g. every group of an ENI).
    #[serde(default)]
    pub related: Vec<String>,
    pub header: Header,
    pub matched: Option<Matched>,
    pub az: Option<String>,
    /// This hop is in a different AZ than the previous zonal hop.
    pub crosses_az: bool,
    /// The path was broken before this hop; the trace jumped ahead to keep
    /// checking the destination side.
    pub gap_before: bool,
    pub explanations: Vec<Explanation>,
    #[cfg(feature = "ipv6")]
    /// The IPv6 addresses of an IPv6 packet (`header` keeps its ports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header6: Option<super::ipv6::Header6>,
}

impl Hop {
    pub fn is_blocking(&self) -> bool {
        self.explanations.iter().any(|e| e.blocking)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Path {
    pub hops: Vec<Hop>,
    /// The packet got to the far end (possibly after a gap).
    pub reached: bool,
}

/// A blocking finding: which component would need to change, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blocker {
    pub on_return: bool,
    pub component: String,
    pub code: Code,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trace {
    pub spec: TraceSpec,
    pub forward: Path,
    #[serde(rename = "return")]
    pub ret: Path,
    pub reachable: bool,
}

impl Trace {
    /// Every blocking finding on both paths, in path order.
    pub fn blockers(&self) -> Vec<Blocker> {
        let on = |path: &Path, on_return: bool| -> Vec<Blocker> {
            path.hops
                .iter()
                .flat_map(|h| {
                    h.explanations
                        .iter()
                        .filter(|e| e.blocking)
                        .map(move |e| Blocker {
                            on_return,
                            component: h.component.clone(),
                            code: e.code,
                            detail: e.detail.clone(),
                        })
                })
                .collect()
        };
        let mut all = on(&self.forward, false);
        all.extend(on(&self.ret, true));
        all
    }

    pub fn blocking_codes(&self) -> CodeSet {
        let mut set = CodeSet::default();
        for b in self.blockers() {
            set.insert(b.code);
        }
        set
    }

    /// Every code on both paths, blocking or not.
    pub fn all_codes(&self) -> CodeSet {
        let mut set = CodeSet::default();
        for h in self.forward.hops.iter().chain(self.ret.hops.iter()) {
            for e in &h.explanations {
                set.insert(e.code);
            }
        }
        set
    }
}
