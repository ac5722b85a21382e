//! Every tour replays from the default state, and every predicted answer is what
//! the model shows when the step is entered by replay. A bet's answer is what
//! the model shows once its reveal is applied, and the reveal is held back
//! until then.

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
    assert!(all.iter().any(|t| t.steps.len() >= 6
        && t.steps
            .iter()
            .filter(|s| s.predict.is_some() || s.bet.is_some())
            .count()
            >= 4));
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
            match (
                &step.predict,
                &step.bet,
                script.answers[k],
                script.guesses[k],
            ) {
                (Some(p), None, Some(answer), None) => {
                    assert_eq!(p.answer, answer(&before, &after), "{} step {k}", tour.id)
                }
                (None, Some(bet), Some(why), Some(guess)) => {
                    let revealed = replay(&tour.actions_revealed(k));
                    assert_eq!(bet.why, why(&after, &revealed), "{} step {k}", tour.id);
                    assert_eq!(bet.guess, guess(&after, &revealed), "{} step {k}", tour.id);
                    // Before the bet, the panel does not yet show the answer.
                    assert_ne!(
                        after, revealed,
                        "{} step {k}: the reveal changes nothing",
                        tour.id
                    );
                }
                (None, None, None, None) => {}
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
                || s.bet
                    .as_ref()
                    .is_some_and(|b| b.question.contains(question_part))
        })
        .expect("step");
    let step = &tour.steps[k];
    if let Some(bet) = &step.bet {
        // What the reader bets on, and what the reveal shows.
        let before = replay(&tour.actions_through(k));
        return (before, replay(&tour.actions_revealed(k)), bet.why.clone());
    }
    let before = if k == 0 {
        Playground::default()
    } else {
        replay(&tour.actions_through(k - 1))
    };
    let answer = step.predict.clone().unwrap().answer;
    (before, replay(&tour.actions_through(k)), answer)
}

#[test]
fn margin_answers_say_what_happens() {
    let (_, pg, answer) = step_state("svm-margin", "How many of the forty points");
    assert!(pg.support_count() <= 4);
    assert!(answer.starts_with(&format!("Only {} of the 40 points", pg.support_count())));

    let (before, after, _) = step_state("svm-margin", "C shrinks");
    assert!(after.margin_width().unwrap() > before.margin_width().unwrap());
    assert!(after.support_count() > before.support_count());

    let (before, after, _) = step_state("svm-margin", "C grows");
    assert!(after.margin_width().unwrap() < before.margin_width().unwrap());

    let (_, pg, answer) = step_state("svm-margin", "What will the solver do with it");
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
fn margin_bets_hold_the_models_answers() {
    let tour = tours()
        .into_iter()
        .find(|t| t.id == "svm-margin")
        .expect("tour");
    let bets: Vec<_> = tour.steps.iter().filter_map(|s| s.bet.as_ref()).collect();
    assert_eq!(bets.len(), 6, "every question of the margin tour is a bet");
    let (_, pg, _) = step_state("svm-margin", "How many of the forty points");
    assert!(pg.support_count() <= 5);
    assert_eq!(
        bets[0].guess.answer(),
        "A handful: the ones on the edges of the street"
    );
    assert!(
        bets[5].guess.answer().starts_with("About half"),
        "XOR: {}",
        bets[5].guess.answer()
    );
    assert_eq!(bets[1].guess.answer(), "It widens");
    assert_eq!(bets[2].guess.answer(), "It narrows");
    assert!(bets[3].guess.answer().starts_with("It gives up on it"));
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
        states.push(replay(&tour.actions_revealed(usize::MAX)));
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
