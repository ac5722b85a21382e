//! Builds a tour by playing it: each step's actions run on a live playground
//! as the step is written, and a bet's answer is read off the model (from
//! the states before and after its reveal), never typed in. So the text
//! a learner is shown is what the model does, and a tour's tests can replay
//! it and recompute every answer. A new kind of step (a bet with a setup and
//! a reveal, a task to check) is one more method here that plays its actions
//! and keeps how to check it.

use super::{Bet, Guess, Step, Task, Tour};
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

/// How a bet's right answer is read off the model: from the state the
/// reader bets on (after the step's setup) and the state after its reveal.
pub type GuessFn<P> = fn(&P, &P) -> Guess;

/// A finished tour, with how each step's answer was computed (`None` where
/// the step asks nothing) and each bet's right answer, for the replay tests.
pub struct Scripted<P: Playground, Q = AnswerFn<P>> {
    pub tour: Tour<P::Action>,
    pub answers: Vec<Option<Q>>,
    pub guesses: Vec<Option<GuessFn<P>>>,
}

/// A tour being written. Topics name it with their playground, e.g.
/// `type Script = tour::Script<Playground>;`, so closures become `AnswerFn`s.
pub struct Script<P: Playground, Q = AnswerFn<P>> {
    id: &'static str,
    title: &'static str,
    seed: &'static str,
    pg: P,
    steps: Vec<Step<P::Action>>,
    answers: Vec<Option<Q>>,
    guesses: Vec<Option<GuessFn<P>>>,
}

impl<P: Playground, Q: Answer<P>> Script<P, Q> {
    /// A tour that starts, as every tour does, from the default state.
    pub fn new(id: &'static str, title: &'static str) -> Self {
        Script {
            id,
            title,
            seed: "",
            pg: P::default(),
            steps: Vec::new(),
            answers: Vec::new(),
            guesses: Vec::new(),
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
        self.guesses.push(None);
        self
    }

    /// A step that sets a scene (`setup`, applied when it opens), asks the
    /// reader to bet on what `reveal` will do, and applies `reveal` only
    /// once they have. The right answer (`guess`) and the explanation
    /// (`why`) are read off the model, from the states before and after the
    /// reveal.
    pub fn bet(
        &mut self,
        text: impl Into<String>,
        setup: Vec<P::Action>,
        question: &str,
        reveal: Vec<P::Action>,
        guess: GuessFn<P>,
        why: Q,
    ) -> &mut Self {
        self.play(&setup);
        let before = self.play(&reveal);
        let mut step = Step::new(text, setup);
        step.bet = Some(Bet {
            question: question.into(),
            guess: guess(&before, &self.pg),
            why: why.answer(&before, &self.pg),
            reveal,
        });
        self.steps.push(step);
        self.answers.push(Some(why));
        self.guesses.push(Some(guess));
        self
    }

    /// A step the reader does: `setup` sets the scene, and the reader works
    /// the panel until the model's `goal` holds (`Playground::goal_holds`).
    /// `solution` is what "Do it for me" applies, and where later steps
    /// start from. The topic's tests check that the goal fails after the
    /// setup and holds after the solution.
    pub fn task(
        &mut self,
        text: impl Into<String>,
        setup: Vec<P::Action>,
        goal: &'static str,
        hint: impl Into<String>,
        solution: Vec<P::Action>,
    ) -> &mut Self {
        self.play(&setup);
        self.play(&solution);
        let mut step = Step::new(text, setup);
        step.task = Some(Task {
            goal: goal.into(),
            hint: hint.into(),
            solution,
        });
        self.steps.push(step);
        self.answers.push(None);
        self.guesses.push(None);
        self
    }

    /// The newsletter's point this tour shows, for its recap.
    pub fn seed(&mut self, sentence: &'static str) -> &mut Self {
        self.seed = sentence;
        self
    }

    /// Names the element the last step talks about (a CSS selector inside
    /// the panel's body), when it is not the panel's picture.
    pub fn focus(&mut self, selector: &'static str) -> &mut Self {
        if let Some(step) = self.steps.last_mut() {
            step.focus = Some(selector.into());
        }
        self
    }

    pub fn finish(&mut self) -> Scripted<P, Q> {
        Scripted {
            tour: Tour {
                id: self.id.into(),
                title: self.title.into(),
                seed: self.seed.into(),
                steps: std::mem::take(&mut self.steps),
            },
            answers: std::mem::take(&mut self.answers),
            guesses: std::mem::take(&mut self.guesses),
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
    fn a_step_plays_its_actions_and_asks_nothing() {
        let mut s = LevelScript::new("t", "T");
        s.step("start at 2", vec![2]);
        assert_eq!(s.playground(), &Level(2));
        let done = s.finish();
        assert_eq!(done.tour.id, "t");
        assert_eq!(done.tour.actions_through(9), vec![2]);
        assert!(done.answers[0].is_none() && done.guesses[0].is_none());
        assert!(done.tour.steps[0].bet.is_none());
    }

    #[test]
    fn a_bet_reads_its_answer_off_the_reveal_and_holds_it_back() {
        let done = LevelScript::new("b", "B")
            .step("start at 2", vec![2])
            .bet(
                "set up 1",
                vec![1],
                "up 4: past 5?",
                vec![4],
                |before, after| {
                    Guess::choice(&["yes", "no"], usize::from(after.0 <= 5 || before.0 > 5))
                },
                |before, after| format!("{} to {}", before.0, after.0),
            )
            .finish();
        let bet = done.tour.steps[1].bet.as_ref().unwrap();
        assert_eq!(bet.guess, Guess::choice(&["yes", "no"], 0));
        assert_eq!(bet.why, "3 to 7");
        assert_eq!(done.tour.actions_through(1), vec![2, 1]);
        assert_eq!(done.tour.actions_revealed(1), vec![2, 1, 4]);
        assert!(done.guesses[1].is_some() && done.guesses[0].is_none());
    }

    #[test]
    fn a_task_plays_its_solution_so_later_steps_start_solved() {
        let done = LevelScript::new("t", "T")
            .task("reach 5", vec![1], "five", "add four", vec![4])
            .step("then one more", vec![1])
            .finish();
        let task = done.tour.steps[0].task.as_ref().unwrap();
        assert_eq!(
            (task.goal.as_ref(), task.hint.as_str()),
            ("five", "add four")
        );
        assert_eq!(done.tour.actions_through(0), vec![1]);
        assert_eq!(done.tour.actions_through(1), vec![1, 4, 1]);
        assert_eq!(done.answers.len(), 2);
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
            .bet(
                "up",
                vec![],
                "level?",
                vec![4],
                |_, after| Guess::choice(&["4", "5"], usize::from(after.0 != 4)),
                Ask::Level,
            )
            .finish();
        assert_eq!(done.answers, vec![Some(Ask::Level)]);
        assert_eq!(
            done.tour.steps[0].bet.as_ref().map(|b| b.why.clone()),
            Some("level 4".to_string())
        );
    }
}
