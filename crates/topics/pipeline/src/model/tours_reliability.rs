//! Tours on reliability practice: error budgets, gamedays, and validation
//! that never lets a broken config replace a working one.

use super::action::Action;
use super::gameday::{FailureClass, FailureKind, Remediation};
use super::presets::Preset;
use super::tour_answers as ans;
use super::tour_script::{minutes_until, Script, ScriptedTour};

pub(super) fn budget() -> ScriptedTour {
    let mut s = Script::new("error-budget", "Error budgets: what the nines allow");
    s.ask(
        "Set the target to 99.99%.",
        vec![Action::SetSlo(99.99)],
        "How many minutes of downtime a week does 99.99% allow?",
        ans::budget_week,
    );
    s.ask(
        "Now 99.9%.",
        vec![Action::SetSlo(99.9)],
        "How much per 30 days?",
        ans::budget_30d,
    );
    s.ask(
        "Now 99%.",
        vec![Action::SetSlo(99.0)],
        "How much per year?",
        ans::budget_year,
    );
    s.ask(
        "Five nines.",
        vec![Action::SetSlo(99.999)],
        "How much per year?",
        ans::budget_year,
    );
    s.ask(
        "Back to 99.9%, and release a bad build through the pipeline.",
        vec![
            Action::SetSlo(99.9),
            Action::StartRelease { bad_build: true },
            Action::RunUntilBlocked,
        ],
        "How much of the 30-day budget did it burn?",
        ans::budget_used,
    );
    s.ask(
        "Now push the same bad build cowboy-style and leave it for 10 minutes.",
        vec![
            Action::CowboyDeploy { bad_build: true },
            Action::Advance { minutes: 10 },
        ],
        "How much budget is gone now?",
        ans::budget_used,
    );
    s.step("Roll it back.", vec![Action::Rollback]);
    s.finish()
}

pub(super) fn gameday() -> ScriptedTour {
    let mut s = Script::new(
        "gameday",
        "Gamedays: break it on purpose, have incidents only once",
    );
    s.ask(
        "Gameday 1: push an invalid config.",
        vec![
            Action::InjectFailure(FailureKind::BadConfig),
            Action::RunUntilBlocked,
        ],
        "Where does the pipeline catch it?",
        ans::gameday_result,
    );
    s.step(
        "Classify it as a config failure; fix: validate configs in CI.",
        vec![Action::Classify {
            class: FailureClass::Config,
            remediation: Remediation::ValidateConfigInCi,
        }],
    );
    s.ask(
        "Gameday 2: ship a latency spike.",
        vec![
            Action::InjectFailure(FailureKind::LatencySpike),
            Action::RunUntilBlocked,
        ],
        "Staging allows 500 ms at p99. Who catches the spike?",
        ans::gameday_result,
    );
    s.step(
        "Classify: performance; fix: a latency check in canary analysis.",
        vec![Action::Classify {
            class: FailureClass::Performance,
            remediation: Remediation::LatencyCheckInCanary,
        }],
    );
    s.step(
        "Start a good release.",
        vec![Action::StartRelease { bad_build: false }],
    );
    let k = minutes_until(s.playground(), |pg| {
        pg.release().is_some_and(|r| r.new_traffic(2) > 0)
    });
    s.ask(
        "Gameday 3: while the canary takes traffic, a node dies.",
        vec![
            Action::Advance { minutes: k },
            Action::InjectFailure(FailureKind::NodeTerminated),
            Action::RunUntilBlocked,
        ],
        "What does the pipeline do with a good build on a sick node?",
        ans::gameday_result,
    );
    s.step(
        "Classify: capacity; fix: N+1 capacity.",
        vec![Action::Classify {
            class: FailureClass::Capacity,
            remediation: Remediation::CapacityHeadroom,
        }],
    );
    s.ask(
        "Gameday 4: another invalid config.",
        vec![
            Action::InjectFailure(FailureKind::BadConfig),
            Action::RunUntilBlocked,
            Action::Classify {
                class: FailureClass::Config,
                remediation: Remediation::ValidateConfigInCi,
            },
        ],
        "What does the incident log say?",
        ans::repeat_flag,
    );
    s.finish()
}

pub(super) fn broken() -> ScriptedTour {
    let mut s = Script::new("broken-config", "Validation: a broken config never wins");
    s.step(
        "The Airbnb pipeline is in force.",
        vec![Action::LoadPreset(Preset::Airbnb)],
    );
    s.ask(
        "Load a config with a cycle.",
        vec![Action::LoadPreset(Preset::BrokenCycle)],
        "Which pipeline is in force now?",
        ans::in_force,
    );
    s.ask(
        "Read the errors.",
        vec![],
        "What does the cycle error say, and where?",
        ans::first_error,
    );
    let typo = Preset::Airbnb
        .toml()
        .replacen("depends_on = [\"dev\"]", "depnds_on = [\"dev\"]", 1);
    s.ask(
        "Misspell a field.",
        vec![Action::EditConfig(typo)],
        "What does validation say?",
        ans::first_error,
    );
    let bad = Preset::Airbnb
        .toml()
        .replace("{ set_weight = 50 }", "{ set_weight = 5 }")
        .replace("max_error_rate = 0.05", "max_error_rate = 5");
    s.ask(
        "Lower a canary weight and write 5 instead of 0.05.",
        vec![Action::EditConfig(bad)],
        "How many errors, and which?",
        ans::all_errors,
    );
    s.ask(
        "Load the monorepo preset.",
        vec![Action::LoadPreset(Preset::Monorepo)],
        "What happened to the errors?",
        ans::in_force,
    );
    s.finish()
}
