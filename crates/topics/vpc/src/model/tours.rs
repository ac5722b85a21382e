//! Guided tours. Each predicted answer is computed by replaying the tour on
//! a playground (the core's `Script`) and asking the tracer, so the text
//! always matches the model.

use techshack_core::tour::{self, Tour};

use super::action::{AclRuleInput, Action};
use super::filters::{AclAction, Protocol};
use super::layout::Target;
use super::packet::Endpoint;
use super::playground::Playground;
use super::presets::PresetId;
use super::tour_answers::Ask;

/// A VPC tour being written, played on a live playground; every step asks.
type Script = tour::Script<Playground, Ask>;
/// A VPC tour with the question behind each answer (for the replay tests).
pub(super) type Scripted = tour::Scripted<Playground, Ask>;

fn inst(id: &str) -> Endpoint {
    Endpoint::Instance(id.into())
}

fn trace(src: Endpoint, dst: Endpoint, port: u32) -> Action {
    Action::SetTrace {
        src,
        dst,
        protocol: Protocol::Tcp,
        port,
    }
}

fn fail(az: &str, failed: bool) -> Action {
    Action::FailAz {
        az: az.into(),
        failed,
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

pub fn tours() -> Vec<Tour<Action>> {
    let tasks = super::tours_tasks::your_turn();
    scripted()
        .into_iter()
        .chain([tasks])
        .map(|s| s.tour)
        .collect()
}

/// Tours with the question behind each answer, for the replay tests (the
/// task tour asks nothing; the registry checks its tasks).
pub(super) fn scripted() -> Vec<Scripted> {
    vec![
        nat_per_az(),
        ephemeral_ports(),
        peering_not_transitive(),
        cidr_and_routes(),
    ]
}

fn nat_per_az() -> Scripted {
    let out = |id: &str| trace(inst(id), Endpoint::Internet, 443);
    Script::new("nat-per-az", "One NAT gateway, or one per AZ?")
        .ask(
            "Private instances reach the internet through a NAT gateway. Here each AZ has its own.",
            vec![load(PresetId::Article), out("app-b")],
            "Which NAT gateway carries app-b's traffic?",
            Ask::NatPath,
        )
        .ask(
            "Availability zone us-east-1a fails.",
            vec![fail("us-east-1a", true)],
            "Does app-b still reach the internet?",
            Ask::Reach,
        )
        .ask(
            "The cheap layout: one NAT gateway in AZ a serves every private subnet.",
            vec![load(PresetId::SingleNat), out("app-b")],
            "Which NAT gateway carries app-b's traffic now?",
            Ask::NatPath,
        )
        .ask(
            "AZ a fails again.",
            vec![fail("us-east-1a", true)],
            "Will the private instance in AZ b reach the internet when AZ a fails?",
            Ask::Reach,
        )
        .ask(
            "Give AZ b its own NAT gateway and point rt-2b at it.",
            vec![
                Action::AddNat {
                    id: "nat-b".into(),
                    subnet: "subnet-public-b".into(),
                    private_ip: "10.0.2.5".into(),
                    elastic_ip: "198.51.100.2".into(),
                },
                Action::RemoveRoute {
                    table: "rt-2b".into(),
                    destination: "0.0.0.0/0".into(),
                },
                route("rt-2b", "0.0.0.0/0", Target::Nat("nat-b".into())),
            ],
            "AZ a is still down. Does app-b reach the internet now?",
            Ask::Reach,
        )
        .ask(
            "app-c still routes through nat-a.",
            vec![out("app-c")],
            "Does app-c reach the internet?",
            Ask::Reach,
        )
        .ask(
            "app-a lives in the failed AZ itself.",
            vec![out("app-a")],
            "Can app-a reach the internet?",
            Ask::Reach,
        )
        .finish()
}

fn ephemeral_ports() -> Scripted {
    let web = trace(Endpoint::Internet, inst("web-a"), 80);
    Script::new("ephemeral-ports", "The ACL that forgot ephemeral ports")
        .ask(
            "acl-public allows ports 80 and 443 in and out of the public subnets, and nothing else.",
            vec![load(PresetId::LockedNacl), web.clone()],
            "Does a request from the internet reach web-a on port 80?",
            Ask::Forward,
        )
        .ask(
            "ACLs are stateless: the reply is checked on its own, going to the client's port 49152.",
            Vec::new(),
            "Does web-a's reply get back to the client?",
            Ask::Reach,
        )
        .ask(
            "Allow outbound TCP 1024-65535, the ephemeral ports that replies go to.",
            vec![ephemeral_rule(true)],
            "Does the round trip work now?",
            Ask::Reach,
        )
        .ask(
            "app-a goes out through nat-a, which sits in a public subnet behind acl-public.",
            vec![trace(inst("app-a"), Endpoint::Internet, 443)],
            "Does app-a reach the internet?",
            Ask::Reach,
        )
        .ask(
            "Allow inbound TCP 1024-65535 too, for replies coming back to the NAT gateway.",
            vec![ephemeral_rule(false)],
            "Does app-a reach the internet now?",
            Ask::Reach,
        )
        .ask(
            "Back to web-a. sg-web has no outbound rule for port 49152.",
            vec![web],
            "Which security group rule lets web-a's reply out?",
            Ask::ReturnSg,
        )
        .finish()
}

fn peering_not_transitive() -> Scripted {
    let ssh = |a: &str, b: &str| trace(inst(a), inst(b), 22);
    Script::new("peering-not-transitive", "Peering is not transitive")
        .ask(
            "Three VPCs: vpc-a peers with vpc-b, and vpc-b peers with vpc-c.",
            vec![load(PresetId::Peering), ssh("host-a", "host-b")],
            "Can host-a reach host-b over pcx-ab?",
            Ask::Reach,
        )
        .ask(
            "Now from vpc-b to vpc-c.",
            vec![ssh("host-b", "host-c")],
            "Can host-b reach host-c?",
            Ask::Reach,
        )
        .ask(
            "vpc-b is connected to both others.",
            vec![ssh("host-a", "host-c")],
            "Can host-a reach host-c through vpc-b?",
            Ask::Reach,
        )
        .ask(
            "Add a route in rt-a sending 10.3.0.0/16 into pcx-ab.",
            vec![route(
                "rt-a",
                "10.3.0.0/16",
                Target::Peering("pcx-ab".into()),
            )],
            "Does the packet get through vpc-b now?",
            Ask::Reach,
        )
        .ask(
            "Peer vpc-a with vpc-c directly and route to it.",
            vec![
                Action::RemoveRoute {
                    table: "rt-a".into(),
                    destination: "10.3.0.0/16".into(),
                },
                Action::AddPeering {
                    id: "pcx-ac".into(),
                    requester: "vpc-a".into(),
                    accepter: "vpc-c".into(),
                },
                route("rt-a", "10.3.0.0/16", Target::Peering("pcx-ac".into())),
            ],
            "Can host-a reach host-c now?",
            Ask::Reach,
        )
        .ask(
            "Add the route back: 10.1.0.0/16 via pcx-ac in rt-c.",
            vec![route(
                "rt-c",
                "10.1.0.0/16",
                Target::Peering("pcx-ac".into()),
            )],
            "And now?",
            Ask::Reach,
        )
        .finish()
}

fn cidr_and_routes() -> Scripted {
    Script::new("cidr-and-routes", "Addresses, routes and blackholes")
        .ask(
            "The article's VPC, with the local route corrected to 10.0.0.0/16.",
            vec![load(PresetId::Article)],
            "How many addresses can instances use in 10.0.1.0/24?",
            Ask::Usable("subnet-public-a"),
        )
        .ask(
            "A request from the internet to web-a's public address.",
            vec![trace(Endpoint::Internet, inst("web-a"), 80)],
            "What destination address does web-a see?",
            Ask::DestSeen,
        )
        .ask(
            "sg-app allows port 8080 from members of sg-web.",
            vec![trace(inst("web-a"), inst("app-a"), 8080)],
            "Can web-a reach app-a on 8080?",
            Ask::Reach,
        )
        .ask(
            "Try app-a straight from the internet.",
            vec![trace(Endpoint::Internet, inst("app-a"), 8080)],
            "Can the internet reach app-a?",
            Ask::Reach,
        )
        .ask(
            "Delete nat-a. rt-2a keeps its route, now pointing at nothing.",
            vec![
                Action::DeleteNat {
                    nat: "nat-a".into(),
                },
                trace(inst("app-a"), Endpoint::Internet, 443),
            ],
            "Can app-a still reach the internet?",
            Ask::Reach,
        )
        .ask(
            "Delete the internet gateway ig-1 as well.",
            vec![
                Action::DeleteIgw { igw: "ig-1".into() },
                trace(Endpoint::Internet, inst("web-b"), 80),
            ],
            "Can the internet still reach web-b?",
            Ask::Reach,
        )
        .finish()
}
