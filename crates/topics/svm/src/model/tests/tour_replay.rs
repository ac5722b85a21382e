//! Every tour replays from the default state, and every question is a bet
//! whose answer is what the model shows once its reveal is applied; the
//! reveal is held back until then. Splitting the old predict steps into
//! setups and reveals kept each tour's actions, in order.

use super::super::tours::scripts;
use super::super::{train, Action, Gamma, KernelKind, KernelSpec, Playground, Preset, TrainParams};
use techshack_core::tour::Tour;

/// The tours that bet (the "Your turn" tour of tasks asks nothing; the
/// registry's tests play its tasks).
pub(super) fn tours() -> Vec<Tour<Action>> {
    scripts().into_iter().map(|s| s.tour).collect()
}

pub(super) fn replay(actions: &[Action]) -> Playground {
    let mut pg = Playground::default();
    for a in actions {
        pg.apply(a).unwrap_or_else(|e| panic!("{a:?} failed: {e}"));
    }
    pg
}

#[test]
fn tours_replay_and_answers_match_the_model() {
    let all = tours();
    assert!(all
        .iter()
        .any(|t| t.steps.len() >= 6 && t.steps.iter().filter(|s| s.bet.is_some()).count() >= 4));
    for script in scripts() {
        let tour = &script.tour;
        for (k, step) in tour.steps.iter().enumerate() {
            assert!(!step.text.is_empty());
            let after = replay(&tour.actions_through(k));
            match (&step.bet, script.answers[k], script.guesses[k]) {
                (Some(bet), Some(why), Some(guess)) => {
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
                (None, None, None) => {}
                _ => panic!(
                    "{} step {k}: a question that is not a bet, or a bet without its answer",
                    tour.id
                ),
            }
        }
    }
}

/// A reader's walk: one fresh playground, each step's setup, then its bet's
/// reveal. Every action is accepted, and every bet's stored right choice and
/// explanation are what the model computes from the states around the reveal.
#[test]
fn walking_each_tour_step_by_step_recomputes_every_bet() {
    for script in scripts() {
        let tour = &script.tour;
        let mut pg = Playground::default();
        let apply = |pg: &mut Playground, actions: &[Action], k: usize| {
            for a in actions {
                pg.apply(a)
                    .unwrap_or_else(|e| panic!("{} step {k}: {a:?} refused: {e}", tour.id));
            }
        };
        for (k, step) in tour.steps.iter().enumerate() {
            apply(&mut pg, &step.actions, k);
            let Some(bet) = &step.bet else { continue };
            let (why, guess) = (script.answers[k].unwrap(), script.guesses[k].unwrap());
            let before = pg.clone();
            apply(&mut pg, &bet.reveal, k);
            assert_eq!(bet.guess, guess(&before, &pg), "{} step {k}", tour.id);
            assert_eq!(bet.why, why(&before, &pg), "{} step {k}", tour.id);
            let choices = &bet.guess.choices;
            assert!(
                (2..=4).contains(&choices.len()) && bet.guess.right < choices.len(),
                "{} step {k}: {:?}",
                tour.id,
                bet.guess
            );
            for (i, c) in choices.iter().enumerate() {
                assert!(
                    !c.is_empty() && !choices[..i].contains(c),
                    "{} step {k}: {c}",
                    tour.id
                );
            }
            // The step's own words do not give the answer away.
            let answer = bet.guess.answer();
            assert!(
                !step.text.contains(&answer) && !bet.question.contains(&answer),
                "{} step {k} states its answer: {answer}",
                tour.id
            );
        }
        assert_eq!(
            pg,
            replay(&tour.actions_revealed(usize::MAX)),
            "{}: the walk ends where the tour does",
            tour.id
        );
    }
}

/// The right choice is not always in the same place.
#[test]
fn right_choices_move_around() {
    for tour in tours() {
        let rights: Vec<usize> = tour
            .steps
            .iter()
            .filter_map(|s| s.bet.as_ref().map(|b| b.guess.right))
            .collect();
        assert!(
            rights.iter().any(|&r| r != rights[0]),
            "{}: {rights:?}",
            tour.id
        );
    }
}

fn step_state(id: &str, question_part: &str) -> (Playground, Playground, String) {
    let tour = tours().into_iter().find(|t| t.id == id).expect("tour");
    let k = tour
        .steps
        .iter()
        .position(|s| {
            s.bet
                .as_ref()
                .is_some_and(|b| b.question.contains(question_part))
        })
        .expect("step");
    let bet = tour.steps[k].bet.as_ref().unwrap();
    // What the reader bets on, and what the reveal shows.
    let before = replay(&tour.actions_through(k));
    (before, replay(&tour.actions_revealed(k)), bet.why.clone())
}

/// The bets' right choices, in order.
fn answers(id: &str) -> Vec<String> {
    let tour = tours().into_iter().find(|t| t.id == id).expect("tour");
    tour.steps
        .iter()
        .filter_map(|s| s.bet.as_ref().map(|b| b.guess.answer()))
        .collect()
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
    let (_, pg, answer) = step_state("svm-kernels", "How many of the points will be support");
    let n = pg.points().len();
    assert_eq!(pg.support_count(), n);
    assert!(answer.starts_with(&format!("{n} of {n} points")));
}

#[test]
fn solver_tour_names_the_real_first_pair() {
    let (before, pg, answer) = step_state("svm-solver", "Which two will its first step pick");
    assert!(
        before.stepping().unwrap().last().is_none(),
        "the bet is placed at α = 0"
    );
    let s = pg.stepping().unwrap().last().unwrap();
    assert_eq!(s.info.iteration, 1);
    assert!(answer.starts_with(&format!("Points #{} (class ", s.info.i)));
    assert!(answer.contains(&format!(" and #{} (class ", s.info.j)));
    let label = |i: usize| pg.points()[i].label;
    assert_eq!(label(s.info.i), -label(s.info.j), "one of each class");
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

/// The kernels tour's answers, each checked against the model independently.
#[test]
fn kernel_bets_hold_the_models_answers() {
    assert_eq!(
        answers("svm-kernels"),
        [
            "Most points, but not all",
            "It flattens towards a straight line, and accuracy falls",
            "Every one of them",
            "Fewer than a third of them",
            "Yes: every point ends up on its side",
            "Three",
        ]
    );
    let (before, rbf, _) = step_state("svm-kernels", "RBF kernel reach on XOR");
    let acc = rbf.training_accuracy().unwrap();
    assert!(acc > before.training_accuracy().unwrap() && acc > 0.75 && acc < 1.0);

    let (before, small, why) = step_state("svm-kernels", "very small γ");
    assert!(small.training_accuracy().unwrap() < before.training_accuracy().unwrap());
    let linear = TrainParams {
        kernel: KernelSpec {
            kind: KernelKind::Linear,
            ..KernelSpec::default()
        },
        c: small.c(),
        ..TrainParams::default()
    };
    let linear = train(small.points(), &linear, &[])
        .unwrap()
        .training_accuracy();
    assert!(
        (small.training_accuracy().unwrap() - linear).abs() <= 0.05,
        "a tiny γ is almost linear: {why}"
    );

    let (before, ring, _) = step_state("svm-kernels", "RBF model need");
    assert_eq!(
        before.gamma_used().map(|_| before.kernel().gamma),
        Some(Gamma::Scale)
    );
    assert!(ring.support_count() * 3 < ring.points().len());
    assert_eq!(ring.origin(), Some((Preset::Circles, 1)));

    let (_, poly, _) = step_state("svm-kernels", "degree-2 polynomial");
    assert_eq!(poly.training_accuracy(), Some(1.0));

    let (_, three, why) = step_state("svm-kernels", "How many binary SVMs");
    assert_eq!(three.fit().unwrap().pairs.len(), 3);
    assert!(why.contains("1 vs 2, 1 vs 3 and 2 vs 3"), "{why}");
}

/// The solver tour's answers, each checked against the model independently.
#[test]
fn solver_bets_hold_the_models_answers() {
    assert_eq!(
        answers("svm-solver"),
        [
            "One point of each class",
            "Down, at every step",
            "Fewer than 10",
            "No: it stops at the iteration cap",
            "Restart from the previous α, and need fewer iterations",
        ]
    );
    let (_, pg, why) = step_state("svm-solver", "Which way will the objective");
    let objectives: Vec<f64> = pg
        .stepping()
        .unwrap()
        .history()
        .map(|s| s.info.objective)
        .collect();
    assert_eq!(objectives.len(), 3);
    assert!(objectives[0] < 0.0 && objectives.windows(2).all(|w| w[1] < w[0]));
    assert!(why.starts_with("Down, at every step: 0.000 → −"), "{why}");

    let (_, pg, _) = step_state("svm-solver", "How many iterations");
    assert!(pg.stepping().is_none() && pg.fit().unwrap().iterations() < 10);

    let (_, pg, why) = step_state("svm-solver", "after this small edit");
    assert!(matches!(
        pg.status(),
        super::super::Status::Converged { warm: true, .. }
    ));
    assert!(why.starts_with("It warm-starts"), "{why}");
}
