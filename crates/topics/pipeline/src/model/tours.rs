//! Guided tours. Every answer is computed from the model while the tour is
//! built: the core's `Script` plays each step on a live playground.

use techshack_core::tour::Tour;

use super::action::Action;
use super::gameday::{FailureClass, FailureKind, Remediation};
use super::presets::Preset;
use super::status::TargetStatus;
use super::tour_answers as ans;
use super::tour_guesses as guess;
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
    s.seed("Airbnb's pipelines order targets and disable the ones whose dependencies are not deployed yet.");
    s.step(
        "Airbnb's pipeline: four targets, each waiting on the one before.",
        vec![Action::LoadPreset(Preset::Airbnb)],
    );
    s.bet(
        "Next, start releasing v43 (a good build).",
        vec![],
        "Which targets start deploying at once?",
        vec![Action::StartRelease { bad_build: false }],
        guess::first_movers,
        ans::enabled_now,
    );
    s.bet(
        "Next, the minutes run until something needs a person.",
        vec![],
        "The release will stop by itself. Where?",
        vec![Action::RunUntilBlocked],
        guess::airbnb_stop,
        ans::where_it_waits,
    );
    s.step(
        "Approve production: the manual gate opens.",
        vec![Action::Approve("production".into())],
    );
    s.bet(
        "Next, run to the end.",
        vec![],
        "How long will the whole release have taken?",
        vec![Action::RunUntilBlocked],
        guess::release_length,
        ans::release_summary,
    );
    s.bet(
        "The same pipeline can be written as a GitHub Actions workflow (Export).",
        vec![],
        "Which keyword carries depends_on there?",
        vec![],
        guess::yaml_keyword,
        ans::yaml_needs,
    );
    s.finish()
}

/// Whether the release's canary serves real users yet.
fn canary_has_users(pg: &super::playground::Playground) -> bool {
    pg.canary_traffic().is_some_and(|w| w > 0)
        || pg.release().is_some_and(|r| r.trips().next().is_some())
}

fn canary() -> ScriptedTour {
    let mut s = Script::new("canary", "A bad build meets the canary");
    s.seed(
        "A canary meets real traffic first, and a failing one rolls back before most users notice.",
    );
    s.step(
        "v43 has a bug that only real users' traffic triggers.",
        vec![Action::StartRelease { bad_build: true }],
    );
    // The run stops where the canary first takes real users, so each of
    // the next two bets has its own reveal: dev and staging's verdict, then
    // what the canary's failure does to its traffic.
    let to_canary = minutes_until(s.playground(), canary_has_users);
    s.bet(
        "Next, run it through dev and staging.",
        vec![],
        "Do dev and staging catch the bug?",
        vec![Action::Advance { minutes: to_canary }],
        guess::past_staging,
        ans::reached_canary,
    );
    s.bet(
        "The canary serves real users now, and its analysis is about to fail. Next, run until the release stops.",
        vec![],
        "Where will the canary's weight go?",
        vec![Action::RunUntilBlocked],
        guess::canary_weight_after,
        ans::canary_abort,
    );
    let damage = ans::budget_used(s.playground(), s.playground());
    s.step(
        format!("Count the damage in the error budget: the users the canary served cost {damage}"),
        vec![],
    );
    let manual = Preset::Airbnb
        .toml()
        .replace("mode = \"automatic\"", "mode = \"manual\"");
    s.bet(
        "Switch the rollback policy to manual and ship the bad build again.",
        vec![
            Action::EditConfig(manual),
            Action::StartRelease { bad_build: true },
        ],
        "Without automatic rollback, once this release has stopped, can the next one go out?",
        vec![Action::RunUntilBlocked],
        guess::next_release,
        ans::blocker,
    );
    s.bet(
        "Next, press Rollback.",
        vec![],
        "Which targets will the rollback put back?",
        vec![Action::Rollback],
        guess::rolled_back_targets,
        ans::what_rollback_undid,
    );
    s.finish()
}

fn cowboy() -> ScriptedTour {
    let mut s = Script::new("cowboy", "Cowboy mode: straight to production");
    s.seed("Skipping the pipeline sends a bad build to everyone at once.");
    s.bet(
        "Next, set a 99.99% availability target.",
        vec![],
        "How much downtime will it allow per 30 days?",
        vec![Action::SetSlo(99.99)],
        guess::month_allowance,
        ans::budget_30d,
    );
    s.bet(
        "Next, deploy a bad build straight to production, skipping the pipeline.",
        vec![],
        "What fraction of users will get the bad build?",
        vec![Action::CowboyDeploy { bad_build: true }],
        guess::users_hit,
        ans::affected_now,
    );
    s.bet(
        "Next, three minutes pass.",
        vec![],
        "How much of the budget will be left?",
        vec![Action::Advance { minutes: 3 }],
        guess::budget_remaining,
        ans::budget_left,
    );
    s.bet(
        "Next, two more minutes.",
        vec![],
        "Can you then ship a fix through the pipeline?",
        vec![Action::Advance { minutes: 2 }],
        guess::next_release,
        ans::blocker,
    );
    s.bet(
        "Next, roll back.",
        vec![],
        "Which targets will the rollback put back?",
        vec![Action::Rollback],
        guess::rolled_back_targets,
        ans::what_rollback_undid,
    );
    s.bet(
        "A new budget window opens; ship the good build the careful way.",
        vec![
            Action::NewBudgetWindow,
            Action::StartRelease { bad_build: false },
        ],
        "Where will it stop?",
        vec![Action::RunUntilBlocked],
        guess::airbnb_stop,
        ans::where_it_waits,
    );
    s.finish()
}

fn monorepo() -> ScriptedTour {
    let mut s = Script::new("monorepo", "A monorepo fanning out to regions");
    s.seed("One build can fan out to several regions, each a target with its own gate.");
    s.bet(
        "Next, a monorepo's pipeline: one build, three production regions.",
        vec![],
        "How many columns will its graph have?",
        vec![Action::LoadPreset(Preset::Monorepo)],
        guess::column_count,
        ans::columns,
    );
    s.bet(
        "Release a good build.",
        vec![Action::StartRelease { bad_build: false }],
        "Where will it stop?",
        vec![Action::RunUntilBlocked],
        guess::monorepo_stop,
        ans::where_it_waits,
    );
    s.step(
        "Approve the canary.",
        vec![Action::Approve("canary".into())],
    );
    let k = minutes_until(s.playground(), |pg| {
        pg.statuses().get(3) == Some(&TargetStatus::Baking)
    });
    s.bet(
        "Next, let the regions start baking.",
        vec![],
        "How many targets will be deploying at once?",
        vec![Action::Advance { minutes: k }],
        guess::busy_at_once,
        ans::busy_count,
    );
    s.bet(
        "A node in prod-us-east dies mid-bake.",
        vec![Action::InjectFailure(FailureKind::NodeTerminated)],
        "on_failure is \"pipeline\". What will be rolled back?",
        vec![Action::RunUntilBlocked],
        guess::pipeline_rollback,
        ans::rolled_back,
    );
    s.bet(
        "Next, classify it: capacity, with N+1 headroom as the fix.",
        vec![],
        "Will the incident log call it a repeat?",
        vec![Action::Classify {
            class: FailureClass::Capacity,
            remediation: Remediation::CapacityHeadroom,
        }],
        guess::repeat_incident,
        ans::repeat_and_versions,
    );
    s.finish()
}
