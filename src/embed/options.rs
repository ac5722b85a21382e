//! Reading `mount`'s options object: `{ state, base, onChange }`, all optional.

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use yew::Callback;

pub struct EmbedOptions {
    pub state: Option<String>,
    pub base: String,
    pub on_change: Callback<String>,
}

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
            .unwrap_or_else(crate::app::dom::site_base);
        let on_change = match field(options, "onChange").dyn_into::<Function>() {
            Ok(f) => Callback::from(move |s: String| {
                let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&s));
            }),
            Err(_) => Callback::noop(),
        };
        Ok(EmbedOptions {
            state,
            base,
            on_change,
        })
    }
}
