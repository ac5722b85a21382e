//! Support vector machines with an exact SMO solver: click to add points and
//! watch the boundary, the margins and the support vectors move live.

mod comic;
pub mod model;
mod state;
mod view;
mod workshop;
/// The zine page; its point set is public so the site's tests can train on it.
pub mod zine;

pub use state::SvmPanel;

techshack_core::export_panel!(crate::SvmPanel);
