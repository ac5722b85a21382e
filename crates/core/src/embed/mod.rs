//! The wasm entry every topic module exports. `export_panel!` gives a topic
//! crate `mount(element, options)`, which renders that topic's panel into any
//! element and returns a handle whose `unmount()` removes it. The page's
//! loader (`techshack-live.js`) validates the topic id, fetches the module and
//! calls this; each mount is its own yew app with its own state, and none
//! touches `location`, so several panels share a host page without fighting.

mod options;

use crate::panel::{Panel, PanelProps, StoryLink};
use crate::PanelModel;
use options::EmbedOptions;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

pub use options::MountOptions;

/// A mounted panel. Dropping it from JS without `unmount()` leaves the panel
/// running, as with any DOM widget.
#[wasm_bindgen]
pub struct PanelMount {
    destroy: Option<Box<dyn FnOnce()>>,
    topic: &'static str,
    story: StoryLink,
}

#[wasm_bindgen]
impl PanelMount {
    /// Removes the panel and frees its state. Calling it twice is harmless.
    pub fn unmount(&mut self) {
        if let Some(destroy) = self.destroy.take() {
            destroy();
        }
    }

    #[wasm_bindgen(getter)]
    pub fn topic(&self) -> String {
        self.topic.to_string()
    }

    /// Sets a story number the reader scrubs (`onValues` reports the
    /// result); `continues` makes it part of the scrub before, one undo
    /// step for one drag. False if the panel cannot take it yet.
    #[wasm_bindgen(js_name = setValue)]
    pub fn set_value(&self, key: String, value: f64, continues: bool) -> bool {
        self.destroy.is_some() && self.story.set((key, value, continues))
    }
}

fn element_of(value: JsValue) -> Result<web_sys::Element, JsError> {
    value.dyn_into().map_err(|v: JsValue| {
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
    })
}

/// Mounts `M`'s panel into `element` with options read from a JS object.
pub fn mount<M: PanelModel>(element: JsValue, options: JsValue) -> Result<PanelMount, JsError> {
    let element = element_of(element)?;
    let opts = EmbedOptions::read(&options)?;
    Ok(mount_with::<M>(element, opts.into_mount()))
}

/// Mounts `M`'s panel into `element`; the Rust face of `mount`.
pub fn mount_with<M: PanelModel>(element: web_sys::Element, opts: MountOptions) -> PanelMount {
    let props = PanelProps {
        initial_state: opts.state.map(AttrValue::from),
        on_share: opts.on_change,
        link_base: opts.base.into(),
        embedded: opts.embedded,
        extras: opts.extras,
        label: opts.label.map(AttrValue::from),
        open_tour: opts.tour,
        story: StoryLink::new(opts.on_values),
    };
    let story = props.story.clone();
    let app = yew::Renderer::<Panel<M>>::with_root_and_props(element, props).render();
    PanelMount {
        destroy: Some(Box::new(move || app.destroy())),
        topic: M::ID,
        story,
    }
}

/// Whether `M`'s panel reads `state`: false only when it decodes as no state
/// of this panel at all, as a link made by the topic's upgrade module (a
/// fuller build with more actions) does. Any other fault (an old version, a
/// garbled link) is this panel's to explain, so it is not worth fetching the
/// upgrade module for.
pub fn reads_state<M: PanelModel>(state: &str) -> bool {
    use crate::state::url_codec::{decode, DecodeError};
    !matches!(
        decode::<M::Snapshot>(M::STATE_VERSION, state),
        Err(DecodeError::NotValidState(_))
    )
}

/// Gives a topic crate its wasm exports: `mount(element, options)` and
/// `topic()`. Only under the crate's `wasm-module` feature, which the site's
/// build turns on for each topic's own module: builds that link several
/// topics (the browser tests) would otherwise export `mount` twice.
#[macro_export]
macro_rules! export_panel {
    ($model:ty) => {
        #[cfg(feature = "wasm-module")]
        mod wasm_exports {
            use wasm_bindgen::prelude::*;

            /// Renders this topic's panel into `element`. Options (all optional):
            /// `state` (a link's `s=` value), `base` (the site address for links),
            /// `onChange` (gets the encoded state after changes settle),
            /// `embedded` (false on the site's own topic pages) and `extras`
            /// (the loader of the topic's extras module), `upgrade` (the swap
            /// to its upgrade module, see `extras::Upgrade`), `tour` and `step`
            /// (a tour's id and a step from 1, to open it there).
            #[wasm_bindgen]
            pub fn mount(
                element: JsValue,
                options: JsValue,
            ) -> Result<$crate::embed::PanelMount, JsError> {
                $crate::embed::mount::<$model>(element, options)
            }

            /// The id this module's panel answers to.
            #[wasm_bindgen]
            pub fn topic() -> String {
                <$model as $crate::TopicInfo>::ID.to_string()
            }
        }
    };
}

/// Gives the module of a topic that has an upgrade module (`TopicInfo::UPGRADE`)
/// the export `readsState(state)`, which the page asks before mounting it (the
/// other topics' modules need not carry it). Under `wasm-module`, as
/// `export_panel!`.
#[macro_export]
macro_rules! export_reads_state {
    ($model:ty) => {
        #[cfg(feature = "wasm-module")]
        mod wasm_reads_state {
            use wasm_bindgen::prelude::*;

            /// Whether this module's panel reads the state `state` (a
            /// link's `s=` value); if not, the topic's upgrade module may.
            #[wasm_bindgen(js_name = readsState)]
            pub fn reads_state(state: &str) -> bool {
                $crate::embed::reads_state::<$model>(state)
            }
        }
    };
}
