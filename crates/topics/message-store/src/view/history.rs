//! Deleting a partition's history with one range tombstone
//! (`… AND message_id < X`), the range tombstones the partition holds, and
//! the same history deleted row by row beside it, read for read.

use super::super::model::history::{compare_history_deletes, HistoryComparison, HISTORY_ROWS};
use super::super::model::read_cost::Assumptions;
use super::super::model::store::ReadStats;
use super::super::model::Action;
use super::super::state::Field;
use super::field::{first_error, on_draft, parse_id, TextField};
use super::format::{count, heap, micros};
use super::Props;
use yew::prelude::*;

/// What the history controls keep between renders; the partition view
/// owns it, so the controls need no component of their own.
#[derive(Clone)]
pub struct HistoryDrafts {
    bound: UseStateHandle<String>,
    local: UseStateHandle<Option<String>>,
    /// The comparison, in words, once asked for.
    compared: UseStateHandle<Option<String>>,
}

#[hook]
pub fn use_history_drafts() -> HistoryDrafts {
    HistoryDrafts {
        bound: use_state(String::new),
        local: use_state(|| None::<String>),
        compared: use_state(|| None::<String>),
    }
}

/// The two reads in words: counts, the thresholds and the estimated cost
/// (the query box's cost model with its default assumptions).
fn comparison(c: &HistoryComparison, warn: u32, fail: u32) -> String {
    let a = Assumptions::default();
    let cost = |s: &ReadStats| {
        let e = a.of_read(s);
        let limit = if s.tombstones > u64::from(fail) {
            format!("failed: over {} tombstones", count(u64::from(fail)))
        } else if s.tombstones > u64::from(warn) {
            format!("warned: over {} tombstones", count(u64::from(warn)))
        } else {
            format!("under the warning ({} tombstones)", count(u64::from(warn)))
        };
        format!(
            "{limit}; about {} and {} of garbage",
            micros(e.time_us),
            heap(e.garbage_bytes)
        )
    };
    let deleted = count(u64::from(c.rows) - 1);
    format!(
        "Row by row (a scratch partition of {} messages): {deleted} row tombstones. The next read of the latest 50 counted {} tombstones{}: {}.\nOne range delete, message_id < {}: the same read counted {} tombstones, its open and close markers: {}.",
        count(u64::from(c.rows)),
        count(c.row_by_row.tombstones),
        if c.row_by_row_failed { " and was aborted" } else { "" },
        cost(&c.row_by_row),
        c.rows,
        count(c.range.tombstones),
        cost(&c.range)
    )
}

/// The range-delete control for partition `(channel, bucket)`, its range
/// tombstones, and the comparison with row-by-row deletes.
pub fn history(p: &Props, channel: u64, bucket: u64, d: &HistoryDrafts) -> Html {
    let HistoryDrafts {
        bound,
        local,
        compared,
    } = d.clone();
    let s = &p.state;
    let pg = s.pg();
    let (now, config) = (pg.now_ms(), *pg.store().config());
    // "🪦 Range tombstone: message_id < X", one per line; its age against
    // gc_grace_seconds is the partition tombstone's story, told above.
    let ranges: String = pg
        .store()
        .channel(channel)
        .map(|c| c.range_tombstones())
        .unwrap_or_default()
        .iter()
        .filter(|r| r.bucket == bucket)
        .map(|r| format!("🪦 Range tombstone: message_id < {}\n", r.below))
        .collect();
    drop(pg);
    let on_delete = {
        let (p, bound, local) = (p.clone(), bound.clone(), local.clone());
        Callback::from(
            move |_: MouseEvent| match parse_id("Delete before", &bound) {
                Ok(before) => {
                    local.set(None);
                    p.act(Action::DeleteHistory {
                        channel,
                        bucket,
                        before,
                    });
                }
                Err(e) => local.set(Some(e)),
            },
        )
    };
    let on_compare = {
        let compared = compared.clone();
        Callback::from(move |_: MouseEvent| {
            let c = compare_history_deletes(HISTORY_ROWS, config, now);
            compared.set(Some(comparison(
                &c,
                config.warn_threshold,
                config.failure_threshold,
            )))
        })
    };
    html! {
        <div class="ms-history">
            if !ranges.is_empty() {
                <p class="ms-tomb ms-part-tomb">{ ranges }</p>
            }
            <div class="controls">
                <TextField id={p.id("history-before")} label="Delete history before message ID" value={(*bound).clone()}
                    oninput={on_draft(&bound)} numeric=true class="ms-id"
                    error={first_error(local.as_ref(), s.refused(&Field::History))} />
                <button type="button" onclick={on_delete}>{ "Delete history (one range tombstone)" }</button>
            </div>
            <details class="ms-bulk">
                <summary>{ "Row by row or one range delete: what the next read counts" }</summary>
                <button type="button" onclick={on_compare}>{ "Compare the two deletes" }</button>
                if let Some(c) = &*compared {
                    <p class="ms-hint ms-history-compare">{ c.clone() }</p>
                }
            </details>
        </div>
    }
}
