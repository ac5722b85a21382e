//! The topic's blocks in a workshop (`#/workshop`): what each teaches, with
//! which tours and zine pages, in about how long. The site's agenda is every topic's blocks
//! in the registry's order, and its tests check that each tour named exists.

use techshack_core::workshop::Block;

pub(crate) const BLOCKS: &[Block] = &[
    Block {
        id: "svm",
        title: "Support vectors and the margin",
        goal: "Point at the support vectors, say what the margin is, and show how C trades a wide street for points inside it.",
        minutes: 25,
        tours: &["svm-margin", "your-turn"],
        zines: &["street"],
    },
];
