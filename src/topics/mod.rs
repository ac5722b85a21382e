//! The topic registry: the one place that lists topics. The shell, the router,
//! the embed API and the tests loop over `registry()` and name no topic.

pub mod message_store;
pub mod pipeline;
mod root;
pub mod svm;
mod topic;
pub mod vpc;

pub use root::{use_panel_uid, RootProps};
pub use topic::{PanelHandle, PanelModel, Registered, Shared, Topic};

static REGISTRY: [&dyn Topic; 4] = [
    &Registered::<message_store::Playground>::NEW,
    &Registered::<vpc::Playground>::NEW,
    &Registered::<svm::Playground>::NEW,
    &Registered::<pipeline::Playground>::NEW,
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
