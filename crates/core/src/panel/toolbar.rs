//! The panel's actions. Undo and Redo stay in sight; the rest sit behind a
//! "Menu" button where room is short (a phone, a compact embed, presenter
//! mode), which CSS decides from the panel's own width.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub can_undo: bool,
    /// Why Undo is off, shown as its tooltip.
    #[prop_or_default]
    pub undo_off: Option<AttrValue>,
    pub can_redo: bool,
    pub on_undo: Callback<MouseEvent>,
    pub on_redo: Callback<MouseEvent>,
    pub on_reset: Callback<MouseEvent>,
    pub on_copy_link: Callback<MouseEvent>,
    pub on_embed: Callback<MouseEvent>,
    pub embed_open: bool,
    pub on_comic: Callback<MouseEvent>,
    pub comic_open: bool,
    /// Each tour's title and the link to its first step.
    pub tours: Vec<(AttrValue, AttrValue)>,
    pub on_tour: Callback<usize>,
    /// For the menu's `aria-controls`.
    pub uid: AttrValue,
}

#[function_component]
pub fn Toolbar(p: &ToolbarProps) -> Html {
    let menu_open = use_state(|| false);
    let items_id = format!("{}-actions", p.uid);
    // A choice from the menu (any button or link in it, not the tours' summary)
    // closes the menu, and the tour list, so neither covers what the choice
    // shows. One listener on the group rather than one per button: each
    // closure is code in every topic's module.
    let on_choice = {
        let open = menu_open.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(button) = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("button, a").ok().flatten())
            else {
                return;
            };
            if let Ok(Some(list)) = button.closest("details") {
                let _ = list.remove_attribute("open");
            }
            open.set(false);
        })
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label="Panel actions">
            <button onclick={p.on_undo.clone()} disabled={!p.can_undo}
                title={p.undo_off.clone().unwrap_or(AttrValue::Static("Undo (Ctrl+Z)"))}>{ "↶ Undo" }</button>
            <button onclick={p.on_redo.clone()} disabled={!p.can_redo} title="Redo (Ctrl+Shift+Z)">{ "↷ Redo" }</button>
            <button type="button" class="toolbar-menu" aria-expanded={menu_open.to_string()} aria-controls={items_id.clone()}
                onclick={{ let open = menu_open.clone(); move |_| open.set(!*open) }}>
                <span aria-hidden="true">{ "☰" }</span>{ "Menu" }
            </button>
            <div class={classes!("toolbar-items", (*menu_open).then_some("open"))} id={items_id} onclick={on_choice}>
                <button onclick={p.on_reset.clone()}>{ "Reset" }</button>
                <button onclick={p.on_copy_link.clone()}>{ "Copy link" }</button>
                <button onclick={p.on_embed.clone()} aria-expanded={p.embed_open.to_string()}>{ "Embed" }</button>
                <button onclick={p.on_comic.clone()} aria-expanded={p.comic_open.to_string()}>{ "Comic" }</button>
                <details class="tour-menu">
                    <summary>{ format!("Guided tours ({})", p.tours.len()) }</summary>
                    <ul>
                        // Links, so a reader can copy or share a tour's first
                        // step; a plain click opens it here, in place.
                        { for p.tours.iter().enumerate().map(|(i, (title, href))| {
                            let on_tour = p.on_tour.clone();
                            let onclick = move |e: MouseEvent| {
                                if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                                    e.prevent_default();
                                    on_tour.emit(i);
                                }
                            };
                            html! { <li><a href={href.clone()} {onclick}>{ title.clone() }</a></li> }
                        }) }
                    </ul>
                </details>
            </div>
        </div>
    }
}
