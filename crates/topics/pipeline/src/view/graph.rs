//! The pipeline as a graph: targets as nodes in dependency columns, edges as
//! lines, status colours, and disabled targets greyed with their reason on
//! hover and on keyboard focus. Manual gates get an Approve button.

use super::super::model::{Action, TargetStatus};
use super::Props;
use yew::prelude::*;

const NODE_W: usize = 150;
const NODE_H: usize = 96;
const COL_GAP: usize = 24;
const ROW_GAP: usize = 16;
/// Beyond this many targets the graph shows the first ones (the config, the
/// release and the export still cover all of them).
pub const MAX_GRAPH_NODES: usize = 300;

pub fn status_class(s: TargetStatus) -> &'static str {
    match s {
        TargetStatus::NotStarted => "st-idle",
        TargetStatus::Deploying | TargetStatus::Baking | TargetStatus::Verifying => "st-active",
        TargetStatus::AwaitingApproval => "st-waiting",
        TargetStatus::Succeeded => "st-ok",
        TargetStatus::Failed => "st-failed",
        TargetStatus::RolledBack => "st-rolledback",
        TargetStatus::Skipped => "st-skipped",
    }
}

pub fn pipeline_graph(props: &Props) -> Html {
    let pg = &props.state.pg;
    let p = pg.pipeline();
    let statuses = pg.statuses();
    let reasons = pg.enablement_reasons();
    let versions = pg.current_versions();
    let release = pg.release();

    // Positions by (column, row), for the first MAX_GRAPH_NODES in order.
    let mut at: Vec<Option<(usize, usize)>> = vec![None; p.len()];
    let mut shown = 0;
    let mut rows = 0;
    for (c, col) in p.columns().iter().enumerate() {
        for (r, &i) in col.iter().enumerate() {
            if shown < MAX_GRAPH_NODES {
                if let Some(slot) = at.get_mut(i) {
                    *slot = Some((c, r));
                    shown += 1;
                    rows = rows.max(r + 1);
                }
            }
        }
    }
    let cols = at.iter().flatten().map(|(c, _)| c + 1).max().unwrap_or(1);
    let width = cols * (NODE_W + COL_GAP) - COL_GAP;
    let height = rows.max(1) * (NODE_H + ROW_GAP);
    let xy = |(c, r): (usize, usize)| (c * (NODE_W + COL_GAP), r * (NODE_H + ROW_GAP));

    let edges = (0..p.len()).flat_map(|i| p.deps(i).iter().map(move |&d| (d, i)));
    let edges: Html = edges
        .filter_map(|(d, i)| {
            let (x1, y1) = xy((*at.get(d)?)?);
            let (x2, y2) = xy((*at.get(i)?)?);
            let (x1, y1) = (x1 + NODE_W, y1 + NODE_H / 2);
            let y2 = y2 + NODE_H / 2;
            let mid = (x1 + x2) / 2;
            let done = statuses.get(d) == Some(&TargetStatus::Succeeded);
            Some(html! {
                <path class={classes!("pl-edge", done.then_some("done"))}
                    d={format!("M{x1} {y1} C{mid} {y1} {mid} {y2} {x2} {y2}")} />
            })
        })
        .collect();

    let uid = &props.uid;
    let nodes = p.targets().iter().enumerate().filter_map(|(i, t)| {
        let (x, y) = xy((*at.get(i)?)?);
        let status = statuses.get(i).copied().unwrap_or_default();
        let reason = reasons.get(i).cloned().flatten();
        let tip = format!("{uid}-tip-{i}");
        let run = release.and_then(|r| r.run(i));
        let version = match (release, run) {
            (Some(r), Some(run)) if r.new_traffic(i) > 0 && status != TargetStatus::Succeeded => {
                format!("v{} → v{} · {}%", run.previous, r.version(), r.new_traffic(i))
            }
            _ => format!("v{}", versions.get(i).copied().unwrap_or_default()),
        };
        let manual = t.gate == super::super::model::Gate::Manual;
        let gate = if manual { " · manual gate" } else { "" };
        let label = format!(
            "{}, {} environment{gate}: {}, {version}",
            t.id,
            t.environment.name(),
            status.label()
        );
        let approve = {
            let (d, id) = (props.dispatch.clone(), t.id.clone());
            Callback::from(move |_: MouseEvent| d.emit(Action::Approve(id.clone())))
        };
        Some(html! {
            <div key={t.id.clone()} role="group" tabindex="0" aria-label={label}
                class={classes!("pl-node", status_class(status), reason.is_some().then_some("disabled"))}
                style={format!("left:{x}px;top:{y}px;width:{NODE_W}px;height:{NODE_H}px")}
                title={reason.clone()}
                aria-describedby={reason.is_some().then(|| tip.clone())}>
                <span class="pl-node-id">{ t.id.clone() }</span>
                <span class="pl-node-env">{ t.environment.name() }{ if manual { " · manual" } else { "" } }</span>
                <span class="pl-node-status">{ status.label() }</span>
                if status == TargetStatus::AwaitingApproval {
                    <button class="primary pl-approve" onclick={approve}
                        aria-label={format!("Approve {}", t.id)}>{ "Approve" }</button>
                } else {
                    <span class="pl-node-version">{ version }</span>
                }
                if let Some(r) = reason {
                    <span class="pl-tip" id={tip} role="tooltip">{ r }</span>
                }
            </div>
        })
    });
    let nodes: Html = nodes.collect();

    html! {
        <section role="group" class="card-box pl-graph-box" aria-label="Pipeline graph" data-picture="graph">
            <h2>{ format!("Pipeline: {}", p.service()) }</h2>
            <div class="pl-graph-scroll">
                <div class="pl-graph" style={format!("width:{width}px;height:{height}px")}>
                    <svg class="pl-edges" width={width.to_string()} height={height.to_string()}
                        aria-hidden="true">{ edges }</svg>
                    { nodes }
                </div>
            </div>
            if shown < p.len() {
                <p class="pl-hint">{ format!("Showing the first {shown} of {} targets.", p.len()) }</p>
            }
            <p class="pl-legend pl-hint">
                { "Columns follow depends_on. Greyed targets are waiting; focus or hover one for the reason." }
            </p>
        </section>
    }
}
