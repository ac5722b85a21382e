//! The VPC diagram as SVG: every component a focusable button, the traced
//! path lit hop by hop, blockers in red, failed AZs hatched.

use super::geometry::{layout, Diagram, Item, Kind};
use super::highlight::{highlight, Highlight};
use super::select::{endpoint_name, Sel};
use super::{Pick, TraceResult};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct DiagramProps {
    pub state: techshack_core::Shared<super::super::state::VpcPanel>,
    pub dispatch: Callback<super::super::model::Action>,
    pub uid: AttrValue,
    pub trace: TraceResult,
    pub selected: Option<Sel>,
    pub pick: Pick,
    pub on_pick: Callback<Sel>,
}

fn activate(sel: &Sel, on_pick: &Callback<Sel>) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let (s1, p1) = (sel.clone(), on_pick.clone());
    let (s2, p2) = (sel.clone(), on_pick.clone());
    (
        Callback::from(move |_| p1.emit(s1.clone())),
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                p2.emit(s2.clone());
            }
        }),
    )
}

fn text_lines(it: &Item) -> Html {
    let tag = it.kind.is_tag();
    let (size, first_dy) = match it.kind {
        _ if tag => (11.0, it.h / 2.0 + 4.0),
        Kind::PublicSubnet | Kind::PrivateSubnet => (11.5, 15.0),
        _ => (12.5, 15.0),
    };
    let x = match it.kind {
        Kind::Vpc | Kind::PublicSubnet | Kind::PrivateSubnet => it.x + 8.0,
        _ => it.x + it.w / 2.0,
    };
    let anchor = if x > it.x + 8.5 { "middle" } else { "start" };
    html! {
        <text x={format!("{x:.1}")} y={format!("{:.1}", it.y + first_dy)} text-anchor={anchor}
            font-size={size.to_string()} class="vpc-text">
            { for it.lines.iter().enumerate().map(|(k, line)| {
                let cls = if k == 0 { "vpc-t-main" } else { "vpc-t-sub" };
                // A space between lines, so the text reads as the label does.
                let line = if k + 1 < it.lines.len() { format!("{line} ") } else { line.clone() };
                html! {
                    <tspan x={format!("{x:.1}")} dy={if k == 0 { "0" } else { "14" }} class={cls}>
                        { line }
                    </tspan>
                }
            }) }
        </text>
    }
}

fn shape(it: &Item) -> Html {
    let (x, y, w, h) = (
        format!("{:.1}", it.x),
        format!("{:.1}", it.y),
        format!("{:.1}", it.w),
        format!("{:.1}", it.h),
    );
    match it.kind {
        Kind::Internet => html! {
            <ellipse class="shape" cx={format!("{:.1}", it.x + it.w / 2.0)} cy={format!("{:.1}", it.y + it.h / 2.0)}
                rx={format!("{:.1}", it.w / 2.0)} ry={format!("{:.1}", it.h / 2.0 + 4.0)} />
        },
        Kind::Nat | Kind::Igw => {
            html! { <rect class="shape" {x} {y} width={w} height={h} rx="14" /> }
        }
        _ => {
            html! { <rect class="shape" {x} {y} width={w} height={h} rx={if it.kind.is_tag() { "4" } else { "7" }} /> }
        }
    }
}

fn item_view(
    it: &Item,
    hl: &Highlight,
    selected: Option<&Sel>,
    source: Option<&Sel>,
    on_pick: &Callback<Sel>,
) -> Html {
    let step = hl.order.get(&it.key).copied();
    let blocked = hl.blocked.contains(&it.key);
    let (onclick, onkeydown) = activate(&it.sel, on_pick);
    let mut label = it.label();
    if it.down {
        label.push_str(", in a failed AZ");
    }
    if blocked {
        label.push_str(", blocks the trace");
    } else if step.is_some() {
        label.push_str(", on the traced path");
    }
    let class = classes!(
        "vpc-item",
        it.kind.class(),
        (selected == Some(&it.sel)).then_some("selected"),
        (source == Some(&it.sel)).then_some("picked"),
        step.map(|_| "on-path"),
        blocked.then_some("blocked"),
        it.down.then_some("down"),
    );
    let style = step.map(|k| format!("--hop:{k}"));
    html! {
        <g {class} role="button" tabindex="0" aria-label={label} {style} {onclick} {onkeydown}
            data-key={it.key.clone()}>
            { shape(it) }
            { text_lines(it) }
            if blocked {
                <g class="vpc-x" aria-hidden="true">
                    <circle cx={format!("{:.1}", it.x + it.w - 2.0)} cy={format!("{:.1}", it.y + 2.0)} r="10" />
                    <text x={format!("{:.1}", it.x + it.w - 2.0)} y={format!("{:.1}", it.y + 7.0)} text-anchor="middle" font-size="14" font-weight="700">{ "✕" }</text>
                </g>
            }
        </g>
    }
}

/// The forward path as one line through the hops' centres, broken at gaps.
fn path_line(d: &Diagram, hl: &Highlight) -> String {
    let mut out = String::new();
    let mut pen_down = false;
    for key in &hl.forward {
        match key.as_ref().and_then(|k| d.item(k)) {
            Some(it) => {
                let (x, y) = it.centre();
                out.push_str(&format!(
                    "{}{x:.1} {y:.1} ",
                    if pen_down { "L" } else { "M" }
                ));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    out
}

#[function_component]
pub fn DiagramView(props: &DiagramProps) -> Html {
    let d: Rc<Diagram> = use_memo(props.state.clone(), |s| {
        layout(s.pg.network(), s.pg.faults())
    });
    let hl: Rc<Highlight> = use_memo(props.trace.clone(), |t| {
        t.as_ref().as_ref().map(highlight).unwrap_or_default()
    });
    let uid = &props.uid;
    let hatch = format!("{uid}-hatch");
    let source = match &props.pick {
        Pick::Destination(e) => Some(match e {
            super::super::model::Endpoint::Instance(id) => Sel::Instance(id.clone()),
            _ => Sel::Internet,
        }),
        _ => None,
    };
    let hint = match &props.pick {
        Pick::Off => {
            "Click or focus any component (Enter) to see what it is and change it.".to_string()
        }
        Pick::Source => "Trace mode: pick the source, an instance or the Internet.".to_string(),
        Pick::Destination(src) => format!(
            "Trace mode: source is {}. Now pick the destination.",
            endpoint_name(src)
        ),
    };
    let (boxes, rest): (Vec<&Item>, Vec<&Item>) = d.items.iter().partition(|i| i.kind == Kind::Vpc);
    let line = path_line(&d, &hl);
    let view = |it: &Item| {
        item_view(
            it,
            &hl,
            props.selected.as_ref(),
            source.as_ref(),
            &props.on_pick,
        )
    };
    html! {
        <figure class={classes!("card-box", "vpc-diagram-box", (props.pick != Pick::Off).then_some("picking"))}>
            <p class="vpc-hint" role="status">{ hint }</p>
            <div class="vpc-diagram-scroll">
            <svg class="vpc-diagram" viewBox={format!("0 0 {:.0} {:.0}", d.width, d.height)}
                width="100%" role="group" aria-label="VPC diagram">
                <defs>
                    <pattern id={hatch.clone()} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <line x1="0" y1="0" x2="0" y2="8" class="vpc-hatch-line" />
                    </pattern>
                </defs>
                { for d.wires.iter().map(|w| html! { <path class="vpc-wire" d={w.clone()} /> }) }
                { for boxes.iter().map(|it| view(it)) }
                { for d.columns.iter().map(|c| html! {
                    <g class={classes!("vpc-col", c.failed.then_some("failed"))}>
                        <rect x={format!("{:.1}", c.x)} y={format!("{:.1}", c.y)} width={format!("{:.1}", c.w)}
                            height={format!("{:.1}", c.h)} rx="6" />
                        <text x={format!("{:.1}", c.x + c.w / 2.0)} y={format!("{:.1}", c.y + 15.0)} text-anchor="middle" font-size="12">
                            { if c.failed { format!("{} — FAILED", c.az) } else { c.az.clone() } }
                        </text>
                    </g>
                }) }
                { for d.captions.iter().map(|(x, y, t)| html! {
                    <text class="vpc-caption" x={format!("{x:.1}")} y={format!("{y:.1}")} font-size="11">{ t.clone() }</text>
                }) }
                { for rest.iter().map(|it| view(it)) }
                { for d.columns.iter().filter(|c| c.failed).map(|c| html! {
                    <rect class="vpc-failed-overlay" x={format!("{:.1}", c.x)} y={format!("{:.1}", c.y + 22.0)}
                        width={format!("{:.1}", c.w)} height={format!("{:.1}", c.h - 22.0)} fill={format!("url(#{hatch})")} />
                }) }
                if !line.is_empty() {
                    <path class={classes!("vpc-path", hl.blocked.is_empty().then_some("ok"))} d={line} />
                }
            </svg>
            </div>
            <figcaption class="vpc-keys">
                <span class="vpc-sw public">{ "public subnet" }</span>
                <span class="vpc-sw private">{ "private subnet" }</span>
                <span class="vpc-sw path">{ "traced path" }</span>
                <span class="vpc-sw blocked">{ "✕ blocks the trace" }</span>
                <span class="vpc-sw down">{ "failed AZ" }</span>
            </figcaption>
        </figure>
    }
}
