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
        // A step's reveal continues it: the same state, and no jump.
        h.change(Change::Reveal(vec![Act::Add(2), Act::Add(3)]));
        assert_eq!((h.present().0, h.jumps()), (5, 2));
        h.change(Change::Undo);
        assert_eq!(h.present().0, 2, "a reveal is an undo step of its own");
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

    /// Adds its number in slices of 1 when begun (a replay's way) and it is
    /// over 9, whole otherwise.
    #[derive(Clone, Debug, PartialEq, Default)]
    struct Slow {
        total: i64,
        left: i64,
    }

    impl Undoable for Slow {
        type Action = i64;
        fn apply(&mut self, a: &i64) {
            self.total += a;
        }
        fn undo_kind(a: &i64) -> UndoKind {
            if *a == 0 {
                UndoKind::Transient
            } else {
                UndoKind::Step
            }
        }
        fn begin(&mut self, a: &i64) -> bool {
            if *a > 9 {
                self.left = *a;
                true
            } else {
                self.apply(a);
                false
            }
        }
        fn work(&mut self, size: u64) -> bool {
            let n = self.left.min(size as i64);
            self.total += n;
            self.left -= n;
            self.left == 0
        }
        fn working(&self) -> Option<String> {
            (self.left > 0).then(|| format!("{} left", self.left))
        }
    }

    #[test]
    fn a_replay_goes_on_in_work_slices_and_ends_where_a_whole_one_does() {
        let mut h = History::new(Slow::default(), Slow::default());
        h.change(Change::Replay(vec![1, 20, 2, 30, 3]));
        assert!(h.going());
        assert_eq!(h.present().total, 1);
        assert_eq!(h.present().working().as_deref(), Some("20 left"));
        let mut works = 0;
        while h.going() {
            h.change(Change::Work(7));
            works += 1;
        }
        assert_eq!(works, 3 + 5, "20 in slices of 7, then 30");
        assert_eq!(h.present().total, 56);
        assert_eq!(h.present().working(), None);
        h.change(Change::Work(7));
        assert_eq!(
            h.present().total,
            56,
            "work with nothing under way does nothing"
        );
        // The state made is remembered: replaying the script again, or a
        // longer one, does not begin its slices again.
        h.change(Change::Replay(vec![1, 20, 2, 30, 3]));
        assert!(!h.going());
        h.change(Change::Replay(vec![1, 20, 2, 30, 3, 4]));
        assert!(!h.going());
        assert_eq!(h.present().total, 60);
    }

    #[test]
    fn a_change_during_a_replay_drops_it_but_a_transient_one_does_not() {
        let mut h = History::new(Slow::default(), Slow::default());
        h.change(Change::Do(5));
        h.change(Change::Replay(vec![20]));
        h.change(Change::Work(3));
        h.change(Change::Do(0));
        assert!(h.going(), "a transient change lets it go on");
        h.change(Change::Undo);
        assert!(!h.going());
        assert_eq!(
            h.present().total,
            5,
            "undo drops the unfinished replay only"
        );
        h.change(Change::Replay(vec![20]));
        h.change(Change::Work(3));
        h.change(Change::Replay(vec![1]));
        assert!(!h.going());
        assert_eq!(h.present().total, 1);
        h.change(Change::Undo);
        assert_eq!(
            h.present().total,
            5,
            "the dropped replay is not in the history"
        );
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
