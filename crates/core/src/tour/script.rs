//! Builds a tour by playing it: each step's actions run on a live playground
//! as the step is written, and a question's answer is read off the model
//! (from the states before and after its step), never typed in. So the text
//! a learner is shown is what the model does, and a tour's tests can replay
//! it and recompute every answer. A new kind of step (a bet with a setup and
//! a reveal, a task to check) is one more method here that plays its actions
//! and keeps how to check it.

use super::{Step, Tour};
use crate::state::Playground;

/// How a question's answer is computed from the states before and after its
/// step. Most are plain functions (`AnswerFn`); a topic may use a typed
/// question instead, which its tests can name.
pub trait Answer<P> {
    fn answer(&self, before: &P, after: &P) -> String;
}

/// The usual answer: a function of the states before and after the step.
pub type AnswerFn<P> = fn(&P, &P) -> String;

impl<P> Answer<P> for AnswerFn<P> {
    fn answer(&self, before: &P, after: &P) -> String {
        self(before, after)
    }
}

/// A finished tour, with how each step's answer was computed (`None` where
/// the step asks nothing), for the replay tests.
pub struct Scripted<P: Playground, Q = AnswerFn<P>> {
    pub tour: Tour<P::Action>,
    pub answers: Vec<Option<Q>>,
}

/// A tour being written. Topics name it with their playground, e.g.
/// `type Script = tour::Script<Playground>;`, so closures become `AnswerFn`s.
pub struct Script<P: Playground, Q = AnswerFn<P>> {
    id: &'static str,
    title: &'static str,
    pg: P,
    steps: Vec<Step<P::Action>>,
    answers: Vec<Option<Q>>,
}

impl<P: Playground, Q: Answer<P>> Script<P, Q> {
    /// A tour that starts, as every tour does, from the default state.
    pub fn new(id: &'static str, title: &'static str) -> Self {
        Script {
            id,
            title,
            pg: P::default(),
            steps: Vec::new(),
            answers: Vec::new(),
        }
    }

    /// The state the next step starts from.
    pub fn playground(&self) -> &P {
        &self.pg
    }

    /// A step that only tells.
    pub fn step(&mut self, text: impl Into<String>, actions: Vec<P::Action>) -> &mut Self {
        self.play(&actions);
        self.steps.push(Step::new(text, actions));
        self.answers.push(None);
        self
    }

    /// A step that asks the learner to predict what its actions do.
    pub fn ask(
        &mut self,
        text: impl Into<String>,
        actions: Vec<P::Action>,
        question: &str,
        answer: Q,
    ) -> &mut Self {
        let before = self.play(&actions);
        let reply = answer.answer(&before, &self.pg);
        self.steps
            .push(Step::new(text, actions).predict(question, reply));
        self.answers.push(Some(answer));
        self
    }

    pub fn finish(&mut self) -> Scripted<P, Q> {
        Scripted {
            tour: Tour {
                id: self.id.into(),
                title: self.title.into(),
                steps: std::mem::take(&mut self.steps),
            },
            answers: std::mem::take(&mut self.answers),
        }
    }

    /// Applies a step's actions, returning the state before them.
    fn play(&mut self, actions: &[P::Action]) -> P {
        let before = self.pg.clone();
        for a in actions {
            // A refused action is caught by the topic's tour replay test;
            // the tour still builds, as the panel would still play it.
            let _ = self.pg.apply(a);
        }
        before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, Default, PartialEq)]
    struct Level(u32);

    impl Playground for Level {
        type Action = u32;
        type Refusal = String;
        fn apply(&mut self, up: &u32) -> Result<(), String> {
            if self.0 + up > 10 {
                return Err("too high".into());
            }
            self.0 += up;
            Ok(())
        }
    }

    type LevelScript = Script<Level>;

    #[test]
    fn answers_are_read_off_the_states_around_their_step() {
        let mut s = LevelScript::new("t", "T");
        s.step("start at 2", vec![2]);
        assert_eq!(s.playground(), &Level(2));
        s.ask("add 3", vec![3], "where now?", |before, after| {
            format!("from {} to {}", before.0, after.0)
        });
        s.ask("add 9", vec![9], "and now?", |_, after| {
            format!("still {}", after.0)
        });
        let done = s.finish();
        assert_eq!(done.tour.id, "t");
        assert_eq!(done.tour.actions_through(9), vec![2, 3, 9]);
        let answers: Vec<_> = done
            .tour
            .steps
            .iter()
            .map(|s| s.predict.as_ref().map(|p| p.answer.as_str()))
            .collect();
        assert_eq!(answers, vec![None, Some("from 2 to 5"), Some("still 5")]);
        assert!(done.answers[0].is_none());
        let again = done.answers[1].map(|f| f(&Level(2), &Level(5)));
        assert_eq!(again.as_deref(), Some("from 2 to 5"));
    }

    /// A typed question, for topics whose tests name what was asked.
    #[derive(Debug, PartialEq)]
    enum Ask {
        Level,
    }

    impl Answer<Level> for Ask {
        fn answer(&self, _: &Level, after: &Level) -> String {
            format!("level {}", after.0)
        }
    }

    #[test]
    fn typed_questions_are_kept_for_the_tests() {
        let done = Script::<Level, Ask>::new("q", "Q")
            .ask("up", vec![4], "level?", Ask::Level)
            .finish();
        assert_eq!(done.answers, vec![Some(Ask::Level)]);
        assert_eq!(
            done.tour.steps[0]
                .predict
                .as_ref()
                .map(|p| p.answer.clone()),
            Some("level 4".to_string())
        );
    }
}
