//! The explorer's split bar: the block's address space as a row of segment
//! buttons, widths to scale, with Split, Join, Undo and Reset for the
//! selected one. The plan is the reader's scratch paper, so it lives here
//! and not in the playground (nor in the link).

use super::super::model::{total_addresses, SplitBar};
use ipnet::Ipv4Net;
use techshack_core::widgets::field_error;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct SplitBarProps {
    pub block: Ipv4Net,
    pub uid: AttrValue,
}

/// A segment smaller than this share of the block is drawn wider than to
/// scale (the CSS minimum width), and the note under the bar says so.
const TO_SCALE_SHARE: u64 = 8;

/// One step of the bar, applied to a copy so a refusal leaves it as it was.
#[derive(Clone, Copy)]
enum Step {
    Select(usize),
    Split,
    Join,
    Undo,
    Reset,
}

/// What the arrow keys do on a segment: the index of the one to move to.
fn arrow_target(key: &str, at: usize, count: usize) -> Option<usize> {
    match key {
        "ArrowLeft" | "ArrowUp" => Some(at.saturating_sub(1)),
        "ArrowRight" | "ArrowDown" => Some((at + 1).min(count - 1)),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// The segment buttons' container's child `index`, focused.
fn focus_child(target: Option<web_sys::EventTarget>, index: usize) {
    let parent = target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.parent_element());
    if let Some(child) = parent
        .and_then(|p| p.children().item(index as u32))
        .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = child.focus();
    }
}

fn segment_button(
    seg: Ipv4Net,
    i: usize,
    selected: bool,
    on_key: &Callback<(usize, KeyboardEvent)>,
    click: &Callback<usize>,
) -> Html {
    let n = total_addresses(seg);
    let onclick = {
        let click = click.clone();
        Callback::from(move |_: MouseEvent| click.emit(i))
    };
    let onkeydown = {
        let on_key = on_key.clone();
        Callback::from(move |e: KeyboardEvent| on_key.emit((i, e)))
    };
    html! {
        <button type="button" class={classes!("vpc-seg", if i % 2 == 1 { "odd" } else { "even" })}
            style={format!("flex-grow:{n}")} aria-pressed={selected.to_string()} {onclick} {onkeydown}>
            <span class="mono">{ seg.network().to_string() }<wbr />{ format!("/{}", seg.prefix_len()) }</span>
            <span class="vpc-seg-n">{ format!("{n} addresses") }</span>
        </button>
    }
}

#[function_component]
pub fn SplitBarView(props: &SplitBarProps) -> Html {
    let bar = use_state(|| SplitBar::new(props.block));
    let refusal = use_state(|| None::<String>);
    let apply = {
        let (bar, refusal) = (bar.clone(), refusal.clone());
        Callback::from(move |step: Step| {
            let mut next = (*bar).clone();
            let result = match step {
                Step::Select(i) => {
                    next.select(i);
                    Ok(())
                }
                Step::Split => next.split(),
                Step::Join => next.join(),
                Step::Undo => {
                    next.undo();
                    Ok(())
                }
                Step::Reset => {
                    next.reset();
                    Ok(())
                }
            };
            match result {
                Ok(()) => {
                    bar.set(next);
                    refusal.set(None);
                }
                Err(why) => refusal.set(Some(why.message())),
            }
        })
    };
    let count = bar.segments().len();
    let on_key = {
        let apply = apply.clone();
        Callback::from(move |(at, e): (usize, KeyboardEvent)| {
            if let Some(to) = arrow_target(&e.key(), at, count) {
                e.prevent_default();
                apply.emit(Step::Select(to));
                focus_child(e.target(), to);
            }
        })
    };
    let on_click = apply.reform(Step::Select);
    let err_id = format!("{}-split-err", props.uid);
    let described = refusal.is_some().then(|| AttrValue::from(err_id.clone()));
    let button = |label: &'static str, step: Step, enabled: bool| {
        let onclick = apply.reform(move |_: MouseEvent| step);
        html! { <button type="button" disabled={!enabled} aria-describedby={described.clone()} {onclick}>{ label }</button> }
    };
    let selected = bar.segments()[bar.selected()];
    let whole = total_addresses(bar.block());
    let tiny = bar
        .segments()
        .iter()
        .any(|s| total_addresses(*s) * TO_SCALE_SHARE < whole);
    html! {
        <div class="vpc-split" role="group" aria-label="Split and join the block">
            <h3>{ "Split and join" }</h3>
            <div class="vpc-split-bar">
                { for bar.segments().iter().enumerate().map(|(i, s)| segment_button(*s, i, i == bar.selected(), &on_key, &on_click)) }
            </div>
            { if tiny {
                html! { <p class="vpc-split-note">{ "Widths are to scale, except that small blocks are drawn wide enough to tap; scroll the bar sideways." }</p>}
            } else { html! {} } }
            <p class="vpc-split-sel" aria-live="polite">
                { format!("Selected {selected}: {} addresses, {} of them usable. {} blocks in the plan.",
                    total_addresses(selected), super::super::model::usable_addresses(selected), count) }
            </p>
            <div class="vpc-split-actions">
                { button("Split", Step::Split, true) }
                { button("Join", Step::Join, true) }
                { button("Undo", Step::Undo, bar.can_undo()) }
                { button("Reset", Step::Reset, count > 1) }
            </div>
            { field_error(&err_id, refusal.as_deref()) }
        </div>
    }
}
