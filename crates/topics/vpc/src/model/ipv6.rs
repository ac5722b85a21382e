//! IPv6 in a dual-stack VPC, kept beside the IPv4 layout rather than inside
//! it: each VPC's /56, each subnet's /64, egress-only internet gateways, the
//! IPv6 routes and the network ACLs' IPv6 rules. Sources (AWS VPC User
//! Guide): "IPv6 support for your VPC", "Subnet CIDR blocks",
//! "Egress-only internet gateways", "Default network ACL".

use serde::{Deserialize, Serialize};
use std::net::{Ipv4Addr, Ipv6Addr};

use super::cidr::clip;
use super::error::VpcError;
use super::filters::{AclAction, PortRange, Protocol};
use super::layout::{Network, RouteState};

/// An Amazon-provided IPv6 block for a VPC is always a /56.
pub const VPC_PREFIX6: u8 = 56;
/// A subnet's IPv6 block is always a /64.
pub const SUBNET_PREFIX6: u8 = 64;
/// The internet host of IPv6 traces (RFC 3849 documentation prefix, as the
/// IPv4 host is from RFC 5737).
pub const INTERNET_HOST6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x10);
/// Where the made-up Amazon-provided blocks come from (us-east-1's pool).
const AMAZON_POOL: u128 = 0x2600_1f18_4a00_0000 << 64;
const MAX_INPUT_LEN: usize = 64;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ipv6Layout {
    #[serde(default)]
    pub vpc_blocks: Vec<Block6>,
    #[serde(default)]
    pub subnet_blocks: Vec<Block6>,
    #[serde(default)]
    pub egress_only_gateways: Vec<EgressOnlyGateway>,
    #[serde(default)]
    pub routes: Vec<Route6>,
    /// IPv6 rules of network ACLs; rule numbers share one space with the
    /// ACL's IPv4 rules (unique per direction).
    #[serde(default)]
    pub acl_rules: Vec<AclRule6>,
}

/// An IPv6 block and the VPC or subnet that holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block6 {
    pub owner: String,
    pub cidr: Cidr6,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EgressOnlyGateway {
    pub id: String,
    pub vpc: String,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target6 {
    Igw(String),
    Eigw(String),
}

impl Target6 {
    pub fn id(&self) -> &str {
        match self {
            Target6::Igw(id) | Target6::Eigw(id) => id,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route6 {
    pub table: String,
    pub destination: Cidr6,
    pub target: Target6,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AclRule6 {
    pub acl: String,
    pub number: u32,
    pub egress: bool,
    pub action: AclAction,
    pub protocol: Protocol,
    pub ports: PortRange,
    pub cidr: Cidr6,
}

/// The headers of an IPv6 packet as it leaves a hop (ports and protocol
/// are in the hop's `Header`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header6 {
    pub src: Ipv6Addr,
    pub dst: Ipv6Addr,
}

/// An IPv6 block: its network bits and prefix length. Hand-rolled on
/// `u128` (not `ipnet`) so only `core::net` parsing and printing is linked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Cidr6 {
    bits: u128,
    prefix: u8,
}

impl Cidr6 {
    /// `::/0`, every IPv6 address.
    pub const ANY: Cidr6 = Cidr6 { bits: 0, prefix: 0 };

    /// The block of `prefix` bits holding `addr` (host bits dropped).
    pub fn new(addr: Ipv6Addr, prefix: u8) -> Cidr6 {
        let prefix = prefix.min(128);
        Cidr6 {
            bits: u128::from(addr) & mask(prefix),
            prefix,
        }
    }
    pub fn network(self) -> Ipv6Addr {
        Ipv6Addr::from(self.bits)
    }
    pub fn prefix_len(self) -> u8 {
        self.prefix
    }
    pub fn contains(self, a: Ipv6Addr) -> bool {
        u128::from(a) & mask(self.prefix) == self.bits
    }
    /// `other` lies wholly inside this block.
    pub fn covers(self, other: Cidr6) -> bool {
        other.prefix >= self.prefix && self.contains(other.network())
    }
}

fn mask(prefix: u8) -> u128 {
    u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0)
}

impl std::fmt::Display for Cidr6 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.network(), self.prefix)
    }
}

/// Parses `addr/prefix`. Unlike IPv4 blocks, an IPv6 block with host bits
/// set is refused rather than rounded: a /56 or /64 is copied, not typed.
pub fn parse_cidr6(field: &str, input: &str) -> Result<Cidr6, VpcError> {
    parse_block6(field, input, None)
}

/// Parses a block that must be a /`size` (a VPC's /56, a subnet's /64):
/// the size is checked before the host bits, as it is the likelier slip.
pub fn parse_block6(field: &str, input: &str, size: Option<u8>) -> Result<Cidr6, VpcError> {
    let text = input.trim();
    let bad = |reason: &str| VpcError::Ipv6Block {
        field: field.to_string(),
        reason: format!("\"{}\" {reason}", clip(text)),
    };
    if text.len() > MAX_INPUT_LEN {
        return Err(bad("is too long for an IPv6 CIDR block"));
    }
    let parsed = text.split_once('/').and_then(|(a, p)| {
        let addr: Ipv6Addr = a.parse().ok()?;
        let prefix: u8 = p.parse().ok().filter(|p| *p <= 128)?;
        Some((addr, prefix))
    });
    let Some((addr, prefix)) = parsed else {
        return Err(bad(
            "is not an IPv6 CIDR block such as 2600:1f18:4a00:100::/56",
        ));
    };
    if let Some(want) = size.filter(|w| *w != prefix) {
        return Err(bad(&format!(
            "is a /{prefix}, but {} IPv6 blocks are always /{want}",
            if want == VPC_PREFIX6 { "VPC" } else { "subnet" }
        )));
    }
    let net = Cidr6::new(addr, prefix);
    if net.network() != addr {
        return Err(bad(&format!(
            "has host bits set; its network address is {net}"
        )));
    }
    Ok(net)
}

/// A block must have exactly `prefix` bits: /56 for a VPC, /64 for a subnet.
pub fn check_prefix6(field: &str, net: Cidr6, prefix: u8) -> Result<(), VpcError> {
    if net.prefix_len() == prefix {
        return Ok(());
    }
    Err(VpcError::Ipv6Block {
        field: field.to_string(),
        reason: format!(
            "{net} is a /{}, but {} IPv6 blocks are always /{prefix}",
            net.prefix_len(),
            if prefix == VPC_PREFIX6 {
                "VPC"
            } else {
                "subnet"
            }
        ),
    })
}

pub fn overlaps6(a: Cidr6, b: Cidr6) -> bool {
    a.contains(b.network()) || b.contains(a.network())
}

/// The `k`-th /64 of a /56 (k < 256), as the console offers them.
pub fn nth_64(vpc: Cidr6, k: u8) -> Cidr6 {
    let base = u128::from(vpc.network()) | (u128::from(k) << 64);
    Cidr6::new(Ipv6Addr::from(base), SUBNET_PREFIX6)
}

impl Ipv6Layout {
    pub fn vpc_block(&self, vpc: &str) -> Option<Cidr6> {
        find_block(&self.vpc_blocks, vpc)
    }
    pub fn subnet_block(&self, subnet: &str) -> Option<Cidr6> {
        find_block(&self.subnet_blocks, subnet)
    }
    pub fn eigw(&self, id: &str) -> Option<&EgressOnlyGateway> {
        self.egress_only_gateways.iter().find(|g| g.id == id)
    }
    pub fn routes_of<'a>(&'a self, table: &'a str) -> impl Iterator<Item = &'a Route6> + 'a {
        self.routes.iter().filter(move |r| r.table == table)
    }

    /// A free Amazon-provided /56: the pool's first block no VPC holds.
    pub fn amazon_block(&self) -> Cidr6 {
        (1u128..=255)
            .map(|k| Ipv6Addr::from(AMAZON_POOL | (k << 72)))
            .map(|a| Cidr6::new(a, VPC_PREFIX6))
            .find(|b| !self.vpc_blocks.iter().any(|x| overlaps6(x.cidr, *b)))
            .unwrap_or_default()
    }

    /// The first /64 of the VPC's /56 that no subnet holds yet.
    pub fn free_64(&self, vpc: &str) -> Option<Cidr6> {
        let block = self.vpc_block(vpc)?;
        (0..=255u8)
            .map(|k| nth_64(block, k))
            .find(|b| !self.subnet_blocks.iter().any(|x| overlaps6(x.cidr, *b)))
    }
}

fn find_block(list: &[Block6], owner: &str) -> Option<Cidr6> {
    list.iter().find(|b| b.owner == owner).map(|b| b.cidr)
}

/// An instance's IPv6 address: its subnet's /64 plus the same host offset
/// as its private IPv4 address inside the subnet's IPv4 block. Offsets
/// start at 4, past the addresses AWS keeps ("Subnet CIDR blocks": the
/// first four and the last IPv6 address of a subnet are reserved).
pub fn instance_ipv6(net: &Network, instance: &str) -> Option<Ipv6Addr> {
    let inst = net.instance(instance)?;
    let subnet = net.subnet(&inst.subnet)?;
    let block = net.ipv6.subnet_block(&subnet.id)?;
    Some(address_in(block, subnet.cidr.network(), inst.private_ip))
}

pub(super) fn address_in(block: Cidr6, base: Ipv4Addr, ip: Ipv4Addr) -> Ipv6Addr {
    let offset = u32::from(ip).wrapping_sub(u32::from(base));
    Ipv6Addr::from(u128::from(block.network()) | u128::from(offset))
}

/// Active unless the target is gone or belongs to another VPC.
pub fn route6_state(net: &Network, vpc: &str, target: &Target6) -> RouteState {
    let alive = match target {
        Target6::Igw(id) => net.igw(id).is_some_and(|g| g.vpc == vpc),
        Target6::Eigw(id) => net.ipv6.eigw(id).is_some_and(|g| g.vpc == vpc),
    };
    if alive {
        RouteState::Active
    } else {
        RouteState::Blackhole
    }
}
