//! The topic's blocks in a workshop (`#/workshop`): what each teaches, with
//! which tours and zine pages, in about how long. The site's agenda is every topic's blocks
//! in the registry's order, and its tests check that each tour named exists.

use techshack_core::workshop::Block;

pub(crate) const BLOCKS: &[Block] = &[
    Block {
        id: "pipeline",
        title: "Deploy pipelines as config",
        goal: "Read a pipeline written as config, put the canary before production, and say what stops a bad build on its way out.",
        minutes: 20,
        tours: &["ordering", "canary", "your-turn"],
        zines: &["airbnb", "ordering"],
    },
    Block {
        id: "migrations",
        title: "High-reliability infrastructure migrations",
        goal: "Turn a reliability target into an error budget, run a gameday, and file its failure by class so the same incident happens only once.",
        minutes: 15,
        tours: &["error-budget", "gameday"],
        zines: &["migrations"],
    },
];
