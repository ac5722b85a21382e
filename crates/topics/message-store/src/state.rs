//! The panel's state: the model's playground behind a shared cell, the
//! channel being looked at, and the refusal of the last action kept with the
//! field that caused it.
//!
//! A generated store holds a million rows, and the frame clones the panel
//! state on every change. So the playground sits in `Rc<RefCell<_>>`: while
//! it is small, `Clone` deep-copies it and undo works as anywhere else; once
//! it is big, `Clone` shares it, the view marks its actions as barriers
//! (history is cleared, so no old state can see the shared cell change) and
//! says that undo is off. `version` changes on every apply, so a shared cell
//! still compares unequal after a change.

pub use super::focus::Focus;
use super::focus::{focus_after, focus_of, next_read, read_of};
use super::model::{self, Action, Playground};
pub use super::panel_action::{PanelAction, Undo, WorkloadEnd};
pub use super::refusal::{Field, Refusal};
use super::view::MessageStoreView;
use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;
use techshack_core::state::history::{UndoKind, Undoable};
use techshack_core::tour::Tour;
use techshack_core::{Article, PanelHandle, PanelModel, TopicInfo};
use yew::prelude::*;

/// Above this many stored rows the playground is shared, not copied, and
/// undo is off.
pub const UNDO_ROW_LIMIT: usize = 20_000;

/// The channel the panel opens on, #playground (see `model::channels`).
pub const DEFAULT_CHANNEL: u64 = model::channels::PLAYGROUND;
/// The example user ID of Discord's API docs.
pub const DEFAULT_AUTHOR: u64 = model::tours::AUTHOR;

pub struct MessageStorePanel {
    pg: Rc<RefCell<Playground>>,
    /// Changes on every apply, to a value no other state has had.
    pub version: u64,
    /// Changes (likewise uniquely) when the stored data or settings do, but
    /// not on each slice of a running generation (views keyed on it skip
    /// those).
    pub data_version: u64,
    pub focus: Focus,
    pub refusal: Option<Refusal>,
    /// The read on screen (a page or Cassandra's refusal), which the model
    /// reads again after every change, with a stamp of when a person ran it
    /// (see `focus::next_read`).
    pub last_read: Option<(Rc<model::Outcome>, u64)>,
    pub workload_end: Option<WorkloadEnd>,
    /// A shared link whose generated messages are still being made in
    /// slices; the rest of the link is replayed when they are done.
    pub restoring: Option<model::snapshot::Restoring>,
    /// A tour's burst or bulk delete the playground is applying in slices
    /// (see `Undoable::begin`).
    pub slicing: Option<Action>,
}

impl MessageStorePanel {
    pub fn new(pg: Playground) -> Self {
        let focus = focus_of(&pg);
        let version = stamp();
        let last_read = read_of(&pg).map(|o| (o, version));
        MessageStorePanel {
            pg: Rc::new(RefCell::new(pg)),
            version,
            data_version: version,
            focus,
            refusal: None,
            last_read,
            workload_end: None,
            restoring: None,
            slicing: None,
        }
    }

    /// Looks again at what the playground did last: its last channel and
    /// its last read (after a link finished restoring).
    fn look_again(&mut self) {
        let (focus, read) = {
            let pg = self.pg();
            (focus_of(&pg), read_of(&pg))
        };
        self.focus = focus;
        self.last_read = read.map(|o| (o, self.data_version));
    }

    pub fn pg(&self) -> Ref<'_, Playground> {
        self.pg.borrow()
    }

    fn pg_mut(&self) -> RefMut<'_, Playground> {
        self.pg.borrow_mut()
    }

    pub fn rows(&self) -> usize {
        self.pg().store().row_count()
    }

    /// Too big to copy: undo is off and clones share the playground.
    pub fn is_big(&self) -> bool {
        self.rows() > UNDO_ROW_LIMIT
    }

    /// How an action from the view enters the history.
    pub fn undo_for(&self) -> Undo {
        if self.is_big() {
            Undo::Off
        } else {
            Undo::Keep
        }
    }

    /// The refusal shown at `field`, if any.
    pub fn refused(&self, field: &Field) -> Option<&str> {
        self.refusal.as_ref().and_then(|r| r.refused_at(field))
    }

    /// Whatever happened, the read on screen is the model's, which it
    /// keeps current.
    fn read_again(&mut self) {
        let read = next_read(self.last_read.take(), &self.pg(), self.data_version);
        self.last_read = read;
    }

    pub fn generating(&self) -> bool {
        self.pg().workload_progress().is_some()
    }

    fn apply_model(&mut self, action: &Action) {
        if self.restoring.is_some() && !self.generating() {
            let e = model::Error::Invalid {
                field: model::Input::Workload,
                reason: "the shared link is still being replayed; try again in a moment".into(),
            };
            self.refusal = Some(Refusal::refusal(Field::of(action, &e), e.to_string()));
            return;
        }
        let result = self.pg_mut().apply(action);
        self.settle(action, result);
    }

    /// What follows an action the playground has applied, or refused.
    fn settle(&mut self, action: &Action, result: Result<(), model::Error>) {
        match result {
            Ok(()) => {
                self.refusal = None;
                self.data_version = stamp();
                let focus = focus_after(action, &self.pg());
                if let Some(f) = focus {
                    self.focus = f;
                }
            }
            Err(e) => {
                self.refusal = Some(Refusal::refusal(Field::of(action, &e), e.to_string()));
            }
        }
    }

    /// Carries on restoring a link once its generated messages are made.
    fn resume_link(&mut self) {
        let Some(mut r) = self.restoring.take() else {
            return;
        };
        let resumed = self.pg_mut().resume_restore(&mut r);
        self.data_version = stamp();
        match resumed {
            Ok(true) => self.look_again(),
            Ok(false) => self.restoring = Some(r),
            Err(e) => self.refusal = Some(Refusal::refusal(Field::Workload, e.to_string())),
        }
    }

    fn finish_workload(&mut self, end: WorkloadEnd) {
        self.workload_end = Some(end);
        self.data_version = stamp();
        let busiest = self.pg().store().busiest_channels(1).first().map(|b| b.0);
        if let Some(channel) = busiest {
            self.focus = Focus {
                channel,
                bucket: None,
            };
        }
    }
}

thread_local! {
    static STAMPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A number no other state has had: versions compare unequal across
/// resets, replays and undo, where counting from the start would collide.
fn stamp() -> u64 {
    STAMPS.with(|c| {
        let n = c.get() + 1;
        c.set(n);
        n
    })
}

impl Undoable for MessageStorePanel {
    type Action = PanelAction;

    /// Past this size every change is a barrier (no copies are kept), so
    /// Undo has nothing to go back to that matches the note the panel shows.
    fn undo_off(&self) -> Option<&'static str> {
        self.is_big().then_some(
            "Undo is off while the store holds more than 20 000 messages, deleted ones too; Reset starts over",
        )
    }

    fn apply(&mut self, action: &PanelAction) {
        self.version = stamp();
        match action {
            PanelAction::Model(a, _) => self.apply_model(a),
            PanelAction::Focus(f) => self.focus = *f,
            PanelAction::BeginWorkload {
                seed,
                messages,
                channels,
            } => {
                let begun = self.pg_mut().begin_workload(*seed, *messages, *channels);
                match begun {
                    Ok(_) => {
                        self.refusal = None;
                        self.workload_end = None;
                    }
                    Err(e) => {
                        let probe = Action::GenerateWorkload {
                            seed: *seed,
                            messages: *messages,
                            channels: *channels,
                        };
                        self.refusal = Some(Refusal::refusal(Field::of(&probe, &e), e.to_string()));
                    }
                }
            }
            PanelAction::ResumeLink if !self.generating() => self.resume_link(),
            PanelAction::ResumeLink => {}
            // A slice that arrives after its generation ended does nothing.
            PanelAction::WorkloadStep(_) if !self.generating() => {}
            PanelAction::WorkloadStep(n) => {
                let stepped = self.pg_mut().workload_step(*n);
                match stepped {
                    Ok(p) if p.finished => {
                        self.finish_workload(WorkloadEnd {
                            progress: p,
                            cancelled: false,
                        });
                        self.resume_link();
                    }
                    Ok(_) => {}
                    Err(e) => {
                        self.pg_mut().cancel_workload();
                        self.refusal = Some(Refusal::refusal(Field::Workload, e.to_string()));
                        self.data_version = stamp();
                    }
                }
            }
            PanelAction::CancelWorkload => {
                let cancelled = self.pg_mut().cancel_workload();
                if let Some(progress) = cancelled {
                    self.finish_workload(WorkloadEnd {
                        progress,
                        cancelled: true,
                    });
                }
                if self.restoring.take().is_some() {
                    self.refusal = Some(Refusal::refusal(
                        Field::Workload,
                        "Restoring the link stopped with its generated messages; what it holds so far stays, the rest of the link was not replayed.",
                    ));
                }
            }
        }
        self.read_again();
    }

    /// A tour's big burst or bulk delete is begun in slices, which `work`
    /// carries on, so entering the incident's first step (120 000 writes and
    /// deletes) never blocks the page; the frame shows `working` meanwhile.
    fn begin(&mut self, action: &PanelAction) -> bool {
        let PanelAction::Model(a, _) = action else {
            self.apply(action);
            return false;
        };
        if self.restoring.is_some() || self.slicing.is_some() {
            self.apply(action);
            return false;
        }
        self.version = stamp();
        let begun = self.pg_mut().begin_sliced(a);
        match begun {
            Ok(true) => {
                self.slicing = Some(a.clone());
                return true;
            }
            Ok(false) => self.settle(a, Ok(())),
            Err(e) => self.settle(a, Err(e)),
        }
        self.read_again();
        false
    }

    fn work(&mut self, size: u64) -> bool {
        let Some(a) = self.slicing.clone() else {
            return true;
        };
        self.version = stamp();
        let stepped = self.pg_mut().slice_step(size);
        match stepped {
            Ok(false) => return false,
            Ok(true) => self.settle(&a, Ok(())),
            Err(e) => self.settle(&a, Err(e)),
        }
        self.slicing = None;
        self.read_again();
        true
    }

    fn working(&self) -> Option<String> {
        use model::playground::SliceKind;
        let (kind, done, total) = self.pg().slice_progress()?;
        // In 5% steps: a cue that changed with every slice made the page
        // redo its accessibility tree (a live region) as often.
        let step = (total / 20).max(1);
        let done = done / step * step;
        let (done, total) = (
            super::view::format::count(done),
            super::view::format::count(total),
        );
        Some(match kind {
            SliceKind::Writing => format!("writing message {done} of {total}"),
            SliceKind::Picking => format!("finding the messages to delete: {done} of {total}"),
            SliceKind::Deleting => format!("deleting message {done} of {total}"),
        })
    }

    /// Deep even when big: a tour step continues from the last one's state
    /// (see `state::trail`), which must stay as it was.
    fn fork(&self) -> Self {
        MessageStorePanel {
            pg: Rc::new(RefCell::new(self.pg().clone())),
            ..self.clone()
        }
    }

    fn undo_kind(action: &PanelAction) -> UndoKind {
        match action {
            PanelAction::Model(_, Undo::Keep) => UndoKind::Step,
            PanelAction::Model(_, Undo::Off) | PanelAction::BeginWorkload { .. } => {
                UndoKind::Barrier
            }
            PanelAction::Focus(_)
            | PanelAction::WorkloadStep(_)
            | PanelAction::CancelWorkload
            | PanelAction::ResumeLink => UndoKind::Transient,
        }
    }
}

#[path = "state_impls.rs"]
mod impls;

#[path = "state_panel.rs"]
mod panel;

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "state_read_tests.rs"]
mod read_tests;

#[cfg(test)]
#[path = "state_replay_tests.rs"]
mod replay_tests;
