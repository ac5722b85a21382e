//! What a read cost in time, garbage and GC pause, next to its result, and
//! the cost model's assumptions in a collapsed section a reader can change.

use super::super::model::read_cost::{
    threshold, Assumptions, Knob, Threshold, DISCORD_2017, GROWTH, INCIDENT_TOMBSTONES, KNOBS,
};
use super::super::model::store::ReadStats;
use super::field::TextField;
use super::format::{count, heap, micros};
use techshack_core::widgets::value_of;
use yew::prelude::*;

fn threshold_words(t: Threshold, warn: u32, fail: u32) -> String {
    match t {
        Threshold::Under => format!("under the warning ({} tombstones)", count(warn as u64)),
        Threshold::Warned => format!("warned: over {} tombstones", count(warn as u64)),
        Threshold::Failed => format!("failed: over {} tombstones", count(fail as u64)),
    }
}

/// The estimate for one read, shown under its counts.
pub fn readout(a: &Assumptions, s: &ReadStats, warn: u32, fail: u32) -> Html {
    let c = a.of_read(s);
    let t = threshold(s.tombstones, warn as u64, fail as u64);
    let item = |label: &str, v: String, class: &'static str| {
        html! { <div class={class}><dt>{ label.to_string() }</dt><dd>{ v }</dd></div> }
    };
    html! {
        <div class="ms-cost" role="group" aria-label="What this read cost (estimate)">
            <dl class="stats">
                { item("Estimated read time", micros(c.time_us), "ms-cost-time") }
                { item("Garbage made", heap(c.garbage_bytes), "ms-cost-garbage") }
                { item("Stop-the-world GC pause", micros(c.pause_us), "ms-cost-pause") }
                { item("Tombstone thresholds", threshold_words(t, warn, fail), "ms-cost-threshold") }
            </dl>
            if t == Threshold::Failed {
                <p class="ms-hint">{ format!(
                    "This store keeps today's default tombstone_failure_threshold ({}), so the read stops there. Discord's 2017 read did not fail: it scanned every tombstone for 20 s, so their cluster ran with the threshold off or higher. The table in the cost model shows what that costs.",
                    count(fail as u64)) }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CostModelProps {
    /// Element-id prefix.
    pub id: AttrValue,
    pub value: Assumptions,
    pub onchange: Callback<Assumptions>,
    pub warn: u32,
    pub fail: u32,
}

/// The assumptions, each typed in place: a refused value shows why beside
/// its field and the figures keep the last good one.
#[function_component]
pub fn CostModel(p: &CostModelProps) -> Html {
    let drafts = use_state(|| KNOBS.map(|k| k.get(&p.value).to_string()));
    let errors = use_state(|| KNOBS.map(|_| None::<AttrValue>));
    let field = |i: usize, knob: Knob| {
        let oninput = {
            let (drafts, errors, value, onchange) =
                (drafts.clone(), errors.clone(), p.value, p.onchange.clone());
            Callback::from(move |e: InputEvent| {
                let text = value_of(&e);
                let mut next = value;
                let mut errs = (*errors).clone();
                errs[i] = next
                    .set(knob, &text)
                    .err()
                    .map(|e| AttrValue::from(e.to_string()));
                if errs[i].is_none() {
                    onchange.emit(next);
                }
                let mut d = (*drafts).clone();
                d[i] = text;
                drafts.set(d);
                errors.set(errs);
            })
        };
        html! {
            <TextField id={format!("{}-{i}", p.id)} label={knob.label()} value={drafts[i].clone()}
                {oninput} numeric=true error={errors[i].clone()} class="ms-num" />
        }
    };
    let reset = {
        let (drafts, errors, onchange) = (drafts.clone(), errors.clone(), p.onchange.clone());
        Callback::from(move |_: MouseEvent| {
            drafts.set(KNOBS.map(|k| k.get(&DISCORD_2017).to_string()));
            errors.set(KNOBS.map(|_| None));
            onchange.emit(DISCORD_2017);
        })
    };
    let (warn, fail) = (p.warn as u64, p.fail as u64);
    html! {
        <details class="ms-cost-model">
            <summary>{ "Cost model: how the read time and GC pause are estimated" }</summary>
            <p class="ms-hint">{ format!(
                "Facts: Cassandra (cassandra.yaml) warns when a read scans more than {} tombstones (tombstone_warn_threshold) and fails it above {} (tombstone_failure_threshold). Discord's 2017 post: a channel with one live message after millions of deletes took 20 s to load and caused 10 s stop-the-world GC pauses.",
                count(warn), count(fail)) }</p>
            <p class="ms-hint">{ format!(
                "Assumptions, not measurements: the numbers below are chosen so that {} tombstones (our reading of \"millions\") cost about 20 s and a 10 s pause. Time is rows × µs per row plus tombstones × extra µs; garbage is tombstones × bytes; what outgrows the young generation is collected stop-the-world at the GC speed.",
                count(INCIDENT_TOMBSTONES)) }</p>
            <div class="controls">
                { for KNOBS.iter().enumerate().map(|(i, &k)| field(i, k)) }
                <button type="button" onclick={reset}>{ "Back to the 2017 calibration" }</button>
            </div>
            <table class="data ms-cost-growth">
                <caption>{ "One live message behind N tombstones, no failure threshold (as in Discord's incident)" }</caption>
                <thead><tr>
                    <th scope="col">{ "Tombstones" }</th><th scope="col">{ "Read time" }</th>
                    <th scope="col">{ "Garbage" }</th><th scope="col">{ "GC pause" }</th>
                    <th scope="col">{ "With today's default" }</th>
                </tr></thead>
                <tbody>
                    { for GROWTH.iter().map(|&n| {
                        let c = p.value.of_channel(n);
                        let t = match threshold(n, warn, fail) {
                            Threshold::Under => "passes",
                            Threshold::Warned => "warns",
                            Threshold::Failed => "fails",
                        };
                        html! { <tr>
                            <td>{ count(n) }</td><td>{ micros(c.time_us) }</td>
                            <td>{ heap(c.garbage_bytes) }</td><td>{ micros(c.pause_us) }</td><td>{ t }</td>
                        </tr> }
                    }) }
                </tbody>
            </table>
        </details>
    }
}
