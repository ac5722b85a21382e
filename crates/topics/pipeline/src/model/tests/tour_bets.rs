//! Bets before reveals: each tour plays the same actions, in the same order,
//! as it did when its questions were asked after their actions, so it ends
//! where it always did; and a bet's reveal is what produces its answer.

use super::super::action::Action;
use super::super::gameday::{FailureClass, FailureKind, Remediation};
use super::super::playground::Playground;
use super::super::presets::Preset;
use super::super::tours::scripted_tours;
use techshack_core::tour::Tour;

/// The tours that bet (the "Your turn" tour of tasks asks nothing; the
/// registry's tests play its tasks).
fn tours() -> Vec<Tour<Action>> {
    scripted_tours().into_iter().map(|s| s.tour).collect()
}

/// Each tour's actions before its questions became bets, written out.
fn before_bets(id: &str) -> Vec<Action> {
    use Action::*;
    let good = StartRelease { bad_build: false };
    let bad = || StartRelease { bad_build: true };
    let classify = |class, remediation| Classify { class, remediation };
    let config = || classify(FailureClass::Config, Remediation::ValidateConfigInCi);
    let capacity = || classify(FailureClass::Capacity, Remediation::CapacityHeadroom);
    let airbnb = Preset::Airbnb.toml();
    match id {
        "ordering" => vec![
            LoadPreset(Preset::Airbnb),
            good,
            RunUntilBlocked,
            Approve("production".into()),
            RunUntilBlocked,
        ],
        // The run to the canary's stop is cut in two, at the minute the
        // canary first serves real users: dev and staging's verdict is the
        // first bet's reveal, the canary's failure the second's.
        "canary" => vec![
            bad(),
            Advance { minutes: 14 },
            RunUntilBlocked,
            EditConfig(airbnb.replace("mode = \"automatic\"", "mode = \"manual\"")),
            bad(),
            RunUntilBlocked,
            Rollback,
        ],
        "cowboy" => vec![
            SetSlo(99.99),
            CowboyDeploy { bad_build: true },
            Advance { minutes: 3 },
            Advance { minutes: 2 },
            Rollback,
            NewBudgetWindow,
            good,
            RunUntilBlocked,
        ],
        "error-budget" => vec![
            SetSlo(99.99),
            SetSlo(99.9),
            SetSlo(99.0),
            SetSlo(99.999),
            SetSlo(99.9),
            bad(),
            RunUntilBlocked,
            CowboyDeploy { bad_build: true },
            Advance { minutes: 10 },
            Rollback,
        ],
        "gameday" => vec![
            InjectFailure(FailureKind::BadConfig),
            RunUntilBlocked,
            config(),
            InjectFailure(FailureKind::LatencySpike),
            RunUntilBlocked,
            classify(FailureClass::Performance, Remediation::LatencyCheckInCanary),
            good,
            Advance { minutes: 14 },
            InjectFailure(FailureKind::NodeTerminated),
            RunUntilBlocked,
            capacity(),
            InjectFailure(FailureKind::BadConfig),
            RunUntilBlocked,
            config(),
        ],
        "monorepo" => vec![
            LoadPreset(Preset::Monorepo),
            good,
            RunUntilBlocked,
            Approve("canary".into()),
            Advance { minutes: 14 },
            InjectFailure(FailureKind::NodeTerminated),
            RunUntilBlocked,
            capacity(),
        ],
        "broken-config" => vec![
            LoadPreset(Preset::Airbnb),
            LoadPreset(Preset::BrokenCycle),
            EditConfig(airbnb.replacen("depends_on = [\"dev\"]", "depnds_on = [\"dev\"]", 1)),
            EditConfig(
                airbnb
                    .replace("{ set_weight = 50 }", "{ set_weight = 5 }")
                    .replace("max_error_rate = 0.05", "max_error_rate = 5"),
            ),
            LoadPreset(Preset::Monorepo),
        ],
        other => panic!("no frozen actions for tour {other}"),
    }
}

#[test]
fn every_tour_plays_the_actions_it_played_before_its_bets() {
    for tour in tours() {
        let now: Vec<Action> = tour
            .steps
            .iter()
            .flat_map(|s| s.all_actions().cloned())
            .collect();
        assert_eq!(now, before_bets(&tour.id), "tour {}", tour.id);
    }
}

/// The bets whose reveal changes no state: the GitHub Actions keyword,
/// which the panel shows only in its Export, behind More. Every other
/// bet's reveal changes the state. (The canary's budget and the cycle the
/// editor names, which were on screen before their bets, are said in their
/// steps' words now.)
const READING: [(&str, usize); 1] = [("ordering", 5)];

#[test]
fn a_reveal_produces_its_answer() {
    for tour in tours() {
        for (k, step) in tour.steps.iter().enumerate() {
            let Some(bet) = &step.bet else { continue };
            let reading = READING.contains(&(tour.id.as_ref(), k));
            assert_eq!(bet.reveal.is_empty(), reading, "tour {} step {k}", tour.id);
            let mut opened = Playground::default();
            for a in tour.actions_through(k) {
                opened.apply(&a).expect("replays");
            }
            let mut revealed = opened.clone();
            for a in &bet.reveal {
                revealed.apply(a).expect("reveals");
            }
            if !reading {
                assert_ne!(
                    opened, revealed,
                    "tour {} step {k}: the reveal changes nothing",
                    tour.id
                );
            }
            // The step's words do not give the answer away.
            let answer = bet.guess.answer();
            for words in [&step.text, &bet.question] {
                assert!(
                    !words.contains(&answer),
                    "tour {} step {k} says {answer:?}",
                    tour.id
                );
            }
        }
    }
}

#[test]
fn no_predictions_are_left_and_right_answers_move_about() {
    let mut rights = Vec::new();
    let mut bets = 0;
    for scripted in scripted_tours() {
        for step in &scripted.tour.steps {
            if let Some(bet) = &step.bet {
                bets += 1;
                rights.push(bet.guess.right);
            }
        }
    }
    // 35 questions became bets; two (the canary's budget, the cycle the
    // editor names) were answered on screen before they were asked, and
    // their steps say them now.
    assert_eq!(bets, 33, "every former question is a bet");
    for position in 0..3 {
        let n = rights.iter().filter(|&&r| r == position).count();
        assert!(n >= 5, "only {n} right answers at choice {}", position + 1);
    }
}

#[test]
fn bets_hold_the_models_answers() {
    let all = tours();
    let answers = |id: &str| -> Vec<String> {
        let tour = all.iter().find(|t| t.id == id).expect("tour");
        tour.steps
            .iter()
            .filter_map(|s| s.bet.as_ref().map(|b| b.guess.answer()))
            .collect()
    };
    assert_eq!(
        answers("ordering"),
        vec!["dev", "At production", "30 to 60 minutes", "needs:"]
    );
    assert_eq!(
        answers("canary"),
        vec![
            "Neither: the canary gets it",
            "Back to 0%",
            "No: the failed release must be rolled back first",
            "dev, staging and canary",
        ]
    );
    assert_eq!(
        answers("cowboy"),
        vec![
            "About 4 minutes",
            "All of them",
            "Less than half of it",
            "No: the error budget is spent",
            "canary and production",
            "At production",
        ]
    );
    assert_eq!(
        answers("error-budget"),
        vec![
            "About 1 minute",
            "About 43 minutes",
            "About 3.7 days",
            "About 5 minutes",
            "Under 1%",
            "Between 1% and half",
        ]
    );
    assert_eq!(
        answers("gameday"),
        vec![
            "At dev",
            "At canary",
            "A health check trips and it rolls back",
            "A repeat: this class of failure happened before",
        ]
    );
    assert_eq!(
        answers("monorepo"),
        vec![
            "4",
            "At canary",
            "Three, side by side",
            "Everything the release touched",
            "A new incident, like any other",
        ]
    );
    assert_eq!(
        answers("broken-config"),
        vec![
            "The old one, unchanged",
            "Unknown field, with a did-you-mean",
            "Two",
            "They go: the valid config replaces the editor's text",
        ]
    );
}
