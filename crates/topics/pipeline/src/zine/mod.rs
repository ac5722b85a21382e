//! The pipeline topic's zine pages (see `techshack_core::sketch::Zine`):
//! Airbnb's deploy pipelines, the migrations talk, and a comic about
//! ordering and disabled targets, each drawn from fixed states of the model.
//! Only the site draws them, natively.

mod airbnb;
mod board;
mod migrations;
mod migrations_release;
mod ordering;
mod scenes;

use techshack_core::sketch::Zine;

/// Every page of this topic, with its id.
pub fn all() -> Vec<(&'static str, Zine)> {
    vec![
        (airbnb::ID, airbnb::draw()),
        (migrations::ID, migrations::draw()),
        (ordering::ID, ordering::draw()),
    ]
}
