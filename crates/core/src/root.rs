//! What every topic's root view starts from: its props, and an id prefix
//! unique to the panel, so two panels on one page never share element ids.

use super::{PanelHandle, PanelModel};
use std::cell::Cell;
use yew::prelude::*;

#[derive(Properties)]
pub struct RootProps<M: PanelModel> {
    pub handle: PanelHandle<M>,
}

impl<M: PanelModel> PartialEq for RootProps<M> {
    fn eq(&self, other: &Self) -> bool {
        self.handle == other.handle
    }
}

thread_local! {
    static NEXT_UID: Cell<u32> = const { Cell::new(0) };
}

/// `prefix` plus a number no other panel on the page has, kept for the
/// component's life.
#[hook]
pub fn use_panel_uid(prefix: &'static str) -> AttrValue {
    let uid = use_memo((), move |_| {
        let n = NEXT_UID.with(|c| {
            let n = c.get();
            c.set(n.wrapping_add(1));
            n
        });
        AttrValue::from(format!("{prefix}{n}"))
    });
    (*uid).clone()
}
