//! Geometry checks: every component drawn once, inside its box.

use super::super::super::model::{Faults, PresetId};
use super::*;

fn overlaps(a: &Item, b: &Item) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

#[test]
fn article_has_every_component_once_and_inside_the_drawing() {
    let d = layout(&PresetId::Article.build(), &Faults::default());
    let count = |k: Kind| d.items.iter().filter(|i| i.kind == k).count();
    assert_eq!(count(Kind::Vpc), 1);
    assert_eq!(count(Kind::PublicSubnet), 3);
    assert_eq!(count(Kind::PrivateSubnet), 3);
    assert_eq!(count(Kind::Nat), 3);
    assert_eq!(count(Kind::Instance), 6);
    assert_eq!(count(Kind::Igw), 1);
    assert_eq!(count(Kind::Internet), 1);
    assert_eq!(d.columns.len(), 3);
    assert!(d.item("rtx:rt-main").is_some(), "the unused main table");
    let mut keys: Vec<&str> = d.items.iter().map(|i| i.key.as_str()).collect();
    keys.sort_unstable();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n, "keys are unique");
    for i in &d.items {
        assert!(i.x >= 0.0 && i.y >= 0.0, "{}", i.key);
        assert!(i.x + i.w <= d.width && i.y + i.h <= d.height, "{}", i.key);
    }
}

#[test]
fn residents_of_a_subnet_sit_inside_it_without_overlapping() {
    let d = layout(&PresetId::Article.build(), &Faults::default());
    let sub = d.item("subnet:subnet-public-b").unwrap();
    let nat = d.item("nat:nat-b").unwrap();
    let web = d.item("inst:web-b").unwrap();
    for it in [nat, web, d.item("sg:web-b:sg-web").unwrap()] {
        assert!(it.x >= sub.x && it.x + it.w <= sub.x + sub.w, "{}", it.key);
        assert!(it.y >= sub.y && it.y + it.h <= sub.y + sub.h, "{}", it.key);
    }
    assert!(!overlaps(nat, web));
    let private = d.item("subnet:subnet-private-b").unwrap();
    assert!(
        private.y >= sub.y + sub.h,
        "private row below the public row"
    );
}

#[test]
fn peering_preset_draws_three_vpcs_and_two_arcs() {
    let d = layout(&PresetId::Peering.build(), &Faults::default());
    assert_eq!(d.items.iter().filter(|i| i.kind == Kind::Vpc).count(), 3);
    assert!(d.item("pcx:pcx-ab").is_some() && d.item("pcx:pcx-bc").is_some());
    assert_eq!(d.wires.len(), 2, "no gateways, two arcs");
}

#[test]
fn failed_az_marks_its_column_and_components() {
    let faults = Faults {
        failed_azs: ["us-east-1a".to_string()].into_iter().collect(),
    };
    let d = layout(&PresetId::SingleNat.build(), &faults);
    assert!(d.columns.iter().any(|c| c.az == "us-east-1a" && c.failed));
    assert!(d.item("nat:nat-a").unwrap().down);
    assert!(!d.item("inst:app-b").unwrap().down);
}

#[test]
fn gateway_endpoints_sit_on_the_vpc_edge_clear_of_everything_else() {
    use super::super::super::model::{GatewayEndpoint, Service};
    let mut net = PresetId::Article.build();
    for (id, service) in [
        ("vpce-s3", Service::S3),
        ("vpce-dynamodb", Service::Dynamodb),
    ] {
        net.endpoints.push(GatewayEndpoint {
            id: id.into(),
            vpc: "vpc-123".into(),
            service,
            route_tables: vec!["rt-2a".into()],
        });
    }
    let d = layout(&net, &Faults::default());
    let vpc = d.item("vpc:vpc-123").unwrap();
    for key in ["vpce:vpce-s3", "vpce:vpce-dynamodb"] {
        let e = d.item(key).unwrap();
        assert!(
            e.y < vpc.y && vpc.y < e.y + e.h,
            "{key} straddles the VPC's top edge"
        );
        assert!(e.x >= vpc.x && e.x + e.w <= vpc.x + vpc.w, "{key}");
        for other in d
            .items
            .iter()
            .filter(|i| i.key != e.key && i.kind != Kind::Vpc)
        {
            assert!(!overlaps(e, other), "{key} overlaps {}", other.key);
        }
    }
}

#[cfg(feature = "ipv6")]
#[test]
fn an_egress_only_gateway_is_drawn_beside_the_igw_and_wired_to_the_internet() {
    let mut net = PresetId::Article.build();
    net.ipv6
        .egress_only_gateways
        .push(super::super::super::model::EgressOnlyGateway {
            id: "eigw-1".into(),
            vpc: "vpc-123".into(),
        });
    let d = layout(&net, &Faults::default());
    let eigw = d.item("eigw:eigw-1").expect("drawn");
    let igw = d.item("igw:ig-1").unwrap();
    assert!(!overlaps(eigw, igw));
    assert!(eigw.w < igw.w, "smaller than the IGW");
    assert!(eigw.x + eigw.w <= d.width);
    // One wire from the internet per gateway.
    assert_eq!(d.wires.len(), 2);
}
