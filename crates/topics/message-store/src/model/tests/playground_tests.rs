//! The reducer: actions apply or fail without side effects, paging through
//! the session, snapshots round-trip and reject tampering.

use super::super::action::Action;
use super::super::cluster::Consistency;
use super::super::playground::{Outcome, Playground, DEFAULT_NOW_MS};
use super::super::tours::{channel_at, JUN_1_2016};
use super::snapshot_tests::sample_session;

pub fn ch() -> u64 {
    channel_at(JUN_1_2016, 11)
}

fn write(p: &mut Playground, text: &str, at: u64) -> u64 {
    p.apply(&Action::WriteMessage {
        channel: ch(),
        author: 7,
        content: text.into(),
        at,
    })
    .unwrap();
    match p.outcome() {
        Outcome::Wrote {
            message_id: Some(id),
            ..
        } => *id,
        o => panic!("{o:?}"),
    }
}

fn rows(p: &Playground) -> Vec<String> {
    match p.outcome() {
        Outcome::Page(pg) => pg
            .rows
            .iter()
            .map(|r| r.content.clone().unwrap_or_default())
            .collect(),
        o => panic!("{o:?}"),
    }
}

#[test]
fn write_edit_delete_and_page_through() {
    let mut p = Playground::new();
    let mut ids = Vec::new();
    for k in 0..5u64 {
        ids.push(write(&mut p, &format!("m{k}"), DEFAULT_NOW_MS - 1000 + k));
    }
    p.apply(&Action::EditMessage {
        channel: ch(),
        message: ids[4],
        content: "m4!".into(),
    })
    .unwrap();
    p.apply(&Action::DeleteMessage {
        channel: ch(),
        message: ids[3],
    })
    .unwrap();
    p.apply(&Action::SetPageSize(2)).unwrap();
    p.apply(&Action::Query {
        channel: ch(),
        limit: 10,
        before: None,
    })
    .unwrap();
    assert_eq!(rows(&p), vec!["m4!", "m2"]);
    let state = p.paging_state().unwrap().to_string();
    p.apply(&Action::NextPage).unwrap();
    assert_eq!(rows(&p), vec!["m1", "m0"]);
    assert!(p.paging_state().is_none());
    assert_eq!(
        p.apply(&Action::NextPage).unwrap_err().to_string(),
        "There is no next page: run a query first, or the last page had no more rows"
    );
    // The state can be resent explicitly.
    p.apply(&Action::ResumePage {
        paging_state: state,
    })
    .unwrap();
    assert_eq!(rows(&p), vec!["m1", "m0"]);
}

#[test]
fn writing_in_the_future_moves_the_clock() {
    let mut p = Playground::new();
    write(&mut p, "later", DEFAULT_NOW_MS + 5000);
    assert_eq!(p.now_ms(), DEFAULT_NOW_MS + 5000);
}

#[test]
fn bad_input_changes_nothing() {
    let mut p = Playground::new();
    write(&mut p, "keep me", DEFAULT_NOW_MS - 10);
    let before = (
        p.snapshot(),
        p.store().row_count(),
        p.statements().len(),
        p.now_ms(),
    );
    let bad = vec![
        Action::WriteMessage {
            channel: u64::MAX,
            author: 1,
            content: "x".into(),
            at: DEFAULT_NOW_MS,
        },
        Action::WriteMessage {
            channel: ch(),
            author: 1,
            content: "x".into(),
            at: JUN_1_2016 - 1,
        },
        Action::WriteMessage {
            channel: ch(),
            author: 1,
            content: "é".repeat(4001),
            at: DEFAULT_NOW_MS,
        },
        Action::WriteMessage {
            channel: ch(),
            author: 1,
            content: "x".into(),
            at: u64::MAX,
        },
        Action::EditMessage {
            channel: ch(),
            message: 5,
            content: "x".into(),
        },
        Action::Query {
            channel: ch(),
            limit: 0,
            before: None,
        },
        Action::SetPageSize(0),
        Action::SetPageSize(5001),
        Action::SetBucketDays(0),
        Action::SetGrace(u32::MAX),
        Action::AdvanceClock { seconds: 0 },
        Action::SetRf(7),
        Action::SetNodes(0),
        Action::NodeDown(99),
        Action::GenerateWorkload {
            seed: 1,
            messages: 0,
            channels: 10,
        },
        Action::GenerateWorkload {
            seed: 1,
            messages: 10,
            channels: 0,
        },
        Action::Burst {
            channel: ch(),
            author: 1,
            count: 0,
            spacing_ms: 1,
        },
        Action::DeleteBucket {
            channel: ch(),
            bucket: u64::MAX,
        },
        Action::ResumePage {
            paging_state: "00".into(),
        },
        Action::HotReads {
            channel: ch(),
            reads: 0,
        },
        Action::ConcurrentReads {
            channel: ch(),
            count: 10_001,
        },
        Action::SetDataServices(0),
        Action::LoadScenario("missing".into()),
    ];
    for a in &bad {
        let e = p.apply(a).expect_err(&format!("{a:?} should fail"));
        assert!(!e.to_string().is_empty());
        let after = (
            p.snapshot(),
            p.store().row_count(),
            p.statements().len(),
            p.now_ms(),
        );
        assert_eq!(before, after, "{a:?} changed state");
    }
    assert_eq!(
        p.apply(&Action::SetPageSize(0)).unwrap_err().to_string(),
        "Page size must be between 1 and 5000 (got 0)"
    );
    assert_eq!(
        p.apply(&Action::SetRf(7)).unwrap_err().to_string(),
        "Replication factor 7 needs at least 7 nodes, but the cluster has 6"
    );
}

#[test]
fn unavailable_write_is_rejected_everywhere() {
    let mut p = Playground::new();
    let id = write(&mut p, "x", DEFAULT_NOW_MS - 10);
    let bucket = p.store().config().bucket.bucket(id);
    let reps = p.cluster().replicas(ch(), bucket);
    p.apply(&Action::NodeDown(reps[0])).unwrap();
    p.apply(&Action::NodeDown(reps[1])).unwrap();
    let rows = p.store().row_count();
    let e = p
        .apply(&Action::DeleteMessage {
            channel: ch(),
            message: id,
        })
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot achieve consistency level QUORUM: 2 replicas required, 1 alive"
    );
    assert_eq!(p.store().row_count(), rows);
    p.apply(&Action::SetWriteCl(Consistency::One)).unwrap();
    p.apply(&Action::DeleteMessage {
        channel: ch(),
        message: id,
    })
    .unwrap();
}

#[test]
fn chunked_generation_equals_apply() {
    let mut a = Playground::new();
    a.apply(&Action::GenerateWorkload {
        seed: 5,
        messages: 3000,
        channels: 30,
    })
    .unwrap();
    let mut b = Playground::new();
    b.begin_workload(5, 3000, 30).unwrap();
    assert_eq!(
        b.apply(&Action::Compact).unwrap_err().to_string(),
        "A workload is still being generated: wait for it to finish or cancel it"
    );
    // Five steps make the 3000 messages (the fifth makes 200), the sixth
    // fits the store to them, the seventh ends the workload.
    let mut made = Vec::new();
    loop {
        let pr = b.workload_step(700).unwrap();
        made.push(pr.done);
        assert_eq!(b.workload_progress().is_none(), pr.finished);
        if pr.finished {
            break;
        }
        assert_eq!(b.workload_progress(), Some(pr));
    }
    assert_eq!(made, [700, 1400, 2100, 2800, 3000, 3000, 3000]);
    assert_eq!(a.store().totals(), b.store().totals());
    assert_eq!(a.snapshot(), b.snapshot());
    assert!(b.workload_progress().is_none());
    let mut c = Playground::new();
    c.begin_workload(5, 3000, 30).unwrap();
    c.workload_step(100).unwrap();
    assert_eq!(c.cancel_workload().map(|p| p.done), Some(100));
    assert!(c.apply(&Action::Compact).is_ok());
}

#[test]
fn reset_restores_the_defaults() {
    let mut p = sample_session();
    p.apply(&Action::Reset).unwrap();
    assert_eq!(p.snapshot(), Playground::new().snapshot());
    assert_eq!(p.store().row_count(), 0);
}
