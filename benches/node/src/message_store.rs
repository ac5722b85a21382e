use std::cell::RefCell;
use topic_message_store::model::store::{QueryOutcome, QuerySpec, Store, StoreConfig};
use wasm_bindgen::prelude::*;

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::new(StoreConfig::default()));
}

/// The time the benchmark's reads happen at: after the last message.
const NOW_MS: u64 = 1_484_611_200_000;

/// Inserts messages `i` with the given channel, Snowflake ID and author and
/// content "m{i}", as the sql.js peer does; returns the stored row count.
#[wasm_bindgen]
pub fn ms_ingest(channels: &[u64], ids: &[u64], authors: &[u64]) -> usize {
    STORE.with(|s| {
        let mut store = Store::new(StoreConfig::default());
        // "m{i}" is at most 8 bytes for a million messages.
        store.reserve_for_messages(channels, channels.len() * 8);
        let mut content = String::new();
        for (i, ((&c, &id), &a)) in channels.iter().zip(ids).zip(authors).enumerate() {
            use std::fmt::Write;
            content.clear();
            let _ = write!(content, "m{i}");
            let ts = ((id >> 22) as i64 + 1_420_070_400_000) * 1000;
            let _ = store.insert_message(c, id, a, &content, ts, (ts / 1_000_000) as u32, false);
        }
        store.shrink();
        let rows = store.row_count();
        *s.borrow_mut() = store;
        rows
    })
}

/// "Latest 50" in one channel, walking buckets newest to oldest; returns rows.
#[wasm_bindgen]
pub fn ms_latest(channel: u64, limit: u32) -> usize {
    STORE.with(|s| {
        let spec = QuerySpec {
            channel,
            limit,
            before: None,
        };
        match s.borrow_mut().query(&spec, limit, None, NOW_MS, 1) {
            Ok(QueryOutcome::Page(p)) => p.rows.len(),
            _ => 0,
        }
    })
}

/// Heap estimate over raw payload bytes, for the memory goal (≤ 2×).
#[wasm_bindgen]
pub fn ms_memory_ratio() -> f64 {
    STORE.with(|s| {
        let t = s.borrow().totals();
        t.heap_bytes as f64 / t.raw_payload_bytes.max(1) as f64
    })
}
