//! Tasks: a step the reader does. The step's own actions set the scene; the
//! reader then works the panel until the topic's model says the goal holds,
//! and only then may they go on. "Do it for me" applies a known solution, and
//! the steps after a task start from that solution, so a tour stays one
//! deterministic replay whatever the reader did.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What the reader must achieve, and how to get there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Task<A> {
    /// The goal's name in the topic's model (`Playground::goal_holds`). A
    /// name, not a function: tours cross from the extras module as data.
    pub goal: Cow<'static, str>,
    /// A nudge, shown after a while or on request.
    pub hint: String,
    /// Actions that reach the goal from the step's setup.
    pub solution: Vec<A>,
}

/// How long a reader works on a task before its hint shows by itself.
pub const HINT_AFTER_MS: u32 = 30_000;
