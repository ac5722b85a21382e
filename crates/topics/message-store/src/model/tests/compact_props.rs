//! The packed row layout (inline cells, null masks, side table) against a
//! plain reference: any sequence of writes must leave the same partition.

use super::super::cell::{reconcile, CellVersion, Deletion};
use super::super::schema::{Column, Value, ALL_COLUMNS};
use super::super::store::{message_write, PartitionImage, RowImage, RowWrite, Store, StoreConfig};
use proptest::prelude::*;
use std::collections::BTreeMap;

#[derive(Default, Clone)]
struct RefRow {
    marker: Option<i64>,
    deletion: Option<Deletion>,
    cells: BTreeMap<Column, CellVersion>,
}

#[derive(Default)]
struct Reference {
    rows: BTreeMap<u64, RefRow>,
    partition: Option<Deletion>,
}

impl Reference {
    fn apply(&mut self, w: &RowWrite) {
        let pd = self.partition;
        let alive = |ts: i64| !pd.is_some_and(|p| p.deletes(ts));
        let r = self.rows.entry(w.message_id).or_default();
        if let Some(d) = w.deletion.filter(|d| pd.is_none_or(|p| d.supersedes(&p))) {
            r.deletion = Deletion::merge(r.deletion, Some(d));
        }
        if let Some(m) = w.marker.filter(|m| alive(*m)) {
            r.marker = Some(r.marker.map_or(m, |x| x.max(m)));
        }
        for (c, v) in &w.cells {
            if alive(v.ts) {
                let merged = match r.cells.get(c) {
                    Some(old) => reconcile(old, v).clone(),
                    None => v.clone(),
                };
                r.cells.insert(*c, merged);
            }
        }
        Self::shadow(r, r.deletion);
        self.prune();
    }

    fn shadow(r: &mut RefRow, d: Option<Deletion>) {
        let Some(d) = d else { return };
        if r.marker.is_some_and(|m| d.deletes(m)) {
            r.marker = None;
        }
        r.cells.retain(|_, v| !d.deletes(v.ts));
    }

    fn delete_partition(&mut self, d: Deletion) {
        self.partition = Deletion::merge(self.partition, Some(d));
        let p = self.partition;
        for r in self.rows.values_mut() {
            Self::shadow(r, p);
            if let (Some(rd), Some(p)) = (r.deletion, p) {
                if !rd.supersedes(&p) {
                    r.deletion = None;
                }
            }
        }
        self.prune();
    }

    fn prune(&mut self) {
        self.rows
            .retain(|_, r| r.marker.is_some() || r.deletion.is_some() || !r.cells.is_empty());
    }

    fn image(&self) -> PartitionImage {
        PartitionImage {
            channel: 1,
            bucket: 0,
            deletion: self.partition,
            rows: self
                .rows
                .iter()
                .map(|(id, r)| RowImage {
                    id: *id,
                    marker: r.marker,
                    deletion: r.deletion,
                    cells: ALL_COLUMNS
                        .iter()
                        .filter_map(|c| r.cells.get(c).map(|v| (*c, v.clone())))
                        .collect(),
                })
                .collect(),
        }
    }
}

#[derive(Clone, Debug)]
enum Op {
    Insert {
        id: u64,
        ts: i64,
        nulls: bool,
        text: u8,
    },
    Update {
        id: u64,
        ts: i64,
        col: usize,
        null: bool,
        v: i64,
    },
    Delete {
        id: u64,
        ts: i64,
    },
    DeletePartition {
        ts: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let id = 1u64..6;
    let ts = 0i64..8;
    prop_oneof![
        4 => (id.clone(), ts.clone(), any::<bool>(), 0u8..3).prop_map(|(id, ts, nulls, text)| Op::Insert { id, ts, nulls, text }),
        3 => (id.clone(), ts.clone(), 0usize..14, any::<bool>(), -2i64..3).prop_map(|(id, ts, col, null, v)| Op::Update { id, ts, col, null, v }),
        2 => (id, ts.clone()).prop_map(|(id, ts)| Op::Delete { id, ts }),
        1 => ts.prop_map(|ts| Op::DeletePartition { ts }),
    ]
}

fn value_for(col: Column, v: i64) -> Value {
    use super::super::schema::CqlType;
    match col.cql_type() {
        CqlType::BigInt => Value::BigInt(v),
        CqlType::Timestamp => Value::Timestamp(v),
        CqlType::Int => Value::Int(v as i32),
        CqlType::Boolean => Value::Boolean(v > 0),
        CqlType::Text => Value::Text(format!("t{v}")),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn packed_rows_match_the_reference(ops in prop::collection::vec(op(), 1..40), compact_at in 0usize..40) {
        let mut s = Store::new(StoreConfig::default());
        let mut r = Reference::default();
        for (i, o) in ops.iter().enumerate() {
            // ts µs -> ldt s: the null mask applies when ldt is the write's own second.
            match o {
                Op::Insert { id, ts, nulls, text } => {
                    let w = message_write(1, *id, 9, &format!("c{text}"), *ts, 0, *nulls);
                    if i % 2 == 0 {
                        s.insert_message(1, *id, 9, &format!("c{text}"), *ts, 0, *nulls).unwrap();
                    } else {
                        s.apply_row(&w).unwrap();
                    }
                    r.apply(&w);
                }
                Op::Update { id, ts, col, null, v } => {
                    let col = ALL_COLUMNS[*col];
                    let cell = if *null { CellVersion::tombstone(*ts, 3) } else { CellVersion::live(*ts, value_for(col, *v)) };
                    let w = RowWrite { channel: 1, message_id: *id, marker: None, deletion: None, cells: vec![(col, cell)] };
                    s.apply_row(&w).unwrap();
                    r.apply(&w);
                }
                Op::Delete { id, ts } => {
                    let w = RowWrite { channel: 1, message_id: *id, marker: None, deletion: Some(Deletion { ts: *ts, ldt: 2 }), cells: vec![] };
                    s.apply_row(&w).unwrap();
                    r.apply(&w);
                }
                Op::DeletePartition { ts } => {
                    s.delete_partition(1, 0, Deletion { ts: *ts, ldt: 1 }).unwrap();
                    r.delete_partition(Deletion { ts: *ts, ldt: 1 });
                }
            }
            if i == compact_at {
                // Nothing is past grace yet: compaction must change nothing visible.
                s.compact(0);
            }
            prop_assert_eq!(s.partition_image(1, 0, None), r.image());
        }
    }
}
