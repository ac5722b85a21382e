//! The comic reads in every state a reader meets on a tour (its default
//! state and each step of each tour) and with each preset loaded. Its texts
//! name the live release, targets and canary weights, so each state draws
//! different words into the same layout.

use super::strip;
use crate::model::presets::Preset;
use crate::model::Action;
use crate::PipelinePanel;
use techshack_core::sketch::{assert_comics_read, tour_scripts};
use techshack_core::tour::Tour;
use techshack_core::PanelModel;

/// Every preset in turn, as a tour of its own.
fn presets() -> Tour<Action> {
    Tour::each(
        "presets",
        "Presets",
        Preset::ALL.iter().map(|&preset| Action::LoadPreset(preset)),
    )
}

#[test]
fn every_tour_step_and_preset_draws_a_comic_that_reads() {
    let mut tours = PipelinePanel::tours();
    tours.push(presets());
    let scripts = tour_scripts(PipelinePanel::initial, &tours, |m| m.comic_script());
    assert_comics_read(&scripts, |sc| strip(sc).layout().clone(), 10);
}
