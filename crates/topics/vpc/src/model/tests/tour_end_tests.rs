//! The tours' actions as they were before their questions became bets
//! (issue 12), frozen here: splitting each step into a setup and a reveal
//! must not change what a tour does, so every tour still ends where it did.
//!
//! One change is deliberate: "cidr-and-routes" used to ask what address
//! web-a sees while its trace (internet to web-a, the default) was already
//! on screen from the first step, so that step now comes after the web-a to
//! app-a step, whose trace it replaces; the tour still ends the same. And its
//! first bet now adds a /28 for a bastion host (10.0.7.0/28 in us-east-1a)
//! and asks its usable addresses, since the /24s' 251 was on screen before
//! the bet; the tour ends the same but for that subnet.
//! (The "Your turn" tour of tasks is new and not frozen here; the
//! registry's tests play its tasks.)

use super::super::tours::scripted;
use super::super::*;
use super::support::{inst, replay};

fn trace(src: Endpoint, dst: Endpoint, port: u32) -> Action {
    Action::SetTrace {
        src,
        dst,
        protocol: Protocol::Tcp,
        port,
    }
}

fn fail_a() -> Action {
    Action::FailAz {
        az: "us-east-1a".into(),
        failed: true,
    }
}

fn load(preset: PresetId) -> Action {
    Action::LoadPreset { preset }
}

fn route(table: &str, destination: &str, target: Target) -> Action {
    Action::AddRoute {
        table: table.into(),
        destination: destination.into(),
        target,
    }
}

fn remove_route(table: &str, destination: &str) -> Action {
    Action::RemoveRoute {
        table: table.into(),
        destination: destination.into(),
    }
}

fn ephemeral_rule(egress: bool) -> Action {
    Action::AddNaclRule {
        acl: "acl-public".into(),
        rule: AclRuleInput {
            number: 120,
            egress,
            action: AclAction::Allow,
            protocol: Protocol::Tcp,
            from_port: 1024,
            to_port: 65535,
            cidr: "0.0.0.0/0".into(),
        },
    }
}

fn out(id: &str) -> Action {
    trace(inst(id), Endpoint::Internet, 443)
}

fn from_internet(id: &str, port: u32) -> Action {
    trace(Endpoint::Internet, inst(id), port)
}

fn ssh(a: &str, b: &str) -> Action {
    trace(inst(a), inst(b), 22)
}

/// Each tour's actions, in order, as the tours had them.
fn frozen() -> Vec<(&'static str, Vec<Action>)> {
    vec![
        (
            "nat-per-az",
            vec![
                load(PresetId::Article),
                out("app-b"),
                fail_a(),
                load(PresetId::SingleNat),
                out("app-b"),
                fail_a(),
                Action::AddNat {
                    id: "nat-b".into(),
                    subnet: "subnet-public-b".into(),
                    private_ip: "10.0.2.5".into(),
                    elastic_ip: "198.51.100.2".into(),
                },
                remove_route("rt-2b", "0.0.0.0/0"),
                route("rt-2b", "0.0.0.0/0", Target::Nat("nat-b".into())),
                out("app-c"),
                out("app-a"),
            ],
        ),
        (
            "ephemeral-ports",
            vec![
                load(PresetId::LockedNacl),
                from_internet("web-a", 80),
                ephemeral_rule(true),
                out("app-a"),
                ephemeral_rule(false),
                from_internet("web-a", 80),
            ],
        ),
        (
            "peering-not-transitive",
            vec![
                load(PresetId::Peering),
                ssh("host-a", "host-b"),
                ssh("host-b", "host-c"),
                ssh("host-a", "host-c"),
                route("rt-a", "10.3.0.0/16", Target::Peering("pcx-ab".into())),
                remove_route("rt-a", "10.3.0.0/16"),
                Action::AddPeering {
                    id: "pcx-ac".into(),
                    requester: "vpc-a".into(),
                    accepter: "vpc-c".into(),
                },
                route("rt-a", "10.3.0.0/16", Target::Peering("pcx-ac".into())),
                route("rt-c", "10.1.0.0/16", Target::Peering("pcx-ac".into())),
            ],
        ),
        (
            "cidr-and-routes",
            vec![
                load(PresetId::Article),
                from_internet("web-a", 80),
                trace(inst("web-a"), inst("app-a"), 8080),
                from_internet("app-a", 8080),
                Action::DeleteNat {
                    nat: "nat-a".into(),
                },
                out("app-a"),
                Action::DeleteIgw { igw: "ig-1".into() },
                from_internet("web-b", 80),
            ],
        ),
    ]
}

#[test]
fn every_tour_plays_the_actions_it_always_did() {
    let tours: Vec<_> = scripted().into_iter().map(|s| s.tour).collect();
    let frozen = frozen();
    assert_eq!(
        tours.iter().map(|t| t.id.as_ref()).collect::<Vec<_>>(),
        frozen.iter().map(|(id, _)| *id).collect::<Vec<_>>()
    );
    for (tour, (id, old)) in tours.iter().zip(frozen) {
        let now: Vec<Action> = tour
            .steps
            .iter()
            .flat_map(|s| s.all_actions().cloned())
            .collect();
        let mut expected = old.clone();
        let mut ends = old.clone();
        if id == "cidr-and-routes" {
            expected.swap(1, 2);
            let bastion = Action::AddSubnet {
                id: "subnet-bastion".into(),
                vpc: "vpc-123".into(),
                cidr: "10.0.7.0/28".into(),
                az: "us-east-1a".into(),
            };
            expected.insert(1, bastion.clone());
            ends.insert(1, bastion);
        }
        assert_eq!(now, expected, "{id}");
        assert_eq!(
            replay(&tour.actions_revealed(usize::MAX)),
            replay(&ends),
            "{id}"
        );
    }
}
