//! The token ring: each node's 16 vnode ranges as coloured arcs, the node
//! buttons around it (press one to take it down or bring it back), and the
//! replicas of the partition on screen.

use super::super::model::cluster::NodeView;
use super::super::model::Action;
use super::format::{fixed, ratio};
use super::Props;
use techshack_core::sketch::{Tenths, Whole};
use yew::prelude::*;

const C: f64 = 150.0;
const R: f64 = 104.0;

/// A token's angle in degrees, clockwise from the top.
pub fn angle(token: i64) -> f64 {
    (token as i128 - i64::MIN as i128) as f64 / 18_446_744_073_709_551_616.0 * 360.0
}

fn point(deg: f64, r: f64) -> (f64, f64) {
    let rad = (deg - 90.0).to_radians();
    (C + r * rad.cos(), C + r * rad.sin())
}

/// An arc of the ring from `a` to `b` degrees (clockwise).
pub fn arc(a: f64, b: f64) -> String {
    let sweep = (b - a).rem_euclid(360.0);
    let sweep = if sweep == 0.0 { 359.99 } else { sweep };
    let (x1, y1) = point(a, R);
    let (x2, y2) = point(a + sweep, R);
    let large = if sweep > 180.0 { 1 } else { 0 };
    let (x1, y1, x2, y2) = (fixed(x1, 2), fixed(y1, 2), fixed(x2, 2), fixed(y2, 2));
    format!("M {x1} {y1} A {r} {r} 0 {large} 1 {x2} {y2}", r = Whole(R))
}

/// A node's colour in whole degrees: hues spread evenly around the wheel,
/// from 20°.
pub fn hue(node: u32, nodes: usize) -> String {
    let n = nodes.max(1) as u64;
    ratio((u64::from(node) * 360 + 20 * n) % (360 * n), n, 0)
}

#[derive(Properties, PartialEq)]
pub struct RingProps {
    pub p: Props,
    /// The partition on screen: its token and replicas.
    pub token: i64,
    pub replicas: Vec<u32>,
}

#[function_component]
pub fn Ring(props: &RingProps) -> Html {
    let p = &props.p;
    let pg = p.state.pg();
    let cluster = pg.cluster();
    let nodes: Vec<NodeView> = cluster.nodes();
    let n = nodes.len();
    let tokens = cluster.ring().tokens().to_vec();
    let hints = cluster.hints().len();
    drop(pg);
    let up: Vec<bool> = nodes.iter().map(|v| v.up).collect();
    let arcs = tokens.iter().enumerate().map(|(i, (t, node))| {
        let prev = tokens[(i + tokens.len() - 1) % tokens.len()].0;
        let down = !up.get(*node as usize).copied().unwrap_or(true);
        let style = format!("stroke: hsl({} 60% var(--ring-l))", hue(*node, n));
        html! { <path d={arc(angle(prev), angle(*t))} class={classes!("ms-arc", down.then_some("down"))} {style} /> }
    });
    let (px, py) = point(angle(props.token), R);
    let (lx, ly) = point(angle(props.token), R - 30.0);
    html! {
        <div class="ms-ring-wrap">
            <svg class="ms-ring" viewBox="0 0 300 300" role="img"
                aria-label={format!("Token ring: {n} nodes with {} vnode tokens; the partition on screen has token {} and replicas on nodes {:?}", tokens.len(), props.token, props.replicas)}>
                <circle cx={Whole(C).to_string()} cy={Whole(C).to_string()} r={Whole(R).to_string()} class="ms-ring-base" />
                { for arcs }
                <line x1={fixed(lx, 2)} y1={fixed(ly, 2)} x2={fixed(px, 2)} y2={fixed(py, 2)} class="ms-token-line" />
                <circle cx={fixed(px, 2)} cy={fixed(py, 2)} r="6" class="ms-token" />
                <text x={Whole(C).to_string()} y={Whole(C - 6.0).to_string()} class="ms-ring-text" text-anchor="middle">{ "token ring" }</text>
                <text x={Whole(C).to_string()} y={Whole(C + 14.0).to_string()} class="ms-ring-text small" text-anchor="middle">{ format!("{} vnodes", tokens.len()) }</text>
            </svg>
            { for nodes.iter().map(|v| {
                let deg = v.id as f64 * 360.0 / n as f64;
                let (x, y) = point(deg, 136.0);
                let replica = props.replicas.contains(&v.id);
                let action = if v.up { Action::NodeDown(v.id) } else { Action::NodeUp(v.id) };
                let label = format!(
                    "Node {} is {}{}; owns {}% of the ring{}. Press to {}.",
                    v.id,
                    if v.up { "up" } else { "down" },
                    if replica { ", a replica of this partition" } else { "" },
                    Whole(v.ownership * 100.0),
                    if v.hints_for_it > 0 { format!("; {} hints wait for it", v.hints_for_it) } else { String::new() },
                    if v.up { "take it down" } else { "bring it back up" },
                );
                html! {
                    <button type="button" class={classes!("ms-node", (!v.up).then_some("down"), replica.then_some("replica"))}
                        style={format!("left: {}%; top: {}%; --node: hsl({} 60% var(--ring-l))", Tenths(x / 3.0), Tenths(y / 3.0), hue(v.id, n))}
                        title={label.clone()} onclick={p.send::<MouseEvent>(action)}>
                        <span class="ms-node-id">{ format!("N{}", v.id) }</span>
                        { " " }
                        <span class="ms-node-state">{ if v.up { "up" } else { "down" } }</span>
                        <span class="sr-only">{ format!(". {label}") }</span>
                        if v.requests > 0 { <span class="ms-node-load">{ format!("{} req", v.requests) }</span> }
                    </button>
                }
            }) }
            if hints > 0 {
                <p class="ms-ring-hints">{ format!("{hints} hints waiting") }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_map_clockwise_from_the_top() {
        assert_eq!(angle(i64::MIN), 0.0);
        assert!((angle(0) - 180.0).abs() < 1e-9);
        assert!(angle(i64::MAX) <= 360.0);
        assert!(arc(0.0, 270.0).contains(" 0 1 1 "), "{}", arc(0.0, 270.0));
        assert!(arc(0.0, 90.0).contains(" 0 0 1 "));
        assert_eq!(
            arc(0.0, 90.0),
            "M 150.00 46.00 A 104 104 0 0 1 254.00 150.00"
        );
    }

    #[test]
    fn hues_are_whole_degrees_as_the_float_formatter_printed_them() {
        for nodes in 1..=64usize {
            for node in 0..nodes as u32 {
                let old = (node as f64 * 360.0 / nodes as f64 + 20.0) % 360.0;
                assert_eq!(
                    hue(node, nodes),
                    format!("{old:.0}"),
                    "node {node} of {nodes}"
                );
            }
        }
        assert_eq!(hue(0, 0), "20");
    }
}
