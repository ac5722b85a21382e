//! A big burst or bulk delete applied in slices (`begin_sliced`,
//! `slice_step`) ends exactly where `apply` does, in any slicing.

use super::super::playground::{SliceKind, FIRST_SLICE};
use super::super::tours::{channel_at, AUTHOR, MAR_1_2016};
use super::super::{Action, Playground};

fn incident() -> Vec<Action> {
    let channel = channel_at(MAR_1_2016, 6);
    vec![
        Action::WriteMessage {
            channel,
            author: AUTHOR,
            content: "welcome".into(),
            at: 1_456_876_800_000,
        },
        Action::Burst {
            channel,
            author: AUTHOR,
            count: 5_000,
            spacing_ms: 1,
        },
        Action::DeleteNewest {
            channel,
            count: 5_000,
        },
        Action::Query {
            channel,
            limit: 50,
            before: None,
        },
    ]
}

fn sliced(actions: &[Action], n: u64) -> (Playground, usize) {
    let mut p = Playground::new();
    let mut slices = 0;
    for a in actions {
        if p.begin_sliced(a).unwrap() {
            assert!(p.apply(a).is_err(), "nothing else while it runs");
            while !p.slice_step(n).unwrap() {
                slices += 1;
            }
        }
    }
    (p, slices)
}

#[test]
fn slices_end_where_a_whole_apply_does() {
    let actions = incident();
    let mut whole = Playground::new();
    for a in &actions {
        whole.apply(a).unwrap();
    }
    for n in [1, 333, 1_000, 4_999, 5_000, 100_000] {
        let (p, _) = sliced(&actions, n);
        assert_eq!(p.snapshot(), whole.snapshot(), "{n}");
        assert_eq!(p.outcome(), whole.outcome(), "{n}");
        assert_eq!(p.statements(), whole.statements(), "{n}");
        assert_eq!(p.store().totals(), whole.store().totals(), "{n}");
    }
    // Each phase begins with a small slice (its code is cold) and at most
    // doubles from there, and the delete first finds its rows, likewise:
    // 250, 750, 1 750, ... 5 000 written (7 slices), then 250, 750, 1 750,
    // ... 5 001 rows looked at (7), and 250, 750, 1 750, ... 5 000 deleted (7).
    let (_, slices) = sliced(&actions, 1_000);
    assert_eq!(slices, 6 + (7 + 6), "all but the last slice of each");
}

#[test]
fn progress_names_the_work_and_small_actions_apply_whole() {
    let actions = incident();
    let mut p = Playground::new();
    assert!(!p.begin_sliced(&actions[0]).unwrap(), "a write is whole");
    assert!(p.begin_sliced(&actions[1]).unwrap());
    assert_eq!(p.slice_progress(), Some((SliceKind::Writing, 0, 5_000)));
    p.slice_step(2_000).unwrap();
    assert_eq!(
        p.slice_progress(),
        Some((SliceKind::Writing, FIRST_SLICE, 5_000)),
        "the first slice is small"
    );
    p.slice_step(2_000).unwrap();
    assert_eq!(
        p.slice_progress(),
        Some((SliceKind::Writing, FIRST_SLICE * 3, 5_000)),
        "the next is at most twice the last"
    );
    while !p.slice_step(2_000).unwrap() {}
    assert_eq!(p.slice_progress(), None);
    assert!(p.begin_sliced(&actions[2]).unwrap());
    assert_eq!(
        p.slice_progress(),
        Some((SliceKind::Picking, 0, 5_000)),
        "the rows to delete are found first"
    );
    p.slice_step(2_000).unwrap();
    assert_eq!(
        p.slice_progress(),
        Some((SliceKind::Picking, FIRST_SLICE, 5_000))
    );
    while p.slice_progress().map(|s| s.0) == Some(SliceKind::Picking) {
        p.slice_step(2_000).unwrap();
    }
    assert_eq!(p.slice_progress(), Some((SliceKind::Deleting, 0, 5_000)));
    p.slice_step(2_000).unwrap();
    assert_eq!(
        p.slice_progress(),
        Some((SliceKind::Deleting, FIRST_SLICE, 5_000)),
        "the deletes are a phase of their own, and begin small again"
    );
    let small = Action::Burst {
        channel: channel_at(MAR_1_2016, 6),
        author: AUTHOR,
        count: 10,
        spacing_ms: 1,
    };
    let mut q = Playground::new();
    q.apply(&actions[0]).unwrap();
    assert!(!q.begin_sliced(&small).unwrap());
    // A refused action changes nothing and begins nothing.
    let bad = Action::Burst {
        channel: channel_at(MAR_1_2016, 6),
        author: AUTHOR,
        count: 300_000,
        spacing_ms: 1,
    };
    assert!(q.begin_sliced(&bad).is_err());
    assert_eq!(q.slice_progress(), None);
}
