//! Browser tests: mount every registered topic through the `mount` its wasm
//! module exports, in headless Chromium, and check what lands in the DOM.
//! (The loader's own checks, such as unknown ids, are tested end to end.)
//! Run by `./dev test`.
#![cfg(target_arch = "wasm32")]

use techshack_core::embed::PanelMount;
use techshack_live::{find, registry};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn topic_ids() -> Vec<String> {
    registry().iter().map(|t| t.id().to_string()).collect()
}

fn mount(
    element: JsValue,
    id: &str,
    options: JsValue,
) -> Result<PanelMount, wasm_bindgen::JsError> {
    find(id)
        .expect("a registered topic")
        .mount(element, options)
}

fn fresh_div(id: &str) -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    div.set_id(id);
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
async fn mounts_and_unmounts_every_topic() {
    for id in topic_ids() {
        let div = fresh_div(&format!("slot-{id}"));
        let mut handle = mount(div.clone().into(), &id, JsValue::UNDEFINED).expect("mounts");
        yew::scheduler::flush().await;
        assert!(
            div.query_selector(".panel").unwrap().is_some(),
            "{id} rendered a panel"
        );
        assert_eq!(handle.topic(), id);
        handle.unmount();
        yew::scheduler::flush().await;
        assert!(
            div.query_selector(".panel").unwrap().is_none(),
            "{id} unmounted"
        );
        handle.unmount();
    }
}

#[wasm_bindgen_test]
async fn two_panels_share_a_page_with_their_own_state() {
    let ids = topic_ids();
    let (a, b) = (fresh_div("two-a"), fresh_div("two-b"));
    let _ha = mount(a.clone().into(), &ids[0], JsValue::UNDEFINED).unwrap();
    let _hb = mount(b.clone().into(), &ids[1], JsValue::UNDEFINED).unwrap();
    yew::scheduler::flush().await;
    assert!(a.query_selector(".panel").unwrap().is_some());
    assert!(b.query_selector(".panel").unwrap().is_some());
    let hash_before = web_sys::window().unwrap().location().hash().unwrap();

    let comic_button = a.query_selector_all(".toolbar button").unwrap();
    let comic = (0..comic_button.length())
        .filter_map(|i| comic_button.item(i))
        .find(|n| n.text_content().as_deref() == Some("Comic"))
        .unwrap();
    wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&comic).click();
    yew::scheduler::flush().await;
    assert!(
        a.query_selector(".comic svg").unwrap().is_some(),
        "first panel opened its comic"
    );
    assert!(
        b.query_selector(".comic").unwrap().is_none(),
        "second panel is untouched"
    );
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        hash_before
    );
}

#[wasm_bindgen_test]
fn bad_mounts_throw_clear_errors() {
    let err = mount(JsValue::NULL, "svm", JsValue::UNDEFINED)
        .err()
        .expect("null element rejected");
    let msg: JsValue = err.into();
    let text = js_sys::Reflect::get(&msg, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(text.contains("must be a DOM element, got null"), "{text}");

    let div = fresh_div("bad-options");
    assert!(mount(div.into(), &topic_ids()[0], JsValue::from_f64(3.0)).is_err());
}

#[wasm_bindgen_test]
async fn every_topic_marks_exactly_one_picture() {
    // Compact embeds and presenter mode show the element marked
    // data-picture first (and, compact, alone until "More"): one per panel.
    for id in topic_ids() {
        let div = fresh_div(&format!("picture-{id}"));
        let _h = mount(div.clone().into(), &id, JsValue::UNDEFINED).expect("mounts");
        yew::scheduler::flush().await;
        let pictures = div.query_selector_all("[data-picture]").unwrap();
        assert_eq!(pictures.length(), 1, "{id}: one picture");
        let picture = pictures.item(0).unwrap();
        assert!(
            div.query_selector(".panel-body")
                .unwrap()
                .unwrap()
                .contains(Some(&picture)),
            "{id}: the picture is in the panel's body"
        );
    }
}
