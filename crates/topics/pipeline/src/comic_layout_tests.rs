//! The comic reads in every state a reader meets on a tour (its default
//! state and each step of each tour) and with each preset loaded. Its texts
//! name the live release, targets and canary weights, so each state draws
//! different words into the same layout.

use super::strip;
use crate::model::presets::Preset;
use crate::model::Action;
use crate::PipelinePanel;
use techshack_core::sketch::{check_comics, tour_scripts};
use techshack_core::tour::{Step, Tour};
use techshack_core::PanelModel;

/// Every preset in turn, as a tour of its own.
fn presets() -> Tour<Action> {
    let steps = Preset::ALL
        .iter()
        .map(|&preset| Step::new(preset.title(), vec![Action::LoadPreset(preset)]))
        .collect();
    Tour {
        id: "presets".into(),
        title: "Presets".into(),
        steps,
    }
}

#[test]
fn every_tour_step_and_preset_draws_a_comic_that_reads() {
    let mut tours = PipelinePanel::tours();
    tours.push(presets());
    let scripts = tour_scripts(PipelinePanel::initial, &tours, |m| m.comic_script());
    let checked = check_comics(&scripts, |sc| strip(sc).layout().clone())
        .unwrap_or_else(|report| panic!("comics that do not read:\n{report}"));
    assert!(checked > 10, "only {checked} distinct comics");
}
