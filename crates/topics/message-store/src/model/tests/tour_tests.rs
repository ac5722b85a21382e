//! Every tour replays without error; every question is a bet whose reveal
//! is held back until the reader has bet, and whose right choice and
//! explanation are what the model shows when the tour is replayed step by
//! step (setup, then reveal) on a fresh playground. Splitting the old
//! predict steps into setups and reveals changed no tour's actions.

use super::super::playground::Outcome;
use super::super::tours::{scripts, tour, tours};
use super::super::{Action, Playground};

fn replay(actions: &[Action]) -> Playground {
    let mut p = Playground::new();
    for a in actions {
        p.apply(a).unwrap_or_else(|e| panic!("{a:?}: {e}"));
    }
    p
}

#[test]
fn every_bet_holds_the_models_answer_and_its_reveal_back() {
    let all = scripts();
    assert!(all.len() >= 6);
    let mut bets = 0;
    for script in &all {
        let tour = &script.tour;
        // One playground walks the tour as a reader does: each step's setup
        // as it opens, then its reveal once the reader has bet.
        let mut p = Playground::new();
        for (k, step) in tour.steps.iter().enumerate() {
            assert!(!step.text.is_empty());
            let Some(bet) = step.bet.as_ref() else {
                // Only the tasks tour has steps that are not bets: its
                // tasks (checked by the core's tasks_check) and its close.
                assert_eq!(tour.id, "your-turn", "step {k}: no bet");
                for a in step.all_actions() {
                    p.apply(a)
                        .unwrap_or_else(|e| panic!("{} step {k}: {a:?}: {e}", tour.id));
                }
                continue;
            };
            for a in &step.actions {
                p.apply(a)
                    .unwrap_or_else(|e| panic!("{} step {k} setup: {a:?}: {e}", tour.id));
            }
            let opened = p.clone();
            for a in &bet.reveal {
                p.apply(a)
                    .unwrap_or_else(|e| panic!("{} step {k} reveal: {a:?}: {e}", tour.id));
            }
            let (guess, why) = (
                script.guesses[k].expect("a guess function"),
                script.answers[k].expect("a why function"),
            );
            println!("{} {k}: {} | {}", tour.id, bet.guess.answer(), bet.why);
            assert_eq!(bet.guess, guess(&opened, &p), "{} step {k}", tour.id);
            assert_eq!(bet.why, why(&opened, &p), "{} step {k}", tour.id);
            assert!(!bet.why.is_empty(), "{} step {k}: no why", tour.id);
            assert!(
                (2..=4).contains(&bet.guess.choices.len())
                    && bet.guess.right < bet.guess.choices.len(),
                "{} step {k}: {:?}",
                tour.id,
                bet.guess
            );
            // The same states come from a fresh playground, as a step link
            // opens them.
            assert_eq!(replay(&tour.actions_through(k)).outcome(), opened.outcome());
            assert_eq!(replay(&tour.actions_revealed(k)).outcome(), p.outcome());
            // Before the bet, the panel does not show the answer yet.
            assert_ne!(
                opened.outcome(),
                p.outcome(),
                "{} step {k}: the reveal changes nothing shown",
                tour.id
            );
            bets += 1;
        }
    }
    assert_eq!(bets, 24);
}

/// Each tour's whole action list (every setup, then its reveal) before the
/// predict steps became bets, as `{:?}`, one `id<TAB>actions` line per tour.
const BEFORE_BETS: &str = include_str!("tour_actions_before_bets.txt");

#[test]
fn bets_split_the_old_steps_without_changing_the_tours_actions() {
    let all = tours();
    let before: Vec<(&str, &str)> = BEFORE_BETS
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect();
    assert_eq!(before.len(), 7, "the seven scenario tours");
    for (t, (id, actions)) in all.iter().zip(before) {
        assert_eq!(t.id, id);
        let now: Vec<Action> = t
            .steps
            .iter()
            .flat_map(|s| s.all_actions().cloned())
            .collect();
        assert_eq!(now, t.actions_revealed(usize::MAX));
        assert_eq!(format!("{now:?}"), actions, "{id}");
    }
}

#[test]
fn the_bets_answers_are_the_known_facts() {
    let right: Vec<Vec<String>> = tours()
        .iter()
        .map(|t| {
            t.steps
                .iter()
                .filter_map(|s| s.bet.as_ref().map(|b| b.guess.answer()))
                .collect()
        })
        .collect();
    let expect: [&[&str]; 9] = [
        &["Under 5 MB", "More than 20", "1", "All of them"],
        &["About 1,200: 12 per message", "None"],
        &["A row with the new content and no author", "0"],
        &[
            "100,001: just past the failure threshold",
            "None",
            "All 120,000",
            "All of them",
        ],
        &[
            "2,000 each on its 3 replicas, none on the rest",
            "Half the load, but a read may miss the latest write",
        ],
        &["100: one per request", "1"],
        &[
            "No: it has been down too long, so it misses the delete",
            "Yes: the read returns it and repairs it onto the other replicas",
        ],
        &[],
        &[
            "The milliseconds since 2015-01-01 when it was sent",
            "72",
            "2: the new message shares a bucket",
            "8: every bucket back to the channel's creation",
            "More than 50",
            "1 or 2: the empty ones are skipped",
        ],
    ];
    assert_eq!(right.len(), expect.len());
    for (got, want) in right.iter().zip(expect) {
        assert_eq!(got, want);
    }
    // The right answer does not sit in one place.
    let places: std::collections::BTreeSet<usize> = tours()
        .iter()
        .flat_map(|t| {
            t.steps
                .iter()
                .filter_map(|s| s.bet.as_ref().map(|b| b.guess.right))
        })
        .collect();
    assert!(places.len() >= 3, "{places:?}");
}

#[test]
fn a_scenario_ends_where_its_tour_does() {
    let t = tour("hot-partition").expect("tour");
    let mut p = Playground::new();
    p.apply(&Action::LoadScenario("hot-partition".into()))
        .unwrap();
    let end = replay(&t.actions_revealed(usize::MAX));
    assert!(matches!(p.outcome(), Outcome::HotReads(_)));
    assert_eq!(
        p.outcome(),
        end.outcome(),
        "the last reveal is part of the scenario"
    );
    assert_eq!(p.cluster().read_cl, end.cluster().read_cl);
    assert!(tour("nope").is_none());
}

#[test]
fn tour_ids_are_unique_and_load_as_scenarios() {
    let all = tours();
    let mut ids: Vec<&str> = all.iter().map(|t| t.id.as_ref()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
    for t in &all {
        assert_eq!(tour(&t.id).as_ref(), Some(t));
    }
    let mut p = Playground::new();
    p.apply(&super::super::Action::LoadScenario("edit-race".into()))
        .unwrap();
    assert_eq!(p.scenario(), Some("edit-race"));
    assert!(p.actions().is_empty());
    assert!(p
        .apply(&super::super::Action::LoadScenario("nope".into()))
        .is_err());
    assert_eq!(
        p.scenario(),
        Some("edit-race"),
        "a failed load keeps the session"
    );
}
