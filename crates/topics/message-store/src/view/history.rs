//! Deleting a partition's history with one range tombstone
//! (`… AND message_id < X`), the range tombstones the partition holds, and
//! the same history deleted row by row beside it, read for read.

use super::super::model::history::{compare_history_deletes, HistoryComparison, HISTORY_ROWS};
use super::super::model::read_cost::Assumptions;
use super::super::model::Action;
use super::super::state::Field;
use super::field::{first_error, on_draft, parse_id, TextField};
use super::format::count;
use super::partition::grace_words;
use super::read_cost::readout;
use super::Props;
use yew::prelude::*;

/// What the history controls keep between renders; the partition view
/// owns it, so the controls need no component of their own.
#[derive(Clone)]
pub struct HistoryDrafts {
    bound: UseStateHandle<String>,
    local: UseStateHandle<Option<String>>,
    compared: UseStateHandle<Option<HistoryComparison>>,
}

#[hook]
pub fn use_history_drafts() -> HistoryDrafts {
    HistoryDrafts {
        bound: use_state(String::new),
        local: use_state(|| None::<String>),
        compared: use_state(|| None::<HistoryComparison>),
    }
}

fn side(title: &str, words: String, cost: Html) -> Html {
    html! {
        <div class="ms-history-side">
            <h4>{ title.to_string() }</h4>
            <p class="ms-hint">{ words }</p>
            { cost }
        </div>
    }
}

fn comparison(c: &HistoryComparison, warn: u32, fail: u32) -> Html {
    let a = Assumptions::default();
    let deleted = count(u64::from(c.rows) - 1);
    let rows = format!(
        "{deleted} DELETE statements leave {deleted} row tombstones. The next read of the latest 50 counted {} tombstones{}.",
        count(c.row_by_row.tombstones),
        if c.row_by_row_failed { " and was aborted" } else { "" }
    );
    let range = format!(
        "One DELETE … AND message_id < {} leaves one range tombstone. The same read counted {} tombstones: its open and close markers.",
        c.rows,
        count(c.range.tombstones)
    );
    html! {
        <div class="ms-history-compare" role="group" aria-label="Row deletes against one range delete">
            { side("Row by row", rows, readout(&a, &c.row_by_row, warn, fail)) }
            { side("One range delete", range, readout(&a, &c.range, warn, fail)) }
        </div>
    }
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
    let ranges: Vec<_> = pg
        .store()
        .channel(channel)
        .map(|c| {
            c.range_tombstones()
                .iter()
                .filter(|r| r.bucket == bucket)
                .copied()
                .collect()
        })
        .unwrap_or_default();
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
            compared.set(Some(compare_history_deletes(HISTORY_ROWS, config, now)))
        })
    };
    html! {
        <div class="ms-history">
            { for ranges.iter().map(|r| html! {
                <p class="ms-tomb ms-part-tomb">
                    { format!("🪦 Range tombstone: message_id < {} · ", r.below) }{ grace_words(r.deletion.ldt, now, config.gc_grace_seconds) }
                </p>
            }) }
            <div class="controls">
                <TextField id={p.id("history-before")} label="Delete history before message ID" value={(*bound).clone()}
                    oninput={on_draft(&bound)} numeric=true class="ms-id"
                    error={first_error(local.as_ref(), s.refused(&Field::History))} />
                <button type="button" onclick={on_delete}>{ "Delete history (one range tombstone)" }</button>
            </div>
            <details class="ms-bulk">
                <summary>{ "Row by row or one range delete: what the next read counts" }</summary>
                <p class="ms-hint">{ format!(
                    "Builds {} messages in a scratch partition twice, deletes all but the newest row by row in one and with one range delete in the other, then reads the latest 50 from each. Your playground is not touched.",
                    count(u64::from(HISTORY_ROWS))) }</p>
                <button type="button" onclick={on_compare}>{ "Compare the two deletes" }</button>
                if let Some(c) = *compared {
                    { comparison(&c, config.warn_threshold, config.failure_threshold) }
                }
            </details>
        </div>
    }
}
