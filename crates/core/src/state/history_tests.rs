//! The history's undo, redo, replays and reveals.

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
