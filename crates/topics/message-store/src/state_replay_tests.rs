//! Tours as the frame plays them: each step's replay, the steps it keeps,
//! and the incident step made in slices.

use super::*;
use techshack_core::state::history::{Change, History};

#[test]
fn tours_map_onto_panel_actions_and_replay_cleanly() {
    let tours = MessageStorePanel::tours();
    assert_eq!(tours.len(), 9);
    assert_eq!(tours.iter().map(|t| t.steps.len()).sum::<usize>(), 27);
    // One tour builds one idea a step, six steps long, all bets.
    assert!(tours[8].steps.len() >= 6);
    assert!(tours[8].steps.iter().all(|s| s.bet.is_some()));
    // Every step of the scenario tours is a bet; the last tour is the
    // reader's tasks (the registry's tests check those).
    assert!(tours[..7]
        .iter()
        .all(|t| t.steps.iter().all(|s| s.bet.is_some())));
    assert_eq!(
        tours[7].steps.iter().filter(|s| s.task.is_some()).count(),
        2
    );
    for t in &tours {
        let mut m = MessageStorePanel::initial();
        for a in t.actions_revealed(usize::MAX) {
            m.apply(&a);
            assert_eq!(m.refusal, None, "{}: {a:?}", t.id);
        }
    }
}

#[test]
fn tour_steps_continue_from_the_last_and_leave_it_as_it_was() {
    for t in &MessageStorePanel::tours() {
        let mut h = History::new(MessageStorePanel::initial(), MessageStorePanel::initial());
        let mut made = Vec::new();
        for k in 0..t.steps.len() {
            // A step opens on its setup; the reader's bet applies its reveal.
            // Big bursts and bulk deletes go on in slices, as the frame
            // runs them.
            h.change(Change::Replay(t.actions_through(k)));
            settle(&mut h);
            made.push((h.present_rc(), h.present().snapshot(), h.present().rows()));
            h.change(Change::Replay(t.actions_revealed(k)));
            settle(&mut h);
            made.push((h.present_rc(), h.present().snapshot(), h.present().rows()));
        }
        let mut whole = MessageStorePanel::initial();
        for a in t.actions_revealed(usize::MAX) {
            whole.apply(&a);
        }
        assert_eq!(h.present().snapshot(), whole.snapshot(), "{}", t.id);
        // Heap use may differ: a copied store holds no spare capacity.
        let data = |m: &MessageStorePanel| model::store::StoreTotals {
            heap_bytes: 0,
            ..m.pg().store().totals()
        };
        assert_eq!(data(h.present()), data(&whole), "{}", t.id);
        for (k, (state, snapshot, rows)) in made.iter().enumerate() {
            let k = k / 2;
            assert_eq!(&state.snapshot(), snapshot, "{} step {k} kept", t.id);
            assert_eq!(state.rows(), *rows, "{} step {k} kept its rows", t.id);
        }
        // Back to the first step: the state made then, as it was.
        h.change(Change::Replay(t.actions_through(0)));
        assert!(!h.going(), "{}: nothing is made again", t.id);
        assert!(Rc::ptr_eq(&h.present_rc(), &made[0].0), "{}", t.id);
    }
}

/// Runs a replay's slices to the end as the frame does; how many it took.
fn settle(h: &mut History<MessageStorePanel>) -> usize {
    let mut slices = 0;
    while h.going() {
        h.change(Change::Work(7_000));
        slices += 1;
        assert!(slices < 1_000);
    }
    slices
}

#[test]
fn the_incident_step_is_made_in_slices_with_a_cue_and_ends_as_a_whole_apply() {
    let t = MessageStorePanel::tours()
        .into_iter()
        .find(|t| t.id == "one-live-message")
        .unwrap();
    let mut h = History::new(MessageStorePanel::initial(), MessageStorePanel::initial());
    h.change(Change::Replay(t.actions_through(0)));
    assert!(h.going());
    let cue = h.present().working().unwrap_or_default();
    assert!(cue.starts_with("writing message 0 of 120"), "{cue}");
    h.change(Change::Work(7_000));
    let done = h.present().pg().slice_progress().map(|(_, done, _)| done);
    assert_eq!(done, Some(250), "a small first slice");
    // The cue moves in 5% steps (6 000 of 120 000), not every slice.
    let cue = h.present().working().unwrap_or_default();
    assert!(cue.starts_with("writing message 0 of"), "{cue}");
    // 120 000 writes and 120 000 deletes: each begins with 250 rows and
    // doubles (250 + 500 + 1 000 + 2 000 + 4 000 = 7 750 in 5 slices), then
    // 7 000 a slice (17 slices), and the delete first finds its rows the
    // same way (5 + 17); the first slice was taken above.
    assert_eq!(settle(&mut h), (5 + 17) + (5 + 17) + (5 + 17) - 1);
    assert_eq!(h.present().working(), None);
    let mut whole = MessageStorePanel::initial();
    for a in t.actions_through(0) {
        whole.apply(&a);
    }
    assert_eq!(h.present().snapshot(), whole.snapshot());
    assert_eq!(h.present().rows(), whole.rows());
    assert_eq!(h.present().refusal, None);
    // The bet's reveal continues from the state made, with no slices.
    h.change(Change::Replay(t.actions_revealed(0)));
    assert!(!h.going());
    assert!(matches!(
        h.present().pg().outcome(),
        model::Outcome::ReadFailed(_)
    ));
    // Leaving mid-way drops the unfinished step: Reset is the opening.
    h.change(Change::Replay(t.actions_through(1)));
    h.change(Change::Replay(vec![]));
    h.change(Change::Replay(t.actions_through(0)));
    assert!(!h.going(), "the step is remembered");
}
