//! The actions the tours, the task tour and the goals' tests are written
//! with, named for what they do.

use super::action::{AclRuleInput, Action};
use super::filters::{AclAction, Protocol};
use super::layout::Target;
use super::packet::Endpoint;
use super::presets::PresetId;

pub(super) fn inst(id: &str) -> Endpoint {
    Endpoint::Instance(id.into())
}

pub(super) fn trace(src: Endpoint, dst: Endpoint, port: u32) -> Action {
    Action::SetTrace {
        src,
        dst,
        protocol: Protocol::Tcp,
        port,
    }
}

pub(super) fn fail(az: &str, failed: bool) -> Action {
    Action::FailAz {
        az: az.into(),
        failed,
    }
}

pub(super) fn load(preset: PresetId) -> Action {
    Action::LoadPreset { preset }
}

pub(super) fn route(table: &str, destination: &str, target: Target) -> Action {
    Action::AddRoute {
        table: table.into(),
        destination: destination.into(),
        target,
    }
}

pub(super) fn ephemeral_rule(egress: bool) -> Action {
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

/// One way to reach `APP_B_OUT_WITH_AZ_A_DOWN` in the single-NAT layout:
/// a NAT gateway in AZ b's public subnet, and rt-2b's default route to it.
pub(super) fn nat_gateway_for_az_b() -> Vec<Action> {
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
        Action::AddRoute {
            table: "rt-2b".into(),
            destination: "0.0.0.0/0".into(),
            target: Target::Nat("nat-b".into()),
        },
    ]
}
