//! Reading `mount`'s options object: `{ state, base, onChange, embedded,
//! extras, upgrade, label, tour, step, onValues }`, all optional. (The loader's `view` option is the
//! loader's own: it frames the panel, see techshack-live.js.)

use crate::extras::{Extras, Upgrade};
use crate::panel::StoryValues;
use crate::tour::TourLink;
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
    /// The page's loader for the topic's extras module (see `extras`), and
    /// its swap to the topic's upgrade module (see `extras::Upgrade`).
    pub extras: Extras,
    /// The panel's accessible name instead of the topic's title.
    pub label: Option<String>,
    /// A tour to open at a step (`tour`, and `step` from 1).
    pub tour: Option<TourLink>,
    /// Gets the story numbers after each change (`onValues`), for the
    /// topic page's story.
    pub on_values: Option<Callback<StoryValues>>,
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
        let upgrade = Upgrade::new(field(options, "upgrade").dyn_into::<Function>().ok());
        let extras = Extras::new(
            field(options, "extras").dyn_into::<Function>().ok(),
            upgrade,
        );
        let label = field(options, "label").as_string();
        let tour = tour_option(options)?;
        let on_values = field(options, "onValues")
            .dyn_into::<Function>()
            .ok()
            .map(|f| {
                Callback::from(move |values: StoryValues| {
                    let obj = js_sys::Object::new();
                    for (key, value) in values {
                        let _ = Reflect::set(&obj, &JsValue::from_str(key), &value.into());
                    }
                    let _ = f.call1(&JsValue::NULL, &obj);
                })
            });
        Ok(EmbedOptions(MountOptions {
            state,
            base,
            on_change,
            embedded,
            extras,
            label,
            tour,
            on_values,
        }))
    }

    pub fn into_mount(self) -> MountOptions {
        self.0
    }
}

/// `tour` must be a tour's id and `step`, if given, a whole number from 1; a
/// mistake throws where the page made it.
fn tour_option(options: &JsValue) -> Result<Option<TourLink>, JsError> {
    let (tour, step) = (field(options, "tour"), field(options, "step"));
    let step = match step.as_f64() {
        _ if step.is_undefined() || step.is_null() => 1,
        Some(n) if n >= 1.0 && n.fract() == 0.0 && n <= u32::MAX as f64 => n as usize,
        _ => {
            return Err(JsError::new(
                "Techshack Live mount: step must be a whole number from 1, such as { tour: \"…\", step: 3 }",
            ))
        }
    };
    if tour.is_undefined() || tour.is_null() {
        return Ok(None);
    }
    match tour.as_string() {
        Some(id) => Ok(Some(TourLink { id, step })),
        None => Err(JsError::new(
            "Techshack Live mount: tour must be a tour's id (a string), as in the tour menu's links",
        )),
    }
}
