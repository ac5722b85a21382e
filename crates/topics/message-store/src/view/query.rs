//! "Latest N messages before X": the query box, the page it returns, what
//! the bucket walk cost, and Cassandra's refusal when tombstones overwhelm it.

use super::super::model::read_cost::Assumptions;
use super::super::model::store::{BucketVisit, Page, ReadStats, MAX_PAGE_SIZE};
use super::super::model::{Action, Outcome};
use super::super::state::Field;
use super::channel::{label, ChannelPick};
use super::field::{first_error, on_draft, parse_id, parse_optional_id, parse_u32, TextField};
use super::format::count;
use super::read_cost::{readout, CostModel};
use super::text::MessageText;
use super::Props;
use std::collections::HashMap;
use techshack_core::widgets::field_error;
use yew::prelude::*;

/// Rows of a page listed; the rest are counted.
const ROWS_SHOWN: usize = 100;

pub fn stats_list(s: &ReadStats) -> Html {
    let item = |label: &str, v: u64, class: &'static str| {
        html! { <div class={class}><dt>{ label.to_string() }</dt><dd>{ count(v) }</dd></div> }
    };
    html! {
        <dl class="stats ms-read-stats">
            { item("Buckets asked for", s.buckets_queried, "ms-stat-buckets") }
            { item("Partitions touched", s.partitions_touched, "ms-stat-partitions") }
            { item("Live rows", s.live_rows, "ms-stat-live") }
            { item("Tombstones scanned", s.tombstones, "ms-stat-tombstones") }
            { item("Past grace, dropped unread", s.purgeable_skipped, "ms-stat-purgeable") }
            { item("Empty buckets visited", s.empty_buckets_visited, "ms-stat-empty") }
            { item("Empty buckets skipped", s.empty_buckets_skipped, "ms-stat-skipped") }
            if s.corrupt_rows_deleted > 0 {
                { item("Corrupt rows deleted", s.corrupt_rows_deleted, "ms-stat-corrupt") }
            }
        </dl>
    }
}

/// The walk in words, newest bucket first.
pub fn walk_words(visits: &[BucketVisit]) -> Vec<String> {
    visits
        .iter()
        .map(|v| match v {
            BucketVisit::Read {
                bucket,
                live,
                tombstones,
            } => format!("bucket {bucket}: {live} live, {tombstones} tombstones"),
            BucketVisit::Missing { from, to } if from == to => format!("bucket {from}: empty"),
            BucketVisit::Missing { from, to } => {
                format!("buckets {from}–{to}: empty ({})", from - to + 1)
            }
            BucketVisit::Skipped { from, to } if from == to => {
                format!("bucket {from}: skipped (known empty)")
            }
            BucketVisit::Skipped { from, to } => {
                format!("buckets {from}–{to}: skipped (known empty)")
            }
        })
        .collect()
}

fn page_rows(page: &Page) -> Html {
    if page.rows.is_empty() {
        return html! { <p class="ms-hint">{ "No messages." }</p> };
    }
    html! {
        <div class="scroll ms-page-rows" tabindex="0" role="group" aria-label="Messages returned">
            <table class="data">
                <caption class="sr-only">{ "Messages returned, newest first" }</caption>
                <thead><tr><th scope="col">{ "message_id" }</th><th scope="col">{ "bucket" }</th><th scope="col">{ "author_id" }</th><th scope="col">{ "content" }</th></tr></thead>
                <tbody>
                    { for page.rows.iter().take(ROWS_SHOWN).map(|r| html! {
                        <tr key={r.message_id.to_string()}>
                            <td class="mono">{ r.message_id }</td>
                            <td>{ r.bucket }</td>
                            <td class="mono">{ r.author_id.map_or_else(|| html!{ <span class="ms-null">{ "null" }</span> }, |a| html!{ { a } }) }</td>
                            <td><MessageText text={r.content.clone().map(AttrValue::from)} /></td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if page.rows.len() > ROWS_SHOWN {
                <p class="ms-hint">{ format!("… and {} more rows on this page.", page.rows.len() - ROWS_SHOWN) }</p>
            }
        </div>
    }
}

#[function_component]
pub fn QueryBox(p: &Props) -> Html {
    let s = &p.state;
    let channel = use_state(|| s.focus.channel.to_string());
    let limit = use_state(|| "50".to_string());
    let before = use_state(String::new);
    let page_size = use_state(|| s.pg().page_size().to_string());
    let local = use_state(HashMap::<&'static str, String>::new);
    let costs = use_state(Assumptions::default);
    let on_costs = {
        let costs = costs.clone();
        Callback::from(move |a: Assumptions| costs.set(a))
    };
    let config = *s.pg().store().config();
    let (warn, fail) = (config.warn_threshold, config.failure_threshold);
    {
        let channel = channel.clone();
        use_effect_with(s.focus.channel, move |c| channel.set(c.to_string()));
    }
    {
        let page_size = page_size.clone();
        let size = s.pg().page_size();
        use_effect_with(size, move |n| page_size.set(n.to_string()));
    }

    let run = {
        let p = p.clone();
        let (channel, limit, before, page_size, local) = (
            channel.clone(),
            limit.clone(),
            before.clone(),
            page_size.clone(),
            local.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ch = parse_id("Channel ID", &channel);
            let n = parse_u32("N", &limit, 1, 1_000_000);
            let b = parse_optional_id("Before ID", &before);
            let ps = parse_u32("Page size", &page_size, 1, MAX_PAGE_SIZE as u64);
            let mut errs = HashMap::new();
            for (k, r) in [
                ("channel", ch.as_ref().err()),
                ("limit", n.as_ref().err()),
                ("before", b.as_ref().err()),
                ("page", ps.as_ref().err()),
            ] {
                if let Some(e) = r {
                    errs.insert(k, e.clone());
                }
            }
            local.set(errs);
            let (Ok(channel), Ok(limit), Ok(before), Ok(size)) = (ch, n, b, ps) else {
                return;
            };
            if size != p.state.pg().page_size() {
                p.act(Action::SetPageSize(size));
                if !(1..=MAX_PAGE_SIZE).contains(&size) {
                    return;
                }
            }
            p.act(Action::Query {
                channel,
                limit,
                before,
            });
        })
    };
    let next = p.send::<MouseEvent>(Action::NextPage);
    let err = |key: &'static str, field: Field| first_error(local.get(key), s.refused(&field));
    let read = s.last_read.clone();
    let (read_channel, updated_after) = s
        .pg()
        .shown_read()
        .map_or((None, None), |r| (Some(r.channel()), r.updated_after));
    let has_more = s.pg().paging_state().is_some();
    let on_pick = {
        let channel = channel.clone();
        Callback::from(move |c: String| channel.set(c))
    };
    let of_channel = read_channel.map_or(String::new(), |c| format!(" of channel {}", label(c)));
    html! {
        <section role="group" class="card-box ms-query" aria-labelledby={p.id("query-h")}>
            <h2 id={p.id("query-h")}>{ "Query: latest N messages before X" }</h2>
            <form class="controls" id={p.id("query-form")} onsubmit={run}>
                <ChannelPick id={p.id("q-channel-pick")} typed={(*channel).clone()} onpick={on_pick} />
                <TextField id={p.id("q-channel")} label="Channel ID" value={(*channel).clone()} oninput={on_draft(&channel)}
                    numeric=true error={err("channel", Field::QueryChannel)} class="ms-id" />
                <TextField id={p.id("q-limit")} label="N (limit)" value={(*limit).clone()} oninput={on_draft(&limit)}
                    numeric=true error={err("limit", Field::Limit)} class="ms-num" />
                <TextField id={p.id("q-before")} label="Before ID (empty: now)" value={(*before).clone()} oninput={on_draft(&before)}
                    numeric=true error={err("before", Field::Before)} class="ms-id" placeholder="now" />
                <TextField id={p.id("q-page")} label="Page size" value={(*page_size).clone()} oninput={on_draft(&page_size)}
                    numeric=true error={err("page", Field::PageSize)} class="ms-num" />
                <button type="submit" class="primary">{ "Run query" }</button>
                <button type="button" onclick={next}>{ if has_more { "Next page" } else { "Next page (none yet)" } }</button>
            </form>
            { field_error(&p.id("next-error"), s.refused(&Field::NextPage)) }
            if let Some(change) = updated_after {
                <p class="ms-reread ms-hint" role="status">
                    { format!("Updated after {change}: the rows and counts below are the store as it is now.") }
                </p>
            }
            { match read.as_ref() {
                Some((o, _)) => match o.as_ref() {
                    Outcome::Page(page) => html! {
                        <div class="ms-result">
                            <p class="ms-result-head" role="status">
                                { format!("{} rows from {} buckets{of_channel}", page.rows.len(), page.stats.buckets_queried) }
                                if page.has_more { <span class="badge">{ "more pages" }</span> }
                            </p>
                            { stats_list(&page.stats) }
                            { readout(&costs, &page.stats, warn, fail) }
                            { for page.warnings.iter().map(|w| html! { <p class="ms-warning"><span class="badge warn">{ "WARN" }</span>{ " " }{ w.clone() }</p> }) }
                            { walk_list(&page.visits) }
                            if !page.corrupt_hidden.is_empty() {
                                <p class="ms-hint">{ format!("{} rows with a null author are left out; running the query deletes them as corrupt.", page.corrupt_hidden.len()) }</p>
                            }
                            { page_rows(page) }
                        </div>
                    },
                    Outcome::ReadFailed(f) => html! {
                        <div class="ms-result">
                            <div class="ms-failure" role="alert">
                                <strong>{ "ReadFailure: TombstoneOverwhelmingException" }</strong>
                                <p class="mono">{ f.message.clone() }</p>
                                <p>{ format!("The read{of_channel} gave up after scanning {} tombstones (failure threshold {}) and {} live rows.",
                                    count(f.stats.tombstones), count(s.pg().store().config().failure_threshold as u64), count(f.stats.live_rows)) }</p>
                            </div>
                            { stats_list(&f.stats) }
                            { readout(&costs, &f.stats, warn, fail) }
                            { walk_list(&f.page.visits) }
                        </div>
                    },
                    _ => html! {},
                },
                None => html! { <p class="ms-hint">{ "Run a query to see the bucket walk and what it cost." }</p> },
            } }
            <CostModel id={p.id("cost")} value={*costs} onchange={on_costs} {warn} {fail} />
        </section>
    }
}

fn walk_list(visits: &[BucketVisit]) -> Html {
    const SHOWN: usize = 12;
    let words = walk_words(visits);
    if words.is_empty() {
        return html! {};
    }
    html! {
        <details class="ms-walk">
            <summary>{ format!("The walk: {} steps, newest bucket first", words.len()) }</summary>
            <ol>
                { for words.iter().take(SHOWN).map(|w| html! { <li>{ w.clone() }</li> }) }
                if words.len() > SHOWN {
                    <li class="ms-hint">{ format!("… {} more", words.len() - SHOWN) }</li>
                }
            </ol>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_reads_as_runs() {
        let w = walk_words(&[
            BucketVisit::Read {
                bucket: 9,
                live: 3,
                tombstones: 1,
            },
            BucketVisit::Missing { from: 8, to: 2 },
            BucketVisit::Skipped { from: 1, to: 1 },
        ]);
        assert_eq!(
            w,
            vec![
                "bucket 9: 3 live, 1 tombstones",
                "buckets 8–2: empty (7)",
                "bucket 1: skipped (known empty)"
            ]
        );
    }
}
