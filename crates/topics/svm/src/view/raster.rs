//! Paints the shading as one image: an m×m RGBA buffer put on a small
//! offscreen canvas, then stretched (smoothly) over the plot with drawImage.
//! One call instead of thousands of rectangles. The few 2D-context methods
//! are reached through `js_sys::Reflect`, as the crate's web-sys features do
//! not include `ImageData`.

use js_sys::{Array, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlCanvasElement;

thread_local! {
    /// The offscreen canvas, reused across frames.
    static OFFSCREEN: RefCell<Option<HtmlCanvasElement>> = const { RefCell::new(None) };
}

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = Reflect::get(target, &method.into())?.dyn_into()?;
    Reflect::apply(&f, target, args)
}

fn context(canvas: &HtmlCanvasElement) -> Result<JsValue, JsValue> {
    canvas
        .get_context("2d")?
        .map(JsValue::from)
        .ok_or_else(|| JsValue::from_str("no 2d context"))
}

/// A detached canvas element.
pub fn new_canvas() -> Result<HtmlCanvasElement, JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    Ok(doc.create_element("canvas")?.dyn_into()?)
}

/// Makes every pixel of `canvas` transparent.
pub fn clear(canvas: &HtmlCanvasElement) -> Result<(), JsValue> {
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    call(
        &context(canvas)?,
        "clearRect",
        &Array::of4(&0.into(), &0.into(), &w.into(), &h.into()),
    )?;
    Ok(())
}

/// Draws `layer` over `canvas` at its own size, from the top left.
pub fn stamp(canvas: &HtmlCanvasElement, layer: &HtmlCanvasElement) -> Result<(), JsValue> {
    call(
        &context(canvas)?,
        "drawImage",
        &Array::of3(layer, &0.into(), &0.into()),
    )?;
    Ok(())
}

fn offscreen(side: u32) -> Result<HtmlCanvasElement, JsValue> {
    OFFSCREEN.with(|slot| {
        if let Some(c) = slot.borrow().as_ref() {
            if c.width() != side {
                c.set_width(side);
                c.set_height(side);
            }
            return Ok(c.clone());
        }
        let c = new_canvas()?;
        c.set_width(side);
        c.set_height(side);
        *slot.borrow_mut() = Some(c.clone());
        Ok(c)
    })
}

/// Fills `canvas` with `bg`, then stretches the m×m image `rgba` (rows from
/// the top) over it.
pub fn paint(
    canvas: &HtmlCanvasElement,
    bg: &str,
    image: Option<(usize, &[u8])>,
) -> Result<(), JsValue> {
    let ctx = context(canvas)?;
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    Reflect::set(&ctx, &"fillStyle".into(), &bg.into())?;
    call(
        &ctx,
        "fillRect",
        &Array::of4(&0.into(), &0.into(), &w.into(), &h.into()),
    )?;
    let Some((m, rgba)) = image else {
        return Ok(());
    };
    let side = m as u32;
    let off = offscreen(side)?;
    let octx = context(&off)?;
    let data = js_sys::Uint8ClampedArray::from(rgba);
    let ctor: js_sys::Function =
        Reflect::get(&js_sys::global(), &"ImageData".into())?.dyn_into()?;
    let img = Reflect::construct(&ctor, &Array::of3(&data, &side.into(), &side.into()))?;
    call(
        &octx,
        "putImageData",
        &Array::of3(&img, &0.into(), &0.into()),
    )?;
    Reflect::set(&ctx, &"imageSmoothingEnabled".into(), &true.into())?;
    let args = Array::of5(&off, &0.into(), &0.into(), &w.into(), &h.into());
    call(&ctx, "drawImage", &args)?;
    Ok(())
}
