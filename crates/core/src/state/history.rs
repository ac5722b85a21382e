//! Undo/redo over any panel model. Every panel gets undo, redo and reset from
//! this one mechanism because every change is a named action.

use super::trail::Trail;
use std::rc::Rc;

/// How an action enters the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndoKind {
    /// A user step: undo returns to the state before it.
    Step,
    /// A continuation (a drag frame, an animation tick): changes the present
    /// in place without a new undo entry, so one drag is one undo step.
    Transient,
    /// Too big to keep copies of (a million generated rows): applied in place
    /// and the history is cleared, so memory stays bounded.
    Barrier,
}

/// The operations the history understands, wrapping the model's own actions.
#[derive(Clone, Debug, PartialEq)]
pub enum Change<A> {
    Do(A),
    Undo,
    Redo,
    Reset,
    /// The state `start` reaches by a script of actions, as one undo step
    /// (tours). Made from the longest prefix an earlier replay made, while
    /// no other change has happened since (see `Trail`). A model may begin
    /// a heavy action of the script in slices (`Undoable::begin`); the
    /// replay then goes on in `Work` changes.
    Replay(Vec<A>),
    /// A tour step's reveal: a `Replay` of the step's script and its reveal,
    /// which continues the state on screen, so the view is kept as it is
    /// (`jumps` is unchanged) rather than made afresh: after a bet the
    /// reader's forms stay, and only what the reveal changed is redrawn.
    Reveal(Vec<A>),
    /// An action that continues the step before it, whatever its kind (one
    /// scrub of a story number is one undo step, however far it goes).
    Continue(A),
    /// One more slice, of about this many of the model's units, of a replay
    /// still under way (`History::going`); nothing otherwise.
    Work(u64),
}

pub trait Undoable: Clone {
    type Action: Clone + PartialEq + 'static;
    fn apply(&mut self, action: &Self::Action);
    fn undo_kind(_action: &Self::Action) -> UndoKind {
        UndoKind::Step
    }
    /// A copy that shares nothing a later `apply` changes. Most models'
    /// `clone` already is one; a model whose clones share big data must
    /// copy it here.
    fn fork(&self) -> Self {
        self.clone()
    }
    /// Why Undo is off in this state, if it is (e.g. a store too big to keep
    /// copies of). The toolbar disables Undo and shows the reason.
    fn undo_off(&self) -> Option<&'static str> {
        None
    }
    /// Begins `action` as a replay does. A model may begin a heavy action
    /// in slices instead of applying it whole, and then says so (`true`):
    /// `work` does the rest, a slice at a time, and the frame runs each
    /// slice in a task of its own so the page stays responsive. By default
    /// the action is applied whole.
    fn begin(&mut self, action: &Self::Action) -> bool {
        self.apply(action);
        false
    }
    /// Does up to `size` more units (the model's own: rows, say) of what
    /// `begin` left under way; `true` once it is done.
    fn work(&mut self, _size: u64) -> bool {
        true
    }
    /// What `begin` left under way, while it is, for the working cue.
    fn working(&self) -> Option<String> {
        None
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct History<M: Undoable> {
    start: Rc<M>,
    present: Rc<M>,
    past: Vec<Rc<M>>,
    future: Vec<Rc<M>>,
    trail: Trail<M>,
    /// How many times the present was replaced by another state (reset, a
    /// tour step): the frame remakes the view then, so no field keeps text
    /// from a state that is gone. Undo and redo are left out: they are also
    /// keys pressed inside the view, whose focus a remake would lose.
    jumps: u64,
}

/// Enough undo for real use, bounded so long sessions do not grow without end.
pub const MAX_UNDO: usize = 100;

impl<M: Undoable> History<M> {
    /// `start` is what Reset returns to: the default state, not the linked one.
    pub fn new(start: M, present: M) -> Self {
        History {
            start: Rc::new(start),
            present: Rc::new(present),
            past: Vec::new(),
            future: Vec::new(),
            trail: Trail::default(),
            jumps: 0,
        }
    }

    pub fn jumps(&self) -> u64 {
        self.jumps
    }

    /// Why Undo is off in the present state, if it is.
    pub fn undo_off(&self) -> Option<&'static str> {
        self.present.undo_off()
    }

    pub fn present(&self) -> &M {
        &self.present
    }

    pub fn present_rc(&self) -> Rc<M> {
        self.present.clone()
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty() && self.undo_off().is_none()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Whether a replay is still under way (see `Change::Work`).
    pub fn going(&self) -> bool {
        self.trail.going()
    }

    pub fn change(&mut self, change: Change<M::Action>) {
        if self.going() {
            let transient =
                matches!(&change, Change::Do(a) if M::undo_kind(a) == UndoKind::Transient);
            if !transient && !matches!(change, Change::Work(_)) {
                // Any other change first drops the unfinished replay, as if
                // it had not begun: undo stops there.
                self.trail.stop();
                if let Some(prev) = self.past.pop() {
                    self.present = prev;
                }
                if matches!(change, Change::Undo) {
                    return;
                }
            }
        }
        match change {
            Change::Do(action) => self.apply(&action),
            Change::Undo => {
                if !self.can_undo() {
                    return;
                }
                if let Some(prev) = self.past.pop() {
                    let now = std::mem::replace(&mut self.present, prev);
                    self.future.push(now);
                }
            }
            Change::Redo => {
                if let Some(next) = self.future.pop() {
                    let now = std::mem::replace(&mut self.present, next);
                    self.past.push(now);
                }
            }
            Change::Reset => {
                let start = self.start.clone();
                self.push_step(start);
                self.jumps += 1;
            }
            Change::Replay(actions) => {
                let next = self.trail.replay(&self.start, actions);
                self.push_step(next);
                self.jumps += 1;
            }
            Change::Reveal(actions) => {
                let next = self.trail.replay(&self.start, actions);
                self.push_step(next);
            }
            Change::Continue(action) => {
                self.trail.forget();
                Rc::make_mut(&mut self.present).apply(&action);
            }
            Change::Work(size) => self.trail.work(&mut self.present, size),
        }
    }

    fn apply(&mut self, action: &M::Action) {
        if self.going() {
            // A transient change (a focus, a tick) while a replay goes on:
            // in place, and the replay goes on.
            Rc::make_mut(&mut self.present).apply(action);
            return;
        }
        self.trail.forget();
        match M::undo_kind(action) {
            UndoKind::Step => {
                let mut next = (*self.present).clone();
                next.apply(action);
                self.push_step(Rc::new(next));
            }
            UndoKind::Transient => Rc::make_mut(&mut self.present).apply(action),
            UndoKind::Barrier => {
                self.past.clear();
                self.future.clear();
                Rc::make_mut(&mut self.present).apply(action);
            }
        }
    }

    fn push_step(&mut self, next: Rc<M>) {
        let prev = std::mem::replace(&mut self.present, next);
        self.past.push(prev);
        if self.past.len() > MAX_UNDO {
            self.past.remove(0);
        }
        self.future.clear();
    }
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
