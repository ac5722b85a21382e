//! VPC playground sessions: a preset, then any actions (security-group and
//! NACL rules, CIDR edits, gateways, what-ifs). A refused action changes
//! nothing; traces, the matrix and the CIDR explorer never panic; and the
//! state reached can be shared: its link restores to the same link.
#![no_main]

use libfuzzer_sys::fuzz_target;
use techshack_core::state::{decode, encode};
use techshack_fuzz::vpc::{play, Script};
use topic_vpc::model::{Playground, Snapshot};

fuzz_target!(|data: &[u8]| {
    let Some(script) = Script::from_bytes(data) else {
        return;
    };
    let pg = play(&script);
    let _ = pg.trace();
    let _ = pg.matrix();
    let _ = pg.matrix6();
    let _ = pg.stats();
    let net = pg.network();
    for sub in &net.subnets {
        let _ = pg.explain_subnet(&sub.id);
        let _ = pg.route_decision(&sub.id, sub.cidr.network());
    }
    let link = encode(2, &pg.snapshot());
    let snapshot = decode::<Snapshot>(2, &link).expect("the link decodes");
    let back = Playground::from_snapshot(snapshot)
        .unwrap_or_else(|e| panic!("the state's own link does not restore: {e}\n{link}"));
    assert_eq!(
        encode(2, &back.snapshot()),
        link,
        "the restored link differs"
    );
    assert_eq!(back.network(), pg.network(), "the restored layout differs");
});
