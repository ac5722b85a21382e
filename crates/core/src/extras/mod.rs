//! A topic's cold parts: the work a panel does only when a reader asks for it
//! (drawing the comic, building the tours, writing an export). They live in the topic's extras
//! module (`topic-<id>-extras.js`, made by `export_extras!`), which the page
//! fetches the first time one is asked for, so the panel's own module, the
//! one every visit downloads, carries none of that code.
//!
//! The panel reaches the extras module through `Extras`, a loader function
//! the page passes in `mount`'s options; comic scripts and tours cross
//! between the two modules as postcard bytes.

mod upgrade;
mod wire;

pub use upgrade::{use_upgrade, Upgrade, UpgradeStatus};
pub use wire::{draw_comic, encode_tours, write_export};

use crate::tour::Tour;
use crate::PanelModel;
use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a panel reaches its topic's extras module: the page's loader, a
/// function returning a promise of the instantiated module; and, for a topic
/// that has one, the page's swap to its upgrade module (see `Upgrade`). One
/// context for both: each context type is code in every module.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extras(Option<Function>, pub(crate) Upgrade);

impl Extras {
    pub fn new(loader: Option<Function>, upgrade: Upgrade) -> Self {
        Extras(loader, upgrade)
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

    async fn call(&self, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
        let module = self.module().await?;
        let f: Function = Reflect::get(&module, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| format!("the extras module has no {name}()"))?;
        let args: js_sys::Array = args.iter().collect();
        f.apply(&JsValue::NULL, &args).map_err(describe)
    }

    /// The `kind` export of the state `link` holds (`<version>.<payload>`).
    pub async fn export<M: PanelModel>(&self, kind: &str, link: &str) -> Result<String, String> {
        #[cfg(feature = "local-extras")]
        if self.0.is_none() {
            return write_export::<M>(kind, link);
        }
        self.call(
            "export_text",
            &[JsValue::from_str(kind), JsValue::from_str(link)],
        )
        .await?
        .as_string()
        .ok_or_else(|| format!("the extras module wrote no {kind}"))
    }

    /// The comic drawn from `script`, as SVG.
    pub async fn comic<M: PanelModel>(&self, script: &M::Comic) -> Result<String, String> {
        #[cfg(feature = "local-extras")]
        if self.0.is_none() {
            return Ok(M::draw_comic(script));
        }
        let bytes = postcard::to_allocvec(script).map_err(|e| e.to_string())?;
        self.call("comic", &[Uint8Array::from(&bytes[..]).into()])
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
        let value = self.call("tours", &[]).await?;
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

/// Gives a topic's extras crate its wasm exports, `comic(script)`,
/// `tours()` and `export_text(kind, link)`, for the panel model `$model`.
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

            /// The `kind` export of the state a link holds. (Not `export`:
            /// that is a reserved word in JavaScript.)
            #[wasm_bindgen]
            pub fn export_text(kind: &str, link: &str) -> Result<String, JsError> {
                $crate::extras::write_export::<$model>(kind, link).map_err(|e| JsError::new(&e))
            }
        }
    };
}

/// The `kind` export of the panel's present state, fetched from the extras
/// module while `open`: `None` until it arrives, then the text or why not.
#[yew::hook]
pub fn use_export<M: PanelModel>(
    state: &crate::Shared<M>,
    kind: &'static str,
    open: bool,
) -> Option<Result<String, String>> {
    use yew::prelude::*;
    let extras = use_context::<Extras>().unwrap_or_default();
    let text = use_state(|| None::<Result<String, String>>);
    let latest = use_mut_ref(|| 0u64);
    {
        let text = text.clone();
        use_effect_with((state.clone(), open), move |(state, open)| {
            let ticket = {
                let mut n = latest.borrow_mut();
                *n += 1;
                *n
            };
            if *open {
                let link = crate::state::url_codec::encode(M::STATE_VERSION, &state.snapshot());
                yew::platform::spawn_local(async move {
                    let written = extras.export::<M>(kind, &link).await;
                    if *latest.borrow() == ticket {
                        text.set(Some(written));
                    }
                });
            } else {
                text.set(None);
            }
        });
    }
    (*text).clone()
}
