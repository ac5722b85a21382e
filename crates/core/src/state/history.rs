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
    /// no other change has happened since (see `Trail`).
    Replay(Vec<A>),
    /// An action that continues the step before it, whatever its kind (one
    /// scrub of a story number is one undo step, however far it goes).
    Continue(A),
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

    pub fn change(&mut self, change: Change<M::Action>) {
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
            Change::Continue(action) => {
                self.trail.forget();
                Rc::make_mut(&mut self.present).apply(&action);
            }
        }
    }

    fn apply(&mut self, action: &M::Action) {
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
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq, Default)]
    struct Counter(i64);

    #[derive(Clone, Debug, PartialEq)]
    enum Act {
        Add(i64),
        Nudge(i64),
        Huge,
    }

    impl Undoable for Counter {
        type Action = Act;
        fn apply(&mut self, a: &Act) {
            match a {
                Act::Add(n) | Act::Nudge(n) => self.0 += n,
                Act::Huge => self.0 = 1_000_000,
            }
        }
        fn undo_kind(a: &Act) -> UndoKind {
            match a {
                Act::Add(_) => UndoKind::Step,
                Act::Nudge(_) => UndoKind::Transient,
                Act::Huge => UndoKind::Barrier,
            }
        }
    }

    #[test]
    fn a_continued_step_joins_the_one_before_whatever_its_kind() {
        let mut h = history();
        h.change(Change::Do(Act::Add(1)));
        h.change(Change::Do(Act::Add(10)));
        h.change(Change::Continue(Act::Add(100)));
        h.change(Change::Continue(Act::Add(1000)));
        assert_eq!(h.present().0, 1111);
        h.change(Change::Undo);
        assert_eq!(h.present().0, 1, "one undo takes the whole scrub back");
    }

    #[test]
    fn jumps_count_resets_and_tour_steps() {
        let mut h = history();
        h.change(Change::Do(Act::Add(1)));
        h.change(Change::Do(Act::Nudge(1)));
        h.change(Change::Undo);
        h.change(Change::Redo);
        assert_eq!(h.jumps(), 0);
        h.change(Change::Reset);
        h.change(Change::Replay(vec![Act::Add(2)]));
        assert_eq!(h.jumps(), 2);
    }

    #[test]
    fn undo_is_refused_while_the_state_says_it_is_off() {
        #[derive(Clone, Debug, PartialEq)]
        struct Big(i64);
        impl Undoable for Big {
            type Action = i64;
            fn apply(&mut self, a: &i64) {
                self.0 += a;
            }
            fn undo_off(&self) -> Option<&'static str> {
                (self.0 > 10).then_some("too big")
            }
        }
        let mut h = History::new(Big(0), Big(0));
        h.change(Change::Do(5));
        assert!(h.can_undo());
        h.change(Change::Do(20));
        assert!(!h.can_undo());
        assert_eq!(h.undo_off(), Some("too big"));
        h.change(Change::Undo);
        assert_eq!(h.present(), &Big(25), "Ctrl+Z does nothing either");
    }

    fn history() -> History<Counter> {
        History::new(Counter(0), Counter(0))
    }

    #[test]
    fn undo_and_redo_walk_the_steps() {
        let mut h = history();
        h.change(Change::Do(Act::Add(2)));
        h.change(Change::Do(Act::Add(3)));
        h.change(Change::Undo);
        assert_eq!(h.present().0, 2);
        h.change(Change::Redo);
        assert_eq!(h.present().0, 5);
        h.change(Change::Redo);
        assert_eq!(h.present().0, 5, "redo past the end does nothing");
    }

    #[test]
    fn a_new_step_drops_the_redo_branch() {
        let mut h = history();
        h.change(Change::Do(Act::Add(1)));
        h.change(Change::Undo);
        h.change(Change::Do(Act::Add(10)));
        assert!(!h.can_redo());
        assert_eq!(h.present().0, 10);
    }

    #[test]
    fn transient_changes_merge_into_one_undo_step() {
        let mut h = history();
        h.change(Change::Do(Act::Add(1)));
        h.change(Change::Do(Act::Nudge(1)));
        h.change(Change::Do(Act::Nudge(1)));
        assert_eq!(h.present().0, 3);
        h.change(Change::Undo);
        assert_eq!(h.present().0, 0);
    }

    #[test]
    fn barrier_clears_history() {
        let mut h = history();
        h.change(Change::Do(Act::Add(1)));
        h.change(Change::Do(Act::Huge));
        assert!(!h.can_undo());
        assert_eq!(h.present().0, 1_000_000);
    }

    #[test]
    fn reset_is_undoable_and_returns_to_start() {
        let mut h = History::new(Counter(0), Counter(42));
        h.change(Change::Reset);
        assert_eq!(h.present().0, 0);
        h.change(Change::Undo);
        assert_eq!(h.present().0, 42);
    }

    #[test]
    fn replay_starts_from_the_default() {
        let mut h = History::new(Counter(0), Counter(42));
        h.change(Change::Replay(vec![Act::Add(1), Act::Add(2)]));
        assert_eq!(h.present().0, 3);
    }

    #[test]
    fn undo_depth_is_bounded() {
        let mut h = history();
        for _ in 0..(MAX_UNDO + 20) {
            h.change(Change::Do(Act::Add(1)));
        }
        let mut undos = 0;
        while h.can_undo() {
            h.change(Change::Undo);
            undos += 1;
        }
        assert_eq!(undos, MAX_UNDO);
    }
}
