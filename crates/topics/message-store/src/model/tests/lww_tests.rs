//! Last-write-wins per cell, as Cassandra's `Cells.resolveRegular` and
//! ScyllaDB's test_using_timestamp.py describe it.

use super::super::cell::{reconcile, CellVersion, Deletion};
use super::super::schema::{Column, Value};
use super::super::store::{RowWrite, Store, StoreConfig};
use proptest::prelude::*;

fn text(ts: i64, s: &str) -> CellVersion {
    CellVersion::live(ts, Value::Text(s.into()))
}

#[test]
fn higher_timestamp_wins_whatever_the_value() {
    let a = text(10, "zzz");
    let b = text(11, "aaa");
    assert_eq!(reconcile(&a, &b), &b);
    assert_eq!(reconcile(&b, &a), &b);
    let t = CellVersion::tombstone(9, 100);
    assert_eq!(reconcile(&a, &t), &a);
}

#[test]
fn on_a_tie_the_tombstone_wins() {
    let live = text(10, "zzz");
    let dead = CellVersion::tombstone(10, 0);
    assert_eq!(reconcile(&live, &dead), &dead);
    assert_eq!(reconcile(&dead, &live), &dead);
}

#[test]
fn on_a_tie_between_live_cells_the_larger_value_wins() {
    // ScyllaDB: INSERT v=1 and v=2 USING TIMESTAMP 1000, in either order -> 2.
    for (x, y) in [(1, 2), (2, 1)] {
        let a = CellVersion::live(1000, Value::Int(x));
        let b = CellVersion::live(1000, Value::Int(y));
        assert_eq!(reconcile(&a, &b).value, Some(Value::Int(2)));
    }
    assert_eq!(
        reconcile(&text(5, "abc"), &text(5, "abd")).value,
        Some(Value::Text("abd".into()))
    );
    assert_eq!(
        reconcile(&text(5, "ab"), &text(5, "abc")).value,
        Some(Value::Text("abc".into()))
    );
    // Bytes compare unsigned: -1 is 0xFF.. and beats 1.
    let neg = CellVersion::live(5, Value::BigInt(-1));
    let one = CellVersion::live(5, Value::BigInt(1));
    assert_eq!(reconcile(&one, &neg), &neg);
    // 'é' (0xC3 0xA9) sorts above 'z' (0x7A) byte-wise.
    assert_eq!(
        reconcile(&text(5, "z"), &text(5, "é")).value,
        Some(Value::Text("é".into()))
    );
}

#[test]
fn on_a_tie_between_tombstones_the_later_deletion_time_wins() {
    let a = CellVersion::tombstone(7, 100);
    let b = CellVersion::tombstone(7, 200);
    assert_eq!(reconcile(&a, &b), &b);
    assert_eq!(reconcile(&b, &a), &b);
}

#[test]
fn deletions_supersede_by_timestamp_then_local_time() {
    let a = Deletion { ts: 5, ldt: 9 };
    let b = Deletion { ts: 5, ldt: 10 };
    let c = Deletion { ts: 6, ldt: 1 };
    assert!(b.supersedes(&a) && !a.supersedes(&b));
    assert!(c.supersedes(&b));
    assert!(c.deletes(6) && c.deletes(-3) && !c.deletes(7));
    assert_eq!(Deletion::merge(Some(a), Some(c)), Some(c));
    assert_eq!(Deletion::merge(None, Some(a)), Some(a));
}

/// The store must apply the same rule as `reconcile`, in either order.
#[test]
fn store_resolves_ties_like_reconcile() {
    let versions = [
        CellVersion::live(10, Value::BigInt(7)),
        CellVersion::live(10, Value::BigInt(-7)),
        CellVersion::tombstone(10, 3),
        CellVersion::live(9, Value::BigInt(100)),
    ];
    for a in &versions {
        for b in &versions {
            let mut s = Store::new(StoreConfig::default());
            for v in [a, b] {
                s.apply_row(&RowWrite {
                    channel: 1,
                    message_id: 5,
                    marker: Some(1),
                    deletion: None,
                    cells: vec![(Column::AuthorId, v.clone())],
                })
                .unwrap();
            }
            let img = s.partition_image(1, 0, None);
            let got = &img.rows[0].cells[0].1;
            assert_eq!(got, reconcile(a, b), "{a:?} then {b:?}");
        }
    }
}

fn arb_cell() -> impl Strategy<Value = CellVersion> {
    let value = prop_oneof![
        any::<i64>().prop_map(Value::BigInt),
        "[a-c]{0,3}".prop_map(Value::Text),
    ];
    (0i64..4, prop::option::of(value), 0u32..3).prop_map(|(ts, v, ldt)| match v {
        Some(v) => CellVersion::live(ts, v),
        None => CellVersion::tombstone(ts, ldt),
    })
}

proptest! {
    #[test]
    fn merge_is_commutative(a in arb_cell(), b in arb_cell()) {
        prop_assert_eq!(reconcile(&a, &b), reconcile(&b, &a));
    }

    #[test]
    fn merge_is_associative(a in arb_cell(), b in arb_cell(), c in arb_cell()) {
        let left = reconcile(reconcile(&a, &b), &c).clone();
        let right = reconcile(&a, reconcile(&b, &c)).clone();
        prop_assert_eq!(left, right);
    }

    #[test]
    fn merge_is_idempotent(a in arb_cell(), b in arb_cell()) {
        prop_assert_eq!(reconcile(&a, &a), &a);
        let ab = reconcile(&a, &b).clone();
        prop_assert_eq!(reconcile(&ab, &b), &ab);
    }
}
