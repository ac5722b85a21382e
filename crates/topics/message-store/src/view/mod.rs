//! The message-store panel: compose and query on the left, the bucket
//! timeline and the partition it opens on the right, then the cluster ring,
//! table upkeep, data services, the workload generator and the CQL mirror.

mod anatomy;
mod channel;
mod cluster;
mod compose;
mod cql;
mod field;
pub mod format;
mod history;
mod link_replay;
mod partition;
mod query;
mod read_cost;
mod ring;
mod services;
mod summary;
mod text;
mod timeline;
mod upkeep;
mod utc;
mod walk;
mod workload;

use super::model::Action;
use super::state::{MessageStorePanel, PanelAction};
use techshack_core::{use_panel_uid, RootProps, Shared};
use yew::prelude::*;

/// What most components receive.
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub state: Shared<MessageStorePanel>,
    pub dispatch: Callback<PanelAction>,
    /// Prefix for element ids, unique per panel on the page.
    pub uid: AttrValue,
}

impl Props {
    /// Sends a model action: an undo step while the store is small, a
    /// barrier once it is too big to copy.
    pub fn act(&self, action: Action) {
        self.dispatch
            .emit(PanelAction::Model(action, self.state.undo_for()))
    }

    /// A callback that sends `action` whenever it fires.
    pub fn send<E>(&self, action: Action) -> Callback<E> {
        let p = self.clone();
        Callback::from(move |_| p.act(action.clone()))
    }

    /// An element id unique to this panel.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.uid)
    }
}

#[function_component]
pub fn MessageStoreView(props: &RootProps<MessageStorePanel>) -> Html {
    let uid = use_panel_uid("ms");
    let p = Props {
        state: props.handle.state.clone(),
        dispatch: props.handle.dispatch.clone(),
        uid,
    };
    link_replay::use_link_replay(&p);
    let picked = use_state(|| None::<u64>);
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |id: u64| picked.set(Some(id)))
    };
    html! {
        <div class="ms">
            { summary::summary(&p) }
            <div class="ms-pair">
                <div class="ms-stack">
                    <compose::Compose ..p.clone() />
                    <query::QueryBox ..p.clone() />
                </div>
                <div class="ms-stack">
                    <timeline::Timeline ..p.clone() />
                    <partition::PartitionView p={p.clone()} {on_pick} />
                    <anatomy::Anatomy p={p.clone()} picked={*picked} />
                </div>
            </div>
            <div class="ms-pair">
                <cluster::ClusterCard ..p.clone() />
                <div class="ms-stack">
                    <upkeep::Upkeep ..p.clone() />
                    <services::Services ..p.clone() />
                </div>
            </div>
            <div class="ms-pair">
                <workload::Workload ..p.clone() />
                <cql::CqlLog ..p />
            </div>
        </div>
    }
}
