//! The fixed states of the pipeline model the pages are drawn from. Each is
//! the default pipeline (the Airbnb-style preset) after a few actions, so
//! every number a page says is one the model computed.

use crate::model::gameday::{FailureClass, FailureKind, Remediation};
use crate::model::{Action, EnvironmentKind, Playground};

/// The default playground after `actions`. The scripts are fixed and the
/// pages' tests check the figures they lead to, so a refused action (which
/// changes nothing) shows up there rather than here.
pub(super) fn after(actions: &[Action]) -> Playground {
    let mut pg = Playground::default();
    for a in actions {
        let _ = pg.apply(a);
    }
    pg
}

/// A bad build released through the pipeline until it stops: the canary
/// trips and is rolled back. `slo` is the availability target in percent.
pub(super) fn bad_canary(slo: f64) -> Playground {
    after(&[
        Action::SetSlo(slo),
        Action::StartRelease { bad_build: true },
        Action::RunUntilBlocked,
    ])
}

/// A good build released until the manual gate before production.
pub(super) fn at_the_gate() -> Playground {
    after(&[
        Action::StartRelease { bad_build: false },
        Action::RunUntilBlocked,
    ])
}

/// The same gameday run twice, each filed as a config failure: the log
/// flags the second as a repeat.
pub(super) fn gamedays(times: usize) -> Playground {
    let once = [
        Action::InjectFailure(FailureKind::BadConfig),
        Action::RunUntilBlocked,
        Action::Classify {
            class: FailureClass::Config,
            remediation: Remediation::ValidateConfigInCi,
        },
    ];
    let actions: Vec<Action> = once.iter().cycle().take(3 * times).cloned().collect();
    after(&actions)
}

/// The canary target's index in the pipeline.
pub(super) fn canary(pg: &Playground) -> usize {
    let ts = pg.pipeline().targets();
    ts.iter()
        .position(|t| t.environment == EnvironmentKind::Canary)
        .unwrap_or(0)
}
