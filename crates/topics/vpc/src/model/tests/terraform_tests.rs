use std::collections::BTreeSet;

use super::super::*;

/// Declared `resource "type" "name"` pairs.
fn declared(hcl: &str) -> Vec<(String, String)> {
    hcl.lines()
        .filter_map(|l| l.strip_prefix("resource \""))
        .map(|rest| {
            let mut parts = rest.split('"');
            let kind = parts.next().unwrap_or_default().to_string();
            let name = parts.nth(1).unwrap_or_default().to_string();
            (kind, name)
        })
        .collect()
}

fn check_plausible(hcl: &str) {
    let mut depth: i64 = 0;
    let mut in_string = false;
    let mut prev = ' ';
    for c in hcl.chars() {
        match c {
            '"' if prev != '\\' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => {
                depth -= 1;
                assert!(depth >= 0, "unbalanced braces");
            }
            '\n' => assert!(!in_string, "string spans a line"),
            _ => {}
        }
        prev = c;
    }
    assert_eq!(depth, 0);
    let decl = declared(hcl);
    let set: BTreeSet<_> = decl.iter().cloned().collect();
    assert_eq!(set.len(), decl.len(), "duplicate resources");
    // Every aws_x.y reference names a declared resource.
    for word in hcl.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')) {
        let mut parts = word.split('.');
        if let (Some(kind), Some(name), Some(_)) = (parts.next(), parts.next(), parts.next()) {
            if kind.starts_with("aws_") {
                assert!(
                    set.contains(&(kind.to_string(), name.to_string())),
                    "dangling {word}"
                );
            }
        }
    }
}

#[test]
fn presets_export_plausible_hcl_with_every_resource_type() {
    let mut kinds = BTreeSet::new();
    for p in PresetId::ALL {
        let hcl = to_terraform(&p.build());
        check_plausible(&hcl);
        kinds.extend(declared(&hcl).into_iter().map(|(k, _)| k));
    }
    for k in [
        "aws_vpc",
        "aws_subnet",
        "aws_internet_gateway",
        "aws_eip",
        "aws_nat_gateway",
        "aws_route_table",
        "aws_route_table_association",
        "aws_main_route_table_association",
        "aws_security_group",
        "aws_network_acl",
        "aws_default_network_acl",
        "aws_instance",
        "aws_vpc_peering_connection",
    ] {
        assert!(kinds.contains(k), "{k} missing");
    }
}

#[test]
fn export_details() {
    let mut n = PresetId::LockedNacl.build();
    n.nat_gateways.retain(|g| g.id != "nat-b");
    n.vpcs[0]
        .secondary_cidrs
        .push("10.1.0.0/16".parse().unwrap());
    let hcl = to_terraform(&n);
    check_plausible(&hcl);
    assert!(hcl.contains("resource \"aws_vpc\" \"vpc_123\""));
    assert!(hcl.contains("cidr_block = \"10.0.0.0/16\""));
    assert!(hcl.contains("aws_vpc_ipv4_cidr_block_association"));
    assert!(hcl.contains("gateway_id = aws_internet_gateway.ig_1.id"));
    assert!(hcl.contains("nat_gateway_id = aws_nat_gateway.nat_a.id"));
    assert!(hcl.contains("# blackhole: 0.0.0.0/0 -> \"nat-b\" (deleted)"));
    assert!(hcl.contains("security_groups = [aws_security_group.sg_web.id]"));
    assert!(hcl.contains("rule_no    = 110"));
    assert!(
        hcl.contains("protocol   = \"-1\""),
        "default ACL allows all protocols"
    );
    assert!(hcl.contains("associate_public_ip_address = true"));
    assert_eq!(resource_name("10-net"), "r10_net");
}

/// The dual-stack export: an Amazon-provided /56 (VPC User Guide, "IPv6
/// support for your VPC"), /64s carved with `cidrsubnet`, the egress-only
/// gateway and its `::/0` route (AWS provider: `aws_vpc`, `aws_subnet`,
/// `aws_egress_only_internet_gateway`, `aws_route_table`).
#[cfg(feature = "ipv6")]
#[test]
fn dual_stack_exports_ipv6_blocks_eigw_and_routes() {
    let pg = super::ipv6_trace_tests::dual_stack();
    let hcl_text = to_terraform(pg.network());
    check_plausible(&hcl_text);
    hcl::parse(&hcl_text).expect("the IPv6 export parses as HCL");
    for want in [
        "assign_generated_ipv6_cidr_block = true",
        "ipv6_cidr_block   = cidrsubnet(aws_vpc.vpc_123.ipv6_cidr_block, 8, 4)",
        "resource \"aws_egress_only_internet_gateway\" \"eigw_1\"",
        "ipv6_cidr_block = \"::/0\"\n    egress_only_gateway_id = aws_egress_only_internet_gateway.eigw_1.id",
        "ipv6_cidr_block = \"::/0\"\n    gateway_id = aws_internet_gateway.ig_1.id",
        "ipv6_cidr_blocks = [\"::/0\"]",
        "rule_no         = 101",
    ] {
        assert!(hcl_text.contains(want), "missing {want}");
    }
}
