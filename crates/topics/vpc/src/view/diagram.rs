//! The VPC diagram as SVG: every component a focusable button, the traced
//! path lit hop by hop, blockers in red, failed AZs hatched.

use super::geometry::{
    caption, layout, legs, path_data, Diagram, Item, Kind, Leg, Router, TextBlock, LINE_GAP,
};
use super::highlight::{highlight, Highlight};
use super::select::{endpoint_name, Sel};
use super::{Pick, TraceResult};
use std::rc::Rc;
use techshack_core::sketch::{Tenths as T, Whole};
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

fn text_block(t: &TextBlock, class: &'static str) -> Html {
    let x = T(t.x).to_string();
    html! {
        <text x={x.clone()} y={T(t.y).to_string()} text-anchor={t.anchor.svg()}
            font-size={T(t.size).to_string()} {class}>
            { for t.lines.iter().enumerate().map(|(k, line)| {
                let cls = if k == 0 && t.bold_first { "vpc-t-main" } else { "vpc-t-sub" };
                // A space between lines, so the text reads as the label does.
                let line = if k + 1 < t.lines.len() { format!("{line} ") } else { line.clone() };
                html! {
                    <tspan x={x.clone()} dy={if k == 0 { "0".to_string() } else { Whole(LINE_GAP).to_string() }} class={cls}>
                        { line }
                    </tspan>
                }
            }) }
        </text>
    }
}

fn shape(it: &Item) -> Html {
    let (x, y, w, h) = (
        T(it.x).to_string(),
        T(it.y).to_string(),
        T(it.w).to_string(),
        T(it.h).to_string(),
    );
    match it.kind {
        Kind::Internet => html! {
            <ellipse class="shape" cx={T(it.x + it.w / 2.0).to_string()} cy={T(it.y + it.h / 2.0).to_string()}
                rx={T(it.w / 2.0).to_string()} ry={T(it.h / 2.0 + 4.0).to_string()} />
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
            { text_block(&it.text(), "vpc-text") }
            if blocked {
                <g class="vpc-x" aria-hidden="true">
                    <circle cx={T(it.x + it.w - 2.0).to_string()} cy={T(it.y + 2.0).to_string()} r="10" />
                    { text_block(&it.mark(), "") }
                </g>
            }
        </g>
    }
}

/// The drawn trace as SVG path data: the request's legs, and the reply's
/// when the reply is what is blocked. Each leg is its own subpath, so the
/// line breaks where a hop's box is.
fn trace_lines(legs: &[Leg]) -> (String, String) {
    let join = |reply: bool| {
        legs.iter()
            .filter(|l| l.reply == reply && l.points.len() > 1)
            .map(|l| path_data(&l.points))
            .collect::<Vec<_>>()
            .join(" ")
    };
    (join(false), join(true))
}

/// CSS pixels per diagram unit on a phone (see `.vpc-diagram` in vpc.css),
/// and about the widest the diagram's card gets there: a diagram wider than
/// that pans sideways, and says so.
const PHONE_SCALE: f64 = 0.8;
const PHONE_CARD: f64 = 330.0;

/// Said above the diagram on a narrow screen, where it pans sideways.
fn swipe_hint(d: &Diagram) -> String {
    let vpcs = d.items.iter().filter(|i| i.kind == Kind::Vpc).count();
    let (n, what) = if vpcs > 1 {
        (vpcs, "VPCs")
    } else {
        (d.columns.len(), "AZs")
    };
    let count = match n {
        2 => "both".to_string(),
        3 => "all three".to_string(),
        n => format!("all {n}"),
    };
    let gateways = if d.items.iter().any(|i| i.kind == Kind::Igw) {
        " and the gateways"
    } else {
        ""
    };
    if n > 1 {
        format!("Swipe sideways to see {count} {what}{gateways}.")
    } else {
        format!("Swipe sideways to see the whole diagram{gateways}.")
    }
}

#[function_component]
pub fn DiagramView(props: &DiagramProps) -> Html {
    let d: Rc<Diagram> = use_memo(props.state.clone(), |s| {
        layout(s.pg.network(), s.pg.faults())
    });
    // The highlight and the routed trace lines in one memo (one hook fewer
    // in the module): both change with the trace, the lines with the layout.
    let traced: Rc<(Highlight, (String, String))> = {
        let d = d.clone();
        use_memo((props.state.clone(), props.trace.clone()), move |(_, t)| {
            let hl = t.as_ref().as_ref().map(highlight).unwrap_or_default();
            let lines = trace_lines(&legs(&d, &Router::new(&d), &hl.stops));
            (hl, lines)
        })
    };
    let (hl, lines) = (&traced.0, &traced.1);
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
    let (line, reply) = (&lines.0, &lines.1);
    let open = hl.blocked.is_empty();
    let view = |it: &Item| {
        item_view(
            it,
            hl,
            props.selected.as_ref(),
            source.as_ref(),
            &props.on_pick,
        )
    };
    html! {
        <figure class={classes!("card-box", "vpc-diagram-box", (props.pick != Pick::Off).then_some("picking"))}>
            <p class="vpc-hint" role="status">{ hint }</p>
            // Shown by CSS only on narrow screens, where the diagram pans.
            if d.width * PHONE_SCALE > PHONE_CARD {
                <p class="vpc-swipe">{ swipe_hint(&d) }</p>
            }
            <div class="vpc-diagram-scroll">
            <svg class="vpc-diagram" viewBox={format!("0 0 {} {}", Whole(d.width), Whole(d.height))}
                width="100%" role="group" aria-label="VPC diagram" style={format!("--vpc-w:{}", Whole(d.width))}>
                <defs>
                    <pattern id={hatch.clone()} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <line x1="0" y1="0" x2="0" y2="8" class="vpc-hatch-line" />
                    </pattern>
                </defs>
                { for d.wires.iter().map(|w| html! { <path class="vpc-wire" d={path_data(w)} /> }) }
                { for boxes.iter().map(|it| view(it)) }
                { for d.columns.iter().map(|c| html! {
                    <g class={classes!("vpc-col", c.failed.then_some("failed"))}>
                        <rect x={T(c.x).to_string()} y={T(c.y).to_string()} width={T(c.w).to_string()}
                            height={T(c.h).to_string()} rx="6" />
                        { text_block(&c.label(), "vpc-col-name") }
                    </g>
                }) }
                { for d.captions.iter().map(|c| text_block(&caption(c), "vpc-caption")) }
                { for rest.iter().map(|it| view(it)) }
                { for d.columns.iter().filter(|c| c.failed).map(|c| html! {
                    <rect class="vpc-failed-overlay" x={T(c.x).to_string()} y={T(c.y + 22.0).to_string()}
                        width={T(c.w).to_string()} height={T(c.h - 22.0).to_string()} fill={format!("url(#{hatch})")} />
                }) }
                if !line.is_empty() {
                    <path class={classes!("vpc-path", open.then_some("ok"))} d={line.clone()} />
                }
                if !reply.is_empty() {
                    <path class="vpc-path reply" d={reply.clone()} />
                }
            </svg>
            </div>
            <figcaption class="vpc-keys">
                <span class="vpc-sw public">{ "public subnet" }</span>
                <span class="vpc-sw private">{ "private subnet" }</span>
                <span class="vpc-sw path">{ "traced path" }</span>
                if !reply.is_empty() {
                    <span class="vpc-sw reply">{ "reply, up to where it is blocked" }</span>
                }
                <span class="vpc-sw blocked">{ "✕ blocks the trace" }</span>
                <span class="vpc-sw down">{ "failed AZ" }</span>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::model::{Faults, PresetId};
    use super::*;

    #[test]
    fn the_swipe_hint_names_what_is_off_screen() {
        let hint = |p: PresetId| swipe_hint(&layout(&p.build(), &Faults::default()));
        assert_eq!(
            hint(PresetId::Article),
            "Swipe sideways to see all three AZs and the gateways."
        );
        assert_eq!(
            hint(PresetId::Peering),
            "Swipe sideways to see all three VPCs."
        );
        let d = layout(&PresetId::Article.build(), &Faults::default());
        assert!(
            d.width * PHONE_SCALE > PHONE_CARD,
            "the article pans on a phone"
        );
    }
}
