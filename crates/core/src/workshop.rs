//! What a teacher needs of a topic to run a workshop: its blocks (a goal,
//! the tours that teach it, a suggested time) and its tours in plain words
//! (`TourSheet`: every step's text, each bet's choices and answer, each
//! task's solution), from which the site writes the session page, the
//! facilitator's answers and the printed hand-outs. Pure data; nothing here
//! reaches a topic's wasm module.

use crate::tour::Tour;

/// One block of a session: one idea of the newsletter, taught with one
/// topic's panel in about `minutes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// Unique across the site: the session link names blocks by it.
    pub id: &'static str,
    pub title: &'static str,
    /// What attendees can do at the end of the block.
    pub goal: &'static str,
    pub minutes: u32,
    /// The topic's tour ids the block walks, in order.
    pub tours: &'static [&'static str],
    /// The topic's zine pages (`PanelModel::zines` ids) its hand-out prints.
    pub zines: &'static [&'static str],
}

/// A tour as words on paper: no actions, only what a reader reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TourSheet {
    pub id: String,
    pub title: String,
    /// The newsletter's point the tour shows.
    pub seed: String,
    pub steps: Vec<StepSheet>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepSheet {
    pub text: String,
    pub bet: Option<BetSheet>,
    /// A task's solution in words (its hint says what to do).
    pub task: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BetSheet {
    pub question: String,
    pub choices: Vec<String>,
    pub right: usize,
    pub why: String,
}

impl BetSheet {
    pub fn answer(&self) -> &str {
        self.choices.get(self.right).map_or("", String::as_str)
    }
}

impl TourSheet {
    pub fn of<A>(tour: &Tour<A>) -> TourSheet {
        TourSheet {
            id: tour.id.to_string(),
            title: tour.title.to_string(),
            seed: tour.seed.to_string(),
            steps: tour
                .steps
                .iter()
                .map(|s| StepSheet {
                    text: s.text.clone(),
                    bet: s.bet.as_ref().map(|b| BetSheet {
                        question: b.question.clone(),
                        choices: b.guess.choices.clone(),
                        right: b.guess.right,
                        why: b.why.clone(),
                    }),
                    task: s.task.as_ref().map(|t| t.hint.clone()),
                })
                .collect(),
        }
    }

    /// The steps that ask something of the reader (a bet or a task), with
    /// their 1-based step numbers: a hand-out's exercises.
    pub fn exercises(&self) -> impl Iterator<Item = (usize, &StepSheet)> {
        self.steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.bet.is_some() || s.task.is_some())
            .map(|(k, s)| (k + 1, s))
    }
}

impl StepSheet {
    /// What the facilitator says at this step: the step's words, then how
    /// to run its bet or task with a room, and the answer.
    pub fn what_to_say(&self) -> String {
        let mut say = self.text.clone();
        if let Some(bet) = &self.bet {
            say.push_str(&format!(
                " Ask the room: “{}” Take a show of hands for each choice before anyone clicks, then bet the room's favourite. The model's answer is “{}”: {}",
                bet.question,
                bet.answer(),
                bet.why
            ));
        }
        if let Some(solution) = &self.task {
            say.push_str(&format!(
                " Give pairs a few minutes on their own devices; Next stays locked until the goal holds. If a pair is stuck: {solution} “Do it for me” shows it on the projector."
            ));
        }
        say
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tour::{Bet, Guess, Step, Task};

    fn tour() -> Tour<u8> {
        let mut bet = Step::new("Two points.", vec![1]);
        bet.bet = Some(Bet {
            question: "Which side?".into(),
            guess: Guess::choice(&["Left", "Right"], 1),
            why: "The margin leans right.".into(),
            reveal: vec![2],
        });
        let mut task = Step::new("Your turn.", vec![]);
        task.task = Some(Task {
            goal: "g".into(),
            hint: "Add a third point.".into(),
            solution: vec![3],
        });
        Tour {
            id: "t".into(),
            title: "T".into(),
            seed: "S".into(),
            steps: vec![Step::new("Hello.", vec![]), bet, task],
        }
    }

    #[test]
    fn a_sheet_keeps_every_word_and_no_action() {
        let sheet = TourSheet::of(&tour());
        assert_eq!(sheet.steps.len(), 3);
        assert_eq!(sheet.steps[1].bet.as_ref().unwrap().answer(), "Right");
        assert_eq!(sheet.steps[2].task.as_deref(), Some("Add a third point."));
        let exercises: Vec<usize> = sheet.exercises().map(|(n, _)| n).collect();
        assert_eq!(exercises, [2, 3], "1-based, plain steps left out");
    }

    #[test]
    fn what_to_say_gives_the_answer_and_the_way_out() {
        let sheet = TourSheet::of(&tour());
        let bet = sheet.steps[1].what_to_say();
        assert!(bet.starts_with("Two points."));
        assert!(
            bet.contains("“Which side?”") && bet.contains("“Right”") && bet.contains("leans right")
        );
        let task = sheet.steps[2].what_to_say();
        assert!(task.contains("Add a third point.") && task.contains("Do it for me"));
        assert_eq!(sheet.steps[0].what_to_say(), "Hello.");
    }
}
