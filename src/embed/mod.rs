//! The JS entry for blogs: `mount(element, topicId, options)` renders one panel
//! into any element, `unmount` (or `handle.unmount()`) removes it. Each mount is
//! its own yew app with its own state, and none touches `location.hash`, so
//! several panels share a host page without fighting.

mod options;

use crate::app::panel::PanelProps;
use crate::topics::{find, known_ids, Topic};
use options::EmbedOptions;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct EmbedRootProps {
    topic: &'static str,
    panel: PanelProps,
}

#[function_component]
fn EmbedRoot(p: &EmbedRootProps) -> Html {
    match find(p.topic) {
        Some(topic) => html! {
            <div class="techshack-embed" data-topic={topic.id()}>
                <h2 class="sr-only">{ topic.title() }</h2>
                { topic.panel(p.panel.clone()) }
            </div>
        },
        None => html! {},
    }
}

/// A mounted panel. Dropping it from JS without `unmount()` leaves the panel
/// running, as with any DOM widget.
#[wasm_bindgen]
pub struct PanelMount {
    app: Option<yew::AppHandle<EmbedRoot>>,
    topic: &'static str,
}

#[wasm_bindgen]
impl PanelMount {
    /// Removes the panel and frees its state. Calling it twice is harmless.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }

    #[wasm_bindgen(getter)]
    pub fn topic(&self) -> String {
        self.topic.to_string()
    }
}

fn resolve(topic_id: &str) -> Result<&'static dyn Topic, JsError> {
    find(topic_id).ok_or_else(|| {
        JsError::new(&format!(
            "Techshack Live mount: unknown topic \"{topic_id}\". Known topics: {}.",
            known_ids()
        ))
    })
}

/// Mounts a topic's panel into `element`. Throws a clear error for a missing
/// element or an unknown topic; other panels on the page are unaffected.
#[wasm_bindgen]
pub fn mount(element: JsValue, topic_id: &str, options: JsValue) -> Result<PanelMount, JsError> {
    let element: web_sys::Element = element.dyn_into().map_err(|v: JsValue| {
        let got = if v.is_null() {
            "null".to_string()
        } else if v.is_undefined() {
            "undefined".to_string()
        } else {
            v.js_typeof().as_string().unwrap_or_default()
        };
        JsError::new(&format!(
            "Techshack Live mount: the first argument must be a DOM element, got {got}. Is the element's id right, and does the script run after it?"
        ))
    })?;
    let topic = resolve(topic_id)?;
    let opts = EmbedOptions::read(&options)?;
    let panel = PanelProps {
        initial_state: opts.state.map(AttrValue::from),
        on_share: opts.on_change,
        link_base: opts.base.into(),
        embedded: true,
    };
    let app = yew::Renderer::<EmbedRoot>::with_root_and_props(
        element,
        EmbedRootProps {
            topic: topic.id(),
            panel,
        },
    )
    .render();
    Ok(PanelMount {
        app: Some(app),
        topic: topic.id(),
    })
}

/// The ids `mount` accepts.
#[wasm_bindgen(js_name = topics)]
pub fn topic_ids() -> Vec<String> {
    crate::topics::registry()
        .iter()
        .map(|t| t.id().to_string())
        .collect()
}
