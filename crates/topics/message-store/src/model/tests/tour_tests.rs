//! Every tour replays without error, and every predicted answer is what the
//! model shows at that step.

use super::super::tours::{answer, tours};
use super::super::Playground;

#[test]
fn tours_replay_and_answers_match_the_model() {
    let all = tours();
    assert!(all.len() >= 6);
    let steps: usize = all.iter().map(|t| t.steps.len()).sum();
    assert!(steps >= 6);
    for tour in &all {
        let mut p = Playground::new();
        for (k, step) in tour.steps.iter().enumerate() {
            for a in &step.actions {
                p.apply(a)
                    .unwrap_or_else(|e| panic!("{} step {k}: {a:?}: {e}", tour.id));
            }
            if let Some(pr) = &step.predict {
                let got = answer(&tour.id, k, &p)
                    .unwrap_or_else(|| panic!("{} step {k}: no answer", tour.id));
                println!("{} {k}: {got}", tour.id);
                assert_eq!(pr.answer, got, "{} step {k}", tour.id);
            }
        }
    }
}

#[test]
fn tour_ids_are_unique_and_load_as_scenarios() {
    let all = tours();
    let mut ids: Vec<&str> = all.iter().map(|t| t.id.as_ref()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
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
