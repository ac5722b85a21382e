//! The states a tour's replays passed through. Entering tour step k means
//! "from the default state, apply the script of steps 0..=k"; a script can
//! be long (one scenario writes and deletes 120 000 messages), so the next
//! replay starts from the longest script prefix already made instead.

use super::history::Undoable;
use std::rc::Rc;

#[derive(Clone, PartialEq)]
pub struct Trail<M: Undoable> {
    script: Vec<M::Action>,
    /// The state after the first `n` actions of `script`, ascending by `n`.
    marks: Vec<(usize, Rc<M>)>,
    /// A replay under way: the present is `script[..end]` made up to an
    /// action the model is still doing in slices, with `next..end` to come.
    going: Option<Going>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Going {
    next: usize,
    end: usize,
}

impl<M: Undoable> std::fmt::Debug for Trail<M> {
    /// Short: scripts can be long and states big.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Trail")
            .field("script_len", &self.script.len())
            .field("marks", &self.marks.iter().map(|m| m.0).collect::<Vec<_>>())
            .finish()
    }
}

impl<M: Undoable> Default for Trail<M> {
    fn default() -> Self {
        Trail {
            script: Vec::new(),
            marks: Vec::new(),
            going: None,
        }
    }
}

impl<M: Undoable> Trail<M> {
    /// The state after `script`, made from `start` or from the longest
    /// prefix of `script` remembered. A state already made is returned as
    /// it is, so going back a tour step, and then forward again, applies
    /// nothing.
    ///
    /// The script's actions are begun (`Undoable::begin`): when the model
    /// begins one in slices, the state is returned as far as it got and the
    /// replay goes on in `work`.
    pub fn replay(&mut self, start: &Rc<M>, script: Vec<M::Action>) -> Rc<M> {
        self.going = None;
        let end = script.len();
        let common = self
            .script
            .iter()
            .zip(&script)
            .take_while(|(a, b)| a == b)
            .count();
        if common < end {
            // A new script (not a prefix of the remembered one): keep only
            // the states both share.
            self.marks.retain(|(n, _)| *n <= common);
            self.script = script;
        }
        let at = self.marks.partition_point(|(n, _)| *n <= end);
        let (from, base) = match at.checked_sub(1).map(|i| &self.marks[i]) {
            Some((n, m)) => (*n, m.clone()),
            None => (0, start.clone()),
        };
        if from == end {
            return base;
        }
        let mut next = base.fork();
        for (i, a) in self.script.iter().enumerate().take(end).skip(from) {
            if next.begin(a) {
                self.going = Some(Going { next: i + 1, end });
                return Rc::new(next);
            }
        }
        let next = Rc::new(next);
        self.marks.insert(at, (end, next.clone()));
        next
    }

    /// Whether a replay is under way.
    pub fn going(&self) -> bool {
        self.going.is_some()
    }

    /// Carries a replay under way one slice further on `present` (the state
    /// it returned); once the model's action is done, begins the script's
    /// next ones, and once the script is whole, remembers the state.
    pub fn work(&mut self, present: &mut Rc<M>, size: u64) {
        let Some(g) = self.going else { return };
        let m = Rc::make_mut(present);
        if !m.work(size) {
            return;
        }
        for (i, a) in self.script.iter().enumerate().take(g.end).skip(g.next) {
            if m.begin(a) {
                self.going = Some(Going {
                    next: i + 1,
                    end: g.end,
                });
                return;
            }
        }
        self.going = None;
        let at = self.marks.partition_point(|(n, _)| *n <= g.end);
        self.marks.insert(at, (g.end, present.clone()));
    }

    /// Drops a replay under way (its state is not remembered).
    pub fn stop(&mut self) {
        self.going = None;
    }

    /// Drops what was remembered. Called before any change in place: a model
    /// whose clones share data (see `Undoable::fork`) could otherwise alter a
    /// remembered state through a clone.
    pub fn forget(&mut self) {
        self.going = None;
        self.script.clear();
        self.marks.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::super::history::{Change, History, UndoKind};
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static APPLIED: Cell<usize> = const { Cell::new(0) };
    }

    fn applied() -> usize {
        APPLIED.with(Cell::get)
    }

    #[derive(Clone, Debug, PartialEq, Default)]
    struct Sum(Vec<i32>);

    impl Undoable for Sum {
        type Action = i32;
        fn apply(&mut self, a: &i32) {
            APPLIED.with(|c| c.set(c.get() + 1));
            self.0.push(*a);
        }
        fn undo_kind(a: &i32) -> UndoKind {
            if *a < 0 {
                UndoKind::Transient
            } else {
                UndoKind::Step
            }
        }
    }

    fn replay(h: &mut History<Sum>, script: &[i32]) -> usize {
        let before = applied();
        h.change(Change::Replay(script.to_vec()));
        assert_eq!(h.present().0, script, "the same state as from the start");
        applied() - before
    }

    #[test]
    fn a_longer_script_continues_from_the_last_one() {
        let mut h = History::new(Sum::default(), Sum(vec![9]));
        assert_eq!(replay(&mut h, &[1, 2]), 2);
        assert_eq!(replay(&mut h, &[1, 2, 3]), 1);
        assert_eq!(replay(&mut h, &[1, 2, 3, 4, 5]), 2);
    }

    #[test]
    fn going_back_applies_nothing_and_returns_the_state_made() {
        let mut h = History::new(Sum::default(), Sum::default());
        replay(&mut h, &[1]);
        let first = h.present_rc();
        replay(&mut h, &[1, 2, 3]);
        assert_eq!(replay(&mut h, &[1]), 0);
        assert!(Rc::ptr_eq(&h.present_rc(), &first));
        assert_eq!(replay(&mut h, &[1, 2, 3]), 0, "still remembered");
        h.change(Change::Undo);
        assert_eq!(h.present().0, [1], "undo steps back through replays");
    }

    #[test]
    fn a_different_script_starts_from_what_they_share() {
        let mut h = History::new(Sum::default(), Sum::default());
        replay(&mut h, &[1, 2, 3]);
        assert_eq!(replay(&mut h, &[1, 7]), 2, "nothing remembered at [1]");
        assert_eq!(replay(&mut h, &[1, 7, 8]), 1);
        assert_eq!(replay(&mut h, &[4]), 1);
        assert_eq!(replay(&mut h, &[]), 0, "the empty script is the start");
    }

    #[test]
    fn any_other_change_forgets_the_trail() {
        for other in [5, -5] {
            let mut h = History::new(Sum::default(), Sum::default());
            replay(&mut h, &[1, 2]);
            h.change(Change::Do(other));
            assert_eq!(replay(&mut h, &[1, 2, 3]), 3, "after {other}");
        }
        let mut h = History::new(Sum::default(), Sum::default());
        replay(&mut h, &[1, 2]);
        h.change(Change::Reset);
        h.change(Change::Undo);
        assert_eq!(
            replay(&mut h, &[1, 2, 3]),
            1,
            "reset and undo change nothing in place"
        );
    }
}
