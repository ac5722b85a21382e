/// Copies text with the async clipboard API. Where that is unavailable (an
/// insecure context, a denied permission) the panel still shows the text in a
/// field the user can copy from, so failure here is silent by design.
pub fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let promise = w.navigator().clipboard().write_text(text);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}
