//! A topic's cold parts: the work a panel does only when a reader asks for it
//! (drawing the comic, building the tours). They live in the topic's extras
//! module (`topic-<id>-extras.js`, made by `export_extras!`), which the page
//! fetches the first time one is asked for, so the panel's own module, the
//! one every visit downloads, carries none of that code.
//!
//! The panel reaches the extras module through `Extras`, a loader function
//! the page passes in `mount`'s options; comic scripts and tours cross
//! between the two modules as postcard bytes.

mod wire;

pub use wire::{draw_comic, encode_tours};

use crate::tour::Tour;
use crate::PanelModel;
use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a panel reaches its topic's extras module: the page's loader, a
/// function returning a promise of the instantiated module.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extras(Option<Function>);

impl Extras {
    pub fn new(loader: Option<Function>) -> Self {
        Extras(loader)
    }

    /// The extras module, fetched by the page once, or why not.
    async fn module(&self) -> Result<JsValue, String> {
        let Some(load) = &self.0 else {
            return Err("this page did not give the panel its extras module".into());
        };
        let promise: Promise = load
            .call0(&JsValue::NULL)
            .map_err(describe)?
            .dyn_into()
            .map_err(|_| "the extras loader did not return a promise".to_string())?;
        JsFuture::from(promise).await.map_err(describe)
    }

    async fn call(&self, name: &str, arg: Option<&[u8]>) -> Result<JsValue, String> {
        let module = self.module().await?;
        let f: Function = Reflect::get(&module, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| format!("the extras module has no {name}()"))?;
        match arg {
            Some(bytes) => f.call1(&JsValue::NULL, &Uint8Array::from(bytes)),
            None => f.call0(&JsValue::NULL),
        }
        .map_err(describe)
    }

    /// The comic drawn from `script`, as SVG.
    pub async fn comic<M: PanelModel>(&self, script: &M::Comic) -> Result<String, String> {
        #[cfg(feature = "local-extras")]
        if self.0.is_none() {
            return Ok(M::draw_comic(script));
        }
        let bytes = postcard::to_allocvec(script).map_err(|e| e.to_string())?;
        self.call("comic", Some(&bytes))
            .await?
            .as_string()
            .ok_or_else(|| "the extras module drew no comic".into())
    }

    /// The topic's tours.
    pub async fn tours<M: PanelModel>(&self) -> Result<Vec<Tour<M::Action>>, String> {
        #[cfg(feature = "local-extras")]
        if self.0.is_none() {
            return Ok(M::tours());
        }
        let value = self.call("tours", None).await?;
        let bytes = value
            .dyn_into::<Uint8Array>()
            .map_err(|_| "the extras module sent no tours".to_string())?
            .to_vec();
        postcard::from_bytes(&bytes).map_err(|e| format!("the tours did not decode: {e}"))
    }
}

fn describe(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Gives a topic's extras crate its wasm exports, `comic(script)` and
/// `tours()`, for the panel model `$model`.
#[macro_export]
macro_rules! export_extras {
    ($model:ty) => {
        mod wasm_exports {
            use wasm_bindgen::prelude::*;

            /// The comic for a postcard-encoded comic script, as SVG.
            #[wasm_bindgen]
            pub fn comic(script: &[u8]) -> Result<String, JsError> {
                $crate::extras::draw_comic::<$model>(script).map_err(|e| JsError::new(&e))
            }

            /// The topic's tours, postcard-encoded.
            #[wasm_bindgen]
            pub fn tours() -> Vec<u8> {
                $crate::extras::encode_tours::<$model>()
            }
        }
    };
}
