//! The topic's blocks in a workshop (`#/workshop`): what each teaches, with
//! which tours and zine pages, in about how long. The site's agenda is every topic's blocks
//! in the registry's order, and its tests check that each tour named exists.

use techshack_core::workshop::Block;

pub(crate) const BLOCKS: &[Block] = &[
    Block {
        id: "message-store",
        title: "Discord's messages in Cassandra",
        goal: "Say why Discord moved its messages to Cassandra, find the 10-day bucket a message ID falls in, and explain why a read over deleted messages slows down and what Discord changed.",
        minutes: 30,
        tours: &["id-to-bucket", "null-tombstones", "your-turn"],
        zines: &["billions"],
    },
];
