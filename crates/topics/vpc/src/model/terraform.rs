//! Terraform (HCL) export of the current layout with the AWS provider's
//! resource types. Deleted route targets are kept as comments, since
//! Terraform cannot express a blackhole route.

use std::fmt::Write;

use super::filters::{AclAction, AclRule, NetworkAcl, Protocol, SecurityGroup, SgPeer, SgRule};
use super::layout::{Network, RouteState, RouteTable, Target};

/// A Terraform resource name for an id: lowercase, `[a-z0-9_]`, not starting with a digit.
pub fn resource_name(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s.insert(0, 'r');
    }
    s
}

fn r(kind: &str, id: &str) -> String {
    format!("aws_{kind}.{}.id", resource_name(id))
}

/// A quoted HCL string holding exactly `s`: quotes, backslashes and control
/// characters escaped, and `${` / `%{` doubled so Terraform never evaluates
/// a template sequence that came from a user's id (issue 15).
pub fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn to_terraform(net: &Network) -> String {
    let mut out = String::from("# Exported from Techshack Live's VPC diagram.\n");
    for v in &net.vpcs {
        let name = resource_name(&v.id);
        let _ = write!(
            out,
            "\nresource \"aws_vpc\" \"{name}\" {{\n  cidr_block = {}\n",
            q(&v.cidr.to_string()),
        );
        #[cfg(feature = "ipv6")]
        out.push_str(&super::terraform6::vpc_attrs(net, &v.id));
        let _ = write!(out, "  tags = {{ Name = {} }}\n}}\n", q(&v.id));
        for (k, c) in v.secondary_cidrs.iter().enumerate() {
            let _ = write!(
                out,
                "\nresource \"aws_vpc_ipv4_cidr_block_association\" \"{name}_{}\" {{\n  vpc_id     = {}\n  cidr_block = {}\n}}\n",
                k + 1,
                r("vpc", &v.id),
                q(&c.to_string())
            );
        }
    }
    for g in &net.internet_gateways {
        let _ = write!(
            out,
            "\nresource \"aws_internet_gateway\" \"{}\" {{\n  vpc_id = {}\n  tags = {{ Name = {} }}\n}}\n",
            resource_name(&g.id),
            r("vpc", &g.vpc),
            q(&g.id)
        );
    }
    #[cfg(feature = "ipv6")]
    super::terraform6::eigws(&mut out, net);
    for s in &net.subnets {
        let _ = write!(
            out,
            "\nresource \"aws_subnet\" \"{}\" {{\n  vpc_id            = {}\n  cidr_block        = {}\n  availability_zone = {}\n",
            resource_name(&s.id),
            r("vpc", &s.vpc),
            q(&s.cidr.to_string()),
            q(&s.az),
        );
        #[cfg(feature = "ipv6")]
        out.push_str(&super::terraform6::subnet_attrs(net, &s.id, &s.vpc));
        let _ = write!(out, "  tags = {{ Name = {} }}\n}}\n", q(&s.id));
    }
    for n in &net.nat_gateways {
        let name = resource_name(&n.id);
        let _ = write!(
            out,
            "\n# Elastic IP {} in the diagram.\nresource \"aws_eip\" \"{name}\" {{\n  domain = \"vpc\"\n}}\n\nresource \"aws_nat_gateway\" \"{name}\" {{\n  allocation_id = aws_eip.{name}.id\n  subnet_id     = {}\n  private_ip    = {}\n  tags = {{ Name = {} }}\n}}\n",
            n.elastic_ip,
            r("subnet", &n.subnet),
            q(&n.private_ip.to_string()),
            q(&n.id)
        );
    }
    for t in &net.route_tables {
        route_table(&mut out, net, t);
    }
    for g in &net.security_groups {
        security_group(&mut out, g);
    }
    for a in &net.network_acls {
        network_acl(&mut out, net, a);
    }
    instances(&mut out, net);
    for p in &net.peerings {
        let _ = write!(
            out,
            "\nresource \"aws_vpc_peering_connection\" \"{}\" {{\n  vpc_id      = {}\n  peer_vpc_id = {}\n  auto_accept = true\n  tags = {{ Name = {} }}\n}}\n",
            resource_name(&p.id),
            r("vpc", &p.requester),
            r("vpc", &p.accepter),
            q(&p.id)
        );
    }
    for e in &net.endpoints {
        let tables: Vec<String> = e.route_tables.iter().map(|t| r("route_table", t)).collect();
        let _ = write!(
            out,
            "\nresource \"aws_vpc_endpoint\" \"{}\" {{\n  vpc_id            = {}\n  service_name      = {}\n  vpc_endpoint_type = \"Gateway\"\n  route_table_ids   = [{}]\n  tags = {{ Name = {} }}\n}}\n",
            resource_name(&e.id),
            r("vpc", &e.vpc),
            q(&e.service_name()),
            tables.join(", "),
            q(&e.id)
        );
    }
    out
}

fn route_table(out: &mut String, net: &Network, t: &RouteTable) {
    let name = resource_name(&t.id);
    let _ = write!(
        out,
        "\nresource \"aws_route_table\" \"{name}\" {{\n  vpc_id = {}\n",
        r("vpc", &t.vpc)
    );
    for route in &t.routes {
        let dest = q(&route.destination.to_string());
        if net.route_state(&t.vpc, &route.target) == RouteState::Blackhole {
            let _ = writeln!(
                out,
                "  # blackhole: {} -> {} (deleted)",
                route.destination,
                q(route.target.id()),
            );
            continue;
        }
        let target = match &route.target {
            // Endpoint routes are written by `aws_vpc_endpoint`'s route_table_ids.
            Target::Local | Target::Endpoint(_) => continue,
            Target::Igw(id) => format!("gateway_id = {}", r("internet_gateway", id)),
            Target::Nat(id) => format!("nat_gateway_id = {}", r("nat_gateway", id)),
            Target::Instance(id) => format!(
                "network_interface_id = aws_instance.{}.primary_network_interface_id",
                resource_name(id)
            ),
            Target::Peering(id) => format!(
                "vpc_peering_connection_id = {}",
                r("vpc_peering_connection", id)
            ),
        };
        let _ = write!(
            out,
            "  route {{\n    cidr_block = {dest}\n    {target}\n  }}\n"
        );
    }
    #[cfg(feature = "ipv6")]
    super::terraform6::routes(out, net, &t.id, &t.vpc);
    let _ = write!(out, "  tags = {{ Name = {} }}\n}}\n", q(&t.id));
    if t.main {
        let _ = write!(
            out,
            "\nresource \"aws_main_route_table_association\" \"{name}\" {{\n  vpc_id         = {}\n  route_table_id = aws_route_table.{name}.id\n}}\n",
            r("vpc", &t.vpc)
        );
    }
    for s in &t.subnets {
        let _ = write!(
            out,
            "\nresource \"aws_route_table_association\" \"{name}_{}\" {{\n  subnet_id      = {}\n  route_table_id = aws_route_table.{name}.id\n}}\n",
            resource_name(s),
            r("subnet", s)
        );
    }
}

/// (protocol, from_port, to_port) as the AWS provider spells them.
pub(super) fn proto_ports(protocol: Protocol, from: u32, to: u32) -> (&'static str, i64, i64) {
    match protocol {
        Protocol::All => ("-1", 0, 0),
        Protocol::Icmp => ("icmp", -1, -1),
        p => (p.name(), i64::from(from), i64::from(to)),
    }
}

fn sg_rule(out: &mut String, block: &str, rule: &SgRule) {
    let (p, from, to) = proto_ports(rule.protocol, rule.ports.from, rule.ports.to);
    #[cfg(feature = "ipv6")]
    let p = super::terraform6::sg_protocol(p, rule);
    let peer = match &rule.peer {
        SgPeer::Cidr(c) => format!("cidr_blocks = [{}]", q(&c.to_string())),
        SgPeer::Group(g) => format!("security_groups = [{}]", r("security_group", g)),
        #[cfg(feature = "ipv6")]
        SgPeer::Cidr6(c) => format!("ipv6_cidr_blocks = [{}]", q(&c.to_string())),
    };
    let _ = write!(
        out,
        "  {block} {{\n    protocol  = {}\n    from_port = {from}\n    to_port   = {to}\n    {peer}\n  }}\n",
        q(p)
    );
}

fn security_group(out: &mut String, g: &SecurityGroup) {
    let _ = write!(
        out,
        "\nresource \"aws_security_group\" \"{}\" {{\n  name   = {}\n  vpc_id = {}\n",
        resource_name(&g.id),
        q(&g.id),
        r("vpc", &g.vpc)
    );
    for rule in &g.inbound {
        sg_rule(out, "ingress", rule);
    }
    for rule in &g.outbound {
        sg_rule(out, "egress", rule);
    }
    out.push_str("}\n");
}

fn acl_rule(out: &mut String, rule: &AclRule) {
    let block = if rule.egress { "egress" } else { "ingress" };
    let (p, from, to) = proto_ports(rule.protocol, rule.ports.from, rule.ports.to);
    let (from, to, icmp) = if rule.protocol == Protocol::Icmp {
        (0, 0, "\n    icmp_type  = -1\n    icmp_code  = -1")
    } else {
        (from, to, "")
    };
    let action = match rule.action {
        AclAction::Allow => "allow",
        AclAction::Deny => "deny",
    };
    let _ = write!(
        out,
        "  {block} {{\n    protocol   = {}\n    rule_no    = {}\n    action     = {}\n    cidr_block = {}\n    from_port  = {from}\n    to_port    = {to}{icmp}\n  }}\n",
        q(p),
        rule.number,
        q(action),
        q(&rule.cidr.to_string())
    );
}

// `net` holds the IPv6 rules, which only the IPv6 build writes.
#[cfg_attr(not(feature = "ipv6"), allow(unused_variables))]
fn network_acl(out: &mut String, net: &Network, a: &NetworkAcl) {
    let name = resource_name(&a.id);
    if a.default {
        let _ = write!(
            out,
            "\nresource \"aws_default_network_acl\" \"{name}\" {{\n  default_network_acl_id = aws_vpc.{}.default_network_acl_id\n",
            resource_name(&a.vpc)
        );
    } else {
        let _ = write!(
            out,
            "\nresource \"aws_network_acl\" \"{name}\" {{\n  vpc_id = {}\n",
            r("vpc", &a.vpc)
        );
    }
    if !a.subnets.is_empty() {
        let ids: Vec<String> = a.subnets.iter().map(|s| r("subnet", s)).collect();
        let _ = writeln!(out, "  subnet_ids = [{}]", ids.join(", "));
    }
    let mut rules: Vec<&AclRule> = a.rules.iter().collect();
    rules.sort_by_key(|x| (x.egress, x.number));
    for rule in rules {
        acl_rule(out, rule);
    }
    #[cfg(feature = "ipv6")]
    super::terraform6::acl_rules(out, net, &a.id);
    let _ = write!(out, "  tags = {{ Name = {} }}\n}}\n", q(&a.id));
}

fn instances(out: &mut String, net: &Network) {
    for i in &net.instances {
        let groups: Vec<String> = i
            .security_groups
            .iter()
            .map(|g| r("security_group", g))
            .collect();
        let _ = write!(
            out,
            "\nresource \"aws_instance\" \"{}\" {{\n  ami                         = \"ami-00000000000000000\" # pick an AMI\n  instance_type               = \"t3.micro\"\n  subnet_id                   = {}\n  private_ip                  = {}\n  vpc_security_group_ids      = [{}]\n  associate_public_ip_address = {}\n",
            resource_name(&i.id),
            r("subnet", &i.subnet),
            q(&i.private_ip.to_string()),
            groups.join(", "),
            i.public_ip.is_some()
        );
        if !i.source_dest_check {
            out.push_str("  source_dest_check           = false\n");
        }
        let _ = write!(out, "  tags = {{ Name = {} }}\n}}\n", q(&i.id));
    }
}
