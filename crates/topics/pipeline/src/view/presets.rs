//! Example pipelines to load: Airbnb-like, a monorepo, and a broken cycle.

use super::super::model::presets::Preset;
use super::super::model::Action;
use super::Props;
use yew::prelude::*;

fn short(p: Preset) -> &'static str {
    match p {
        Preset::Airbnb => "Airbnb-like",
        Preset::Monorepo => "Monorepo",
        Preset::BrokenCycle => "Broken cycle",
    }
}

pub fn presets(props: &Props) -> Html {
    let pg = &props.state.pg;
    // The preset shown in the editor: the one in force, unless the editor
    // holds an invalid preset (the broken cycle) instead.
    let current = Preset::ALL
        .into_iter()
        .find(|p| p.toml() == pg.editor_text())
        .or(pg.preset().filter(|_| pg.editor_errors().is_empty()));
    html! {
        <div class="controls pl-presets" role="group" aria-label="Preset pipelines">
            <span class="pl-presets-label">{ "Presets:" }</span>
            { for Preset::ALL.into_iter().map(|p| {
                let d = props.dispatch.clone();
                html! {
                    <button title={p.title()} aria-pressed={(current == Some(p)).to_string()}
                        onclick={move |_| d.emit(Action::LoadPreset(p))}>{ short(p) }</button>
                }
            }) }
        </div>
    }
}
