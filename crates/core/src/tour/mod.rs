//! Tours: scripted walks through a panel, used for guided scenarios and workshops.
//!
//! A tour is pure data over a topic's `Action` type, so a topic's model can build
//! its scenarios and test them natively. Entering step `k` means: reset the panel
//! to its default state, then apply the actions of steps `0..=k` in order. Because
//! every script is seeded, that replay is deterministic, which is what lets
//! "back" work without storing snapshots.
//!
//! `Script` builds a topic's tours by playing them on its playground, so
//! every bet's answer is computed from the model.

mod bet;
mod link;
mod script;
mod task;

pub use bet::{Bet, Guess, Wager};
pub use link::{tour_link, Landing, TourLink};
pub use script::{Answer, AnswerFn, Script, Scripted};
pub use task::Task;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step<A> {
    pub text: String,
    /// Applied when the step opens; with a bet, they set the scene only.
    pub actions: Vec<A>,
    /// A prediction the reader commits to before its reveal is applied.
    pub bet: Option<Bet<A>>,
    /// Something the reader does before going on.
    pub task: Option<Task<A>>,
    /// A CSS selector for the element the step talks about, inside the
    /// panel's body; `None` means the panel's picture (`[data-picture]`).
    /// The page's loader marks it `data-tour-focus` and scrolls it into view.
    pub focus: Option<Cow<'static, str>>,
}

/// A tour. Tours are built in a topic's extras module and sent to its panel
/// (see `extras`), so a tour is plain serialisable data; its id and title
/// are borrowed where a tour is written and owned where one is received.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tour<A> {
    pub id: Cow<'static, str>,
    pub title: Cow<'static, str>,
    /// The newsletter's point the tour shows, said again in its recap.
    pub seed: Cow<'static, str>,
    pub steps: Vec<Step<A>>,
}

impl<A> Step<A> {
    pub fn new(text: impl Into<String>, actions: Vec<A>) -> Self {
        Step {
            text: text.into(),
            actions,
            bet: None,
            task: None,
            focus: None,
        }
    }
}

impl<A> Tour<A> {
    /// A tour of one step per action, with no words: for tests that visit
    /// each preset, say, as a reader's tour would.
    pub fn each(
        id: &'static str,
        title: &'static str,
        actions: impl IntoIterator<Item = A>,
    ) -> Self {
        Tour {
            id: id.into(),
            title: title.into(),
            seed: "".into(),
            steps: actions
                .into_iter()
                .map(|a| Step::new("", vec![a]))
                .collect(),
        }
    }

    /// The same tour over another action type: a model's tour as the
    /// actions its panel dispatches.
    pub fn map<B>(self, f: impl Fn(A) -> B) -> Tour<B> {
        Tour {
            id: self.id,
            title: self.title,
            seed: self.seed,
            steps: self
                .steps
                .into_iter()
                .map(|s| Step {
                    text: s.text,
                    actions: s.actions.into_iter().map(&f).collect(),
                    bet: s.bet.map(|b| Bet {
                        question: b.question,
                        guess: b.guess,
                        why: b.why,
                        reveal: b.reveal.into_iter().map(&f).collect(),
                    }),
                    task: s.task.map(|t| Task {
                        goal: t.goal,
                        hint: t.hint,
                        solution: t.solution.into_iter().map(&f).collect(),
                    }),
                    focus: s.focus,
                })
                .collect(),
        }
    }
}

impl<A> Step<A> {
    /// The step's actions once it is over: its setup, then any bet's reveal
    /// or task's solution.
    pub fn all_actions(&self) -> impl Iterator<Item = &A> {
        let reveal = self.bet.iter().flat_map(|b| b.reveal.iter());
        let solution = self.task.iter().flat_map(|t| t.solution.iter());
        self.actions.iter().chain(reveal).chain(solution)
    }
}

impl<A: Clone> Tour<A> {
    /// The actions that bring a default state to step `k` as it opens
    /// (clamped to the last step): every earlier step whole, then step `k`'s
    /// setup, its bet's reveal held back.
    pub fn actions_through(&self, k: usize) -> Vec<A> {
        let end = k.min(self.steps.len().saturating_sub(1));
        let mut actions: Vec<A> = self
            .steps
            .iter()
            .take(end)
            .flat_map(|s| s.all_actions().cloned())
            .collect();
        if let Some(step) = self.steps.get(end) {
            actions.extend(step.actions.iter().cloned());
        }
        actions
    }

    /// The actions of step `k` with its bet revealed or its task solved:
    /// what the panel shows once the reader has bet, or asked for the
    /// solution.
    pub fn actions_revealed(&self, k: usize) -> Vec<A> {
        let end = k.min(self.steps.len().saturating_sub(1));
        let mut actions = self.actions_through(end);
        if let Some(step) = self.steps.get(end) {
            actions.extend(step.all_actions().skip(step.actions.len()).cloned());
        }
        actions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_through_accumulates_and_clamps() {
        let tour = Tour {
            id: "t".into(),
            title: "T".into(),
            seed: "".into(),
            steps: vec![Step::new("a", vec![1, 2]), Step::new("b", vec![3])],
        };
        assert_eq!(tour.actions_through(0), vec![1, 2]);
        assert_eq!(tour.actions_through(1), vec![1, 2, 3]);
        assert_eq!(tour.actions_through(9), vec![1, 2, 3]);
        let doubled = tour.clone().map(|a| a * 2);
        assert_eq!(doubled.actions_through(9), vec![2, 4, 6]);
        assert_eq!(
            (doubled.id, &doubled.steps[1].text),
            (tour.id, &tour.steps[1].text)
        );
    }

    #[test]
    fn a_bet_holds_its_reveal_back_until_revealed() {
        let mut bet_step = Step::new("b", vec![3]);
        bet_step.bet = Some(Bet {
            question: "q?".into(),
            guess: Guess::choice(&["up", "down"], 0),
            why: "because".into(),
            reveal: vec![4, 5],
        });
        let tour = Tour {
            id: "t".into(),
            title: "T".into(),
            seed: "".into(),
            steps: vec![Step::new("a", vec![1]), bet_step, Step::new("c", vec![6])],
        };
        assert_eq!(tour.actions_through(1), vec![1, 3], "the reveal waits");
        assert_eq!(tour.actions_revealed(1), vec![1, 3, 4, 5]);
        assert_eq!(
            tour.actions_through(2),
            vec![1, 3, 4, 5, 6],
            "then it stays"
        );
        assert_eq!(tour.actions_revealed(2), tour.actions_through(2));
        let mapped = tour.map(|a| a * 10);
        assert_eq!(mapped.actions_revealed(1), vec![10, 30, 40, 50]);
    }

    #[test]
    fn a_task_leaves_the_work_to_the_reader_and_later_steps_start_solved() {
        let mut task_step = Step::new("do it", vec![3]);
        task_step.task = Some(Task {
            goal: "seven".into(),
            hint: "add four".into(),
            solution: vec![4],
        });
        let tour = Tour {
            id: "t".into(),
            title: "T".into(),
            seed: "".into(),
            steps: vec![Step::new("a", vec![1]), task_step, Step::new("c", vec![6])],
        };
        assert_eq!(tour.actions_through(1), vec![1, 3], "the reader works");
        assert_eq!(tour.actions_revealed(1), vec![1, 3, 4], "do it for me");
        assert_eq!(tour.actions_through(2), vec![1, 3, 4, 6]);
        let mapped = tour.map(|a| a * 10);
        assert_eq!(
            mapped.steps[1].task.as_ref().map(|t| t.solution.clone()),
            Some(vec![40])
        );
    }

    #[test]
    fn empty_tour_has_no_actions() {
        let tour: Tour<u8> = Tour {
            id: "e".into(),
            title: "E".into(),
            seed: "".into(),
            steps: vec![],
        };
        assert!(tour.actions_through(3).is_empty());
    }
}
