//! The comic reads in every state a reader meets on a tour (its default
//! state and each step of each tour) and with each preset loaded. Its texts
//! and names come from the live network, so each state draws different
//! words into the same layout.

use super::strip;
use crate::model::{Action, PresetId};
use crate::VpcPanel;
use techshack_core::sketch::{assert_comics_read, tour_scripts};
use techshack_core::tour::Tour;
use techshack_core::PanelModel;

/// Every preset in turn, as a tour of its own.
fn presets() -> Tour<Action> {
    Tour::each(
        "presets",
        "Presets",
        PresetId::ALL
            .iter()
            .map(|&preset| Action::LoadPreset { preset }),
    )
}

#[test]
fn every_tour_step_and_preset_draws_a_comic_that_reads() {
    let mut tours = VpcPanel::tours();
    tours.push(presets());
    let scripts = tour_scripts(VpcPanel::initial, &tours, |m| m.comic_script());
    assert_comics_read(&scripts, |sc| strip(sc).layout().clone(), 5);
}
