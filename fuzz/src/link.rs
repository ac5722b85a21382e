//! Links as the panels read them: `#/<topic>?s=<version>.<base64url(postcard)>`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use techshack_core::state::link::state_param;
use techshack_core::state::{decode, encode};
use techshack_core::PanelModel;

/// The state text a fuzz input stands for. A first byte 0 means the rest is
/// a raw postcard payload, wrapped as a link of the current version (so the
/// fuzzer mutates the state, not its base64); otherwise the input is UTF-8:
/// a hash route such as `#/vpc?s=2.AAE` or the bare `s=` value.
pub fn link_text(data: &[u8], version: u32) -> Option<String> {
    if let Some((&0, payload)) = data.split_first() {
        return Some(format!("{version}.{}", URL_SAFE_NO_PAD.encode(payload)));
    }
    let text = std::str::from_utf8(data).ok()?;
    if text.starts_with('#') {
        state_param(text).map(str::to_owned)
    } else {
        Some(text.to_owned())
    }
}

/// A payload seed: the mode byte, then the postcard bytes of `snapshot`.
pub fn payload_seed<T: serde::Serialize>(snapshot: &T) -> Vec<u8> {
    let mut out = vec![0];
    out.extend(postcard::to_allocvec(snapshot).expect("plain data serialises"));
    out
}

/// Decodes the input as the panel decodes its `s=` value, restores it, and
/// checks that what was restored can be shared again: its own link must
/// decode, restore, and give the same link (the registry tests check this
/// for the presets and tours; here for any link that restores).
pub fn restore_round_trip<M: PanelModel>(data: &[u8]) {
    let Some(text) = link_text(data, M::STATE_VERSION) else {
        return;
    };
    let Ok(snapshot) = decode::<M::Snapshot>(M::STATE_VERSION, &text) else {
        return;
    };
    let Ok(m) = M::restore(snapshot) else {
        return;
    };
    // What the page shows right after a restore.
    let _ = M::draw_comic(&m.comic_script());
    let link = encode(M::STATE_VERSION, &m.snapshot());
    let snapshot = decode::<M::Snapshot>(M::STATE_VERSION, &link)
        .unwrap_or_else(|e| panic!("the restored state's own link does not decode: {e}\n{link}"));
    let again = M::restore(snapshot)
        .unwrap_or_else(|e| panic!("the restored state's own link does not restore: {e}\n{link}"));
    let link2 = encode(M::STATE_VERSION, &again.snapshot());
    assert_eq!(link, link2, "sharing a restored link again changes it");
}
