//! Security groups (stateful, allow-only) and network ACLs (stateless,
//! numbered, first match wins) as data, plus the pure rule-matching parts.

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

/// Lowest and highest rule number AWS accepts in a network ACL.
pub const ACL_RULE_MIN: u32 = 1;
pub const ACL_RULE_MAX: u32 = 32766;
pub const MAX_PORT: u32 = 65535;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Tcp,
    Udp,
    Icmp,
    /// Rules only: matches every protocol ("-1" in the AWS API).
    All,
}

impl Protocol {
    pub fn name(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
            Protocol::Icmp => "icmp",
            Protocol::All => "all",
        }
    }

    /// ICMP and "all" carry no ports, so a rule's port range does not apply.
    pub fn has_ports(self) -> bool {
        matches!(self, Protocol::Tcp | Protocol::Udp)
    }
}

/// Inclusive port range. Stored wide so out-of-range input is a typed
/// validation error rather than a parse failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortRange {
    pub from: u32,
    pub to: u32,
}

impl PortRange {
    pub const ALL: PortRange = PortRange {
        from: 0,
        to: MAX_PORT,
    };
    /// Return traffic of NAT gateways and ELB uses 1024-65535.
    pub const EPHEMERAL: PortRange = PortRange {
        from: 1024,
        to: MAX_PORT,
    };
    pub const fn single(port: u32) -> PortRange {
        PortRange {
            from: port,
            to: port,
        }
    }
    pub fn contains(self, port: u16) -> bool {
        (self.from..=self.to).contains(&u32::from(port))
    }
}

/// Does a rule of protocol `rule` with ports `ports` cover this packet?
pub fn protocol_port_match(rule: Protocol, ports: PortRange, pkt: Protocol, port: u16) -> bool {
    match rule {
        Protocol::All => true,
        r if r != pkt => false,
        r if r.has_ports() => ports.contains(port),
        _ => true,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SgPeer {
    Cidr(Ipv4Net),
    /// Members of this group, matched by their private IPs.
    Group(String),
    #[cfg(feature = "ipv6")]
    /// An IPv6 block; it never matches an IPv4 packet.
    Cidr6(super::ipv6::Cidr6),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SgRule {
    pub protocol: Protocol,
    pub ports: PortRange,
    pub peer: SgPeer,
}

impl SgRule {
    pub fn allow_all_to_anywhere() -> SgRule {
        SgRule {
            protocol: Protocol::All,
            ports: PortRange::ALL,
            peer: SgPeer::Cidr(Ipv4Net::default()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityGroup {
    pub id: String,
    pub vpc: String,
    #[serde(default)]
    pub inbound: Vec<SgRule>,
    #[serde(default)]
    pub outbound: Vec<SgRule>,
}

impl SecurityGroup {
    /// AWS's new group: no inbound rules, all outbound traffic allowed.
    pub fn new(id: &str, vpc: &str) -> SecurityGroup {
        SecurityGroup {
            id: id.to_string(),
            vpc: vpc.to_string(),
            inbound: Vec::new(),
            outbound: vec![SgRule::allow_all_to_anywhere()],
        }
    }

    pub fn rules(&self, egress: bool) -> &[SgRule] {
        if egress {
            &self.outbound
        } else {
            &self.inbound
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AclAction {
    Allow,
    Deny,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AclRule {
    pub number: u32,
    pub egress: bool,
    pub action: AclAction,
    pub protocol: Protocol,
    pub ports: PortRange,
    pub cidr: Ipv4Net,
}

impl AclRule {
    /// Inbound rules match the source address, outbound rules the destination.
    pub fn matches(&self, pkt: Protocol, remote: Ipv4Addr, dst_port: u16) -> bool {
        self.cidr.contains(&remote) && protocol_port_match(self.protocol, self.ports, pkt, dst_port)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkAcl {
    pub id: String,
    pub vpc: String,
    /// The VPC's default ACL: used by every subnet without an explicit one.
    #[serde(default)]
    pub default: bool,
    #[serde(default)]
    pub rules: Vec<AclRule>,
    #[serde(default)]
    pub subnets: Vec<String>,
}

/// Outcome of an ACL evaluation: the rule number that decided, or `None` for `*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AclVerdict {
    pub number: Option<u32>,
    pub action: AclAction,
}

impl NetworkAcl {
    /// AWS's default ACL: rule 100 allows all traffic both ways.
    pub fn new_default(id: &str, vpc: &str) -> NetworkAcl {
        let allow = |egress| AclRule {
            number: 100,
            egress,
            action: AclAction::Allow,
            protocol: Protocol::All,
            ports: PortRange::ALL,
            cidr: Ipv4Net::default(),
        };
        NetworkAcl {
            id: id.to_string(),
            vpc: vpc.to_string(),
            default: true,
            rules: vec![allow(false), allow(true)],
            subnets: Vec::new(),
        }
    }

    /// A new custom ACL has no rules, so `*` denies everything.
    pub fn new_custom(id: &str, vpc: &str) -> NetworkAcl {
        NetworkAcl {
            id: id.to_string(),
            vpc: vpc.to_string(),
            default: false,
            rules: Vec::new(),
            subnets: Vec::new(),
        }
    }

    /// Rules of one direction, lowest number first (evaluation order).
    pub fn ordered(&self, egress: bool) -> Vec<&AclRule> {
        let mut rules: Vec<&AclRule> = self.rules.iter().filter(|r| r.egress == egress).collect();
        rules.sort_by_key(|r| r.number);
        rules
    }

    /// Lowest-numbered matching rule wins; nothing matches means `*` deny.
    pub fn evaluate(
        &self,
        egress: bool,
        pkt: Protocol,
        remote: Ipv4Addr,
        dst_port: u16,
    ) -> AclVerdict {
        first_match(self.ordered(egress).into_iter(), pkt, remote, dst_port)
    }
}

pub(super) fn first_match<'a>(
    ordered: impl Iterator<Item = &'a AclRule>,
    pkt: Protocol,
    remote: Ipv4Addr,
    dst_port: u16,
) -> AclVerdict {
    ordered
        .into_iter()
        .find(|r| r.matches(pkt, remote, dst_port))
        .map(|r| AclVerdict {
            number: Some(r.number),
            action: r.action,
        })
        .unwrap_or(AclVerdict {
            number: None,
            action: AclAction::Deny,
        })
}
