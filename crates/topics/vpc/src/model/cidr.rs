//! CIDR arithmetic with AWS's subnet rules. All parsing and containment goes
//! through `ipnet`, so the only hand-written math is the AWS-specific part
//! (the five reserved addresses).

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

use super::error::VpcError;

/// Smallest prefix (largest block) AWS accepts for a VPC or subnet CIDR.
pub const MIN_PREFIX: u8 = 16;
/// Largest prefix (smallest block) AWS accepts for a VPC or subnet CIDR.
pub const MAX_PREFIX: u8 = 28;
/// Addresses AWS keeps in every subnet.
pub const RESERVED_PER_SUBNET: u64 = 5;

/// Longest CIDR text we try to parse; longer input is rejected unread.
const MAX_INPUT_LEN: usize = 64;

/// A CIDR parsed from user text, rounded down to its network address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedCidr {
    pub net: Ipv4Net,
    /// The input had host bits set (10.0.1.5/16) and was rounded.
    pub rounded: bool,
}

/// Parses `a.b.c.d/p` and rounds it to the network address, as the AWS
/// console does.
pub fn parse_cidr(field: &str, input: &str) -> Result<ParsedCidr, VpcError> {
    let text = input.trim();
    let bad = || VpcError::CidrSyntax {
        field: field.to_string(),
        input: clip(text),
    };
    if text.len() > MAX_INPUT_LEN {
        return Err(bad());
    }
    let raw: Ipv4Net = text.parse().map_err(|_| bad())?;
    let net = raw.trunc();
    Ok(ParsedCidr {
        net,
        rounded: net != raw,
    })
}

/// Parses a dotted IPv4 address.
pub fn parse_ip(field: &str, input: &str) -> Result<Ipv4Addr, VpcError> {
    let text = input.trim();
    if text.len() > MAX_INPUT_LEN {
        return Err(VpcError::IpSyntax {
            field: field.to_string(),
            input: clip(text),
        });
    }
    text.parse().map_err(|_| VpcError::IpSyntax {
        field: field.to_string(),
        input: clip(text),
    })
}

/// Keeps error messages short when the input is long.
pub(super) fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}

/// VPC and subnet blocks must be /16 to /28.
pub fn check_block_size(field: &str, net: Ipv4Net) -> Result<(), VpcError> {
    let p = net.prefix_len();
    if (MIN_PREFIX..=MAX_PREFIX).contains(&p) {
        Ok(())
    } else {
        Err(VpcError::CidrSize {
            field: field.to_string(),
            cidr: net,
        })
    }
}

pub fn overlaps(a: Ipv4Net, b: Ipv4Net) -> bool {
    a.contains(&b.network()) || b.contains(&a.network())
}

/// Number of addresses in the block.
pub fn total_addresses(net: Ipv4Net) -> u64 {
    1u64 << (32 - u32::from(net.prefix_len()))
}

/// Addresses left for instances after AWS's five: 2^(32-p) - 5.
pub fn usable_addresses(net: Ipv4Net) -> u64 {
    total_addresses(net).saturating_sub(RESERVED_PER_SUBNET)
}

/// Why AWS keeps an address of a subnet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReservedRole {
    Network,
    VpcRouter,
    Dns,
    FutureUse,
    Broadcast,
}

impl ReservedRole {
    pub fn describe(self) -> &'static str {
        match self {
            ReservedRole::Network => "network address",
            ReservedRole::VpcRouter => "VPC router",
            ReservedRole::Dns => "Amazon DNS",
            ReservedRole::FutureUse => "reserved for future use",
            ReservedRole::Broadcast => "broadcast (AWS has none, so it is kept)",
        }
    }
}

/// The five reserved addresses: network, +1, +2, +3 and the last one.
pub fn reserved_addresses(net: Ipv4Net) -> [(Ipv4Addr, ReservedRole); 5] {
    let base = u32::from(net.network());
    let at = |k: u32| Ipv4Addr::from(base.saturating_add(k));
    [
        (net.network(), ReservedRole::Network),
        (at(1), ReservedRole::VpcRouter),
        (at(2), ReservedRole::Dns),
        (at(3), ReservedRole::FutureUse),
        (net.broadcast(), ReservedRole::Broadcast),
    ]
}

/// The role of `ip` if AWS reserves it in `net`.
pub fn reserved_role(net: Ipv4Net, ip: Ipv4Addr) -> Option<ReservedRole> {
    if !net.contains(&ip) {
        return None;
    }
    reserved_addresses(net)
        .into_iter()
        .find(|(addr, _)| *addr == ip)
        .map(|(_, role)| role)
}

/// The two halves of a block (one bit longer prefix), if it can be split.
pub fn halves(net: Ipv4Net) -> Option<(Ipv4Net, Ipv4Net)> {
    let next = net.prefix_len().checked_add(1)?;
    let mut parts = net.subnets(next).ok()?;
    Some((parts.next()?, parts.next()?))
}
