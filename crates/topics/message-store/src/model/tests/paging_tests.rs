//! Paging: page_size, has_more and the opaque state, including ScyllaDB's
//! test_paging.py::test_sticky_stop_flag (partition delete + re-inserts).

use super::super::cell::Deletion;
use super::super::snowflake::{Snowflake, DISCORD_EPOCH_MS};
use super::super::store::{Page, QueryOutcome, QuerySpec, Store};
use super::store_tests::{delete, insert, store, CH, NOW};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn page(s: &mut Store, spec: &QuerySpec, size: u32, state: Option<&str>) -> Page {
    match s.query(spec, size, state, NOW, 1).unwrap() {
        QueryOutcome::Page(p) => p,
        QueryOutcome::Failed(f) => panic!("{}", f.message),
    }
}

fn all_pages(s: &mut Store, spec: &QuerySpec, size: u32) -> Vec<Vec<u64>> {
    let mut out = Vec::new();
    let mut state: Option<String> = None;
    loop {
        let p = page(s, spec, size, state.as_deref());
        out.push(p.rows.iter().map(|r| r.message_id).collect());
        assert_eq!(p.has_more, p.paging_state.is_some());
        match p.paging_state {
            Some(st) => state = Some(st),
            None => return out,
        }
        assert!(out.len() < 10_000, "paging must terminate");
    }
}

#[test]
fn sticky_stop_flag_partition_delete_then_reinserts() {
    let mut s = store();
    insert(&mut s, 1100, "0", 10);
    s.delete_partition(CH, 0, Deletion { ts: 20, ldt: 0 })
        .unwrap();
    for ck in 0..200u64 {
        if ck != 100 {
            insert(&mut s, 1000 + ck, "0", 30);
        }
    }
    let spec = QuerySpec {
        channel: CH,
        limit: 1_000_000,
        before: None,
    };
    let pages = all_pages(&mut s, &spec, 100);
    let rows: Vec<u64> = pages.concat();
    assert_eq!(rows.len(), 199);
    assert_eq!(
        pages.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![100, 99]
    );
    let mut sorted = rows.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.dedup();
    assert_eq!(sorted, rows, "descending, no duplicates");
    assert!(!rows.contains(&1100));
}

#[test]
fn writes_between_pages_never_duplicate_rows() {
    let mut s = store();
    for id in 1..=30u64 {
        insert(&mut s, id, "old", 10);
    }
    let spec = QuerySpec {
        channel: CH,
        limit: 1000,
        before: None,
    };
    let p1 = page(&mut s, &spec, 10, None);
    let first: Vec<u64> = p1.rows.iter().map(|r| r.message_id).collect();
    assert_eq!(first, (21..=30).rev().collect::<Vec<_>>());
    s.delete_partition(CH, 0, Deletion { ts: 20, ldt: 0 })
        .unwrap();
    for id in [5, 15, 25, 35] {
        insert(&mut s, id, "new", 30);
    }
    let p2 = page(&mut s, &spec, 10, p1.paging_state.as_deref());
    let second: Vec<u64> = p2.rows.iter().map(|r| r.message_id).collect();
    assert_eq!(second, vec![15, 5]);
    assert!(!p2.has_more && p2.paging_state.is_none());
}

#[test]
fn has_more_is_false_when_the_page_holds_the_rest() {
    let mut s = store();
    for id in 1..=10u64 {
        insert(&mut s, id, "m", 10);
    }
    let spec = QuerySpec {
        channel: CH,
        limit: 100,
        before: None,
    };
    let pages = all_pages(&mut s, &spec, 5);
    assert_eq!(pages.len(), 2, "no empty third page");
    // The LIMIT caps the total across pages.
    let spec = QuerySpec {
        channel: CH,
        limit: 7,
        before: None,
    };
    let pages = all_pages(&mut s, &spec, 5);
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), vec![5, 2]);
    // Dead rows below the page do not count as more.
    let mut s = store();
    for id in 1..=5u64 {
        insert(&mut s, id, "m", 10);
    }
    delete(&mut s, 1, 20, 0);
    delete(&mut s, 2, 20, 0);
    let spec = QuerySpec {
        channel: CH,
        limit: 100,
        before: None,
    };
    let p = page(&mut s, &spec, 3, None);
    assert!(!p.has_more);
}

#[test]
fn page_size_and_limit_are_validated() {
    let mut s = store();
    let spec = QuerySpec {
        channel: CH,
        limit: 10,
        before: None,
    };
    let e = s.query(&spec, 0, None, NOW, 1).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Page size must be between 1 and 5000 (got 0)"
    );
    let e = s.query(&spec, 5001, None, NOW, 1).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Page size must be between 1 and 5000 (got 5001)"
    );
    assert!(s.query(&spec, 5000, None, NOW, 1).is_ok());
    let zero = QuerySpec {
        channel: CH,
        limit: 0,
        before: None,
    };
    let e = s.query(&zero, 10, None, NOW, 1).unwrap_err();
    assert_eq!(e.to_string(), "Limit must be between 1 and 1000000 (got 0)");
}

#[test]
fn paging_state_is_checked() {
    let mut s = store();
    for id in 1..=10u64 {
        insert(&mut s, id, "m", 10);
    }
    let spec = QuerySpec {
        channel: CH,
        limit: 100,
        before: None,
    };
    let p = page(&mut s, &spec, 3, None);
    let st = p.paging_state.unwrap();
    let mut tampered = st.clone().into_bytes();
    tampered[20] = if tampered[20] == b'0' { b'1' } else { b'0' };
    let tampered = String::from_utf8(tampered).unwrap();
    let e = s.query(&spec, 3, Some(&tampered), NOW, 1).unwrap_err();
    assert!(e.to_string().contains("altered"), "{e}");
    assert!(s
        .query(&spec, 3, Some("zz"), NOW, 1)
        .unwrap_err()
        .to_string()
        .contains("hexadecimal"));
    let other = QuerySpec {
        channel: CH,
        limit: 99,
        before: None,
    };
    let e = s.query(&other, 3, Some(&st), NOW, 1).unwrap_err();
    assert!(e.to_string().contains("different query"), "{e}");
    // The page size may change between pages, as in the native protocol.
    let p2 = page(&mut s, &spec, 4, Some(&st));
    assert_eq!(
        p2.rows.iter().map(|r| r.message_id).collect::<Vec<_>>(),
        vec![7, 6, 5, 4]
    );
}

#[derive(Clone, Debug)]
enum Op {
    Insert(u64),
    Delete(u64),
    DeleteBucket(u64),
}

fn id_at(day: u64, k: u64) -> u64 {
    Snowflake::smallest_at(DISCORD_EPOCH_MS + 400 * 86_400_000 + day * 86_400_000)
        .unwrap()
        .0
        + k
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn paging_returns_exactly_the_live_rows_in_desc_order(
        ops in prop::collection::vec(
            prop_oneof![
                6 => (0u64..60, 0u64..5).prop_map(|(d, k)| Op::Insert(id_at(d, k))),
                2 => (0u64..60, 0u64..5).prop_map(|(d, k)| Op::Delete(id_at(d, k))),
                1 => (0u64..60).prop_map(|d| Op::DeleteBucket(id_at(d, 0))),
            ],
            0..120,
        ),
        size in 1u32..7,
        cache in any::<bool>(),
        limit in 1u32..400,
    ) {
        let mut s = store();
        s.set_empty_bucket_cache(cache);
        let mut truth: BTreeMap<u64, bool> = BTreeMap::new();
        let bsize = s.config().bucket;
        for (i, op) in ops.iter().enumerate() {
            let ts = 100 + i as i64;
            match op {
                Op::Insert(id) => { insert(&mut s, *id, "m", ts); truth.insert(*id, true); }
                Op::Delete(id) => { delete(&mut s, *id, ts, 0); truth.insert(*id, false); }
                Op::DeleteBucket(id) => {
                    let b = bsize.bucket(*id);
                    s.delete_partition(CH, b, Deletion { ts, ldt: 0 }).unwrap();
                    for (k, v) in truth.iter_mut() {
                        if bsize.bucket(*k) == b { *v = false; }
                    }
                }
            }
        }
        let want: Vec<u64> = truth.iter().rev().filter(|(_, l)| **l).map(|(k, _)| *k).take(limit as usize).collect();
        let spec = QuerySpec { channel: CH, limit, before: None };
        let got: Vec<u64> = all_pages(&mut s, &spec, size).concat();
        prop_assert_eq!(&got, &want);
        // A second run (cache now warm) gives the same rows.
        let again: Vec<u64> = all_pages(&mut s, &spec, size).concat();
        prop_assert_eq!(again, want);
    }
}
