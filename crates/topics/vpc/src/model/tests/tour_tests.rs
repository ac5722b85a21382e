//! Every tour replays from the default state and every question is a bet.
//! Replayed step by step on a fresh playground (the step's setup, then its
//! reveal), each bet's right choice and explanation are what the model
//! computes, and the answer is held back until the reveal.

use super::super::tours::scripted;
use super::super::*;
use super::support::replay;
use techshack_core::tour::{Answer, Bet};

/// The one bet whose reveal changes nothing: its answer (a subnet's usable
/// addresses) is a fact of the layout the tour opens on, not of a trace.
fn reveals_nothing(_tour: &str, _step: usize) -> bool {
    false
}

#[test]
fn every_question_is_a_bet_whose_answer_the_model_computes() {
    let all = scripted();
    assert!(all.len() >= 4);
    let mut rights = Vec::new();
    for script in all {
        let tour = &script.tour;
        assert!(tour.steps.len() >= 6, "{} is short", tour.id);
        for (k, step) in tour.steps.iter().enumerate() {
            let at = format!("{} step {k}", tour.id);
            assert!(!step.text.is_empty(), "{at}");
            let opened = replay(&tour.actions_through(k));
            let revealed = replay(&tour.actions_revealed(k));
            let (bet, why, guess) = match (&step.bet, &script.answers[k], script.guesses[k]) {
                (Some(bet), Some(why), Some(guess)) => (bet, why, guess),
                (None, None, None) => continue,
                _ => panic!("{at}: question and answer out of step"),
            };
            assert_eq!(bet.guess, guess(&opened, &revealed), "{at}");
            assert_eq!(bet.why, Answer::answer(why, &opened, &revealed), "{at}");
            let choices = &bet.guess.choices;
            assert!((2..=4).contains(&choices.len()), "{at}: {choices:?}");
            assert!(bet.guess.right < choices.len(), "{at}: no choice holds");
            for (i, c) in choices.iter().enumerate() {
                assert!(!choices[..i].contains(c), "{at}: {c} twice");
            }
            assert!(bet.question.ends_with('?'), "{at}");
            if !reveals_nothing(&tour.id, k) {
                assert_ne!(opened, revealed, "{at}: the reveal changes nothing");
            }
            rights.push(bet.guess.right);
        }
    }
    assert_eq!(rights.len(), 24, "every old question is a bet");
    for right in 0..3 {
        assert!(
            rights.iter().filter(|&&r| r == right).count() >= 3,
            "the right choice sits at {right} too rarely: {rights:?}"
        );
    }
}

/// A tour's bets, in order.
fn bets(id: &str) -> Vec<Bet<Action>> {
    let tour = tours().into_iter().find(|t| t.id == id).unwrap();
    tour.steps.into_iter().filter_map(|s| s.bet).collect()
}

fn answers(id: &str) -> Vec<(String, String)> {
    bets(id)
        .into_iter()
        .map(|b| (b.guess.answer(), b.why))
        .collect()
}

#[test]
fn the_single_nat_lesson() {
    let a = answers("nat-per-az");
    assert_eq!(a[0].0, "A NAT gateway in its own AZ");
    assert!(
        a[0].1
            .starts_with("It goes through nat-b in us-east-1b, in the same AZ"),
        "{}",
        a[0].1
    );
    assert_eq!(a[1].0, "Yes");
    assert_eq!(a[2].0, "A NAT gateway in another AZ");
    assert!(
        a[2].1.contains("nat-a in us-east-1a, crossing"),
        "{}",
        a[2].1
    );
    assert_eq!(a[3].0, "No");
    assert!(
        a[3].1.starts_with(
            "The request is blocked at nat-a: availability zone us-east-1a has failed"
        ) && a[3].1.contains("BAD_STATE at nat-a (request)"),
        "{}",
        a[3].1
    );
    assert_eq!(a[4].0, "Yes");
    assert!(a[4].1.contains("via nat-b and ig-1"), "{}", a[4].1);
    assert_eq!(a[5].0, "No: it still depends on nat-a");
    assert_eq!(a[6].0, "No: it is down with its AZ");
}

#[test]
fn the_other_lessons() {
    let a = answers("ephemeral-ports");
    assert_eq!(a[0].0, "It arrives, but the reply is blocked");
    assert!(
        a[0].1
            .contains("SUBNET_ACL_RESTRICTION at acl-public (reply)"),
        "{}",
        a[0].1
    );
    assert_eq!(a[1].0, "Yes");
    assert_eq!(a[2].0, "The request gets out; the reply is blocked");
    assert_eq!(a[3].0, "Yes");
    assert!(
        a[4].0.starts_with("Nothing") && a[4].1.contains("stateful"),
        "{a:?}"
    );

    let a = answers("peering-not-transitive");
    assert_eq!((a[0].0.as_str(), a[1].0.as_str()), ("Yes", "Yes"));
    assert_eq!(a[2].0, "No: the request is blocked");
    assert!(a[2].1.contains("DISCONNECTED_VPCS"), "{}", a[2].1);
    assert_eq!(a[3].0, "No: it stops at pcx-ab");
    assert!(a[3].1.contains("peering is not transitive"), "{}", a[3].1);
    assert_eq!(a[4].0, "The request arrives; the reply has no way back");
    assert!(
        a[4].1.contains("NO_ROUTE_TO_DESTINATION at rt-c (reply)"),
        "{}",
        a[4].1
    );
    assert_eq!(a[5].0, "Yes");

    let a = answers("cidr-and-routes");
    assert_eq!(a[0].0, "11");
    assert!(a[0].1.starts_with("11: 16 addresses"), "{}", a[0].1);
    assert_eq!(a[1].0, "Yes");
    assert_eq!(a[2].0, "Its private address, 10.0.1.10");
    assert!(a[2].1.starts_with("It sees 10.0.1.10"), "{}", a[2].1);
    assert_eq!(a[3].0, "No: the request is blocked");
    assert_eq!(a[4].0, "No: its route leads nowhere");
    assert!(a[4].1.contains("BAD_STATE_ROUTE at rt-2a"), "{}", a[4].1);
    assert_eq!(a[5].0, "No");
}

/// The step text and the question never give the answer away; the answer's
/// words appear only once the reader has bet.
#[test]
fn no_bet_states_its_own_answer() {
    for tour in tours() {
        for step in &tour.steps {
            let Some(bet) = &step.bet else { continue };
            let asked = format!("{} {}", step.text, bet.question);
            let answer = bet.guess.answer();
            if answer.len() > 3 {
                assert!(!asked.contains(&answer), "{}: {asked}", tour.id);
            }
            let lead: String = bet.why.chars().take(30).collect();
            assert!(!asked.contains(&lead), "{}: {asked}", tour.id);
        }
    }
}
