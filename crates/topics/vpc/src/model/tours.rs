//! Guided tours. Every question is a bet: the step sets the scene, the
//! reader bets, and only then does the step's reveal (usually the trace)
//! run. The right choice and the explanation are computed by replaying the
//! tour on a playground (the core's `Script`) and asking the tracer, so the
//! text always matches the model.

use techshack_core::tour::{self, Guess, Tour};

use super::action::Action;
use super::layout::Target;
use super::packet::{ComponentKind, Endpoint, Matched};
use super::playground::Playground;
use super::presets::PresetId;
use super::tour_actions::{ephemeral_rule, fail, inst, load, route, trace};
use super::tour_answers::{blocked_at, nat_hop, outcome, Ask, Outcome};

/// A VPC tour being written, played on a live playground.
type Script = tour::Script<Playground, Ask>;
/// A VPC tour with the question behind each answer (for the replay tests).
pub(super) type Scripted = tour::Scripted<Playground, Ask>;

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
        super::tours_cidr::cidr_and_routes(),
    ]
}

/// A bet's choices, each with whether the model makes it true; the right
/// one is the first that holds. (None holding leaves `right` out of range,
/// which the replay test reports.)
pub(super) fn pick(choices: &[(&str, bool)]) -> Guess {
    let texts: Vec<&str> = choices.iter().map(|(c, _)| *c).collect();
    let right = choices
        .iter()
        .position(|(_, holds)| *holds)
        .unwrap_or(choices.len());
    Guess::choice(&texts, right)
}

/// Whether the current trace ends as `how`.
pub(super) fn ends(pg: &Playground, how: Outcome) -> bool {
    outcome(pg) == how
}

/// Which way the traced instance's internet traffic leaves: a NAT gateway
/// in its own AZ, one in another AZ, or none.
fn nat_guess(pg: &Playground) -> Guess {
    let nat = pg
        .trace()
        .ok()
        .map(|t| nat_hop(&t).map(|(_, crossing)| crossing));
    pick(&[
        ("A NAT gateway in its own AZ", nat == Some(Some(false))),
        ("A NAT gateway in another AZ", nat == Some(Some(true))),
        (
            "None: it goes straight out the internet gateway",
            nat == Some(None),
        ),
    ])
}

fn nat_per_az() -> Scripted {
    let out = |id: &str| trace(inst(id), Endpoint::Internet, 443);
    Script::new("nat-per-az", "One NAT gateway, or one per AZ?")
        .seed("A NAT gateway serves only its own availability zone, so one per zone keeps an outage inside its zone.")
        .bet(
            "Private instances reach the internet through a NAT gateway. In this layout each AZ has its own, and app-b lives in us-east-1b.",
            vec![load(PresetId::Article)],
            "Which way will app-b's traffic to the internet go?",
            vec![out("app-b")],
            |_, pg| nat_guess(pg),
            Ask::NatPath,
        )
        .bet(
            "Next, availability zone us-east-1a will fail.",
            vec![],
            "Will app-b still reach the internet?",
            vec![fail("us-east-1a", true)],
            |_, pg| pick(&[("No", !ends(pg, Outcome::Both)), ("Yes", ends(pg, Outcome::Both))]),
            Ask::Reach,
        )
        .bet(
            "Next, the cheap layout: a single NAT gateway for the whole VPC, with every AZ back up.",
            vec![],
            "Which way will app-b's traffic to the internet go then?",
            vec![load(PresetId::SingleNat), out("app-b")],
            |_, pg| nat_guess(pg),
            Ask::NatPath,
        )
        .bet(
            "Next, us-east-1a will fail again.",
            vec![],
            "Will app-b, in us-east-1b, still reach the internet?",
            vec![fail("us-east-1a", true)],
            |_, pg| {
                pick(&[
                    ("No", !ends(pg, Outcome::Both)),
                    ("Yes: its own AZ is still up", ends(pg, Outcome::Both)),
                ])
            },
            Ask::Reach,
        )
        .bet(
            "AZ b gets its own NAT gateway, nat-b. Next, rt-2b's default route will point at it instead of nat-a.",
            vec![Action::AddNat {
                id: "nat-b".into(),
                subnet: "subnet-public-b".into(),
                private_ip: "10.0.2.5".into(),
                elastic_ip: "198.51.100.2".into(),
            }],
            "us-east-1a is still down. Will app-b reach the internet then?",
            vec![
                Action::RemoveRoute {
                    table: "rt-2b".into(),
                    destination: "0.0.0.0/0".into(),
                },
                route("rt-2b", "0.0.0.0/0", Target::Nat("nat-b".into())),
            ],
            |_, pg| pick(&[("No", !ends(pg, Outcome::Both)), ("Yes", ends(pg, Outcome::Both))]),
            Ask::Reach,
        )
        .bet(
            "app-c lives in us-east-1c, and its table still sends internet traffic to nat-a.",
            vec![],
            "Will app-c reach the internet?",
            vec![out("app-c")],
            |_, pg| {
                pick(&[
                    ("Yes: nat-b takes over", ends(pg, Outcome::Both)),
                    ("No: it still depends on nat-a", blocked_at(pg, "nat-a", "BAD_STATE", false)),
                ])
            },
            Ask::Reach,
        )
        .bet(
            "app-a lives in the failed AZ itself.",
            vec![],
            "Will app-a reach the internet?",
            vec![out("app-a")],
            |_, pg| {
                pick(&[
                    ("No: it is down with its AZ", blocked_at(pg, "app-a", "BAD_STATE", false)),
                    ("Yes, through another AZ's NAT gateway", ends(pg, Outcome::Both)),
                ])
            },
            Ask::Reach,
        )
        .finish()
}

fn ephemeral_ports() -> Scripted {
    let web = trace(Endpoint::Internet, inst("web-a"), 80);
    Script::new("ephemeral-ports", "The ACL that forgot ephemeral ports")
        .seed("Network ACLs are stateless, so replies need the ephemeral ports opened as well.")
        .bet(
            "Next, a layout whose network ACL acl-public allows ports 80 and 443 in and out of the public subnets, and nothing else.",
            vec![],
            "What will happen to a request from the internet to web-a on port 80?",
            vec![load(PresetId::LockedNacl), web.clone()],
            |_, pg| {
                pick(&[
                    ("It is blocked on the way in", ends(pg, Outcome::RequestBlocked)),
                    ("It arrives, but the reply is blocked", ends(pg, Outcome::ReplyBlocked)),
                    ("It arrives and the reply gets back", ends(pg, Outcome::Both)),
                ])
            },
            Ask::Reach,
        )
        .step(
            "ACLs are stateless: the reply is checked on its own, going out to the client's port 49152, and acl-public allows no such port out.",
            Vec::new(),
        )
        .bet(
            "Next, acl-public will allow outbound TCP 1024-65535, the ephemeral ports that replies go to.",
            vec![],
            "Will the round trip work then?",
            vec![ephemeral_rule(true)],
            |_, pg| {
                pick(&[
                    ("Yes", ends(pg, Outcome::Both)),
                    ("No: the request is blocked now", ends(pg, Outcome::RequestBlocked)),
                    ("No: the reply is still blocked", ends(pg, Outcome::ReplyBlocked)),
                ])
            },
            Ask::Reach,
        )
        .bet(
            "app-a goes out through nat-a, which sits in a public subnet behind acl-public.",
            vec![],
            "Will app-a reach the internet?",
            vec![trace(inst("app-a"), Endpoint::Internet, 443)],
            |_, pg| {
                pick(&[
                    ("Yes, both ways", ends(pg, Outcome::Both)),
                    ("No: the request is blocked", ends(pg, Outcome::RequestBlocked)),
                    ("The request gets out; the reply is blocked", ends(pg, Outcome::ReplyBlocked)),
                ])
            },
            Ask::Reach,
        )
        .bet(
            "Next, acl-public will allow inbound TCP 1024-65535 too, for replies coming back to the NAT gateway.",
            vec![],
            "Will app-a reach the internet then?",
            vec![ephemeral_rule(false)],
            |_, pg| pick(&[("Yes", ends(pg, Outcome::Both)), ("No", !ends(pg, Outcome::Both))]),
            Ask::Reach,
        )
        .bet(
            "Back to web-a, whose reply leaves through its security group sg-web before the ACL.",
            vec![],
            "What will let web-a's reply out of sg-web?",
            vec![web],
            |_, pg| {
                let ret = pg.trace().ok().and_then(|t| {
                    t.ret
                        .hops
                        .iter()
                        .find(|h| h.kind == ComponentKind::SecurityGroup)
                        .and_then(|h| h.matched.clone())
                });
                pick(&[
                    ("An outbound rule of sg-web", matches!(ret, Some(Matched::SgRule { egress: true, .. }))),
                    ("Nothing needs to: the group remembers the request", ret == Some(Matched::Stateful)),
                ])
            },
            Ask::ReturnSg,
        )
        .finish()
}

fn peering_not_transitive() -> Scripted {
    let ssh = |a: &str, b: &str| trace(inst(a), inst(b), 22);
    Script::new("peering-not-transitive", "Peering is not transitive")
        .seed("VPC peering is not transitive: A peered with B and B with C does not connect A to C.")
        .bet(
            "Next, three VPCs: vpc-a peers with vpc-b through pcx-ab, and vpc-b peers with vpc-c.",
            vec![],
            "Will host-a in vpc-a reach host-b in vpc-b over SSH?",
            vec![load(PresetId::Peering), ssh("host-a", "host-b")],
            |_, pg| pick(&[("Yes", ends(pg, Outcome::Both)), ("No", !ends(pg, Outcome::Both))]),
            Ask::Reach,
        )
        .bet(
            "Now from vpc-b to vpc-c.",
            vec![],
            "Will host-b reach host-c?",
            vec![ssh("host-b", "host-c")],
            |_, pg| pick(&[("No", !ends(pg, Outcome::Both)), ("Yes", ends(pg, Outcome::Both))]),
            Ask::Reach,
        )
        .bet(
            "vpc-b is connected to both others.",
            vec![],
            "Will host-a reach host-c through vpc-b?",
            vec![ssh("host-a", "host-c")],
            |_, pg| {
                pick(&[
                    ("Yes, through vpc-b", ends(pg, Outcome::Both)),
                    ("No: the request is blocked", ends(pg, Outcome::RequestBlocked)),
                    ("Only one way: the reply is blocked", ends(pg, Outcome::ReplyBlocked)),
                ])
            },
            Ask::Reach,
        )
        .bet(
            "Next, a route in rt-a will send 10.3.0.0/16, vpc-c's block, into pcx-ab.",
            vec![],
            "Will the request get through vpc-b then?",
            vec![route(
                "rt-a",
                "10.3.0.0/16",
                Target::Peering("pcx-ab".into()),
            )],
            |_, pg| {
                pick(&[
                    ("No: it stops at pcx-ab", blocked_at(pg, "pcx-ab", "DISCONNECTED_VPCS", false)),
                    ("Yes: vpc-b passes it on to vpc-c", !ends(pg, Outcome::RequestBlocked)),
                ])
            },
            Ask::Reach,
        )
        .bet(
            "Next, vpc-a and vpc-c will be peered directly through pcx-ac, and rt-a's route to 10.3.0.0/16 will move onto it.",
            vec![],
            "Will host-a reach host-c then?",
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
            |_, pg| {
                pick(&[
                    ("Yes, both ways", ends(pg, Outcome::Both)),
                    ("No: the request is blocked", ends(pg, Outcome::RequestBlocked)),
                    ("The request arrives; the reply has no way back", ends(pg, Outcome::ReplyBlocked)),
                ])
            },
            Ask::Reach,
        )
        .bet(
            "Next, the route back: 10.1.0.0/16 via pcx-ac in rt-c.",
            vec![],
            "Will host-a reach host-c then?",
            vec![route(
                "rt-c",
                "10.1.0.0/16",
                Target::Peering("pcx-ac".into()),
            )],
            |_, pg| pick(&[("Yes", ends(pg, Outcome::Both)), ("No", !ends(pg, Outcome::Both))]),
            Ask::Reach,
        )
        .finish()
}
