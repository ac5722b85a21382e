//! Which secondary IPv4 blocks AWS lets a VPC add (VPC User Guide, "VPC CIDR
//! blocks", table "IPv4 CIDR block association restrictions" and the rules
//! below it). What may be added depends on the range the primary block is
//! in; the messages name the rule that refused it.

use ipnet::Ipv4Net;

use super::error::VpcError;
use super::layout::{Network, Target, Vpc};

/// The ranges the association table distinguishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    /// RFC 1918: 10.0.0.0/8.
    Ten,
    /// RFC 1918: 172.16.0.0/12.
    OneSevenTwo,
    /// RFC 1918: 192.168.0.0/16.
    OneNineTwo,
    /// 198.19.0.0/16, which AWS restricts.
    OneNineEight,
    /// Publicly routable (non-RFC 1918) blocks and 100.64.0.0/10.
    Public,
}

fn net(s: &str) -> Ipv4Net {
    s.parse().unwrap_or_default()
}

/// The range a VPC-sized block (/16 to /28) lies in: such a block is inside
/// or outside each range as a whole, since every range is /16 or larger.
pub fn range_of(block: Ipv4Net) -> Range {
    let inside = |r: &str| net(r).contains(&block);
    if inside("10.0.0.0/8") {
        Range::Ten
    } else if inside("172.16.0.0/12") {
        Range::OneSevenTwo
    } else if inside("192.168.0.0/16") {
        Range::OneNineTwo
    } else if inside("198.19.0.0/16") {
        Range::OneNineEight
    } else {
        Range::Public
    }
}

impl Range {
    fn is_rfc1918(self) -> bool {
        matches!(self, Range::Ten | Range::OneSevenTwo | Range::OneNineTwo)
    }

    fn name(self) -> &'static str {
        match self {
            Range::Ten => "10.0.0.0/8",
            Range::OneSevenTwo => "172.16.0.0/12",
            Range::OneNineTwo => "192.168.0.0/16",
            Range::OneNineEight => "198.19.0.0/16",
            Range::Public => "a publicly routable range (or 100.64.0.0/10)",
        }
    }
}

/// The table's restriction that refuses adding `block` to a VPC whose blocks
/// are `existing` (primary first), if any.
pub fn table_rule(existing: &[Ipv4Net], block: Ipv4Net) -> Option<String> {
    let primary = range_of(*existing.first()?);
    let new = range_of(block);
    if primary.is_rfc1918() && new.is_rfc1918() && new != primary {
        return Some(format!(
            "the primary block is in {}, and blocks from another RFC 1918 range ({}) cannot be mixed with it",
            primary.name(),
            new.name()
        ));
    }
    if !primary.is_rfc1918() && new.is_rfc1918() {
        return Some(format!(
            "the primary block is in {}, so RFC 1918 blocks cannot be added",
            primary.name()
        ));
    }
    if new == Range::OneNineEight && primary != Range::OneNineEight {
        return Some("198.19.0.0/16 is restricted unless the primary block is in it".into());
    }
    if primary == Range::OneSevenTwo && net("172.31.0.0/16").contains(&block) {
        return Some(
            "with a primary block in 172.16.0.0/12, blocks from 172.31.0.0/16 are restricted"
                .into(),
        );
    }
    let slash15 = net("10.0.0.0/15");
    if net("10.0.0.0/16").contains(&block) && existing.iter().any(|c| slash15.contains(c)) {
        return Some(
            "a block of this VPC is in 10.0.0.0/15, so blocks from 10.0.0.0/16 cannot be added"
                .into(),
        );
    }
    None
}

/// Everything AWS checks when `block` is associated with `vpc` now: the
/// table, and no route of the VPC's route tables (other than local ones)
/// whose destination the new block equals or contains.
pub fn check_association(net_: &Network, vpc: &Vpc, block: Ipv4Net) -> Result<(), VpcError> {
    let existing: Vec<Ipv4Net> = vpc.cidrs().collect();
    let refuse = |rule: String| VpcError::CidrAssociation {
        vpc: vpc.id.clone(),
        cidr: block,
        rule,
    };
    if let Some(rule) = table_rule(&existing, block) {
        return Err(refuse(rule));
    }
    let route = net_
        .route_tables
        .iter()
        .filter(|t| t.vpc == vpc.id)
        .flat_map(|t| t.routes.iter().map(move |r| (t, r)))
        .find(|(_, r)| r.target != Target::Local && block.contains(&r.destination));
    if let Some((table, r)) = route {
        return Err(refuse(format!(
            "route table {} has a route to {}, and a new block cannot be the same as or larger than a route's destination (a more specific block can be added)",
            table.id, r.destination
        )));
    }
    Ok(())
}
