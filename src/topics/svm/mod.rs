//! Support vector machines with an exact SMO solver: click to add points and
//! watch the boundary, the margins and the support vectors move live.

mod comic;
pub mod model;
mod state;
mod view;

/// The registry's name for this topic's panel model.
pub use state::SvmPanel as Playground;
