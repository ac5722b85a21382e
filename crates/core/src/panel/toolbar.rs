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
    pub tours: Vec<AttrValue>,
    pub on_tour: Callback<usize>,
}

#[function_component]
pub fn Toolbar(p: &ToolbarProps) -> Html {
    html! {
        <div class="toolbar" role="toolbar" aria-label="Panel actions">
            <button onclick={p.on_undo.clone()} disabled={!p.can_undo}
                title={p.undo_off.clone().unwrap_or(AttrValue::Static("Undo (Ctrl+Z)"))}>{ "↶ Undo" }</button>
            <button onclick={p.on_redo.clone()} disabled={!p.can_redo} title="Redo (Ctrl+Shift+Z)">{ "↷ Redo" }</button>
            <button onclick={p.on_reset.clone()}>{ "Reset" }</button>
            <button onclick={p.on_copy_link.clone()}>{ "Copy link" }</button>
            <button onclick={p.on_embed.clone()} aria-expanded={p.embed_open.to_string()}>{ "Embed" }</button>
            <button onclick={p.on_comic.clone()} aria-expanded={p.comic_open.to_string()}>{ "Comic" }</button>
            <details class="tour-menu">
                <summary>{ format!("Guided tours ({})", p.tours.len()) }</summary>
                <ul>
                    { for p.tours.iter().enumerate().map(|(i, title)| {
                        let on_tour = p.on_tour.clone();
                        html! { <li><button onclick={move |_| on_tour.emit(i)}>{ title.clone() }</button></li> }
                    }) }
                </ul>
            </details>
        </div>
    }
}
