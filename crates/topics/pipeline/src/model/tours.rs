//! Guided tours. Every answer is computed from the model while the tour is
//! built: the core's `Script` plays each step on a live playground.

use techshack_core::tour::Tour;

use super::action::Action;
use super::gameday::{FailureClass, FailureKind, Remediation};
use super::presets::Preset;
use super::status::TargetStatus;
use super::tour_answers as ans;
use super::tour_script::{minutes_until, Script, ScriptedTour};
use super::tours_reliability::{broken, budget, gameday};

/// The tours that ask, then the task tour (which asks nothing; the
/// registry checks its tasks).
pub fn tours() -> Vec<Tour<Action>> {
    let tasks = super::tours_tasks::your_turn();
    scripted_tours()
        .into_iter()
        .chain([tasks])
        .map(|s| s.tour)
        .collect()
}

pub fn scripted_tours() -> Vec<ScriptedTour> {
    vec![
        ordering(),
        canary(),
        cowboy(),
        budget(),
        gameday(),
        monorepo(),
        broken(),
    ]
}

fn ordering() -> ScriptedTour {
    let mut s = Script::new(
        "ordering",
        "Order and gates: dev → staging → canary → production",
    );
    s.ask(
        "Airbnb's pipeline: four targets, each waiting on the one before.",
        vec![Action::LoadPreset(Preset::Airbnb)],
        "Before anything runs, which targets may deploy?",
        ans::enabled_now,
    );
    s.step(
        "Start releasing v43 (a good build).",
        vec![Action::StartRelease { bad_build: false }],
    );
    s.ask(
        "Let the minutes run until something needs a person.",
        vec![Action::RunUntilBlocked],
        "The release stops by itself. Where, and why?",
        ans::where_it_waits,
    );
    s.step(
        "Approve production: the manual gate opens.",
        vec![Action::Approve("production".into())],
    );
    s.ask(
        "Run to the end.",
        vec![Action::RunUntilBlocked],
        "How long did the release take, and what runs where now?",
        ans::release_summary,
    );
    s.ask(
        "The same pipeline as a GitHub Actions workflow.",
        vec![],
        "Which keyword carries depends_on, and what becomes of the manual gate?",
        ans::yaml_needs,
    );
    s.finish()
}

fn canary() -> ScriptedTour {
    let mut s = Script::new("canary", "A bad build meets the canary");
    s.step(
        "v43 has a bug that only real users' traffic triggers.",
        vec![Action::StartRelease { bad_build: true }],
    );
    s.ask(
        "Run until the release stops.",
        vec![Action::RunUntilBlocked],
        "Do dev and staging catch it?",
        ans::who_caught,
    );
    s.ask(
        "Look at the canary's timeline.",
        vec![],
        "What happens when the canary fails at 10% weight?",
        ans::canary_abort,
    );
    s.ask(
        "Count the damage.",
        vec![],
        "How much error budget did the users on the canary cost?",
        ans::budget_used,
    );
    let manual = Preset::Airbnb
        .toml()
        .replace("mode = \"automatic\"", "mode = \"manual\"");
    s.ask(
        "Switch the rollback policy to manual and ship the bad build again.",
        vec![
            Action::EditConfig(manual),
            Action::StartRelease { bad_build: true },
            Action::RunUntilBlocked,
        ],
        "Without automatic rollback, can the next release go out?",
        ans::blocker,
    );
    s.ask(
        "Press Rollback.",
        vec![Action::Rollback],
        "What did the rollback undo?",
        ans::what_rollback_undid,
    );
    s.finish()
}

fn cowboy() -> ScriptedTour {
    let mut s = Script::new("cowboy", "Cowboy mode: straight to production");
    s.ask(
        "Set a 99.99% availability target.",
        vec![Action::SetSlo(99.99)],
        "How much downtime does it allow per 30 days?",
        ans::budget_30d,
    );
    s.ask(
        "Deploy a bad build straight to production, skipping the pipeline.",
        vec![Action::CowboyDeploy { bad_build: true }],
        "What fraction of users get the bad build?",
        ans::affected_now,
    );
    s.ask(
        "Three minutes pass.",
        vec![Action::Advance { minutes: 3 }],
        "How much budget is left?",
        ans::budget_left,
    );
    s.ask(
        "Two more minutes.",
        vec![Action::Advance { minutes: 2 }],
        "Can you ship a fix through the pipeline now?",
        ans::blocker,
    );
    s.ask(
        "Roll back.",
        vec![Action::Rollback],
        "What did the rollback undo?",
        ans::what_rollback_undid,
    );
    s.ask(
        "A new budget window opens; ship the good build the careful way.",
        vec![
            Action::NewBudgetWindow,
            Action::StartRelease { bad_build: false },
            Action::RunUntilBlocked,
        ],
        "Where does it stop?",
        ans::where_it_waits,
    );
    s.finish()
}

fn monorepo() -> ScriptedTour {
    let mut s = Script::new("monorepo", "A monorepo fanning out to regions");
    s.ask(
        "One build, three production regions.",
        vec![Action::LoadPreset(Preset::Monorepo)],
        "How many columns, and what is in the last one?",
        ans::columns,
    );
    s.ask(
        "Release a good build.",
        vec![
            Action::StartRelease { bad_build: false },
            Action::RunUntilBlocked,
        ],
        "Why did it stop?",
        ans::where_it_waits,
    );
    s.step(
        "Approve the canary.",
        vec![Action::Approve("canary".into())],
    );
    let k = minutes_until(s.playground(), |pg| {
        pg.statuses().get(3) == Some(&TargetStatus::Baking)
    });
    s.ask(
        "Let the regions start baking.",
        vec![Action::Advance { minutes: k }],
        "How many targets are deploying at once?",
        ans::busy_count,
    );
    s.ask(
        "A node in prod-us-east dies mid-bake.",
        vec![
            Action::InjectFailure(FailureKind::NodeTerminated),
            Action::RunUntilBlocked,
        ],
        "on_failure is \"pipeline\". What gets rolled back?",
        ans::rolled_back,
    );
    s.ask(
        "Classify it.",
        vec![Action::Classify {
            class: FailureClass::Capacity,
            remediation: Remediation::CapacityHeadroom,
        }],
        "Which version does each target run now?",
        ans::versions,
    );
    s.finish()
}
