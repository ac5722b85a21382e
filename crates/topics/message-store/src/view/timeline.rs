//! The bucket timeline of one channel: a box per bucket from the channel's
//! creation to now, filled by the partition's size against Cassandra's
//! 100 MB warning, with the last read's walk replayed over it and the
//! bucket-size setting beside it.

use super::super::model::snowflake::Snowflake;
use super::super::model::store::{PartitionInfo, Store, LARGE_PARTITION_BYTES};
use super::super::model::{Action, Outcome};
use super::super::state::{Field, Focus, PanelAction};
use super::channel::label;
use super::field::{first_error, on_draft, parse_id, parse_u32, TextField};
use super::format::{bytes, count, percent};
use super::walk::{use_walk_progress, visit_of, Mark};
use super::Props;
use std::rc::Rc;
use techshack_core::sketch::Tenths;
use techshack_core::widgets::value_of;
use yew::prelude::*;

/// Buckets drawn at most; older ones are counted.
pub const MAX_DRAWN: u64 = 400;
/// Channels offered in the picker besides the one shown.
const PICKER_CHANNELS: usize = 15;

/// One channel's buckets as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub first: u64,
    pub last: u64,
    /// Buckets before `first` that are not drawn.
    pub hidden_older: u64,
    /// Partitions holding data, oldest first (all of them).
    pub parts: Vec<PartitionInfo>,
}

impl Lane {
    pub fn of(store: &Store, channel: u64, now_ms: u64) -> Lane {
        let size = store.config().bucket;
        let parts = store.partitions(channel);
        let top = Snowflake::largest_at(now_ms).map(|s| s.0).unwrap_or(0);
        let created = size.bucket(channel);
        let last = size
            .bucket(top)
            .max(parts.last().map_or(0, |p| p.bucket))
            .max(created);
        let first = created.max(last.saturating_sub(MAX_DRAWN - 1));
        Lane {
            first,
            last,
            hidden_older: first - created,
            parts,
        }
    }

    /// The newest bucket of a channel that holds rows, without a scan.
    pub fn of_newest(store: &Store, channel: u64) -> Option<u64> {
        let size = store.config().bucket;
        store
            .channel(channel)
            .and_then(|c| c.newest_id())
            .map(|id| size.bucket(id))
    }

    pub fn part(&self, bucket: u64) -> Option<&PartitionInfo> {
        self.parts
            .binary_search_by_key(&bucket, |p| p.bucket)
            .ok()
            .map(|i| &self.parts[i])
    }

    pub fn newest(&self) -> Option<u64> {
        self.parts.last().map(|p| p.bucket)
    }
}

/// Fill height in percent on a log scale from 1 KB (empty-looking) to
/// 100 MB (full), so a 0.8 MB partition is visible and a 100 MB one full.
pub fn fill(bytes: u64) -> f64 {
    if bytes == 0 {
        return 0.0;
    }
    let kb = (bytes as f64 / 1024.0).max(1.0);
    let full = LARGE_PARTITION_BYTES as f64 / 1024.0;
    (kb.log10() / full.log10() * 100.0).clamp(4.0, 100.0)
}

#[function_component]
pub fn Timeline(p: &Props) -> Html {
    let s = &p.state;
    let channel = s.focus.channel;
    let lane: Rc<Lane> = use_memo((s.data_version, channel, s.pg().now_ms()), |(_, c, now)| {
        Lane::of(s.pg().store(), *c, *now)
    });
    let picker: Rc<Vec<(u64, u64)>> = use_memo(s.data_version, |_| {
        s.pg().store().busiest_channels(PICKER_CHANNELS)
    });
    let typed = use_state(String::new);
    let typed_err = use_state(|| None::<String>);
    let days = s.pg().store().config().bucket.days();
    let slider = use_state(|| days.to_string());
    {
        let slider = slider.clone();
        use_effect_with(days, move |d| slider.set(d.to_string()));
    }

    // The last read's walk, when it was over this channel. Keyed on when
    // the read was run, so a re-read after a write does not replay it.
    let (walk_key, visits) = match &s.last_read {
        Some((o, v)) => match o.as_ref() {
            Outcome::Page(pg) if pg.rows.first().is_none_or(|r| r.channel_id == channel) => {
                (*v as usize, pg.visits.clone())
            }
            Outcome::ReadFailed(f) => (*v as usize, f.page.visits.clone()),
            _ => (0, Vec::new()),
        },
        None => (0, Vec::new()),
    };
    let read_channel = s.pg().last_query().map(|q| q.channel);
    let visits = if read_channel == Some(channel) {
        visits
    } else {
        Vec::new()
    };
    let shown = use_walk_progress(if visits.is_empty() { 0 } else { walk_key }, visits.len());

    let selected = s.focus.bucket.or(lane.newest());
    let focus = |bucket: Option<u64>| {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(PanelAction::Focus(Focus { channel, bucket })))
    };
    let on_pick = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Ok(c) = value_of(&e).parse::<u64>() {
                d.emit(PanelAction::Focus(Focus {
                    channel: c,
                    bucket: None,
                }));
            }
        })
    };
    let on_show = {
        let (d, typed, typed_err) = (p.dispatch.clone(), typed.clone(), typed_err.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_id("Channel ID", &typed) {
                Ok(c) => {
                    typed_err.set(None);
                    d.emit(PanelAction::Focus(Focus {
                        channel: c,
                        bucket: None,
                    }));
                }
                Err(m) => typed_err.set(Some(m)),
            }
        })
    };
    let slider_local = use_state(|| None::<String>);
    let commit_days = {
        let (p, slider, slider_local) = (p.clone(), slider.clone(), slider_local.clone());
        move |text: String| match parse_u32("Bucket size (days)", &text, 1, 3650) {
            Ok(d) => {
                slider_local.set(None);
                p.act(Action::SetBucketDays(d));
            }
            Err(m) => {
                slider.set(text);
                slider_local.set(Some(m));
            }
        }
    };
    let on_slide = {
        let slider = slider.clone();
        Callback::from(move |e: InputEvent| slider.set(value_of(&e)))
    };
    let on_slide_done = {
        let commit = commit_days.clone();
        Callback::from(move |e: Event| commit(value_of(&e)))
    };
    let on_days_submit = {
        let (commit, slider) = (commit_days.clone(), slider.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            commit((*slider).clone());
        })
    };
    let days_err = first_error((*slider_local).as_ref(), s.refused(&Field::BucketDays));
    let slider_value = slider.parse::<u64>().unwrap_or(days).min(120);

    let mut options: Vec<(u64, u64)> = picker.to_vec();
    if !options.iter().any(|(c, _)| *c == channel) {
        let rows = lane.parts.iter().map(|p| p.rows).sum();
        options.insert(0, (channel, rows));
    }
    let parts_with_data = lane.parts.len();
    let biggest = lane.parts.iter().map(|x| x.bytes).max().unwrap_or(0);
    let buckets = (lane.first..=lane.last).map(|b| {
        let walk = visit_of(&visits, b).filter(|(i, _)| *i < shown);
        let now = visit_of(&visits, b).is_some_and(|(i, _)| i + 1 == shown && shown < visits.len());
        let mark = match walk.map(|w| w.1) {
            Some(Mark::Read) => "walk-read",
            Some(Mark::Empty) => "walk-empty",
            Some(Mark::Skipped) => "walk-skipped",
            None => "",
        };
        let classes = classes!("ms-bucket", mark, now.then_some("walk-now"), (selected == Some(b)).then_some("selected"));
        match lane.part(b) {
            Some(part) => {
                let label = format!(
                    "Bucket {b}: {} rows ({} live, {} tombstones), {}, {} of 100 MB",
                    count(part.rows), count(part.live_rows), count(part.tombstones), bytes(part.bytes), percent(part.bytes, LARGE_PARTITION_BYTES)
                );
                let over = part.bytes > LARGE_PARTITION_BYTES;
                html! {
                    <li key={b.to_string()} class={classes}>
                        <button type="button" class={classes!("ms-box", over.then_some("over"))} onclick={focus(Some(b))}
                            aria-label={label.clone()} title={label} aria-pressed={(selected == Some(b)).to_string()}>
                            <span class="ms-fill" style={format!("height: {}%", Tenths(fill(part.bytes)))}></span>
                        </button>
                    </li>
                }
            }
            None => html! {
                <li key={b.to_string()} class={classes} title={format!("Bucket {b}: no partition")}>
                    <span class="ms-box empty"></span>
                </li>
            },
        }
    });
    let span = lane.last - lane.first + 1;
    html! {
        <section role="group" class="card-box ms-timeline" aria-labelledby={p.id("tl-h")} data-picture="timeline">
            <h2 id={p.id("tl-h")}>{ "Bucket timeline" }</h2>
            <div class="controls">
                <div class="ms-field">
                    <label for={p.id("tl-pick")}>{ "Channel" }</label>
                    <select id={p.id("tl-pick")} onchange={on_pick}>
                        { for options.iter().map(|(c, rows)| html! {
                            <option value={c.to_string()} selected={*c == channel}>{ format!("{}, {} rows incl. deleted", label(*c), count(*rows)) }</option>
                        }) }
                    </select>
                </div>
                <form class="ms-inline-form" onsubmit={on_show}>
                    <TextField id={p.id("tl-typed")} label="or any channel ID" value={(*typed).clone()} oninput={on_draft(&typed)}
                        numeric=true error={(*typed_err).clone().map(AttrValue::from)} class="ms-id" />
                    <button type="submit">{ "Show" }</button>
                </form>
                <form class="ms-inline-form ms-days" onsubmit={on_days_submit}>
                    <div class="ms-field">
                        <label for={p.id("tl-days")}>{ format!("Bucket size: {} days", slider.trim()) }</label>
                        <input id={p.id("tl-days")} type="range" min="0" max="120" step="1" value={slider_value.to_string()}
                            oninput={on_slide.clone()} onchange={on_slide_done}
                            aria-invalid={days_err.is_some().to_string()}
                            aria-describedby={days_err.is_some().then(|| p.id("tl-days-text-error"))} />
                    </div>
                    <TextField id={p.id("tl-days-text")} label="Days" value={(*slider).clone()} oninput={on_slide}
                        numeric=true error={days_err.clone()} class="ms-num" />
                    <button type="submit">{ "Set size" }</button>
                </form>
            </div>
            <p class="ms-hint">
                { format!("Channel {}: {} buckets from its creation to now, {parts_with_data} hold data; largest {} ({} of Cassandra's 100 MB warning). Fill is on a log scale, 1 KB to 100 MB.",
                    label(channel), count(span + lane.hidden_older), bytes(biggest), percent(biggest, LARGE_PARTITION_BYTES)) }
            </p>
            <div class="ms-lane-wrap" tabindex="0" role="group" aria-label={format!("Timeline of channel {}", label(channel))}>
                if lane.hidden_older > 0 {
                    <p class="ms-hint">{ format!("{} older buckets not drawn.", count(lane.hidden_older)) }</p>
                }
                <ol class="ms-lane" aria-label={format!("Buckets of channel {}, oldest first", label(channel))}>
                    { for buckets }
                </ol>
                <div class="ms-lane-axis" aria-hidden="true">
                    <span>{ format!("bucket {}", lane.first) }</span>
                    <span>{ format!("bucket {} (now)", lane.last) }</span>
                </div>
            </div>
            if !visits.is_empty() {
                <p class="ms-walk-note" role="status" aria-live="polite">
                    { if shown < visits.len() { format!("Walking… step {shown} of {}", visits.len()) } else { format!("Walk done: {} steps, newest bucket first.", visits.len()) } }
                </p>
                <ul class="ms-legend" aria-label="Walk colours">
                    <li><span class="ms-sw walk-read"></span>{ "read" }</li>
                    <li><span class="ms-sw walk-empty"></span>{ "asked, empty" }</li>
                    <li><span class="ms-sw walk-skipped"></span>{ "skipped (empty-bucket cache)" }</li>
                </ul>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_is_logarithmic_and_bounded() {
        assert_eq!(fill(0), 0.0);
        assert_eq!(fill(10), 4.0);
        assert!((fill(LARGE_PARTITION_BYTES) - 100.0).abs() < 1e-9);
        assert_eq!(fill(LARGE_PARTITION_BYTES * 5), 100.0);
        let mid = fill(807_000);
        assert!(mid > 40.0 && mid < 70.0, "{mid}");
    }
}
