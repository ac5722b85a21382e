//! Secondary IPv4 blocks follow AWS's association restrictions. Source: Amazon
//! VPC User Guide, "VPC CIDR blocks", the table "IPv4 CIDR block association
//! restrictions" (restricted and permitted associations by the range of the
//! primary block) and the rules below it (a new block may not be the same as
//! or larger than a route's destination).

use super::super::*;

fn c(s: &str) -> ipnet::Ipv4Net {
    s.parse().unwrap()
}

fn rule(existing: &[&str], block: &str) -> Option<String> {
    let existing: Vec<_> = existing.iter().map(|s| c(s)).collect();
    table_rule(&existing, c(block))
}

/// Adds `block` to the article's VPC (primary 10.0.0.0/16) through the
/// playground, as the panel does.
fn add(pg: &mut Playground, block: &str) -> Result<(), VpcError> {
    pg.apply(&Action::AddSecondaryCidr {
        vpc: "vpc-123".into(),
        cidr: block.into(),
    })
}

#[test]
fn ranges_are_classified_as_the_table_does() {
    assert_eq!(range_of(c("10.20.0.0/16")), Range::Ten);
    assert_eq!(range_of(c("172.31.0.0/16")), Range::OneSevenTwo);
    assert_eq!(range_of(c("192.168.4.0/24")), Range::OneNineTwo);
    assert_eq!(range_of(c("198.19.0.0/16")), Range::OneNineEight);
    assert_eq!(range_of(c("100.64.0.0/16")), Range::Public);
    assert_eq!(range_of(c("52.0.0.0/16")), Range::Public);
    assert_eq!(range_of(c("172.32.0.0/16")), Range::Public);
}

#[test]
fn primary_in_10_slash_8() {
    // Restricted: other RFC 1918 ranges, 198.19.0.0/16, and 10.0.0.0/16 once a
    // block is in 10.0.0.0/15.
    assert!(rule(&["10.2.0.0/16"], "172.16.0.0/16")
        .unwrap()
        .contains("RFC 1918"));
    assert!(rule(&["10.2.0.0/16"], "192.168.0.0/16")
        .unwrap()
        .contains("RFC 1918"));
    assert!(rule(&["10.2.0.0/16"], "198.19.0.0/16")
        .unwrap()
        .contains("198.19.0.0/16"));
    assert!(rule(&["10.1.0.0/16"], "10.0.0.0/16")
        .unwrap()
        .contains("10.0.0.0/15"));
    assert!(rule(&["10.2.0.0/16", "10.1.0.0/24"], "10.0.4.0/24").is_some());
    // Permitted: the rest of 10.0.0.0/8, public blocks, 100.64.0.0/10.
    assert_eq!(rule(&["10.2.0.0/16"], "10.0.0.0/16"), None);
    assert_eq!(rule(&["10.2.0.0/16"], "10.3.0.0/16"), None);
    assert_eq!(rule(&["10.2.0.0/16"], "100.64.0.0/16"), None);
    assert_eq!(rule(&["10.2.0.0/16"], "52.95.0.0/16"), None);
}

#[test]
fn primary_in_172_16_slash_12() {
    assert!(rule(&["172.20.0.0/16"], "10.0.0.0/16").is_some());
    assert!(rule(&["172.20.0.0/16"], "192.168.0.0/16").is_some());
    assert!(rule(&["172.20.0.0/16"], "172.31.0.0/16")
        .unwrap()
        .contains("172.31.0.0/16"));
    assert!(rule(&["172.20.0.0/16"], "198.19.0.0/16").is_some());
    assert_eq!(rule(&["172.20.0.0/16"], "172.21.0.0/16"), None);
    assert_eq!(rule(&["172.20.0.0/16"], "100.64.0.0/16"), None);
}

#[test]
fn primary_in_192_168_slash_16() {
    assert!(rule(&["192.168.0.0/20"], "10.0.0.0/16").is_some());
    assert!(rule(&["192.168.0.0/20"], "172.16.0.0/16").is_some());
    assert!(rule(&["192.168.0.0/20"], "198.19.0.0/16").is_some());
    assert_eq!(rule(&["192.168.0.0/20"], "192.168.16.0/20"), None);
    assert_eq!(rule(&["192.168.0.0/20"], "100.64.0.0/16"), None);
}

#[test]
fn primary_in_198_19_slash_16() {
    assert!(rule(&["198.19.0.0/20"], "10.0.0.0/16").is_some());
    assert!(rule(&["198.19.0.0/20"], "192.168.0.0/16").is_some());
    assert_eq!(rule(&["198.19.0.0/20"], "52.95.0.0/16"), None);
    assert_eq!(rule(&["198.19.0.0/20"], "100.64.0.0/16"), None);
}

#[test]
fn primary_public_or_in_100_64_slash_10() {
    for primary in ["52.95.0.0/16", "100.64.0.0/16"] {
        assert!(rule(&[primary], "10.0.0.0/16")
            .unwrap()
            .contains("RFC 1918"));
        assert!(rule(&[primary], "172.16.0.0/16").is_some());
        assert!(rule(&[primary], "198.19.0.0/16").is_some());
        assert_eq!(rule(&[primary], "54.0.0.0/16"), None);
        assert_eq!(rule(&[primary], "100.65.0.0/16"), None);
    }
}

#[test]
fn the_panel_refuses_a_restricted_block_naming_the_rule() {
    let mut pg = Playground::default();
    let before = pg.network().clone();
    let e = add(&mut pg, "192.168.0.0/16").unwrap_err();
    assert!(matches!(e, VpcError::CidrAssociation { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "vpc-123: AWS does not allow adding 192.168.0.0/16: the primary block is in 10.0.0.0/8, and blocks from another RFC 1918 range (192.168.0.0/16) cannot be mixed with it"
    );
    assert_eq!(pg.network(), &before, "a refused edit changes nothing");
    add(&mut pg, "10.1.0.0/16").unwrap();
    add(&mut pg, "100.64.0.0/16").unwrap();
}

#[test]
fn a_block_may_not_be_the_same_as_or_larger_than_a_route_destination() {
    // The guide's example: a route to 10.0.0.0/24 (here 10.2.0.0/24) blocks
    // associating that /24 or anything larger holding it; a more specific
    // block is allowed.
    let mut pg = Playground::default();
    pg.apply(&Action::AddRoute {
        table: "rt-main".into(),
        destination: "10.2.0.0/24".into(),
        target: Target::Igw("ig-1".into()),
    })
    .unwrap();
    let e = add(&mut pg, "10.2.0.0/16").unwrap_err();
    assert!(
        e.to_string()
            .contains("route table rt-main has a route to 10.2.0.0/24"),
        "{e}"
    );
    assert!(add(&mut pg, "10.2.0.0/24").is_err());
    add(&mut pg, "10.2.0.0/25").unwrap();
    // The default route is not contained in a /16: it never blocks.
    add(&mut pg, "10.3.0.0/16").unwrap();
}

#[test]
fn a_changed_primary_must_still_admit_its_secondary_blocks() {
    let mut pg = Playground::default();
    add(&mut pg, "100.64.0.0/16").unwrap();
    add(&mut pg, "10.5.0.0/16").unwrap();
    let mut n = pg.network().clone();
    n.vpcs[0].cidr = c("172.20.0.0/16");
    let e = validate(&n).unwrap_err();
    assert!(matches!(e, VpcError::CidrAssociation { .. }), "{e}");
}
