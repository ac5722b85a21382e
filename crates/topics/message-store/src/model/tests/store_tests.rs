//! Single-table behaviour in the style of ScyllaDB's test/cqlpy: clustering
//! order, LIMIT, USING TIMESTAMP ties, tombstones and their thresholds.

use super::super::cell::{CellVersion, Deletion};
use super::super::playground::DEFAULT_NOW_MS;
use super::super::schema::{Column, Value};
use super::super::store::{message_write, QueryOutcome, QuerySpec, RowWrite, Store, StoreConfig};

pub const NOW: u64 = DEFAULT_NOW_MS;
pub const CH: u64 = 1;

pub fn store() -> Store {
    Store::new(StoreConfig::default())
}

pub fn insert(s: &mut Store, id: u64, content: &str, ts: i64) {
    s.apply_row(&message_write(CH, id, 42, content, ts, 0, false))
        .unwrap();
}

pub fn delete(s: &mut Store, id: u64, ts: i64, ldt: u32) {
    s.apply_row(&RowWrite {
        channel: CH,
        message_id: id,
        marker: None,
        deletion: Some(Deletion { ts, ldt }),
        cells: vec![],
    })
    .unwrap();
}

pub fn update(s: &mut Store, id: u64, col: Column, v: Option<Value>, ts: i64, ldt: u32) {
    let cell = match v {
        Some(v) => CellVersion::live(ts, v),
        None => CellVersion::tombstone(ts, ldt),
    };
    s.apply_row(&RowWrite {
        channel: CH,
        message_id: id,
        marker: None,
        deletion: None,
        cells: vec![(col, cell)],
    })
    .unwrap();
}

/// All rows of the channel in one page, at `now` (ms).
pub fn read_all(s: &mut Store, now: u64) -> super::super::store::Page {
    let spec = QuerySpec {
        channel: CH,
        limit: 5000,
        before: None,
    };
    match s.query(&spec, 5000, None, now, 1).unwrap() {
        QueryOutcome::Page(p) => p,
        QueryOutcome::Failed(f) => panic!("{}", f.message),
    }
}

pub(super) fn ids(p: &super::super::store::Page) -> Vec<u64> {
    p.rows.iter().map(|r| r.message_id).collect()
}

#[test]
fn clustering_order_is_descending_and_limit_takes_the_newest() {
    let mut s = store();
    for id in [5, 1, 9, 3, 7] {
        insert(&mut s, id, "m", 10);
    }
    assert_eq!(ids(&read_all(&mut s, NOW)), vec![9, 7, 5, 3, 1]);
    let spec = QuerySpec {
        channel: CH,
        limit: 2,
        before: None,
    };
    let QueryOutcome::Page(p) = s.query(&spec, 100, None, NOW, 1).unwrap() else {
        panic!()
    };
    assert_eq!(ids(&p), vec![9, 7]);
    let spec = QuerySpec {
        channel: CH,
        limit: 2,
        before: Some(7),
    };
    let QueryOutcome::Page(p) = s.query(&spec, 100, None, NOW, 1).unwrap() else {
        panic!()
    };
    assert_eq!(ids(&p), vec![5, 3]);
    assert!(
        p.statements[0].contains("AND message_id < 7 LIMIT 2"),
        "{:?}",
        p.statements
    );
}

#[test]
fn writes_are_upserts() {
    let mut s = store();
    insert(&mut s, 5, "first", 10);
    insert(&mut s, 5, "second", 11);
    let p = read_all(&mut s, NOW);
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].content.as_deref(), Some("second"));
    // An older write loses even when it arrives later.
    insert(&mut s, 5, "stale", 9);
    assert_eq!(
        read_all(&mut s, NOW).rows[0].content.as_deref(),
        Some("second")
    );
}

#[test]
fn timestamp_tie_delete_beats_insert() {
    let mut s = store();
    insert(&mut s, 5, "x", 1000);
    delete(&mut s, 5, 1000, 0);
    assert!(read_all(&mut s, NOW).rows.is_empty());
    // Order does not matter.
    let mut s = store();
    delete(&mut s, 5, 1000, 0);
    insert(&mut s, 5, "x", 1000);
    assert!(read_all(&mut s, NOW).rows.is_empty());
    // A write one microsecond later survives the delete.
    insert(&mut s, 5, "y", 1001);
    assert_eq!(read_all(&mut s, NOW).rows[0].content.as_deref(), Some("y"));
}

#[test]
fn timestamp_tie_larger_value_wins_in_either_order() {
    for (a, b) in [("apple", "banana"), ("banana", "apple")] {
        let mut s = store();
        insert(&mut s, 5, a, 1000);
        insert(&mut s, 5, b, 1000);
        assert_eq!(
            read_all(&mut s, NOW).rows[0].content.as_deref(),
            Some("banana")
        );
    }
}

#[test]
fn writing_null_writes_a_cell_tombstone() {
    let mut s = store();
    insert(&mut s, 5, "x", 10);
    update(&mut s, 5, Column::Content, None, 11, (NOW / 1000) as u32);
    let p = read_all(&mut s, NOW);
    assert_eq!(p.rows[0].content, None);
    assert_eq!(p.stats.tombstones, 1);
    assert_eq!(s.counters().cell_tombstones_written, 1);
}

#[test]
fn null_columns_cost_twelve_tombstones_per_message() {
    let mut s = store();
    let ldt = (NOW / 1000) as u32;
    for id in 1..=10u64 {
        s.apply_row(&message_write(
            CH,
            id,
            42,
            "hi",
            1_000_000 * ldt as i64,
            ldt,
            true,
        ))
        .unwrap();
    }
    let p = read_all(&mut s, NOW);
    assert_eq!(p.rows.len(), 10);
    assert_eq!(p.stats.tombstones, 120);
    // The fast path stores the same thing.
    let mut f = store();
    for id in 1..=10u64 {
        f.insert_message(CH, id, 42, "hi", 1_000_000 * ldt as i64, ldt, true)
            .unwrap();
    }
    assert_eq!(
        f.partition_image(CH, 0, None),
        s.partition_image(CH, 0, None)
    );
    assert_eq!(read_all(&mut f, NOW).stats.tombstones, 120);
    // Without the nulls there are none.
    let mut g = store();
    for id in 1..=10u64 {
        g.insert_message(CH, id, 42, "hi", 5, 0, false).unwrap();
    }
    assert_eq!(read_all(&mut g, NOW).stats.tombstones, 0);
}

#[test]
fn row_tombstone_counts_once_and_shadows_older_cells() {
    let mut s = store();
    let ldt = (NOW / 1000) as u32;
    s.apply_row(&message_write(CH, 5, 42, "x", 10, ldt, true))
        .unwrap();
    delete(&mut s, 5, 20, ldt);
    let p = read_all(&mut s, NOW);
    assert!(p.rows.is_empty());
    assert_eq!(
        p.stats.tombstones, 1,
        "the 12 null cells were shadowed by the row delete"
    );
    assert_eq!(p.stats.empty_buckets_visited, p.stats.buckets_queried);
}

#[test]
fn edit_racing_a_delete_leaves_content_and_a_null_author() {
    let mut s = store();
    insert(&mut s, 5, "hello", 10);
    delete(&mut s, 5, 20, 0);
    update(
        &mut s,
        5,
        Column::Content,
        Some(Value::Text("hello (edited)".into())),
        21,
        0,
    );
    let p = read_all(&mut s, NOW);
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].author_id, None);
    assert_eq!(p.rows[0].content.as_deref(), Some("hello (edited)"));
    // Discord's fix: treat the null author as corruption and delete the row.
    s.set_repair_null_authors(true);
    let spec = QuerySpec {
        channel: CH,
        limit: 50,
        before: None,
    };
    let QueryOutcome::Page(p) = s.query(&spec, 50, None, NOW, 30).unwrap() else {
        panic!()
    };
    assert!(p.rows.is_empty());
    assert_eq!(p.corrupt_deleted, vec![5]);
    s.set_repair_null_authors(false);
    assert!(
        read_all(&mut s, NOW).rows.is_empty(),
        "the repair delete is durable"
    );
}

#[test]
fn partition_delete_then_reinsert_shows_only_newer_rows() {
    let mut s = store();
    for id in 1..=5u64 {
        insert(&mut s, id, "old", 10);
    }
    s.delete_partition(CH, 0, Deletion { ts: 20, ldt: 0 })
        .unwrap();
    insert(&mut s, 3, "new", 30);
    insert(&mut s, 4, "too old", 15);
    let p = read_all(&mut s, NOW);
    assert_eq!(ids(&p), vec![3]);
    assert_eq!(p.stats.tombstones, 0, "partition deletions are not counted");
}

#[test]
fn bad_writes_are_rejected_without_changes() {
    let mut s = store();
    let w = RowWrite {
        channel: 10,
        message_id: 5,
        marker: Some(1),
        deletion: None,
        cells: vec![],
    };
    assert!(s
        .apply_row(&w)
        .unwrap_err()
        .to_string()
        .contains("older than its channel"));
    let w = RowWrite {
        channel: 1,
        message_id: 5,
        marker: Some(i64::MIN),
        deletion: None,
        cells: vec![],
    };
    assert!(s
        .apply_row(&w)
        .unwrap_err()
        .to_string()
        .contains("reserved"));
    let w = RowWrite {
        channel: 1,
        message_id: 5,
        marker: None,
        deletion: None,
        cells: vec![(
            Column::AuthorId,
            CellVersion::live(1, Value::Text("x".into())),
        )],
    };
    assert!(s
        .apply_row(&w)
        .unwrap_err()
        .to_string()
        .contains("expects bigint"));
    assert_eq!(s.row_count(), 0);
    assert_eq!(s.counters().inserts, 0);
}

#[test]
fn compaction_repacks_text_after_edits() {
    let mut s = store();
    insert(&mut s, 5, "aaaaaaaaaa", 10);
    for ts in 11..20 {
        update(
            &mut s,
            5,
            Column::Content,
            Some(Value::Text("bbbbbbbbbb".into())),
            ts,
            0,
        );
    }
    let rep = s.compact(NOW);
    assert!(rep.text_bytes_after < rep.text_bytes_before);
    assert_eq!(
        read_all(&mut s, NOW).rows[0].content.as_deref(),
        Some("bbbbbbbbbb")
    );
}

#[test]
fn a_reserved_bulk_load_stores_the_same_rows() {
    let channels = [7u64, 9, 7, u64::MAX, 7];
    let mut plain = store();
    let mut reserved = store();
    reserved.reserve_for_messages(&channels, 64);
    for (k, &c) in channels.iter().enumerate() {
        let id = 100 + k as u64;
        let a = plain.insert_message(c, id, 42, "hi", 5, 0, false);
        let b = reserved.insert_message(c, id, 42, "hi", 5, 0, false);
        assert_eq!(a.is_ok(), b.is_ok(), "channel {c}");
    }
    assert!(plain.channel(u64::MAX).is_none() && reserved.channel(u64::MAX).is_none());
    assert_eq!(reserved.row_count(), 4);
    for c in [7, 9] {
        assert_eq!(
            reserved.partition_image(c, 0, None),
            plain.partition_image(c, 0, None)
        );
        assert!(reserved.channel(c).is_some_and(|ch| ch.row_count() > 0));
    }
}
