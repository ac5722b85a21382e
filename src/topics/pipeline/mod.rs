//! Deploy pipelines and reliability practice: a config editor validated as you
//! type, the pipeline graph, releases stepped minute by minute through canaries
//! and manual gates, rollbacks, cowboy mode, gamedays and error budgets.

mod comic;
pub mod model;
mod state;
mod view;

/// The registry's name for this topic's panel model.
pub use state::PipelinePanel as Playground;
