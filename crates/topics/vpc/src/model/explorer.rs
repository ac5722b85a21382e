//! The CIDR explorer: network/host bits, the five reserved addresses with
//! their roles, usable count, and the split into two halves.

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

use super::cidr::{halves, reserved_addresses, total_addresses, usable_addresses, ReservedRole};
use super::cidr::{MAX_PREFIX, MIN_PREFIX};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservedAddress {
    pub address: Ipv4Addr,
    pub role: ReservedRole,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CidrExplain {
    pub cidr: Ipv4Net,
    pub netmask: Ipv4Addr,
    pub network_bits: u8,
    pub host_bits: u8,
    /// 32 binary digits in dotted groups, e.g. "00001010.00000000.00000001.00000000".
    pub bits: String,
    pub total: u64,
    pub reserved: Vec<ReservedAddress>,
    pub usable: u64,
    pub first_usable: Option<Ipv4Addr>,
    pub last_usable: Option<Ipv4Addr>,
    pub halves: Option<(Ipv4Net, Ipv4Net)>,
    /// Both halves are still valid AWS subnet sizes (/28 or larger).
    pub halves_fit_aws: bool,
}

/// Binary form of an address, octets separated by dots.
pub fn address_bits(ip: Ipv4Addr) -> String {
    ip.octets()
        .iter()
        .map(|o| format!("{o:08b}"))
        .collect::<Vec<_>>()
        .join(".")
}

pub fn explain(cidr: Ipv4Net) -> CidrExplain {
    let cidr = cidr.trunc();
    let usable = usable_addresses(cidr);
    let base = u32::from(cidr.network());
    let last = u32::from(cidr.broadcast());
    let (first_usable, last_usable) = if usable > 0 {
        (
            Some(Ipv4Addr::from(base.saturating_add(4))),
            Some(Ipv4Addr::from(last.saturating_sub(1))),
        )
    } else {
        (None, None)
    };
    let split = halves(cidr);
    let halves_fit_aws =
        split.is_some_and(|(a, _)| (MIN_PREFIX..=MAX_PREFIX).contains(&a.prefix_len()));
    CidrExplain {
        cidr,
        netmask: cidr.netmask(),
        network_bits: cidr.prefix_len(),
        host_bits: 32 - cidr.prefix_len(),
        bits: address_bits(cidr.network()),
        total: total_addresses(cidr),
        reserved: reserved_addresses(cidr)
            .into_iter()
            .map(|(address, role)| ReservedAddress {
                address,
                role,
                description: role.describe().to_string(),
            })
            .collect(),
        usable,
        first_usable,
        last_usable,
        halves: split,
        halves_fit_aws,
    }
}
