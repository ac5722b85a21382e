//! Snapshots ("copy link"): they round-trip through JSON, stay small, and
//! reject tampered content.

use super::super::action::Action;
use super::super::cluster::Consistency;
use super::super::playground::{Playground, DEFAULT_NOW_MS, MAX_LOG};
use super::super::snapshot::Snapshot;
use super::playground_tests::ch;

pub fn sample_session() -> Playground {
    let mut p = Playground::new();
    p.apply(&Action::LoadScenario("edit-race".into())).unwrap();
    let acts = [
        Action::SetBucketDays(5),
        Action::WriteNullColumns(true),
        Action::WriteMessage {
            channel: ch(),
            author: 3,
            content: "it's ok".into(),
            at: DEFAULT_NOW_MS - 50,
        },
        Action::GenerateWorkload {
            seed: 9,
            messages: 2000,
            channels: 20,
        },
        Action::SetGrace(3600),
        Action::AdvanceClock { seconds: 7200 },
        Action::Compact,
        Action::SetReadCl(Consistency::One),
        Action::SetNodes(4),
        Action::SetCoalescing(true),
        Action::Query {
            channel: ch(),
            limit: 10,
            before: None,
        },
    ];
    for a in &acts {
        p.apply(a).unwrap();
    }
    p
}

#[test]
fn snapshot_round_trips_through_json() {
    let p = sample_session();
    let snap = p.snapshot();
    assert_eq!(snap.scenario.as_deref(), Some("edit-race"));
    assert_eq!(snap.actions.len(), 11);
    let link = techshack_core::state::encode(2, &snap);
    assert!(link.len() < 2000, "small: {} bytes", link.len());
    let back: Snapshot = techshack_core::state::decode(2, &link).unwrap();
    let q = Playground::from_snapshot(back).unwrap();
    assert_eq!(q.snapshot(), snap);
    assert_eq!(q.store().row_count(), p.store().row_count());
    assert_eq!(q.store().totals(), p.store().totals());
    assert_eq!(q.outcome(), p.outcome());
    assert_eq!(q.export_cql(), p.export_cql());
}

#[test]
fn tampered_snapshots_are_rejected() {
    let snap = sample_session().snapshot();
    let mut s = snap.clone();
    s.v = 99;
    assert!(Playground::from_snapshot(s)
        .unwrap_err()
        .to_string()
        .contains("version"));
    let mut s = snap.clone();
    s.actions.push(Action::Reset);
    assert!(Playground::from_snapshot(s).is_err());
    let mut s = snap.clone();
    s.actions.insert(0, Action::SetPageSize(0));
    let e = Playground::from_snapshot(s).unwrap_err().to_string();
    assert!(e.contains("action 1") && e.contains("Page size"), "{e}");
    let mut s = snap.clone();
    s.actions = vec![Action::SetPageSize(10); MAX_LOG + 1];
    assert!(Playground::from_snapshot(s).is_err());
    let mut s = snap.clone();
    s.params.now_ms = 0;
    assert!(Playground::from_snapshot(s).is_err());
    let mut s = snap.clone();
    s.params.rf = 9;
    assert!(Playground::from_snapshot(s).is_err());
    let mut s = snap;
    s.scenario = Some("nope".into());
    assert!(Playground::from_snapshot(s).is_err());
}

#[test]
fn the_action_log_is_capped() {
    let mut p = Playground::new();
    for _ in 0..MAX_LOG + 5 {
        p.apply(&Action::SetPageSize(10)).unwrap();
    }
    let s = p.snapshot();
    assert_eq!(s.actions.len(), MAX_LOG);
    assert!(s.truncated);
    assert!(Playground::from_snapshot(s).is_ok());
}

#[test]
fn a_link_restored_in_steps_equals_one_restored_at_once() {
    let p = sample_session();
    let snap = p.snapshot();
    let whole = Playground::from_snapshot(snap.clone()).unwrap();
    let (mut q, restoring) = Playground::restore_in_steps(snap.clone()).unwrap();
    let mut r = restoring.expect("the workload is left to generate");
    assert_eq!(r.snapshot(), &snap);
    assert!(q.workload_progress().is_some());
    let mut slices = 0;
    loop {
        while q.workload_progress().is_some() {
            q.workload_step(300).unwrap();
            slices += 1;
        }
        if q.resume_restore(&mut r).unwrap() {
            break;
        }
    }
    assert!(slices >= 7);
    assert_eq!(q.snapshot(), snap);
    assert_eq!(q.store().totals(), whole.store().totals());
    assert_eq!(q.outcome(), whole.outcome());
    assert_eq!(q.export_cql(), whole.export_cql());
    assert_eq!(q.now_ms(), whole.now_ms());

    // Without a workload there is nothing left to do.
    let mut small = Playground::new();
    small.apply(&Action::SetGrace(60)).unwrap();
    let (s, rest) = Playground::restore_in_steps(small.snapshot()).unwrap();
    assert!(rest.is_none());
    assert_eq!(s.snapshot(), small.snapshot());
}

#[test]
fn a_link_may_not_replay_more_than_its_bulk_budget() {
    let mut s = sample_session().snapshot();
    let burst = Action::Burst {
        channel: ch(),
        author: 1,
        count: 200_000,
        spacing_ms: 1,
    };
    s.actions = vec![burst.clone(); 2];
    assert!(Playground::from_snapshot(s.clone()).is_ok());
    s.actions.push(burst);
    let err = Playground::restore_in_steps(s).unwrap_err().to_string();
    assert!(err.contains("at most 400000"), "{err}");
}

#[test]
fn a_session_over_the_bulk_budget_still_writes_a_link_it_can_open() {
    // Found by fuzzing: three full bursts are allowed in the panel, but a
    // link may replay at most 400 000 bulk-written messages.
    let mut p = Playground::new();
    for _ in 0..3 {
        p.apply(&Action::Burst {
            channel: ch(),
            author: 1,
            count: 200_000,
            spacing_ms: 1,
        })
        .unwrap();
    }
    let s = p.snapshot();
    assert!(s.truncated);
    assert_eq!(s.actions.len(), 2, "the oldest burst is dropped");
    let back = Playground::from_snapshot(s).unwrap();
    assert_eq!(back.store().row_count(), 400_000);
}

/// The costliest link the caps allow (as far as we know): the bulk budget
/// in two bursts and a bulk delete, then the widest reads.
fn costliest() -> Snapshot {
    let mut s = sample_session().snapshot();
    s.scenario = None;
    s.actions = vec![
        Action::Burst {
            channel: ch(),
            author: 1,
            count: 200_000,
            spacing_ms: 1,
        },
        Action::Burst {
            channel: ch(),
            author: 2,
            count: 150_000,
            spacing_ms: 1,
        },
        Action::DeleteNewest {
            channel: ch(),
            count: 50_000,
        },
    ];
    for _ in 0..8 {
        s.actions.push(Action::Query {
            channel: ch(),
            limit: 1_000_000,
            before: None,
        });
        s.actions.push(Action::HotReads {
            channel: ch(),
            reads: 100_000,
        });
        s.actions.push(Action::Compact);
    }
    s
}

/// The e2e tests open this link (tests/e2e/fixtures); regenerate it with
/// `UPDATE_FIXTURES=1 cargo test -p topic-message-store slowest_link`.
#[test]
fn the_slowest_link_fixture_is_current() {
    let s = costliest();
    assert!(Playground::from_snapshot(s.clone()).is_ok());
    // 2: the panel's STATE_VERSION (state.rs); the e2e test fails if it moves on.
    let text = techshack_core::state::encode(2, &s);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/e2e/fixtures/message-store-slowest-link.txt"
    );
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let stored = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        stored == text,
        "{path} is stale: rerun with UPDATE_FIXTURES=1"
    );
}

/// A costly link replays one heavy action per call (one task in the
/// browser) and ends as a restore at once does.
#[test]
fn heavy_actions_of_a_link_replay_one_per_step() {
    let mut s = sample_session().snapshot();
    s.scenario = None;
    s.actions = vec![
        Action::Burst {
            channel: ch(),
            author: 1,
            count: 200_000,
            spacing_ms: 1,
        },
        Action::DeleteNewest {
            channel: ch(),
            count: 150_000,
        },
        Action::Query {
            channel: ch(),
            limit: 1_000_000,
            before: None,
        },
        Action::HotReads {
            channel: ch(),
            reads: 100_000,
        },
        Action::Compact,
        Action::SetGrace(60),
        Action::ConcurrentReads {
            channel: ch(),
            count: 10_000,
        },
    ];
    let whole = Playground::from_snapshot(s.clone()).unwrap();
    let (mut q, restoring) = Playground::restore_in_steps(s.clone()).unwrap();
    let mut r = restoring.expect("left to replay");
    let mut parts = 1;
    let mut seen = r.progress().0;
    assert_eq!(seen, 1, "the first part stops after the burst");
    while !q.resume_restore(&mut r).unwrap() {
        parts += 1;
        let (now, total) = r.progress();
        assert!(now > seen && now <= total);
        seen = now;
    }
    assert_eq!(
        parts, 5,
        "one part per heavy action but the last, which ends the restore"
    );
    assert_eq!(q.snapshot(), s);
    assert_eq!(q.store().totals(), whole.store().totals());
    assert_eq!(q.export_cql(), whole.export_cql());
}
