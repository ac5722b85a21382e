//! The comic reads in every state a reader meets on a tour (its default
//! state and each step of each tour) and with each preset loaded. Its texts
//! count the live points and support vectors, so each state draws different
//! words into the same layout.

use super::strip;
use crate::model::{Action, Preset};
use crate::state::PanelAction;
use crate::SvmPanel;
use techshack_core::sketch::{assert_comics_read, tour_scripts};
use techshack_core::state::Gesture;
use techshack_core::tour::Tour;
use techshack_core::PanelModel;

/// Every preset in turn, as a tour of its own.
fn presets() -> Tour<PanelAction> {
    let loads = Preset::ALL
        .iter()
        .map(|&preset| Action::LoadPreset { preset, seed: 1 });
    Tour::each("presets", "Presets", loads).map(PanelAction::step)
}

#[test]
fn every_tour_step_and_preset_draws_a_comic_that_reads() {
    let mut tours = SvmPanel::tours();
    tours.push(presets());
    let scripts = tour_scripts(SvmPanel::initial, &tours, |m| m.comic_script());
    assert_comics_read(&scripts, |sc| strip(sc).layout().clone(), 10);
}
