//! The cluster: node count, replication factor, read and write consistency
//! with the R + W > RF rule as a live inequality, the ring with its node
//! switches, and what cluster reads, hot reads, hints and repair did.

use super::super::model::cluster::{Consistency, PartitionRead};
use super::super::model::murmur3::partition_token;
use super::super::model::{Action, Outcome};
use super::super::state::Field;
use super::channel::label;
use super::field::{first_error, on_draft, parse_u32, TextField};
use super::format::{count, ratio};
use super::ring::Ring;
use super::text::MessageText;
use super::timeline::Lane;
use super::Props;
use std::collections::HashMap;
use techshack_core::widgets::{field_error, value_of};
use yew::prelude::*;

const LEVELS: [Consistency; 3] = [Consistency::One, Consistency::Quorum, Consistency::All];

/// `R + W > RF` with the numbers in, and whether it holds.
pub fn inequality(read: Consistency, write: Consistency, rf: usize) -> (String, bool) {
    let (r, w) = (read.required(rf), write.required(rf));
    let strong = r + w > rf;
    let text = if strong {
        format!("{r} + {w} > {rf} ✓ strong")
    } else {
        format!("{r} + {w} > {rf} ✗ not strong: a read may miss the latest write")
    };
    (text, strong)
}

fn level_select(
    p: &Props,
    id: &str,
    label: &str,
    value: Consistency,
    read: bool,
    err: Option<&str>,
) -> Html {
    let pp = p.clone();
    let onchange = Callback::from(move |e: Event| {
        let level = match value_of(&e).as_str() {
            "ONE" => Consistency::One,
            "ALL" => Consistency::All,
            _ => Consistency::Quorum,
        };
        pp.act(if read {
            Action::SetReadCl(level)
        } else {
            Action::SetWriteCl(level)
        });
    });
    let id = p.id(id);
    html! {
        <div class="ms-field">
            <label for={id.clone()}>{ label.to_string() }</label>
            <select id={id.clone()} {onchange} aria-invalid={err.is_some().to_string()}
                aria-describedby={err.is_some().then(|| format!("{id}-error"))}>
                { for LEVELS.iter().map(|l| html! { <option value={l.name()} selected={*l == value}>{ l.name() }</option> }) }
            </select>
            { field_error(&format!("{id}-error"), err) }
        </div>
    }
}

fn partition_line(r: &PartitionRead) -> String {
    let mut s = format!(
        "bucket {}: asked nodes {:?} of replicas {:?}, {} live rows",
        r.bucket, r.contacted, r.replicas, r.live_rows
    );
    if r.digest_mismatch {
        s.push_str(&format!(
            "; digests differed, read repair wrote to nodes {:?}",
            r.repaired
        ));
    }
    s
}

fn outcome_html(o: &Outcome) -> Html {
    match o {
        Outcome::ClusterRead(r) => html! {
            <div class="ms-cluster-out" role="status">
                <p><strong>{ format!("Cluster read returned {} rows", r.rows.len()) }</strong></p>
                <ul class="ms-list">{ for r.partitions.iter().map(|x| html! { <li>{ partition_line(x) }</li> }) }</ul>
                <ul class="ms-list">
                    { for r.rows.iter().take(10).map(|m| html! {
                        <li><span class="mono">{ m.message_id }</span>{ ": " }<MessageText text={m.content.clone().map(AttrValue::from)} /></li>
                    }) }
                </ul>
            </div>
        },
        Outcome::HotReads(h) => html! {
            <div class="ms-cluster-out" role="status">
                <p><strong>{ format!("Hot reads: each read asked {} of replicas {:?}", h.required, h.replicas) }</strong></p>
                <ul class="ms-bars">
                    { for h.per_node.iter().enumerate().map(|(i, n)| {
                        let max = h.per_node.iter().copied().max().unwrap_or(1).max(1);
                        html! {
                            <li>
                                <span class="ms-bar-label">{ format!("node {i}") }</span>
                                <span class="ms-bar"><span class="ms-bar-fill" style={format!("width: {}%", ratio(n.saturating_mul(100), max, 0))}></span></span>
                                <span class="ms-bar-value">{ format!("{} requests", count(*n)) }</span>
                            </li>
                        }
                    }) }
                </ul>
            </div>
        },
        Outcome::HintsReplayed(h) => html! {
            <p class="ms-cluster-out" role="status">{ format!("Node back up: {} hints delivered, {} expired (older than gc_grace_seconds).", h.delivered, h.expired) }</p>
        },
        Outcome::Repaired(r) => html! {
            <p class="ms-cluster-out" role="status">{ format!("Repair compared {} partitions and updated {} replicas.", r.partitions, r.replicas_updated) }</p>
        },
        _ => html! {},
    }
}

#[function_component]
pub fn ClusterCard(p: &Props) -> Html {
    let s = &p.state;
    let pg = s.pg();
    let c = pg.cluster();
    let (nodes_now, rf_now, read_cl, write_cl) = (c.node_count(), c.rf(), c.read_cl, c.write_cl);
    let channel = s.focus.channel;
    let bucket = s
        .focus
        .bucket
        .or(Lane::of_newest(pg.store(), channel))
        .unwrap_or_else(|| {
            let size = pg.store().config().bucket;
            size.bucket(
                super::super::model::snowflake::Snowflake::largest_at(pg.now_ms())
                    .map(|x| x.0)
                    .unwrap_or(0),
            )
        });
    let replicas = c.replicas(channel, bucket);
    let outcome = match pg.outcome() {
        o @ (Outcome::ClusterRead(_)
        | Outcome::HotReads(_)
        | Outcome::HintsReplayed(_)
        | Outcome::Repaired(_)) => Some(o.clone()),
        _ => None,
    };
    drop(pg);
    let nodes = use_state(|| nodes_now.to_string());
    let rf = use_state(|| rf_now.to_string());
    let local = use_state(HashMap::<&'static str, String>::new);
    {
        let (nodes, rf) = (nodes.clone(), rf.clone());
        use_effect_with((nodes_now, rf_now), move |(n, r)| {
            nodes.set(n.to_string());
            rf.set(r.to_string());
        });
    }
    let shape = |key: &'static str| {
        let (p, nodes, rf, local) = (p.clone(), nodes.clone(), rf.clone(), local.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (label, text) = if key == "nodes" {
                ("Nodes", &*nodes)
            } else {
                ("Replication factor", &*rf)
            };
            match parse_u32(label, text, 1, 24) {
                Ok(v) => {
                    local.set(HashMap::new());
                    p.act(if key == "nodes" {
                        Action::SetNodes(v)
                    } else {
                        Action::SetRf(v)
                    });
                }
                Err(m) => local.set(HashMap::from([(key, m)])),
            }
        })
    };
    let (ineq, strong) = inequality(read_cl, write_cl, rf_now);
    html! {
        <section role="group" class="card-box ms-cluster" aria-labelledby={p.id("cl-h")}>
            <h2 id={p.id("cl-h")}>{ "Cluster: replicas and consistency" }</h2>
            <div class="controls">
                <form class="ms-inline-form" onsubmit={shape("nodes")}>
                    <TextField id={p.id("cl-nodes")} label="Nodes" value={(*nodes).clone()} oninput={on_draft(&nodes)}
                        numeric=true class="ms-num" error={first_error(local.get("nodes"), s.refused(&Field::Nodes))} />
                    <button type="submit">{ "Set nodes" }</button>
                </form>
                <form class="ms-inline-form" onsubmit={shape("rf")}>
                    <TextField id={p.id("cl-rf")} label="Replication factor" value={(*rf).clone()} oninput={on_draft(&rf)}
                        numeric=true class="ms-num" error={first_error(local.get("rf"), s.refused(&Field::Rf))} />
                    <button type="submit">{ "Set RF" }</button>
                </form>
                { level_select(p, "cl-read", "Read consistency", read_cl, true, s.refused(&Field::ReadCl)) }
                { level_select(p, "cl-write", "Write consistency", write_cl, false, s.refused(&Field::WriteCl)) }
            </div>
            <p class={classes!("ms-inequality", if strong { "good" } else { "bad" })} aria-live="polite">
                <span class="ms-ineq-rule">{ "R + W > RF: " }</span>
                <strong class="ms-ineq">{ ineq }</strong>
            </p>
            <div class="ms-ring-row">
                <Ring p={p.clone()} token={partition_token(channel, bucket)} replicas={replicas.clone()} />
                <div class="ms-ring-side">
                    <p class="ms-hint">{ format!("Partition ({channel}, {bucket}) of channel {} lives on nodes {replicas:?}. Press a node to take it down or bring it back.", label(channel)) }</p>
                    <div class="controls">
                        <button type="button" onclick={p.send::<MouseEvent>(Action::ClusterRead { channel, limit: 50 })}>
                            { format!("Read channel at {}", read_cl.name()) }
                        </button>
                        <button type="button" onclick={p.send::<MouseEvent>(Action::HotReads { channel, reads: 3000 })}>{ "3 000 hot reads" }</button>
                        <button type="button" onclick={p.send::<MouseEvent>(Action::Repair)}>{ "nodetool repair" }</button>
                    </div>
                    { field_error(&p.id("cl-read-error"), s.refused(&Field::ClusterRead)) }
                    { field_error(&p.id("cl-ring-error"), s.refused(&Field::Ring)) }
                    { outcome.as_ref().map(outcome_html).unwrap_or_default() }
                </div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_reads_as_an_inequality() {
        assert_eq!(
            inequality(Consistency::Quorum, Consistency::Quorum, 3),
            ("2 + 2 > 3 ✓ strong".to_string(), true)
        );
        let (t, ok) = inequality(Consistency::One, Consistency::Quorum, 3);
        assert!(!ok);
        assert!(t.starts_with("1 + 2 > 3 ✗"));
    }
}
