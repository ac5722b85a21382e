//! Every tour replays from the default state without a refused action, and each
//! bet's answer and why are what the model shows once its reveal has run.

use super::super::playground::Playground;
use super::super::tours::{scripted_tours, tours};

#[test]
fn tours_replay_and_answers_match_the_model() {
    for scripted in scripted_tours() {
        let tour = &scripted.tour;
        assert!(
            tour.steps.len() >= 6,
            "{} has {} steps",
            tour.id,
            tour.steps.len()
        );
        assert!(
            tour.steps.iter().any(|s| s.bet.is_some()),
            "{} asks nothing",
            tour.id
        );
        let mut pg = Playground::default();
        for (k, step) in tour.steps.iter().enumerate() {
            for a in &step.actions {
                if let Err(e) = pg.apply(a) {
                    panic!("tour {} step {k}: {a:?} refused: {e}", tour.id);
                }
            }
            // Entering step k from scratch gives the same state.
            let mut fresh = Playground::default();
            for a in tour.actions_through(k) {
                let _ = fresh.apply(&a);
            }
            assert_eq!(fresh, pg, "tour {} step {k} is not replayable", tour.id);
            let (why, guess) = (scripted.answers[k], scripted.guesses[k]);
            match (&step.bet, why, guess) {
                (Some(bet), Some(why), Some(guess)) => {
                    let before = pg.clone();
                    for a in &bet.reveal {
                        if let Err(e) = pg.apply(a) {
                            panic!("tour {} step {k}: reveal {a:?} refused: {e}", tour.id);
                        }
                    }
                    assert_eq!(bet.why, why(&before, &pg), "tour {} step {k}", tour.id);
                    assert_eq!(bet.guess, guess(&before, &pg), "tour {} step {k}", tour.id);
                    let n = bet.guess.choices.len();
                    assert!(
                        (2..=4).contains(&n),
                        "tour {} step {k}: {n} choices",
                        tour.id
                    );
                    assert!(
                        bet.guess.right < n,
                        "tour {} step {k}: no choice fits",
                        tour.id
                    );
                    assert!(!bet.why.is_empty() && !bet.question.is_empty());
                }
                (None, None, None) => {}
                _ => panic!("tour {} step {k}: question and answer out of step", tour.id),
            }
        }
    }
}

#[test]
fn key_answers_say_what_the_domain_says() {
    let all = tours();
    let answer = |tour: &str, contains: &str| {
        all.iter().find(|t| t.id == tour).is_some_and(|t| {
            t.steps.iter().any(|s| {
                s.text.contains(contains)
                    || s.bet.as_ref().is_some_and(|b| b.why.contains(contains))
            })
        })
    };
    assert!(answer("error-budget", "1.008 min a week"));
    assert!(answer("error-budget", "43.2 min per 30 days"));
    assert!(answer("error-budget", "3.65 d (5256 min) per 365-day year"));
    assert!(answer("canary", "The analysis at 10% weight trips"));
    assert!(answer("canary", "weight goes back to 0%"));
    assert!(answer("cowboy", "100% of users"));
    assert!(answer("cowboy", "release frozen: error budget spent"));
    assert!(answer("gameday", "Repeat incident: config failures"));
    assert!(answer(
        "broken-config",
        "dependency cycle: staging → production → canary → staging"
    ));
    assert!(answer("broken-config", "did you mean `depends_on`?"));
    assert!(answer(
        "monorepo",
        "prod-us-east, prod-eu-west, prod-ap-south"
    ));
    let ids: Vec<&str> = all.iter().map(|t| t.id.as_ref()).collect();
    assert_eq!(
        ids,
        vec![
            "ordering",
            "canary",
            "cowboy",
            "error-budget",
            "gameday",
            "monorepo",
            "broken-config",
            "your-turn"
        ]
    );
}
