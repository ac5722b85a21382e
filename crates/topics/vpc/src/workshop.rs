//! The topic's blocks in a workshop (`#/workshop`): what each teaches, with
//! which tours and zine pages, in about how long. The site's agenda is every topic's blocks
//! in the registry's order, and its tests check that each tour named exists.

use techshack_core::workshop::Block;

pub(crate) const BLOCKS: &[Block] = &[
    Block {
        id: "vpc",
        title: "An AWS VPC you can break",
        goal: "Trace a packet through route tables, security groups and network ACLs, and keep private subnets online when an Availability Zone fails.",
        minutes: 30,
        tours: &["nat-per-az", "ephemeral-ports", "your-turn"],
        zines: &["networking"],
    },
];
