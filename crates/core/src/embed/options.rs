//! Reading `mount`'s options object: `{ state, base, onChange, embedded,
//! extras, label, view }`, all optional.

use crate::extras::Extras;
use crate::panel::ViewMode;
use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use yew::Callback;

/// What a panel is mounted with, however it was asked for.
pub struct MountOptions {
    /// An encoded state from a link's `s=` value.
    pub state: Option<String>,
    /// The site's address, for "copy link" and the embed snippets.
    pub base: String,
    /// Gets the encoded state after changes settle.
    pub on_change: Callback<String>,
    /// A panel in someone else's page (true) or on the site's topic page.
    pub embedded: bool,
    /// The page's loader for the topic's extras module (see `extras`).
    pub extras: Extras,
    /// The panel's accessible name instead of the topic's title.
    pub label: Option<String>,
    /// Picture first with the rest behind "More" (embeds' default), or the
    /// whole panel (the site's topic pages).
    pub view: ViewMode,
}

pub(super) struct EmbedOptions(MountOptions);

fn field(options: &JsValue, name: &str) -> JsValue {
    if options.is_object() {
        Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

impl EmbedOptions {
    pub fn read(options: &JsValue) -> Result<Self, JsError> {
        if !(options.is_undefined() || options.is_null() || options.is_object()) {
            return Err(JsError::new(
                "Techshack Live mount: options must be an object such as { base: \"https://…/\" }",
            ));
        }
        let state = field(options, "state").as_string();
        let base = field(options, "base")
            .as_string()
            .unwrap_or_else(crate::dom::site_base);
        let on_change = match field(options, "onChange").dyn_into::<Function>() {
            Ok(f) => Callback::from(move |s: String| {
                // A host callback that throws must not break the panel.
                let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&s));
            }),
            Err(_) => Callback::noop(),
        };
        let embedded = field(options, "embedded").as_bool().unwrap_or(true);
        let extras = Extras::new(field(options, "extras").dyn_into::<Function>().ok());
        let label = field(options, "label").as_string();
        let view = read_view(&field(options, "view"), embedded)?;
        Ok(EmbedOptions(MountOptions {
            state,
            base,
            on_change,
            embedded,
            extras,
            label,
            view,
        }))
    }

    pub fn into_mount(self) -> MountOptions {
        self.0
    }
}

/// `view`: "compact" or "full"; left out, compact for an embed and full on
/// the site's own pages. Anything else is the blogger's typo, said at once.
fn read_view(value: &JsValue, embedded: bool) -> Result<ViewMode, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(if embedded {
            ViewMode::Compact
        } else {
            ViewMode::Full
        });
    }
    match value.as_string().as_deref().and_then(ViewMode::parse) {
        Some(view) => Ok(view),
        None => Err(JsError::new(
            "Techshack Live mount: view must be \"compact\" or \"full\"",
        )),
    }
}
