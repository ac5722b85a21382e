//! What a view dispatches, as the undo history sees it: a model action that
//! is a step of its own, or one that continues the step before it. A topic
//! whose every action is a step marks its `Action` a `StepAction` and
//! dispatches it as it is; a topic whose gestures stream dispatches
//! `Stroke<Action>`.

use serde::{Deserialize, Serialize};
use std::fmt::Debug;

pub trait Gesture: Clone + PartialEq + Debug + 'static {
    type Action;
    /// The model action it carries.
    fn action(&self) -> &Self::Action;
    /// The action as a step of its own (how tours dispatch).
    fn step(action: Self::Action) -> Self;
    /// Continues the step before it, so one drag is one undo step.
    fn continues(&self) -> bool {
        false
    }
}

/// A model action that views dispatch as it is: each one starts an undo
/// step (the topic's `undo_kind` may still call one transient or a barrier).
pub trait StepAction: Clone + PartialEq + Debug + 'static {}

impl<A: StepAction> Gesture for A {
    type Action = A;

    fn action(&self) -> &A {
        self
    }

    fn step(action: A) -> A {
        action
    }
}

/// For a topic whose gestures stream (drag frames, slider moves, play
/// ticks): an action as a new undo step, or as the continuation of the last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Stroke<A> {
    Do(A),
    Continue(A),
}

impl<A: Clone + PartialEq + Debug + 'static> Gesture for Stroke<A> {
    type Action = A;

    fn action(&self) -> &A {
        match self {
            Stroke::Do(a) | Stroke::Continue(a) => a,
        }
    }

    fn step(action: A) -> Self {
        Stroke::Do(action)
    }

    fn continues(&self) -> bool {
        matches!(self, Stroke::Continue(_))
    }
}
