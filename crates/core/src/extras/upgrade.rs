//! A topic's upgrade module: a fuller build of the same panel (the VPC with
//! its IPv6 tools) that the page loads only when a reader asks for it or a
//! link's state needs it, so the module every first visit downloads stays
//! within its budget (`TopicInfo::UPGRADE` names it).
//!
//! The page passes `mount` an `upgrade` function. Called with the panel's
//! encoded state, it fetches the upgrade module, mounts its panel in this
//! panel's place with that state, and returns a promise that settles when
//! the swap is done, or rejects with why it could not be.

use crate::PanelModel;
use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// How a panel asks the page for its upgrade module.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Upgrade(Option<Function>);

impl Upgrade {
    pub fn new(swap: Option<Function>) -> Self {
        Upgrade(swap)
    }

    /// Swaps this panel for the upgrade module's, showing `link`'s state.
    async fn swap(&self, link: &str) -> Result<(), String> {
        let Some(swap) = &self.0 else {
            return Err("this page cannot load it".into());
        };
        let promise: Promise = swap
            .call1(&JsValue::NULL, &JsValue::from_str(link))
            .map_err(super::describe)?
            .dyn_into()
            .map_err(|_| "the page's upgrade did not return a promise".to_string())?;
        JsFuture::from(promise)
            .await
            .map(|_| ())
            .map_err(super::describe)
    }
}

/// Where a reader's request for the upgrade module stands.
#[derive(Clone, Debug, PartialEq)]
pub enum UpgradeStatus {
    Idle,
    /// The module is on its way; the panel stays usable meanwhile.
    Loading,
    /// It could not load; why, for the reader. They may ask again.
    Failed(String),
}

/// The upgrade module's button for a topic's view: its status and the
/// callback that asks for it with `state`. `None` when the page gave the
/// panel no way to load it (the browser tests, an old loader).
#[hook]
pub fn use_upgrade<M: PanelModel>(
    state: &crate::Shared<M>,
) -> Option<(UpgradeStatus, Callback<()>)> {
    let upgrade = use_context::<super::Extras>().unwrap_or_default().1;
    let status = use_state(|| UpgradeStatus::Idle);
    upgrade.0.as_ref()?;
    let ask = {
        let (state, status) = (state.clone(), status.clone());
        Callback::from(move |()| {
            if *status == UpgradeStatus::Loading {
                return;
            }
            status.set(UpgradeStatus::Loading);
            let link = crate::state::url_codec::encode(M::STATE_VERSION, &state.snapshot());
            let (upgrade, status) = (upgrade.clone(), status.clone());
            yew::platform::spawn_local(async move {
                // On success this panel is gone; only a failure is ours to show.
                if let Err(why) = upgrade.swap(&link).await {
                    status.set(UpgradeStatus::Failed(why));
                }
            });
        })
    };
    Some(((*status).clone(), ask))
}
