//! Discord's 2023 data services: requests routed by channel, and request
//! coalescing (one database query for many identical concurrent reads).

use super::super::model::{Action, Outcome};
use super::super::state::Field;
use super::channel::label;
use super::field::{checked_of, on_draft, parse_u32, TextField};
use super::format::count;
use super::Props;
use techshack_core::widgets::field_error;
use yew::prelude::*;

#[function_component]
pub fn Services(p: &Props) -> Html {
    let s = &p.state;
    let pg = s.pg();
    let (instances, coalescing) = (pg.services().instances(), pg.services().coalescing);
    let channel = s.focus.channel;
    let routed = pg.services().route(channel);
    let report = match pg.outcome() {
        Outcome::Coalesced(r) => Some(r.clone()),
        _ => None,
    };
    drop(pg);
    let inst = use_state(|| instances.to_string());
    let reads = use_state(|| "100".to_string());
    let local = use_state(|| None::<(&'static str, String)>);
    {
        let inst = inst.clone();
        use_effect_with(instances, move |n| inst.set(n.to_string()));
    }
    let set_instances = {
        let (p, inst, local) = (p.clone(), inst.clone(), local.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_u32("Data service instances", &inst, 1, 64) {
                Ok(v) => {
                    local.set(None);
                    p.act(Action::SetDataServices(v));
                }
                Err(m) => local.set(Some(("inst", m))),
            }
        })
    };
    let run = {
        let (p, reads, local) = (p.clone(), reads.clone(), local.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_u32("Concurrent reads", &reads, 1, 10_000) {
                Ok(count) => {
                    local.set(None);
                    p.act(Action::ConcurrentReads { channel, count });
                }
                Err(m) => local.set(Some(("reads", m))),
            }
        })
    };
    let on_coalesce = {
        let p = p.clone();
        Callback::from(move |e: Event| p.act(Action::SetCoalescing(checked_of(&e))))
    };
    let local_err = |key: &str| {
        (*local)
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, m)| AttrValue::from(m.clone()))
    };
    html! {
        <section role="group" class="card-box ms-services" aria-labelledby={p.id("sv-h")}>
            <h2 id={p.id("sv-h")}>{ "2023: data services" }</h2>
            <div class="controls">
                <form class="ms-inline-form" onsubmit={set_instances}>
                    <TextField id={p.id("sv-n")} label="Instances" value={(*inst).clone()} oninput={on_draft(&inst)} numeric=true class="ms-num" error={local_err("inst")} />
                    <button type="submit">{ "Set" }</button>
                </form>
                <label class="ms-check">
                    <input type="checkbox" checked={coalescing} onchange={on_coalesce} />
                    { "Coalesce identical reads" }
                </label>
                <form class="ms-inline-form" onsubmit={run}>
                    <TextField id={p.id("sv-reads")} label="Concurrent reads" value={(*reads).clone()} oninput={on_draft(&reads)} numeric=true class="ms-num" error={local_err("reads")} />
                    <button type="submit">{ "Read at once" }</button>
                </form>
            </div>
            { field_error(&p.id("sv-error"), s.refused(&Field::Services)) }
            <p class="ms-hint">{ format!("Channel {} is routed to instance {routed} (consistent hash of channel_id).", label(channel)) }</p>
            if let Some(r) = report {
                <p class="ms-done ms-coalesce" role="status">
                    { format!("{} requests → {} database queries. Per instance: {}.", count(r.requests), count(r.db_queries),
                        r.per_instance.iter().enumerate().filter(|(_, n)| **n > 0).map(|(i, n)| format!("#{i}: {n}")).collect::<Vec<_>>().join(", ")) }
                </p>
            }
        </section>
    }
}
