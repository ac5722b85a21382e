//! The comic reads in every state a reader meets on a tour (its default
//! state and each step of each tour) and at the longest settings. Its texts
//! count the live buckets and tombstones and speak the grace period, so each
//! state draws different words into the same layout.

use super::strip;
use crate::model::bucket::MAX_BUCKET_DAYS;
use crate::model::Action;
use crate::state::{PanelAction, Undo};
use crate::MessageStorePanel;
use techshack_core::sketch::{assert_comics_read, tour_scripts};
use techshack_core::tour::Tour;
use techshack_core::PanelModel;

/// The widest numbers the settings allow: the largest buckets, and a grace
/// period of just under ten years, which is only sayable in seconds.
fn longest_settings() -> Tour<PanelAction> {
    let settings = [
        Action::SetBucketDays(MAX_BUCKET_DAYS),
        Action::SetGrace(10 * 365 * 86_400 - 1),
    ];
    Tour::each(
        "longest-settings",
        "The longest settings",
        settings.map(|a| PanelAction::Model(a, Undo::Keep)),
    )
}

#[test]
fn every_tour_step_and_the_longest_settings_draw_a_comic_that_reads() {
    let mut tours = MessageStorePanel::tours();
    tours.push(longest_settings());
    let scripts = tour_scripts(MessageStorePanel::initial, &tours, |m| m.comic_script());
    assert!(
        scripts
            .iter()
            .any(|(_, sc)| sc.third_bucket.contains("315359999 seconds")),
        "the longest grace period is drawn"
    );
    assert_comics_read(&scripts, |sc| strip(sc).layout().clone(), 5);
}
