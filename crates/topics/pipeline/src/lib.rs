//! Deploy pipelines and reliability practice: a config editor validated as you
//! type, the pipeline graph, releases stepped minute by minute through canaries
//! and manual gates, rollbacks, cowboy mode, gamedays and error budgets.

mod comic;
pub mod model;
mod state;
mod view;
mod workshop;
mod zine;

pub use state::PipelinePanel;

techshack_core::export_panel!(crate::PipelinePanel);
