//! Builds tours by playing them: each step's actions run on a live playground,
//! and predict-then-reveal answers are read off the model, never typed in.

use techshack_core::tour::{Step, Tour};

use super::action::Action;
use super::playground::Playground;

/// Computes an answer from the states before and after a step's actions.
pub type Answer = fn(&Playground, &Playground) -> String;

pub struct ScriptedTour {
    pub tour: Tour<Action>,
    /// Per step, how its answer was computed (for the replay test).
    pub answers: Vec<Option<Answer>>,
}

pub struct Script {
    id: &'static str,
    title: &'static str,
    pub pg: Playground,
    steps: Vec<Step<Action>>,
    answers: Vec<Option<Answer>>,
}

impl Script {
    pub fn new(id: &'static str, title: &'static str) -> Self {
        Script {
            id,
            title,
            pg: Playground::default(),
            steps: Vec::new(),
            answers: Vec::new(),
        }
    }

    pub fn step(&mut self, text: &str, actions: Vec<Action>) -> &mut Self {
        self.push(text, actions, None)
    }

    pub fn ask(
        &mut self,
        text: &str,
        actions: Vec<Action>,
        question: &str,
        answer: Answer,
    ) -> &mut Self {
        self.push(text, actions, Some((question, answer)))
    }

    fn push(
        &mut self,
        text: &str,
        actions: Vec<Action>,
        predict: Option<(&str, Answer)>,
    ) -> &mut Self {
        let before = self.pg.clone();
        for a in &actions {
            // A refused action is caught by the tour replay test.
            let _ = self.pg.apply(a);
        }
        let mut step = Step::new(text, actions);
        if let Some((q, f)) = predict {
            step = step.predict(q, f(&before, &self.pg));
        }
        self.steps.push(step);
        self.answers.push(predict.map(|(_, f)| f));
        self
    }

    pub fn finish(&mut self) -> ScriptedTour {
        ScriptedTour {
            tour: Tour {
                id: self.id,
                title: self.title,
                steps: std::mem::take(&mut self.steps),
            },
            answers: std::mem::take(&mut self.answers),
        }
    }

    /// Minutes until `done` holds, trying on a copy (at most a day).
    pub fn minutes_until(&self, done: impl Fn(&Playground) -> bool) -> u32 {
        let mut pg = self.pg.clone();
        for m in 0..1440 {
            if done(&pg) {
                return m.max(1);
            }
            let _ = pg.apply(&Action::Tick);
        }
        1
    }
}
