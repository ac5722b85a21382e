//! Replies go back the way the request came. Source: Amazon VPC User Guide
//! (internet gateways translate an instance's public IP one-to-one; NAT
//! gateways replace the source with their own address) and Reachability
//! Analyzer's NGW_SOURCE_ADDRESS_REASSIGN explanation. A connection made to an
//! instance's public IP must be answered from that public IP; a reply that a
//! NAT gateway rewrites to its Elastic IP does not complete it.

use super::super::*;
use super::support::*;

/// app-a (private subnet, default route to nat-a) given a public IP and a
/// rule open to the internet on 8080: the request arrives through ig-1, the
/// reply leaves through nat-a.
fn public_ip_behind_a_nat() -> Network {
    let mut n = PresetId::Article.build();
    let app = n.instances.iter_mut().find(|i| i.id == "app-a").unwrap();
    app.public_ip = Some(ip("198.51.100.99"));
    let sg = n
        .security_groups
        .iter_mut()
        .find(|g| g.id == "sg-app")
        .unwrap();
    sg.inbound.push(SgRule {
        protocol: Protocol::Tcp,
        ports: PortRange::single(8080),
        peer: SgPeer::Cidr(cidr("0.0.0.0/0")),
    });
    n
}

#[test]
fn a_reply_rewritten_by_a_nat_gateway_does_not_complete_the_connection() {
    let n = public_ip_behind_a_nat();
    validate(&n).unwrap();
    let t = run(
        &n,
        &Faults::default(),
        spec(Endpoint::Internet, inst("app-a"), 8080),
    );
    assert!(
        t.forward.reached,
        "the request itself arrives: {:?}",
        blockers(&t)
    );
    assert!(!t.reachable);
    assert!(
        has_blocker(&t, "nat-a", Code::NgwSourceAddressReassign, true),
        "{:?}",
        blockers(&t)
    );
    let why = hop(&t.ret, "nat-a")
        .explanations
        .iter()
        .map(|e| e.detail.clone())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        why.contains("the request was sent to 198.51.100.99"),
        "{why}"
    );
}

#[test]
fn the_same_instance_answers_when_its_reply_leaves_by_the_internet_gateway() {
    let mut n = public_ip_behind_a_nat();
    let rt = n.route_tables.iter_mut().find(|t| t.id == "rt-2a").unwrap();
    for r in &mut rt.routes {
        if r.destination == cidr("0.0.0.0/0") {
            r.target = Target::Igw("ig-1".into());
        }
    }
    let t = run(
        &n,
        &Faults::default(),
        spec(Endpoint::Internet, inst("app-a"), 8080),
    );
    assert!(t.reachable, "{:?}", blockers(&t));
    assert_eq!(hop(&t.ret, "ig-1").header.src, ip("198.51.100.99"));
}

#[test]
fn outbound_connections_through_a_nat_still_complete() {
    // The request leaves through nat-a, so the reply comes back to its
    // Elastic IP and is translated back: symmetric, reachable.
    let n = public_ip_behind_a_nat();
    let t = run(
        &n,
        &Faults::default(),
        spec(inst("app-a"), Endpoint::Internet, 443),
    );
    assert!(t.reachable, "{:?}", blockers(&t));
}
