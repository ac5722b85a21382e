//! A pipeline link decoded and restored as the panel does (its config text
//! validated); what it restores must share again as the same link.
#![no_main]

use libfuzzer_sys::fuzz_target;
use techshack_fuzz::link::restore_round_trip;
use topic_pipeline::PipelinePanel;

fuzz_target!(|data: &[u8]| restore_round_trip::<PipelinePanel>(data));
