//! One partition `(channel_id, bucket)` as Cassandra stores it: rows newest
//! first, deleted rows kept as greyed tombstones with their age against
//! gc_grace_seconds, null-column tombstones counted per row.

use super::super::model::cell::Deletion;
use super::super::model::murmur3::partition_token;
use super::super::model::schema::{Column, Value};
use super::super::model::snowflake::Snowflake;
use super::super::model::store::{PartitionImage, RowImage};
use super::super::model::Action;
use super::super::state::Field;
use super::channel::label;
use super::format::{count, date_time, duration};
use super::history::{history, use_history_drafts};
use super::text::MessageText;
use super::timeline::Lane;
use super::Props;
use std::rc::Rc;
use techshack_core::widgets::field_error;
use yew::prelude::*;

/// Rows listed at first; the rest of a big partition is counted, and shown
/// `ROWS_MORE` at a time on request. A short list keeps the panel light:
/// this table was two thirds of the panel's elements, and a tour step that
/// fills a partition draws the panel afresh in one go when it is done.
pub const ROWS_SHOWN: usize = 25;
const ROWS_MORE: usize = 100;
/// Rows listed at most, however often more are asked for.
const ROWS_MAX: usize = 1_000;

/// A row as the partition view shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct RowView {
    pub id: u64,
    pub author: Option<u64>,
    pub content: Option<String>,
    /// The row tombstone, when it hides everything in the row.
    pub deleted: Option<Deletion>,
    /// A row tombstone that newer cells outlive (the edit/delete race).
    pub outlived: Option<Deletion>,
    /// Cell tombstones still in the row, with the newest deletion time.
    pub cell_tombstones: u32,
    pub newest_cell_ldt: Option<u32>,
    /// Whether anything in the row is live (its marker or a cell).
    pub live: bool,
}

impl RowView {
    pub fn of(r: &RowImage) -> RowView {
        let d = r.deletion;
        let after = |ts: i64| d.is_none_or(|d| ts > d.ts);
        let mut v = RowView {
            id: r.id,
            author: None,
            content: None,
            deleted: None,
            outlived: None,
            cell_tombstones: 0,
            newest_cell_ldt: None,
            live: false,
        };
        let mut live = r.marker.is_some_and(after);
        for (col, c) in &r.cells {
            if !after(c.ts) {
                continue;
            }
            match (&c.value, col) {
                (None, _) => {
                    v.cell_tombstones += 1;
                    v.newest_cell_ldt = v.newest_cell_ldt.max(Some(c.ldt));
                }
                (Some(Value::BigInt(a)), Column::AuthorId) => {
                    v.author = Some(*a as u64);
                    live = true;
                }
                (Some(Value::Text(t)), Column::Content) => {
                    v.content = Some(t.clone());
                    live = true;
                }
                (Some(_), _) => live = true,
            }
        }
        v.live = live;
        if live {
            v.outlived = d;
        } else {
            v.deleted = d;
        }
        v
    }
}

/// "3 d of 10 d grace", or that the tombstone is past grace.
pub fn grace_words(ldt: u32, now_ms: u64, grace_s: u32) -> String {
    let age = (now_ms / 1000).saturating_sub(ldt as u64);
    if age > grace_s as u64 {
        format!(
            "{} old, past {} grace: compaction drops it",
            duration(age),
            duration(grace_s as u64)
        )
    } else {
        format!("{} of {} grace", duration(age), duration(grace_s as u64))
    }
}

fn row_html(
    r: &RowView,
    now: u64,
    grace: u32,
    on_delete: Option<Callback<MouseEvent>>,
    on_pick: Callback<MouseEvent>,
) -> Html {
    let created = date_time(Snowflake(r.id).unix_ms());
    let dead = r.deleted.is_some();
    let state = match (r.deleted, r.outlived) {
        (Some(d), _) => {
            html! { <span class="ms-tomb">{ "🪦 deleted · " }{ grace_words(d.ldt, now, grace) }</span> }
        }
        (None, Some(d)) => {
            html! { <span class="ms-tomb">{ "🪦 row tombstone, outlived by a later write · " }{ grace_words(d.ldt, now, grace) }</span> }
        }
        // What an expired TTL leaves: its cells, now tombstones, no marker.
        _ if !r.live => {
            html! { <span class="ms-tomb">{ "🪦 no live cells left (an expired TTL or deleted cells)" }</span> }
        }
        _ => html! { <span class="badge good">{ "live" }</span> },
    };
    html! {
        <tr key={r.id.to_string()} class={classes!(dead.then_some("ms-dead"))}>
            <td class="mono">
                <button type="button" class="ms-link ms-id-pick" onclick={on_pick} title="Take this ID apart (Snowflake anatomy)"
                    aria-label={format!("Take message ID {} apart", r.id)}>{ r.id }</button>
                <br /><span class="ms-hint">{ created }</span>
            </td>
            <td class="mono">{ r.author.map_or_else(|| html! { <span class="ms-null">{ "null" }</span> }, |a| html! { { a } }) }</td>
            <td>{ if dead { html! { <span class="ms-null">{ "(shadowed)" }</span> } } else { html! { <MessageText text={r.content.clone().map(AttrValue::from)} /> } } }</td>
            <td>
                { state }
                if r.cell_tombstones > 0 {
                    <span class="ms-tomb ms-cells">
                        { format!(" 🪦 ×{} null-column tombstones", r.cell_tombstones) }
                        { r.newest_cell_ldt.map(|l| format!(" · {}", grace_words(l, now, grace))).unwrap_or_default() }
                    </span>
                }
            </td>
            <td>
                if let Some(cb) = on_delete {
                    <button type="button" class="ms-small" onclick={cb} aria-label={format!("Delete message {}", r.id)}>{ "Delete" }</button>
                }
            </td>
        </tr>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct PartitionProps {
    pub p: Props,
    /// A message ID was picked to be taken apart.
    pub on_pick: Callback<u64>,
}

#[function_component]
pub fn PartitionView(props: &PartitionProps) -> Html {
    let p = &props.p;
    let s = &p.state;
    let channel = s.focus.channel;
    let pg = s.pg();
    let now = pg.now_ms();
    let grace = pg.store().config().gc_grace_seconds;
    let newest = Lane::of_newest(pg.store(), channel);
    drop(pg);
    let bucket = s.focus.bucket.or(newest);
    // How many rows to list, for the partition they were asked for on.
    let more = use_state(|| (channel, bucket, ROWS_SHOWN));
    let limit = match *more {
        (c, b, n) if (c, b) == (channel, bucket) => n,
        _ => ROWS_SHOWN,
    };
    let drafts = use_history_drafts();
    let data: Rc<Option<(PartitionImage, usize)>> =
        use_memo((s.data_version, channel, bucket, limit), |(_, c, b, n)| {
            b.map(|b| s.pg().store().partition_newest(*c, b, *n))
        });
    let Some(b) = bucket else {
        return html! {
            <section role="group" class="card-box ms-partition" aria-labelledby={p.id("part-h")}>
                <h2 id={p.id("part-h")}>{ "Partition" }</h2>
                <p class="ms-hint">{ format!("Channel {} has no partitions yet: write a message to it.", label(channel)) }</p>
            </section>
        };
    };
    let replicas = s.pg().cluster().replicas(channel, b);
    let rows: Vec<RowView> = data
        .as_ref()
        .as_ref()
        .map(|(img, _)| img.rows.iter().map(RowView::of).collect())
        .unwrap_or_default();
    let total = data.as_ref().as_ref().map_or(0, |(_, n)| *n);
    let part_del = data.as_ref().as_ref().and_then(|(img, _)| img.deletion);
    let dead = rows.iter().filter(|r| r.deleted.is_some()).count();
    let next = (limit + ROWS_MORE).min(ROWS_MAX);
    html! {
        <section role="group" class="card-box ms-partition" aria-labelledby={p.id("part-h")}>
            <h2 id={p.id("part-h")}>{ format!("Partition ({channel}, {b})") }</h2>
            <p class="ms-hint">
                { format!("Channel {}, bucket {b}: {} rows, deleted ones too, newest first. Token {}; replicas: nodes {}. gc_grace_seconds = {} ({}).",
                    label(channel), count(total as u64), partition_token(channel, b),
                    replicas.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(", "),
                    grace, duration(grace as u64)) }
            </p>
            if let Some(d) = part_del {
                <p class="ms-tomb ms-part-tomb">{ "🪦 Partition tombstone: every row written before it is deleted · " }{ grace_words(d.ldt, now, grace) }</p>
            }
            if rows.is_empty() {
                <p class="ms-hint">{ "This bucket holds no rows." }</p>
            } else {
                <div class="scroll" tabindex="0" role="group" aria-label={format!("Rows of partition {b}")}>
                    <table class="data ms-rows">
                        <caption class="sr-only">{ format!("Rows of partition ({channel}, {b}); {dead} of the first {} are tombstones", rows.len()) }</caption>
                        <thead><tr>
                            <th scope="col">{ "message_id" }</th><th scope="col">{ "author_id" }</th>
                            <th scope="col">{ "content" }</th><th scope="col">{ "state" }</th><th scope="col"><span class="sr-only">{ "Actions" }</span></th>
                        </tr></thead>
                        <tbody>
                            { for rows.iter().map(|r| {
                                let del = r.deleted.is_none().then(|| p.send::<MouseEvent>(Action::DeleteMessage { channel, message: r.id }));
                                let id = r.id;
                                row_html(r, now, grace, del, props.on_pick.reform(move |_| id))
                            }) }
                        </tbody>
                    </table>
                    if total > rows.len() {
                        <p class="ms-hint">
                            { format!("… and {} older rows in this partition.", count((total - rows.len()) as u64)) }
                            if next > rows.len() {
                                { " " }
                                <button type="button" onclick={
                                    let more = more.clone();
                                    move |_| more.set((channel, bucket, next))
                                }>{ format!("Show {} more", (total.min(next) - rows.len())) }</button>
                            }
                        </p>
                    }
                </div>
            }
            <div class="controls">
                <button type="button" onclick={p.send::<MouseEvent>(Action::DeleteBucket { channel, bucket: b })}>
                    { format!("Delete partition {b} (one tombstone)") }
                </button>
            </div>
            { history(p, channel, b, &drafts) }
            { field_error(&p.id("part-error"), s.refused(&Field::Timeline)) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::model::cell::CellVersion;
    use super::*;

    #[test]
    fn a_deleted_row_is_a_tombstone_and_an_edit_after_it_outlives_it() {
        let del = Deletion { ts: 10, ldt: 100 };
        let gone = RowImage {
            id: 1,
            marker: Some(5),
            deletion: Some(del),
            cells: vec![(
                Column::Content,
                CellVersion::live(5, Value::Text("x".into())),
            )],
        };
        let v = RowView::of(&gone);
        assert_eq!(v.deleted, Some(del));
        assert_eq!(v.content, None);
        let raced = RowImage {
            cells: vec![(
                Column::Content,
                CellVersion::live(11, Value::Text("y".into())),
            )],
            ..gone
        };
        let v = RowView::of(&raced);
        assert_eq!(v.deleted, None);
        assert_eq!(v.outlived, Some(del));
        assert_eq!(v.content.as_deref(), Some("y"));
        assert_eq!(v.author, None);
    }

    #[test]
    fn an_expired_ttl_leaves_a_row_of_tombstones_that_is_not_live() {
        // AbstractCell.purge: an expired cell becomes a tombstone, and an
        // expired row marker is not live (LivenessInfo.isLive).
        let expired = RowImage {
            id: 1,
            marker: None,
            deletion: None,
            cells: vec![
                (Column::AuthorId, CellVersion::tombstone(5, 100)),
                (Column::Content, CellVersion::tombstone(5, 100)),
            ],
        };
        let v = RowView::of(&expired);
        assert!(!v.live);
        assert_eq!((v.deleted, v.cell_tombstones), (None, 2));
    }

    #[test]
    fn grace_reads_as_age_of_grace() {
        let now = 1_000_000 * 1000;
        assert_eq!(
            grace_words(1_000_000 - 3 * 86_400, now, 864_000),
            "3 d of 10 d grace"
        );
        assert!(grace_words(0, now, 3600).contains("past 1 h grace"));
    }
}
