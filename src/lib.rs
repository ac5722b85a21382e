//! The site: the topic registry, the one list of topics. The static pages
//! (`index.html`'s generated parts) and the embed loader's id table are made
//! from it (`pages`), and the registry-driven tests loop over it. Each topic
//! is a crate of its own, built as its own wasm module; nothing here is
//! shipped as wasm. See ARCHITECTURE.md.

pub mod pages;
pub mod workshop;
pub mod workshop_page;

use techshack_core::{Registered, Topic};

static REGISTRY: [&dyn Topic; 4] = [
    &Registered::<topic_message_store::MessageStorePanel>::NEW,
    &Registered::<topic_vpc::VpcPanel>::NEW,
    &Registered::<topic_svm::SvmPanel>::NEW,
    &Registered::<topic_pipeline::PipelinePanel>::NEW,
];

pub fn registry() -> &'static [&'static dyn Topic] {
    &REGISTRY
}

pub fn find(id: &str) -> Option<&'static dyn Topic> {
    registry().iter().copied().find(|t| t.id() == id)
}

/// The known ids, for error messages that tell the user what would work.
pub fn known_ids() -> String {
    registry()
        .iter()
        .map(|t| t.id())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod story_tests;

#[cfg(test)]
mod zine_tests;
