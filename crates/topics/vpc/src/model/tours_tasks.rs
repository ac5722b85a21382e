//! "Your turn": a tour of tasks. The reader works the diagram until the
//! model says the goal holds (`goals`); "Do it for me" applies the solution.

use techshack_core::tour;

use super::goals::{APP_B_OUT_WITH_AZ_A_DOWN, WEB_A_ROUND_TRIP};
use super::packet::Endpoint;
use super::playground::Playground;
use super::presets::PresetId;
use super::tour_actions::{ephemeral_rule, fail, inst, load, nat_gateway_for_az_b, trace};
use super::tour_answers::Ask;
use super::tours::Scripted;

pub(super) fn your_turn() -> Scripted {
    tour::Script::<Playground, Ask>::new("your-turn", "Your turn: fix the network")
        .seed("Design for a failed zone, and let replies out as well as requests in.")
        .task(
            "One NAT gateway in AZ a serves every private subnet, and AZ a has just failed: app-b in AZ b is cut off from the internet. Make app-b reach the internet again while AZ a stays down.",
            vec![
                load(PresetId::SingleNat),
                fail("us-east-1a", true),
                trace(inst("app-b"), Endpoint::Internet, 443),
            ],
            APP_B_OUT_WITH_AZ_A_DOWN,
            "app-b's subnet uses route table rt-2b. Add a NAT gateway in AZ b's public subnet, then point rt-2b's 0.0.0.0/0 route at it.",
            nat_gateway_for_az_b(),
        )
        .task(
            "acl-public allows ports 80 and 443 in and out of the public subnets, and nothing else. A browser's request reaches web-a, but the reply, going to the browser's port 49152, does not get out. Fix the network ACL so the round trip works.",
            vec![
                load(PresetId::LockedNacl),
                trace(Endpoint::Internet, inst("web-a"), 80),
            ],
            WEB_A_ROUND_TRIP,
            "Network ACLs are stateless: the reply is checked on its own. Allow outbound TCP 1024-65535 on acl-public.",
            vec![ephemeral_rule(true)],
        )
        .step(
            "A NAT gateway lives in one AZ, so a design that must survive an AZ needs one per AZ; an ACL must let replies out as well as requests in. The other tours walk through both.",
            vec![],
        )
        .finish()
}
