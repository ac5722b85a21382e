//! Tours on reliability practice: error budgets, gamedays, and validation
//! that never lets a broken config replace a working one.

use super::action::Action;
use super::gameday::{FailureClass, FailureKind, Remediation};
use super::presets::Preset;
use super::tour_answers as ans;
use super::tour_guesses as guess;
use super::tour_script::{minutes_until, Script, ScriptedTour};

pub(super) fn budget() -> ScriptedTour {
    let mut s = Script::new("error-budget", "Error budgets: what the nines allow");
    s.seed("99.99% allows about a minute of downtime a week: the error budget is 1 − target.");
    s.bet(
        "Next, set the target to 99.99%.",
        vec![],
        "How much downtime a week will 99.99% allow?",
        vec![Action::SetSlo(99.99)],
        guess::week_allowance,
        ans::budget_week,
    );
    s.bet(
        "Next, 99.9%.",
        vec![],
        "How much downtime per 30 days?",
        vec![Action::SetSlo(99.9)],
        guess::month_allowance,
        ans::budget_30d,
    );
    s.bet(
        "Next, 99%.",
        vec![],
        "How much downtime per year?",
        vec![Action::SetSlo(99.0)],
        guess::year_allowance_two_nines,
        ans::budget_year,
    );
    s.bet(
        "Next, five nines: 99.999%.",
        vec![],
        "How much downtime per year?",
        vec![Action::SetSlo(99.999)],
        guess::year_allowance_five_nines,
        ans::budget_year,
    );
    s.bet(
        "Back to 99.9%, and release a bad build through the pipeline.",
        vec![
            Action::SetSlo(99.9),
            Action::StartRelease { bad_build: true },
        ],
        "How much of the 30-day budget will it burn by the time the release stops?",
        vec![Action::RunUntilBlocked],
        guess::budget_burnt,
        ans::budget_used,
    );
    s.bet(
        "Now push the same bad build cowboy-style.",
        vec![Action::CowboyDeploy { bad_build: true }],
        "Left for 10 minutes, how much of the budget will be gone?",
        vec![Action::Advance { minutes: 10 }],
        guess::budget_burnt,
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
    s.seed("Run gamedays, classify each failure, and have each incident only once.");
    s.bet(
        "Gameday 1: push an invalid config.",
        vec![Action::InjectFailure(FailureKind::BadConfig)],
        "Where will the pipeline catch it?",
        vec![Action::RunUntilBlocked],
        guess::gameday_catch,
        ans::gameday_result,
    );
    s.step(
        "Classify it as a config failure; fix: validate configs in CI.",
        vec![Action::Classify {
            class: FailureClass::Config,
            remediation: Remediation::ValidateConfigInCi,
        }],
    );
    s.bet(
        "Gameday 2: ship a latency spike. Staging allows 500 ms at p99.",
        vec![Action::InjectFailure(FailureKind::LatencySpike)],
        "Who will catch the spike?",
        vec![Action::RunUntilBlocked],
        guess::gameday_catch,
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
    s.bet(
        "Gameday 3: while the canary takes traffic, a node dies.",
        vec![
            Action::Advance { minutes: k },
            Action::InjectFailure(FailureKind::NodeTerminated),
        ],
        "What will the pipeline do with a good build on a sick node?",
        vec![Action::RunUntilBlocked],
        guess::sick_node,
        ans::gameday_result,
    );
    s.step(
        "Classify: capacity; fix: N+1 capacity.",
        vec![Action::Classify {
            class: FailureClass::Capacity,
            remediation: Remediation::CapacityHeadroom,
        }],
    );
    s.bet(
        "Gameday 4: another invalid config, caught and classified as a config failure.",
        vec![],
        "What will the incident log call it?",
        vec![
            Action::InjectFailure(FailureKind::BadConfig),
            Action::RunUntilBlocked,
            Action::Classify {
                class: FailureClass::Config,
                remediation: Remediation::ValidateConfigInCi,
            },
        ],
        guess::repeat_incident,
        ans::repeat_flag,
    );
    s.finish()
}

pub(super) fn broken() -> ScriptedTour {
    let mut s = Script::new("broken-config", "Validation: a broken config never wins");
    s.seed("Pipelines are config checked against a spec, so a broken config never replaces a working one.");
    s.step(
        "The Airbnb pipeline is in force.",
        vec![Action::LoadPreset(Preset::Airbnb)],
    );
    s.bet(
        "Next, load a config with a cycle.",
        vec![],
        "Which pipeline will be in force?",
        vec![Action::LoadPreset(Preset::BrokenCycle)],
        guess::import_kept,
        ans::in_force,
    );
    // What the editor says is on screen once the config is loaded: the
    // tour says it rather than asking it.
    let error = ans::first_error(s.playground(), s.playground());
    s.step(format!("Read the errors under the editor: {error}"), vec![]);
    let typo = Preset::Airbnb
        .toml()
        .replacen("depends_on = [\"dev\"]", "depnds_on = [\"dev\"]", 1);
    s.bet(
        "Next, misspell a field: depnds_on.",
        vec![],
        "What will validation say?",
        vec![Action::EditConfig(typo)],
        guess::typo_verdict,
        ans::first_error,
    );
    let bad = Preset::Airbnb
        .toml()
        .replace("{ set_weight = 50 }", "{ set_weight = 5 }")
        .replace("max_error_rate = 0.05", "max_error_rate = 5");
    s.bet(
        "Next, lower a canary weight, and write 5 instead of 0.05.",
        vec![],
        "How many errors will validation report?",
        vec![Action::EditConfig(bad)],
        guess::error_count,
        ans::all_errors,
    );
    s.bet(
        "Next, load the monorepo preset.",
        vec![],
        "What will happen to the errors?",
        vec![Action::LoadPreset(Preset::Monorepo)],
        guess::errors_after_valid_import,
        ans::in_force,
    );
    s.finish()
}
