//! A message-store link decoded and restored as the panel does: in steps,
//! generated workloads in slices. What it restores must share again as the
//! same link, and its CQL export must be a well-formed script.
#![no_main]

use libfuzzer_sys::fuzz_target;
use techshack_core::state::{decode, encode};
use techshack_core::PanelModel;
use techshack_fuzz::cql::check_script;
use techshack_fuzz::link::link_text;
use techshack_fuzz::message_store::restore_like_the_panel;
use topic_message_store::model::Snapshot;
use topic_message_store::MessageStorePanel;

const V: u32 = MessageStorePanel::STATE_VERSION;

fuzz_target!(|data: &[u8]| {
    let Some(text) = link_text(data, V) else {
        return;
    };
    let Ok(s) = decode::<Snapshot>(V, &text) else {
        return;
    };
    let Ok(Some(pg)) = restore_like_the_panel(s.clone()) else {
        return;
    };
    // The panel's own restore (the same steps) and the comic it draws.
    if let Ok(m) = MessageStorePanel::restore(s) {
        let _ = MessageStorePanel::draw_comic(&m.comic_script());
    }
    check_script(&pg.export_cql());
    let link = encode(V, &pg.snapshot());
    let s = decode::<Snapshot>(V, &link).expect("the restored state's own link decodes");
    let again = match restore_like_the_panel(s) {
        Ok(Some(pg)) => pg,
        Ok(None) => unreachable!("the same rows as the link it came from"),
        Err(e) => panic!("the restored state's own link does not restore: {e}\n{link}"),
    };
    assert_eq!(
        encode(V, &again.snapshot()),
        link,
        "sharing a restored link again changes it"
    );
});
