//! The IPv6 lines of the Terraform export (AWS provider): the VPC asks for
//! an Amazon-provided /56, subnets take `cidrsubnet(..., 8, k)` of it (so
//! the plan matches whatever /56 Amazon assigns), egress-only gateways,
//! `ipv6_cidr_block` routes and IPv6 ACL rules.

use std::fmt::Write;

use super::filters::{AclAction, Protocol, SgPeer, SgRule};
use super::ipv6::Target6;
use super::layout::{Network, RouteState};
use super::terraform::{proto_ports, q, resource_name};

/// Extra attribute lines inside `aws_vpc`.
pub(super) fn vpc_attrs(net: &Network, vpc: &str) -> String {
    match net.ipv6.vpc_block(vpc) {
        Some(b) => format!("  # IPv6 {b} in the diagram; Amazon picks the /56.\n  assign_generated_ipv6_cidr_block = true\n"),
        None => String::new(),
    }
}

/// Extra attribute lines inside `aws_subnet`: the /64 as the k-th of the
/// VPC's /56.
pub(super) fn subnet_attrs(net: &Network, subnet: &str, vpc: &str) -> String {
    let v6 = &net.ipv6;
    let (Some(b), true) = (v6.subnet_block(subnet), v6.vpc_block(vpc).is_some()) else {
        return String::new();
    };
    // Validation keeps the /64 inside the /56: the low 8 network bits pick it.
    let k = (u128::from(b.network()) >> 64) & 0xff;
    format!(
        "  # {b} in the diagram.\n  ipv6_cidr_block   = cidrsubnet(aws_vpc.{}.ipv6_cidr_block, 8, {k})\n",
        resource_name(vpc)
    )
}

pub(super) fn eigws(out: &mut String, net: &Network) {
    for g in &net.ipv6.egress_only_gateways {
        let _ = write!(
            out,
            "\nresource \"aws_egress_only_internet_gateway\" \"{}\" {{\n  vpc_id = aws_vpc.{}.id\n  tags = {{ Name = {} }}\n}}\n",
            resource_name(&g.id),
            resource_name(&g.vpc),
            q(&g.id)
        );
    }
}

/// `route` blocks for a table's IPv6 routes.
pub(super) fn routes(out: &mut String, net: &Network, table: &str, vpc: &str) {
    for route in net.ipv6.routes_of(table) {
        let dest = q(&route.destination.to_string());
        if super::ipv6::route6_state(net, vpc, &route.target) == RouteState::Blackhole {
            let _ = writeln!(
                out,
                "  # blackhole: {} -> {} (deleted)",
                route.destination,
                q(route.target.id())
            );
            continue;
        }
        let target = match &route.target {
            Target6::Igw(id) => {
                format!("gateway_id = aws_internet_gateway.{}.id", resource_name(id))
            }
            Target6::Eigw(id) => format!(
                "egress_only_gateway_id = aws_egress_only_internet_gateway.{}.id",
                resource_name(id)
            ),
        };
        let _ = write!(
            out,
            "  route {{\n    ipv6_cidr_block = {dest}\n    {target}\n  }}\n"
        );
    }
}

/// `ingress`/`egress` blocks for an ACL's IPv6 rules.
pub(super) fn acl_rules(out: &mut String, net: &Network, acl: &str) {
    let mut rules: Vec<_> = net.ipv6.acl_rules.iter().filter(|r| r.acl == acl).collect();
    rules.sort_by_key(|x| (x.egress, x.number));
    for rule in rules {
        let block = if rule.egress { "egress" } else { "ingress" };
        let (p, from, to) = proto_ports(rule.protocol, rule.ports.from, rule.ports.to);
        // ICMP over IPv6 is ICMPv6, protocol 58, in an ACL rule.
        let (p, icmp) = if rule.protocol == super::filters::Protocol::Icmp {
            ("58", "\n    icmp_type       = -1\n    icmp_code       = -1")
        } else {
            (p, "")
        };
        let action = match rule.action {
            AclAction::Allow => "allow",
            AclAction::Deny => "deny",
        };
        let _ = write!(
            out,
            "  {block} {{\n    protocol        = {}\n    rule_no         = {}\n    action          = {}\n    ipv6_cidr_block = {}\n    from_port       = {}\n    to_port         = {}{icmp}\n  }}\n",
            q(p),
            rule.number,
            q(action),
            q(&rule.cidr.to_string()),
            from.max(0),
            to.max(0)
        );
    }
}

/// An ICMP rule for an IPv6 block is ICMPv6 to the AWS provider.
pub(super) fn sg_protocol(p: &'static str, rule: &SgRule) -> &'static str {
    if rule.protocol == Protocol::Icmp && matches!(rule.peer, SgPeer::Cidr6(_)) {
        "icmpv6"
    } else {
        p
    }
}
