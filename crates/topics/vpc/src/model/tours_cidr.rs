//! The tour of addresses, routes and blackholes (see `tours`).

use techshack_core::tour::{self, Guess};

use super::action::Action;
use super::packet::Endpoint;
use super::playground::Playground;
use super::presets::PresetId;
use super::tour_actions::{inst, load, trace};
use super::tour_answers::{blocked_at, Ask, Outcome};
use super::tours::{ends, pick, Scripted};

type Script = tour::Script<Playground, Ask>;

/// The address web-a sees on a request sent to its public address.
fn dest_guess(pg: &Playground) -> Guess {
    let web = pg.network().instance("web-a");
    let (private, public) = (web.map(|w| w.private_ip), web.and_then(|w| w.public_ip));
    let seen = pg
        .trace()
        .ok()
        .and_then(|t| t.forward.hops.last().map(|h| h.header.dst));
    let show = |ip: Option<std::net::Ipv4Addr>| ip.map_or("none".into(), |ip| ip.to_string());
    let public_text = format!("Its public address, {}", show(public));
    let private_text = format!("Its private address, {}", show(private));
    pick(&[
        (&public_text, seen.is_some() && seen == public),
        ("The internet gateway's address", false),
        (&private_text, seen.is_some() && seen == private),
    ])
}

/// The subnet the tour's first bet adds: small, so its usable count is not
/// one the diagram already shows for a /24.
const BASTION: &str = "subnet-bastion";

pub(super) fn cidr_and_routes() -> Scripted {
    Script::new("cidr-and-routes", "Addresses, routes and blackholes")
        .seed("Subnets carve up the VPC's block, routes pick the longest match, and deleted targets leave blackholes.")
        .bet(
            "The article's VPC, with the local route corrected to 10.0.0.0/16. Next, a small subnet for a bastion host: 10.0.7.0/28 in us-east-1a, 16 addresses.",
            vec![load(PresetId::Article)],
            "How many of them can instances use?",
            vec![Action::AddSubnet {
                id: BASTION.into(),
                vpc: "vpc-123".into(),
                cidr: "10.0.7.0/28".into(),
                az: "us-east-1a".into(),
            }],
            |_, pg| {
                let usable = pg.explain_subnet(BASTION).map(|x| x.usable);
                pick(&[
                    ("16", usable == Some(16)),
                    ("14", usable == Some(14)),
                    ("11", usable == Some(11)),
                    ("8", usable == Some(8)),
                ])
            },
            Ask::Usable(BASTION),
        )
        .bet(
            "app-a's security group, sg-app, allows port 8080 from members of sg-web: a group, not an address range.",
            vec![],
            "Will web-a, a member of sg-web, reach app-a on 8080?",
            vec![trace(inst("web-a"), inst("app-a"), 8080)],
            |_, pg| {
                pick(&[
                    (
                        "No: a rule must name addresses, not a group",
                        blocked_at(pg, "sg-app", "ENI_SG_RULES_MISMATCH", false),
                    ),
                    ("Yes", ends(pg, Outcome::Both)),
                ])
            },
            Ask::Reach,
        )
        .bet(
            "Next, a request from the internet to web-a's public address.",
            vec![],
            "What destination address will web-a see on it?",
            vec![trace(Endpoint::Internet, inst("web-a"), 80)],
            |_, pg| dest_guess(pg),
            Ask::DestSeen,
        )
        .bet(
            "Next, app-a straight from the internet.",
            vec![],
            "Will the internet reach app-a on 8080?",
            vec![trace(Endpoint::Internet, inst("app-a"), 8080)],
            |_, pg| {
                pick(&[
                    ("Yes: sg-app allows 8080", ends(pg, Outcome::Both)),
                    ("No: the request is blocked", ends(pg, Outcome::RequestBlocked)),
                    ("The request arrives; the reply is lost", ends(pg, Outcome::ReplyBlocked)),
                ])
            },
            Ask::Reach,
        )
        .bet(
            "nat-a is deleted. rt-2a keeps its default route, now pointing at nothing.",
            vec![Action::DeleteNat {
                nat: "nat-a".into(),
            }],
            "Will app-a, in us-east-1a, still reach the internet?",
            vec![trace(inst("app-a"), Endpoint::Internet, 443)],
            |_, pg| {
                pick(&[
                    ("No: its route leads nowhere", blocked_at(pg, "rt-2a", "BAD_STATE_ROUTE", false)),
                    ("Yes, through another AZ's NAT gateway", ends(pg, Outcome::Both)),
                ])
            },
            Ask::Reach,
        )
        .bet(
            "The internet gateway ig-1 is deleted as well.",
            vec![Action::DeleteIgw { igw: "ig-1".into() }],
            "Will the internet still reach web-b, which has a public address?",
            vec![trace(Endpoint::Internet, inst("web-b"), 80)],
            |_, pg| pick(&[("Yes", ends(pg, Outcome::Both)), ("No", !ends(pg, Outcome::Both))]),
            Ask::Reach,
        )
        .finish()
}
