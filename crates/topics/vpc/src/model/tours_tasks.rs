//! "Your turn": a tour of tasks. The reader works the diagram until the
//! model says the goal holds (`goals`); "Do it for me" applies the solution.

use techshack_core::tour;

use super::action::{AclRuleInput, Action};
use super::filters::{AclAction, Protocol};
use super::goals::{nat_gateway_for_az_b, APP_B_OUT_WITH_AZ_A_DOWN, WEB_A_ROUND_TRIP};
use super::packet::Endpoint;
use super::playground::Playground;
use super::presets::PresetId;
use super::tour_answers::Ask;
use super::tours::Scripted;

fn trace(src: Endpoint, dst: Endpoint, port: u32) -> Action {
    Action::SetTrace {
        src,
        dst,
        protocol: Protocol::Tcp,
        port,
    }
}

pub(super) fn your_turn() -> Scripted {
    tour::Script::<Playground, Ask>::new("your-turn", "Your turn: fix the network")
        .task(
            "One NAT gateway in AZ a serves every private subnet, and AZ a has just failed: app-b in AZ b is cut off from the internet. Make app-b reach the internet again while AZ a stays down.",
            vec![
                Action::LoadPreset { preset: PresetId::SingleNat },
                Action::FailAz { az: "us-east-1a".into(), failed: true },
                trace(Endpoint::Instance("app-b".into()), Endpoint::Internet, 443),
            ],
            APP_B_OUT_WITH_AZ_A_DOWN,
            "app-b's subnet uses route table rt-2b. Add a NAT gateway in AZ b's public subnet, then point rt-2b's 0.0.0.0/0 route at it.",
            nat_gateway_for_az_b(),
        )
        .task(
            "acl-public allows ports 80 and 443 in and out of the public subnets, and nothing else. A browser's request reaches web-a, but the reply, going to the browser's port 49152, does not get out. Fix the network ACL so the round trip works.",
            vec![
                Action::LoadPreset { preset: PresetId::LockedNacl },
                trace(Endpoint::Internet, Endpoint::Instance("web-a".into()), 80),
            ],
            WEB_A_ROUND_TRIP,
            "Network ACLs are stateless: the reply is checked on its own. Allow outbound TCP 1024-65535 on acl-public.",
            vec![Action::AddNaclRule {
                acl: "acl-public".into(),
                rule: AclRuleInput {
                    number: 120,
                    egress: true,
                    action: AclAction::Allow,
                    protocol: Protocol::Tcp,
                    from_port: 1024,
                    to_port: 65535,
                    cidr: "0.0.0.0/0".into(),
                },
            }],
        )
        .step(
            "A NAT gateway lives in one AZ, so a design that must survive an AZ needs one per AZ; an ACL must let replies out as well as requests in. The other tours walk through both.",
            vec![],
        )
        .finish()
}
