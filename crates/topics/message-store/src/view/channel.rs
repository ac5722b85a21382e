//! Channels as the panel shows them: "#general (1234…)" for the
//! playground's named channels, the bare ID for any other (the names are
//! `model::channels`), and a picker of the named ones beside each Channel
//! ID field, which keeps the field the one thing a form reads.

use super::super::model::channels::{self, named};
use techshack_core::widgets::value_of;
use yew::prelude::*;

pub use channels::label;

#[derive(Properties, PartialEq)]
pub struct ChannelPickProps {
    pub id: AttrValue,
    /// The Channel ID field's text, as typed.
    pub typed: AttrValue,
    /// A named channel was picked: its ID, for the field.
    pub onpick: Callback<String>,
}

/// A select of the named channels, showing which one the typed ID is.
#[function_component]
pub fn ChannelPick(p: &ChannelPickProps) -> Html {
    let typed = p
        .typed
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|c| channels::name_of(*c).is_some());
    // The option to show: the named channel typed, or "another".
    let current = typed.map_or(String::new(), |c| c.to_string());
    let node = use_node_ref();
    {
        // Once a person has used a select, `selected` attributes no longer
        // move its choice; its value does.
        let node = node.clone();
        use_effect_with(current.clone(), move |v| {
            if let Some(sel) = node.cast::<web_sys::HtmlSelectElement>() {
                sel.set_value(v);
            }
        });
    }
    let onchange = {
        let onpick = p.onpick.clone();
        Callback::from(move |e: Event| {
            let v = value_of(&e);
            if !v.is_empty() {
                onpick.emit(v);
            }
        })
    };
    html! {
        <div class="ms-field ms-channel-pick">
            <label for={p.id.clone()}>{ "Channel" }</label>
            <select id={p.id.clone()} ref={node} {onchange}>
                <option value="" selected={typed.is_none()}>{ "Another channel (by ID)" }</option>
                { for named().iter().map(|(c, _)| html! {
                    <option value={c.to_string()} selected={typed == Some(*c)}>{ label(*c) }</option>
                }) }
            </select>
        </div>
    }
}
