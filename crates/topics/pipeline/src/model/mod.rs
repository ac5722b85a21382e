//! The pipeline stepper's model: Airbnb-style deploy pipelines as config, their
//! validation and ordering, a seeded release simulation with canaries, gates and
//! rollbacks, gamedays, error budgets, and a GitHub Actions export.

pub mod action;
pub mod budget;
pub mod burn;
mod canary_schema;
pub mod conditions;
pub mod decimal;
pub mod enablement;
pub mod error;
pub mod events;
pub mod field_docs;
pub mod gameday;
pub mod generator;
pub mod github_actions;
pub mod goals;
pub mod graph;
pub mod health;
mod issues;
pub mod journal;
pub mod limits;
pub mod node;
pub mod pipeline;
pub mod playground;
mod playground_apply;
pub mod playground_error;
pub mod position;
pub mod presets;
mod random;
pub mod release;
mod release_tick;
pub mod rollback;
mod schema;
pub mod spec;
pub mod status;
mod story;
mod target_schema;
mod tour_answers;
mod tour_guesses;
mod tour_guesses_reliability;
mod tour_script;
pub mod tours;
mod tours_reliability;
mod tours_tasks;
pub mod traffic;
pub mod validate;

pub use action::{Action, Snapshot, SnapshotConfig};
pub use enablement::{enablement, Enablement};
pub use error::{Blocker, ConfigError, ConfigErrorKind};
pub use field_docs::{field_docs, FieldDoc};
pub use pipeline::Pipeline;
pub use playground::Playground;
pub use playground_error::PlaygroundError;
pub use position::{Pos, Span};
pub use spec::*;
pub use status::TargetStatus;
pub use tours::tours;
pub use validate::{analyze, parse_spec, validate_bytes, validate_str};

#[cfg(test)]
mod tests;
