//! A VPC link (`#/vpc?s=…`) decoded and restored as the panel does; what it
//! restores must share again as the same link, and trace, matrix and stats
//! (what the panel draws next) must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use techshack_core::state::decode;
use techshack_core::PanelModel;
use techshack_fuzz::link::{link_text, restore_round_trip};
use topic_vpc::model::{Playground, Snapshot};
use topic_vpc::VpcPanel;

fuzz_target!(|data: &[u8]| {
    restore_round_trip::<VpcPanel>(data);
    let Some(text) = link_text(data, VpcPanel::STATE_VERSION) else {
        return;
    };
    let Ok(s) = decode::<Snapshot>(VpcPanel::STATE_VERSION, &text) else {
        return;
    };
    let Ok(pg) = Playground::from_snapshot(s) else {
        return;
    };
    let _ = pg.trace();
    let _ = pg.matrix();
    let _ = pg.stats();
});
