//! Every way a layout, an edit or a trace request can be rejected, each with a
//! message that names the field and the fix.

use ipnet::Ipv4Net;
use std::fmt;
use std::net::Ipv4Addr;

use super::cidr::{MAX_PREFIX, MIN_PREFIX};
use super::filters::{ACL_RULE_MAX, ACL_RULE_MIN, MAX_PORT};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VpcError {
    CidrSyntax {
        field: String,
        input: String,
    },
    IpSyntax {
        field: String,
        input: String,
    },
    CidrSize {
        field: String,
        cidr: Ipv4Net,
    },
    #[cfg(feature = "ipv6")]
    /// An IPv6 block that is malformed, the wrong size or out of place.
    Ipv6Block {
        field: String,
        reason: String,
    },
    CidrNotNetworkAddress {
        field: String,
        cidr: Ipv4Net,
    },
    VpcCidrOverlap {
        vpc: String,
        a: Ipv4Net,
        b: Ipv4Net,
    },
    /// AWS's association restrictions for secondary blocks.
    CidrAssociation {
        vpc: String,
        cidr: Ipv4Net,
        rule: String,
    },
    SubnetOutsideVpc {
        subnet: String,
        cidr: Ipv4Net,
        vpc: String,
    },
    SubnetOverlap {
        a: String,
        b: String,
        a_cidr: Ipv4Net,
        b_cidr: Ipv4Net,
    },
    EmptyId {
        kind: &'static str,
    },
    DuplicateId {
        id: String,
    },
    ControlCharInId {
        kind: &'static str,
    },
    UnknownRef {
        kind: &'static str,
        id: String,
        used_by: String,
    },
    CrossVpc {
        what: String,
        id: String,
        expected: String,
        found: String,
    },
    MainTableCount {
        vpc: String,
        count: usize,
    },
    DefaultAclCount {
        vpc: String,
        count: usize,
    },
    DuplicateAssociation {
        subnet: String,
        kind: &'static str,
        first: String,
        second: String,
    },
    RouteDuplicate {
        table: String,
        destination: Ipv4Net,
    },
    RouteExplicitLocal {
        table: String,
        destination: Ipv4Net,
    },
    RouteConflictsWithLocal {
        table: String,
        destination: Ipv4Net,
    },
    RouteMoreSpecificNotSubnet {
        table: String,
        destination: Ipv4Net,
    },
    RouteMoreSpecificBadTarget {
        table: String,
        destination: Ipv4Net,
        target: String,
    },
    RouteNotFound {
        table: String,
        destination: Ipv4Net,
    },
    TargetMissing {
        table: String,
        target: String,
    },
    AclRuleNumber {
        acl: String,
        number: u32,
    },
    AclRuleDuplicate {
        acl: String,
        number: u32,
        egress: bool,
    },
    AclRuleNotFound {
        acl: String,
        number: u32,
        egress: bool,
    },
    PortOutOfRange {
        field: String,
        value: u32,
    },
    PortRangeInverted {
        field: String,
        from: u32,
        to: u32,
    },
    SgRuleIndex {
        group: String,
        index: usize,
        len: usize,
    },
    InstanceWithoutSubnet {
        instance: String,
    },
    IpOutsideSubnet {
        owner: String,
        ip: Ipv4Addr,
        subnet: String,
        cidr: Ipv4Net,
    },
    IpReserved {
        owner: String,
        ip: Ipv4Addr,
        role: &'static str,
    },
    DuplicateIp {
        ip: Ipv4Addr,
        a: String,
        b: String,
    },
    PublicIpInVpc {
        owner: String,
        ip: Ipv4Addr,
        vpc: String,
    },
    PeeringSelf {
        peering: String,
    },
    PeeringOverlap {
        peering: String,
        a: Ipv4Net,
        b: Ipv4Net,
    },
    PeeringDuplicate {
        a: String,
        b: String,
    },
    IgwPerVpc {
        vpc: String,
    },
    TooMany {
        what: &'static str,
        max: usize,
    },
    HasDependencies {
        id: String,
        dependent: String,
    },
    DefaultAclLocked {
        acl: String,
    },
    UnknownAz {
        az: String,
    },
    TraceEndpoint {
        reason: String,
    },
    /// A gateway endpoint rule broken, in AWS's words.
    GatewayEndpoint {
        id: String,
        rule: &'static str,
    },
    SnapshotReplay {
        index: usize,
        error: Box<VpcError>,
    },
}

impl fmt::Display for VpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use VpcError::*;
        match self {
            CidrSyntax { field, input } => write!(
                f,
                "{field}: \"{input}\" is not an IPv4 CIDR; write it like 10.0.0.0/16"
            ),
            IpSyntax { field, input } => write!(
                f,
                "{field}: \"{input}\" is not an IPv4 address; write it like 10.0.1.10"
            ),
            CidrSize { field, cidr } => write!(
                f,
                "{field}: {cidr} is a /{}, but AWS allows /{MIN_PREFIX} to /{MAX_PREFIX}",
                cidr.prefix_len()
            ),
            #[cfg(feature = "ipv6")]
            Ipv6Block { field, reason } => write!(f, "{field}: {reason}"),
            CidrNotNetworkAddress { field, cidr } => write!(
                f,
                "{field}: {cidr} has host bits set; use its network address {}",
                cidr.trunc()
            ),
            VpcCidrOverlap { vpc, a, b } => {
                write!(f, "{vpc}: CIDR blocks {a} and {b} overlap; pick a disjoint block")
            }
            CidrAssociation { vpc, cidr, rule } => {
                write!(f, "{vpc}: AWS does not allow adding {cidr}: {rule}")
            }
            SubnetOutsideVpc { subnet, cidr, vpc } => write!(
                f,
                "{subnet}: {cidr} is not inside any CIDR block of {vpc}"
            ),
            SubnetOverlap { a, b, a_cidr, b_cidr } => write!(
                f,
                "{a} ({a_cidr}) overlaps {b} ({b_cidr}); subnets of a VPC may not overlap"
            ),
            EmptyId { kind } => write!(f, "every {kind} needs a non-empty id"),
            DuplicateId { id } => write!(f, "id {id} is used twice; ids must be unique"),
            ControlCharInId { kind } => write!(
                f,
                "{kind} ids cannot hold line breaks, tabs or other control characters"
            ),
            UnknownRef { kind, id, used_by } => {
                write!(f, "{used_by} refers to {kind} {id}, which does not exist")
            }
            CrossVpc { what, id, expected, found } => write!(
                f,
                "{what}: {id} belongs to {found}, not {expected}"
            ),
            MainTableCount { vpc, count } => write!(
                f,
                "{vpc} has {count} main route tables; it needs exactly one"
            ),
            DefaultAclCount { vpc, count } => write!(
                f,
                "{vpc} has {count} default network ACLs; it may have at most one"
            ),
            DuplicateAssociation { subnet, kind, first, second } => write!(
                f,
                "{subnet} is associated with two {kind}s ({first} and {second}); a subnet has exactly one"
            ),
            RouteDuplicate { table, destination } => {
                write!(f, "{table} already has a route to {destination}")
            }
            RouteExplicitLocal { table, destination } => write!(
                f,
                "{table}: route {destination} targets local; local routes are implicit, one per VPC CIDR"
            ),
            RouteConflictsWithLocal { table, destination } => write!(
                f,
                "{table}: {destination} is a VPC CIDR and already has the implicit local route"
            ),
            RouteMoreSpecificNotSubnet { table, destination } => write!(
                f,
                "{table}: {destination} is more specific than the local route; it must equal a whole subnet CIDR"
            ),
            RouteMoreSpecificBadTarget { table, destination, target } => write!(
                f,
                "{table}: a route more specific than local ({destination}) must target a NAT gateway or a network interface, not {target}"
            ),
            RouteNotFound { table, destination } => {
                write!(f, "{table} has no route to {destination}")
            }
            TargetMissing { table, target } => write!(
                f,
                "{table}: target {target} does not exist in this VPC"
            ),
            AclRuleNumber { acl, number } => write!(
                f,
                "{acl}: rule number {number} is out of range; use {ACL_RULE_MIN} to {ACL_RULE_MAX}"
            ),
            AclRuleDuplicate { acl, number, egress } => write!(
                f,
                "{acl}: {} rule {number} already exists; rule numbers are unique per direction",
                direction(*egress)
            ),
            AclRuleNotFound { acl, number, egress } => {
                write!(f, "{acl} has no {} rule {number}", direction(*egress))
            }
            PortOutOfRange { field, value } => write!(
                f,
                "{field}: port {value} is out of range; ports are 0 to {MAX_PORT}"
            ),
            PortRangeInverted { field, from, to } => write!(
                f,
                "{field}: port range {from}-{to} is backwards; the first port must not exceed the last"
            ),
            SgRuleIndex { group, index, len } => write!(
                f,
                "{group} has {len} rules in that direction; there is no rule #{index}"
            ),
            InstanceWithoutSubnet { instance } => {
                write!(f, "{instance} has no subnet; every instance lives in one subnet")
            }
            IpOutsideSubnet { owner, ip, subnet, cidr } => write!(
                f,
                "{owner}: IP {ip} is outside its subnet {subnet} ({cidr})"
            ),
            IpReserved { owner, ip, role } => write!(
                f,
                "{owner}: IP {ip} is reserved by AWS ({role}); pick another address"
            ),
            DuplicateIp { ip, a, b } => write!(f, "{a} and {b} both use IP {ip}"),
            PublicIpInVpc { owner, ip, vpc } => write!(
                f,
                "{owner}: public IP {ip} lies inside {vpc}'s CIDR; use a public address"
            ),
            PeeringSelf { peering } => write!(f, "{peering} connects a VPC to itself"),
            PeeringOverlap { peering, a, b } => write!(
                f,
                "{peering}: CIDRs {a} and {b} overlap; peered VPCs must not overlap"
            ),
            PeeringDuplicate { a, b } => {
                write!(f, "{a} and {b} are already peered; one peering per pair")
            }
            IgwPerVpc { vpc } => write!(
                f,
                "{vpc} already has an internet gateway; a VPC has at most one"
            ),
            TooMany { what, max } => write!(f, "too many {what}: the limit is {max}"),
            HasDependencies { id, dependent } => write!(
                f,
                "{id} is still used by {dependent}; remove that first"
            ),
            DefaultAclLocked { acl } => write!(
                f,
                "{acl} is the default ACL; it cannot be deleted"
            ),
            UnknownAz { az } => write!(f, "no subnet is in availability zone {az}"),
            TraceEndpoint { reason } => write!(f, "trace: {reason}"),
            GatewayEndpoint { id, rule } => write!(f, "{id}: {rule}"),
            SnapshotReplay { index, error } => {
                write!(f, "link edit #{index} could not be replayed: {error}")
            }
        }
    }
}

fn direction(egress: bool) -> &'static str {
    if egress {
        "outbound"
    } else {
        "inbound"
    }
}

impl std::error::Error for VpcError {}
