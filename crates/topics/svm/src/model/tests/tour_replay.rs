//! Every tour replays from the default state, and every predicted answer is what
//! the model shows when the step is entered by replay.

use super::super::tours::{scripts, tours};
use super::super::{Action, Playground};

fn replay(actions: &[Action]) -> Playground {
    let mut pg = Playground::default();
    for a in actions {
        pg.apply(a).unwrap_or_else(|e| panic!("{a:?} failed: {e}"));
    }
    pg
}

#[test]
fn tours_replay_and_answers_match_the_model() {
    let all = tours();
    assert!(
        all.iter()
            .any(|t| t.steps.len() >= 6
                && t.steps.iter().filter(|s| s.predict.is_some()).count() >= 4)
    );
    for script in scripts() {
        let tour = &script.tour;
        for (k, step) in tour.steps.iter().enumerate() {
            assert!(!step.text.is_empty());
            let after = replay(&tour.actions_through(k));
            let before = if k == 0 {
                Playground::default()
            } else {
                replay(&tour.actions_through(k - 1))
            };
            match (&step.predict, script.answers[k]) {
                (Some(p), Some(answer)) => {
                    assert_eq!(p.answer, answer(&before, &after), "{} step {k}", tour.id)
                }
                (None, None) => {}
                _ => panic!("{} step {k}: question and answer out of step", tour.id),
            }
        }
    }
}

fn step_state(id: &str, question_part: &str) -> (Playground, Playground, String) {
    let tour = tours().into_iter().find(|t| t.id == id).expect("tour");
    let k = tour
        .steps
        .iter()
        .position(|s| {
            s.predict
                .as_ref()
                .is_some_and(|p| p.question.contains(question_part))
        })
        .expect("step");
    let before = if k == 0 {
        Playground::default()
    } else {
        replay(&tour.actions_through(k - 1))
    };
    let answer = tour.steps[k].predict.clone().unwrap().answer;
    (before, replay(&tour.actions_through(k)), answer)
}

#[test]
fn margin_answers_say_what_happens() {
    let (_, pg, answer) = step_state("svm-margin", "Which points become support vectors");
    assert!(pg.support_count() <= 4);
    assert!(answer.starts_with(&format!("Only {} of the 40 points", pg.support_count())));

    let (before, after, _) = step_state("svm-margin", "C shrinks");
    assert!(after.margin_width().unwrap() > before.margin_width().unwrap());
    assert!(after.support_count() > before.support_count());

    let (before, after, _) = step_state("svm-margin", "C grows");
    assert!(after.margin_width().unwrap() < before.margin_width().unwrap());

    let (_, pg, answer) = step_state("svm-margin", "What does the solver do with it");
    let outlier = pg.points().len() - 1;
    let bounded = pg.fit().unwrap().bounded_indices();
    assert!(bounded.contains(&outlier));
    assert!(
        pg.slacks().iter().any(|s| s.index == outlier && s.xi > 1.0),
        "misclassified: ξ > 1"
    );
    assert!(answer.contains("α = C"));
}

#[test]
fn huge_gamma_makes_every_point_a_support_vector() {
    let (_, pg, answer) = step_state("svm-kernels", "huge γ");
    let n = pg.points().len();
    assert_eq!(pg.support_count(), n);
    assert!(answer.starts_with(&format!("{n} of {n} points")));
}

#[test]
fn solver_tour_names_the_real_first_pair() {
    let (_, pg, answer) = step_state("svm-solver", "Which two did it pick");
    let s = pg.stepping().unwrap().last().unwrap();
    assert_eq!(s.info.iteration, 1);
    assert!(answer.starts_with(&format!("Points #{} and #{}", s.info.i, s.info.j)));
    let (_, pg, answer) = step_state("svm-solver", "Will the solver converge");
    assert!(!pg.fit().unwrap().converged());
    assert!(answer.starts_with("No"));
}

#[test]
fn tour_end_states_survive_a_link() {
    let mut states = vec![Playground::default()];
    for tour in tours() {
        states.push(replay(&tour.actions_through(usize::MAX)));
    }
    for pg in states {
        let snap = pg.snapshot();
        let link = techshack_core::state::encode(2, &snap);
        let back =
            Playground::from_snapshot(techshack_core::state::decode(2, &link).unwrap()).unwrap();
        assert_eq!(techshack_core::state::encode(2, &back.snapshot()), link);
        assert_eq!(back.points(), pg.points());
    }
}
