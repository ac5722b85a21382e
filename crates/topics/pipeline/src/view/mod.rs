//! The pipeline panel's view: small components over the shared state. Each
//! gets the state (compared by identity) and the dispatch callback.

mod budget;
mod calculator;
mod canary;
mod charts;
mod controls;
mod docs;
mod editor;
mod export;
mod gameday;
mod graph;
mod incidents;
mod paste_guard;
mod presets;
mod rollback;
mod saved;
mod seed;
mod status;
mod storage;
mod timeline;

use super::model::Action;
use super::state::PipelinePanel;
use techshack_core::{use_panel_uid, RootProps, Shared};
use yew::prelude::*;

/// What most components receive.
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub state: Shared<PipelinePanel>,
    pub dispatch: Callback<Action>,
    /// Prefix for element ids, unique per panel on the page.
    pub uid: AttrValue,
}

#[function_component]
pub fn PipelineView(props: &RootProps<PipelinePanel>) -> Html {
    let uid = use_panel_uid("pl");
    let p = Props {
        state: props.handle.state.clone(),
        dispatch: props.handle.dispatch.clone(),
        uid,
    };
    html! {
        <div class="pl">
            { presets::presets(&p) }
            <div class="pl-main">
                <editor::ConfigEditor ..p.clone() />
                <div class="pl-side">
                    { graph::pipeline_graph(&p) }
                    <controls::ReleaseControls ..p.clone() />
                </div>
            </div>
            { status::release_status(&p) }
            <div class="cols">
                { canary::canary_view(&p) }
                { timeline::timeline(&p) }
            </div>
            <gameday::GamedayDrawer ..p.clone() />
            <div class="cols">
                <budget::BudgetGauge ..p.clone() />
                <calculator::BudgetCalculator ..p.clone() />
            </div>
            <div class="cols">
                <saved::SavedConfigs ..p.clone() />
                <export::Export ..p.clone() />
            </div>
            { docs::docs_card() }
        </div>
    }
}
