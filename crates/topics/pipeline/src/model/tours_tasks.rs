//! "Your turn": a tour of tasks. The reader edits the config and files the
//! gameday until the model says the goal holds (`goals`); "Do it for me"
//! applies the solution.

use super::action::Action;
use super::gameday::{FailureClass, FailureKind, Remediation};
use super::goals::{canary_beside_production, CANARY_BEFORE_PRODUCTION, GAMEDAY_FILED_RIGHT};
use super::presets::Preset;
use super::tour_script::{Script, ScriptedTour};

pub(super) fn your_turn() -> ScriptedTour {
    Script::new("your-turn", "Your turn: order the targets, file the gameday")
        .seed("Order is the pipeline's first safety net, and filing gamedays by class stops repeat incidents.")
        .task(
            "In this config, canary and production both wait only for staging, so a bad build can reach production while the canary is still deciding. Edit the config so that production waits for the canary.",
            vec![Action::EditConfig(canary_beside_production())],
            CANARY_BEFORE_PRODUCTION,
            "In the production target, make depends_on name \"canary\" instead of \"staging\".",
            vec![Action::EditConfig(Preset::Airbnb.toml().into())],
        )
        .task(
            "A gameday: the new version has a slow path that only real traffic hits. The release has run as far as the pipeline let it. File the incident with the class a careful responder would give it and a fix that fits that class.",
            vec![
                Action::InjectFailure(FailureKind::LatencySpike),
                Action::RunUntilBlocked,
            ],
            GAMEDAY_FILED_RIGHT,
            "Nothing crashed and no config broke: the service got slow. Slowness is a performance failure, and the fix that fits checks latency during the canary.",
            vec![Action::Classify {
                class: FailureClass::Performance,
                remediation: Remediation::LatencyCheckInCanary,
            }],
        )
        .step(
            "Order is the pipeline's first safety net: each target proves the build before the next one sees it. Filing each gameday with its class is what lets the same incident happen only once.",
            vec![],
        )
        .finish()
}
