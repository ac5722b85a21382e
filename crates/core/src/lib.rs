//! The shared layer under every Techshack Live topic. From the bottom:
//! `geom` (a box), `state` and `tour` (pure plumbing), `sketch` (the seeded
//! hand-drawn SVG renderer, which records a `Layout` of its boxes so tests
//! can check that nothing overlaps), `topic` (what a topic is), `playground_panel` (the panel state
//! of a topic built around one playground), `dom` (small browser helpers),
//! `widgets` (pieces topic views share: the export box, the in-place field
//! error), `panel` (the generic frame that turns any `PanelModel` into a
//! panel) and `embed` (the wasm entry each topic module exports). It names no
//! topic: topics depend on it, never the other way round. See
//! ARCHITECTURE.md.

pub mod dom;
pub mod embed;
pub mod extras;
pub mod geom;
pub mod panel;
mod playground_panel;
mod root;
pub mod sketch;
pub mod state;
mod topic;
pub mod tour;
pub mod widgets;
pub mod workshop;

pub use playground_panel::{PlaygroundPanel, PlaygroundTopic};
pub use root::{use_panel_uid, RootProps};
pub use topic::{Article, PanelHandle, PanelModel, Registered, Shared, Topic, TopicInfo};
