//! Message-store sessions (writes with any content, edits, deletes, bursts,
//! reads, cluster changes, scenarios): a refused action changes nothing, the
//! CQL export is a well-formed script with user text only inside string
//! literals, and the state reached can be shared: its link restores to the
//! same link.
#![no_main]

use libfuzzer_sys::fuzz_target;
use techshack_core::state::{decode, encode};
use techshack_fuzz::cql::check_script;
use techshack_fuzz::message_store::{play, restore_like_the_panel, Session};
use topic_message_store::model::Snapshot;

fuzz_target!(|s: Session| {
    let pg = play(&s);
    check_script(&pg.export_cql());
    let link = encode(2, &pg.snapshot());
    let snapshot = decode::<Snapshot>(2, &link).expect("the link decodes");
    let back = restore_like_the_panel(snapshot).expect("the state's own link restores");
    assert_eq!(encode(2, &back.snapshot()), link, "the restored link differs");
});
