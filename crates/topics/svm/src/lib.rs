//! Support vector machines with an exact SMO solver: click to add points and
//! watch the boundary, the margins and the support vectors move live.

mod comic;
pub mod model;
mod state;
mod view;
mod workshop;

pub use state::SvmPanel;

techshack_core::export_panel!(crate::SvmPanel);
