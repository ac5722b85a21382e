//! The goals of the tours' tasks: what the reader must make true, checked
//! against the model after each of their own actions (the panel asks
//! `goal_holds` by name, since tours cross from the extras module as data).
//! Each goal traces its own packet, so changing the tracer's fields does
//! not pass a task.

use super::filters::Protocol;
use super::packet::{Endpoint, TraceSpec, DEFAULT_EPHEMERAL_PORT};
use super::playground::Playground;

/// With us-east-1a down, app-b still opens HTTPS connections to the internet.
pub const APP_B_OUT_WITH_AZ_A_DOWN: &str = "app-b-out-with-az-a-down";
/// A browser's request reaches web-a on port 80 and its reply gets back.
pub const WEB_A_ROUND_TRIP: &str = "web-a-round-trip";

pub fn goal_holds(pg: &Playground, goal: &str) -> Option<bool> {
    let reaches = |src: Endpoint, dst: Endpoint, port: u16| {
        let spec = TraceSpec {
            src,
            dst,
            protocol: Protocol::Tcp,
            port,
            src_port: DEFAULT_EPHEMERAL_PORT,
        };
        pg.trace_of(&spec).is_ok_and(|t| t.reachable)
    };
    match goal {
        APP_B_OUT_WITH_AZ_A_DOWN => Some(
            pg.faults().is_failed("us-east-1a")
                && reaches(Endpoint::Instance("app-b".into()), Endpoint::Internet, 443),
        ),
        WEB_A_ROUND_TRIP => Some(reaches(
            Endpoint::Internet,
            Endpoint::Instance("web-a".into()),
            80,
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tour_actions::{ephemeral_rule, fail, nat_gateway_for_az_b};
    use super::*;
    use crate::model::{Action, PresetId};

    fn act(pg: &mut Playground, actions: &[Action]) {
        for a in actions {
            pg.apply(a).unwrap_or_else(|e| panic!("{a:?}: {e}"));
        }
    }

    #[test]
    fn app_b_needs_a_nat_gateway_of_its_own_when_az_a_is_down() {
        let mut pg = Playground::with_preset(PresetId::SingleNat);
        assert_eq!(
            goal_holds(&pg, APP_B_OUT_WITH_AZ_A_DOWN),
            Some(false),
            "AZ a must be down"
        );
        act(&mut pg, &[fail("us-east-1a", true)]);
        assert_eq!(goal_holds(&pg, APP_B_OUT_WITH_AZ_A_DOWN), Some(false));
        act(&mut pg, &nat_gateway_for_az_b());
        assert_eq!(goal_holds(&pg, APP_B_OUT_WITH_AZ_A_DOWN), Some(true));
    }

    #[test]
    fn web_a_answers_once_the_acl_lets_replies_out() {
        let mut pg = Playground::with_preset(PresetId::LockedNacl);
        assert_eq!(goal_holds(&pg, WEB_A_ROUND_TRIP), Some(false));
        act(&mut pg, &[ephemeral_rule(true)]);
        assert_eq!(goal_holds(&pg, WEB_A_ROUND_TRIP), Some(true));
        assert_eq!(goal_holds(&pg, "no-such-goal"), None);
    }
}
