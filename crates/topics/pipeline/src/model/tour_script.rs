//! The core's tour builder named over the pipeline's playground, and the one
//! helper its scripts share: how long a step must let the clock run.

use super::action::Action;
use super::playground::Playground;
use techshack_core::tour;

/// A pipeline tour being written.
pub(super) type Script = tour::Script<Playground>;
/// A pipeline tour with how each answer was computed (for the replay test).
pub type ScriptedTour = tour::Scripted<Playground>;

/// Minutes until `done` holds, trying on a copy of `pg` (at most a day).
pub(super) fn minutes_until(pg: &Playground, done: impl Fn(&Playground) -> bool) -> u32 {
    let mut pg = pg.clone();
    for m in 0..1440 {
        if done(&pg) {
            return m.max(1);
        }
        let _ = pg.apply(&Action::Tick);
    }
    1
}
