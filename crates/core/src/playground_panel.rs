//! A topic built around one playground, which is what a topic usually is:
//! its panel state is the playground plus the feedback on the last action,
//! and the rest of `PanelModel` follows from the topic's own words.
//!
//! A topic implements `PlaygroundTopic` on its model's `Playground` (in its
//! `state.rs`, so the model stays free of yew) and registers
//! `PlaygroundPanel<model::Playground>`. A topic whose state is more than a
//! playground (the message store shares a big one between undo steps)
//! implements `PanelModel` itself and reuses `Feedback`.

use crate::state::history::{UndoKind, Undoable};
use crate::state::{Feedback, Gesture, Playground};
use crate::tour::Tour;
use crate::{PanelHandle, PanelModel, TopicInfo};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;
use yew::Html;

pub trait PlaygroundTopic: Playground + TopicInfo + PartialEq + Debug + 'static {
    /// Bump when `Snapshot` changes shape, so old links get an honest notice.
    const STATE_VERSION: u32;

    type Snapshot: Serialize + DeserializeOwned;
    /// Where feedback on an action is shown: the topic's typed field id.
    type Field: Clone + PartialEq + Debug + 'static;
    /// What views dispatch: the model's `Action` when every action is a step,
    /// `Stroke<Action>` when gestures stream (one drag, one undo step).
    type Gesture: Gesture<Action = Self::Action> + Serialize + DeserializeOwned;

    /// The field an action's refusal or notice is shown at.
    fn field_of(action: &Self::Action) -> Self::Field;
    /// How an action that starts a step enters the history: a bulk paste may
    /// be a barrier, a play tick transient.
    fn undo_kind(_action: &Self::Action) -> UndoKind {
        UndoKind::Step
    }
    fn snapshot(&self) -> Self::Snapshot;
    /// Rebuild from a link; the snapshot may be tampered with, so validate.
    fn restore(snapshot: Self::Snapshot) -> Result<Self, String>;
    /// See `PanelModel::TOUR_TITLES`.
    const TOUR_TITLES: &'static [(&'static str, &'static str)];
    /// What the comic says about this playground (see `PanelModel::Comic`).
    type Comic: Serialize + DeserializeOwned + PartialEq + 'static;

    fn tours() -> Vec<Tour<Self::Action>>;
    fn comic_script(&self) -> Self::Comic;
    /// The single-graphic summary as SVG.
    fn draw_comic(script: &Self::Comic) -> String;
    fn view(handle: PanelHandle<PlaygroundPanel<Self>>) -> Html;
    /// See `PanelModel::export`.
    fn export(_kind: &str, _snapshot: Self::Snapshot) -> Option<String> {
        None
    }
    /// See `PanelModel::zines`.
    fn zines() -> Vec<(&'static str, crate::sketch::Zine)> {
        Vec::new()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlaygroundPanel<T: PlaygroundTopic> {
    pub pg: T,
    pub feedback: Option<Feedback<T::Field>>,
}

impl<T: PlaygroundTopic> Default for PlaygroundPanel<T> {
    fn default() -> Self {
        PlaygroundPanel {
            pg: T::default(),
            feedback: None,
        }
    }
}

impl<T: PlaygroundTopic> PlaygroundPanel<T> {
    /// Why the last action at `field` was refused, if it was.
    pub fn refused(&self, field: &T::Field) -> Option<&str> {
        self.feedback.as_ref().and_then(|f| f.refused_at(field))
    }

    /// A notice about the last (successful) action at `field`.
    pub fn notice(&self, field: &T::Field) -> Option<&str> {
        self.feedback.as_ref().and_then(|f| f.notice_at(field))
    }
}

impl<T: PlaygroundTopic> Undoable for PlaygroundPanel<T> {
    type Action = T::Gesture;

    fn apply(&mut self, gesture: &T::Gesture) {
        let action = gesture.action();
        self.feedback = match Playground::apply(&mut self.pg, action) {
            Err(e) => Some(Feedback::refusal(T::field_of(action), e.to_string())),
            Ok(()) => {
                let notices = self.pg.notices();
                (!notices.is_empty())
                    .then(|| Feedback::notice(T::field_of(action), notices.join("; ")))
            }
        };
    }

    fn undo_kind(gesture: &T::Gesture) -> UndoKind {
        if gesture.continues() {
            UndoKind::Transient
        } else {
            T::undo_kind(gesture.action())
        }
    }
}

impl<T: PlaygroundTopic> TopicInfo for PlaygroundPanel<T> {
    const ID: &'static str = T::ID;
    const TITLE: &'static str = T::TITLE;
    const SUMMARY: &'static str = T::SUMMARY;
    const ICON: &'static str = T::ICON;
    const ARTICLE: crate::Article = T::ARTICLE;
    const WORKSHOP: &'static [crate::workshop::Block] = T::WORKSHOP;
    const UPGRADE: Option<&'static str> = T::UPGRADE;
}

impl<T: PlaygroundTopic> PanelModel for PlaygroundPanel<T> {
    const STATE_VERSION: u32 = T::STATE_VERSION;
    const TOUR_TITLES: &'static [(&'static str, &'static str)] = T::TOUR_TITLES;

    type Snapshot = T::Snapshot;
    type Comic = T::Comic;

    fn initial() -> Self {
        PlaygroundPanel::default()
    }

    fn snapshot(&self) -> T::Snapshot {
        T::snapshot(&self.pg)
    }

    fn restore(snapshot: T::Snapshot) -> Result<Self, String> {
        T::restore(snapshot).map(|pg| PlaygroundPanel { pg, feedback: None })
    }

    fn tours() -> Vec<Tour<T::Gesture>> {
        T::tours()
            .into_iter()
            .map(|t| t.map(T::Gesture::step))
            .collect()
    }

    fn comic_script(&self) -> T::Comic {
        self.pg.comic_script()
    }

    fn draw_comic(script: &T::Comic) -> String {
        T::draw_comic(script)
    }

    fn view(handle: PanelHandle<Self>) -> Html {
        T::view(handle)
    }

    fn export(kind: &str, snapshot: T::Snapshot) -> Option<String> {
        T::export(kind, snapshot)
    }

    fn zines() -> Vec<(&'static str, crate::sketch::Zine)> {
        T::zines()
    }

    fn goal_holds(&self, goal: &str) -> Option<bool> {
        self.pg.goal_holds(goal)
    }

    fn story_values(&self) -> Vec<(&'static str, f64)> {
        self.pg.story_values()
    }

    fn story_set(&self, key: &str, value: f64) -> Option<T::Gesture> {
        self.pg.story_set(key, value).map(T::Gesture::step)
    }
}

#[cfg(test)]
#[path = "playground_panel_tests.rs"]
mod tests;
