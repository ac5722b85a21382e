//! What every topic's model is: a playground that applies named actions and
//! refuses the bad ones whole. The generic panel state (`PlaygroundPanel`)
//! and the tour builder (`tour::Script`) are written once against this.

use std::fmt::Display;

pub trait Playground: Clone + Default {
    type Action: Clone;
    /// Why an action was refused. A refused action changes nothing, so the
    /// last valid state stays in force.
    type Refusal: Display;

    fn apply(&mut self, action: &Self::Action) -> Result<(), Self::Refusal>;

    /// What the last applied action did that the learner should hear about
    /// although it succeeded (a CIDR rounded to its network address).
    fn notices(&self) -> Vec<String> {
        Vec::new()
    }

    /// Whether the tour task's goal named `goal` holds in this state; `None`
    /// for a name the topic does not know (a tour and a model out of step,
    /// which the registry's tests catch).
    fn goal_holds(&self, _goal: &str) -> Option<bool> {
        None
    }

    /// The numbers the topic page's story shows, by the keys its
    /// `story.html` names (see `PanelModel::story_values`).
    fn story_values(&self) -> Vec<(&'static str, f64)> {
        Vec::new()
    }

    /// The action that sets the story number `key` to `value`, if the
    /// reader may scrub it (see `PanelModel::story_set`).
    fn story_set(&self, _key: &str, _value: f64) -> Option<Self::Action> {
        None
    }
}
