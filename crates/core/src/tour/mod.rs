//! Tours: scripted walks through a panel, used for guided scenarios and workshops.
//!
//! A tour is pure data over a topic's `Action` type, so a topic's model can build
//! its scenarios and test them natively. Entering step `k` means: reset the panel
//! to its default state, then apply the actions of steps `0..=k` in order. Because
//! every script is seeded, that replay is deterministic, which is what lets
//! "back" work without storing snapshots.
//!
//! `Script` builds a topic's tours by playing them on its playground, so
//! every predicted answer is computed from the model.

mod script;

pub use script::{Answer, AnswerFn, Script, Scripted};

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A question asked before the step's effect is explained; its answer is revealed
/// on request or when the learner moves to the next step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Predict {
    pub question: String,
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step<A> {
    pub text: String,
    pub actions: Vec<A>,
    pub predict: Option<Predict>,
}

/// A tour. Tours are built in a topic's extras module and sent to its panel
/// (see `extras`), so a tour is plain serialisable data; its id and title
/// are borrowed where a tour is written and owned where one is received.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tour<A> {
    pub id: Cow<'static, str>,
    pub title: Cow<'static, str>,
    pub steps: Vec<Step<A>>,
}

impl<A> Step<A> {
    pub fn new(text: impl Into<String>, actions: Vec<A>) -> Self {
        Step {
            text: text.into(),
            actions,
            predict: None,
        }
    }

    pub fn predict(mut self, question: impl Into<String>, answer: impl Into<String>) -> Self {
        self.predict = Some(Predict {
            question: question.into(),
            answer: answer.into(),
        });
        self
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
            steps: self
                .steps
                .into_iter()
                .map(|s| Step {
                    text: s.text,
                    actions: s.actions.into_iter().map(&f).collect(),
                    predict: s.predict,
                })
                .collect(),
        }
    }
}

impl<A: Clone> Tour<A> {
    /// The actions that bring a default state to step `k` (clamped to the last step).
    pub fn actions_through(&self, k: usize) -> Vec<A> {
        let end = k.min(self.steps.len().saturating_sub(1));
        self.steps
            .iter()
            .take(end + 1)
            .flat_map(|s| s.actions.iter().cloned())
            .collect()
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
            steps: vec![
                Step::new("a", vec![1, 2]),
                Step::new("b", vec![3]).predict("q?", "yes"),
            ],
        };
        assert_eq!(tour.actions_through(0), vec![1, 2]);
        assert_eq!(tour.actions_through(1), vec![1, 2, 3]);
        assert_eq!(tour.actions_through(9), vec![1, 2, 3]);
        assert_eq!(tour.steps[1].predict.as_ref().unwrap().answer, "yes");
        let doubled = tour.clone().map(|a| a * 2);
        assert_eq!(doubled.actions_through(9), vec![2, 4, 6]);
        assert_eq!(
            (doubled.id, doubled.steps[1].predict.clone()),
            (tour.id, tour.steps[1].predict.clone())
        );
    }

    #[test]
    fn empty_tour_has_no_actions() {
        let tour: Tour<u8> = Tour {
            id: "e".into(),
            title: "E".into(),
            steps: vec![],
        };
        assert!(tour.actions_through(3).is_empty());
    }
}
