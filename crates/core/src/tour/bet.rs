//! Bets: a step that asks for a prediction holds its effect back until the
//! reader has committed to an answer. The step's own actions set the scene
//! (the reader sees the situation); the bet's `reveal` actions run only once
//! the reader has picked a choice or asked to be shown. So the answer is never
//! on screen before the question, and the reader finds out whether they were
//! right from the panel itself.

use serde::{Deserialize, Serialize};

/// A prediction the reader commits to before the step's reveal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bet<A> {
    pub question: String,
    pub guess: Guess,
    /// Why the answer is what it is, in plain words, read off the model
    /// after the reveal; shown once the reader has bet.
    pub why: String,
    /// What the step does once the reader has bet.
    pub reveal: Vec<A>,
}

/// The reader's choices, and the one the model says is right. (Choices
/// only: a typed number with a tolerance would link a float parser into
/// every topic's module, and the route budgets have no room for it yet.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Guess {
    pub choices: Vec<String>,
    pub right: usize,
}

/// What a reader did at a bet.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wager {
    Choice(usize),
    /// "Show me": no bet, just the reveal.
    Skip,
}

impl Guess {
    /// Two to four choices, the model's answer at `right`.
    pub fn choice(choices: &[&str], right: usize) -> Guess {
        Guess {
            choices: choices.iter().map(|c| c.to_string()).collect(),
            right,
        }
    }

    /// Whether `wager` is right; a skip is never right.
    pub fn judge(&self, wager: Wager) -> bool {
        wager == Wager::Choice(self.right)
    }

    /// The right answer as the reader would have given it.
    pub fn answer(&self) -> String {
        self.choices.get(self.right).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_is_right_only_when_it_is_the_models() {
        let g = Guess::choice(&["It widens", "It narrows"], 0);
        assert!(g.judge(Wager::Choice(0)));
        assert!(!g.judge(Wager::Choice(1)));
        assert!(!g.judge(Wager::Skip));
        assert_eq!(g.answer(), "It widens");
        assert_eq!(
            Guess::choice(&["a"], 5).answer(),
            "",
            "no panic on a bad index"
        );
    }
}
