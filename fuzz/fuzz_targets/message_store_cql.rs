//! Message-store sessions (writes with any content, edits, deletes, bursts,
//! reads, cluster changes, scenarios): a refused action changes nothing, the
//! CQL export is a well-formed script with user text only inside string
//! literals, and the state reached can be shared: its link restores to the
//! same link.
#![no_main]

use libfuzzer_sys::fuzz_target;
use techshack_core::state::{decode, encode};
use techshack_fuzz::cql::check_script;
use techshack_fuzz::message_store::{play, restore_like_the_panel, Script};
use topic_message_store::model::snapshot::MAX_LINK_BULK_ROWS;
use topic_message_store::model::{Action, Snapshot};

fuzz_target!(|data: &[u8]| {
    let Some(script) = Script::from_bytes(data) else {
        return;
    };
    let pg = play(&script);
    check_script(&pg.export_cql());
    let link = encode(2, &pg.snapshot());
    let snapshot = decode::<Snapshot>(2, &link).expect("the link decodes");
    // A session may ask for more bulk rows (bursts, bulk deletes; requested,
    // not done) than a link may replay; its link is refused for that alone.
    let bulk: u64 = snapshot
        .actions
        .iter()
        .map(|a| match a {
            Action::Burst { count, .. } | Action::DeleteNewest { count, .. } => u64::from(*count),
            _ => 0,
        })
        .sum();
    if bulk > MAX_LINK_BULK_ROWS {
        let refused = restore_like_the_panel(snapshot);
        assert!(
            matches!(&refused, Err(e) if e.contains("in bulk")),
            "{refused:?}"
        );
        return;
    }
    match restore_like_the_panel(snapshot.clone()) {
        Ok(Some(back)) => assert_eq!(
            encode(2, &back.snapshot()),
            link,
            "the restored link differs: {snapshot:?}"
        ),
        Ok(None) => {}
        Err(e) => panic!("the state's own link does not restore: {e}\n{snapshot:?}"),
    }
});
