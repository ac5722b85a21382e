//! The VPC's page says what its model computes.

use super::assert_says;
use topic_vpc::model::{
    effective_routes, reserved_addresses, total_addresses, usable_addresses, Action, Endpoint,
    Playground, PortRange, PresetId, Protocol, TraceSpec, DEFAULT_EPHEMERAL_PORT,
};

fn tcp(src: &str, dst: Endpoint, port: u16) -> TraceSpec {
    TraceSpec {
        src: Endpoint::Instance(src.into()),
        dst,
        protocol: Protocol::Tcp,
        port,
        src_port: DEFAULT_EPHEMERAL_PORT,
    }
}

#[test]
fn the_networking_page_says_the_addresses_routes_and_verdicts() {
    let article = Playground::with_preset(PresetId::Article);
    let net = article.network();
    let vpc = net.vpcs[0].cidr;
    let public = net.subnets[0].cidr;
    assert_eq!(public.to_string(), "10.0.1.0/24");
    let mut figures = vec![
        vpc.to_string(),
        format!("{} addresses", total_addresses(vpc)),
        format!(
            "{public}: {} usable; a /28: {}",
            usable_addresses(public),
            usable_addresses("10.0.1.0/28".parse().unwrap())
        ),
    ];
    assert_eq!(usable_addresses(public), 251, "the fact sheet's /24");
    for (ip, role) in reserved_addresses(public) {
        let role = role.describe().split(" (").next().unwrap();
        figures.push(format!("{ip}: {role}"));
    }
    for table in ["rt-1a", "rt-2a"] {
        let t = net.route_tables.iter().find(|t| t.id == table).unwrap();
        for r in effective_routes(net, t) {
            figures.push(format!("{} → {}", r.destination, r.target.id()));
        }
    }
    let out = article
        .trace_of(&tcp("app-a", Endpoint::Internet, 443))
        .unwrap();
    let leaves = out.forward.hops.last().unwrap().header.src;
    figures.push(format!("leaves the VPC as {leaves}"));

    let mut single = Playground::with_preset(PresetId::SingleNat);
    let spec = PresetId::SingleNat.default_trace();
    assert!(single.trace_of(&spec).unwrap().reachable);
    single
        .apply(&Action::FailAz {
            az: "us-east-1a".into(),
            failed: true,
        })
        .unwrap();
    let after = single.trace_of(&spec).unwrap().reachable;
    assert!(!after, "the NAT's AZ took the others' internet with it");
    figures.push("us-east-1a down, app-b online: no".into());

    let locked = Playground::with_preset(PresetId::LockedNacl);
    let t = locked
        .trace_of(&PresetId::LockedNacl.default_trace())
        .unwrap();
    let blocker = t.blockers().into_iter().find(|b| b.on_return).unwrap();
    figures.push(format!("Reply: {}", blocker.detail));
    let ports = PortRange::EPHEMERAL;
    figures.push(format!("allow ports {}-{}", ports.from, ports.to));

    let peered = Playground::with_preset(PresetId::Peering);
    let a_to_c = peered
        .trace_of(&tcp("host-a", Endpoint::Instance("host-c".into()), 22))
        .unwrap();
    assert!(!a_to_c.reachable);
    figures.push("host-a to host-c: reachable? no".into());
    for p in &peered.network().peerings {
        figures.push(p.id.clone());
    }
    assert_says("vpc", "networking", &figures);
}
