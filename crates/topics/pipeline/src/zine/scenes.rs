//! The fixed states of the pipeline model the pages are drawn from. Each is
//! the default pipeline (the Airbnb-style preset) after a few actions, so
//! every number a page says is one the model computed.

use crate::model::gameday::{FailureClass, FailureKind, Remediation};
use crate::model::{Action, CanaryStep, EnvironmentKind, Playground};
use techshack_core::sketch::{Anchor, Pen, Zine};

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

/// The canary's traffic steps, then 100%, as labelled bars standing on
/// `base`: the first at `x`, each `gap` further on, 100% drawn `full` tall.
pub(super) fn canary_bars(
    z: &mut Zine,
    pg: &Playground,
    (x, base): (f64, f64),
    gap: f64,
    full: f64,
) {
    let mut weights: Vec<u8> = pg
        .pipeline()
        .target(canary(pg))
        .map(|t| {
            t.canary_steps
                .iter()
                .filter_map(|s| match s {
                    CanaryStep::SetWeight(w) => Some(*w),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    weights.push(100);
    for (i, w) in weights.iter().enumerate() {
        let x = x + i as f64 * gap;
        let h = full * f64::from(*w) / 100.0;
        z.rect(x, base - h, 52.0, h, &Pen::ink().fill("var(--accent)"));
        z.text(
            (x + 26.0, base - h - 8.0),
            &format!("{w}%"),
            15.0,
            Anchor::Middle,
        );
    }
}
