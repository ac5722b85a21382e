//! The workshop's agenda: every registered topic's blocks, in the registry's
//! (the newsletter's) order, and a teacher's plan over them: which blocks,
//! in which order. A plan rides in the session page's link,
//! `#/workshop?plan=<block-id>,<block-id>` (no `plan` means the whole
//! agenda), so a teacher who reorders or drops blocks can share the page and
//! get the same plan back. `assets/workshop.js` reads and writes the same
//! form; the e2e tests check the two agree.

use crate::registry;
use techshack_core::workshop::Block;
use techshack_core::Topic;

/// A block of the agenda and the topic whose panel teaches it.
#[derive(Clone, Copy)]
pub struct Entry {
    pub topic: &'static dyn Topic,
    pub block: Block,
}

/// Every topic's blocks, in the registry's order.
pub fn agenda() -> Vec<Entry> {
    registry()
        .iter()
        .flat_map(|t| {
            t.workshop().iter().map(|b| Entry {
                topic: *t,
                block: *b,
            })
        })
        .collect()
}

/// The blocks a teacher keeps, by id, in the order they teach them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan(pub Vec<&'static str>);

impl Plan {
    /// The whole agenda in its own order: the page without a `plan`.
    pub fn whole() -> Plan {
        Plan(agenda().iter().map(|e| e.block.id).collect())
    }

    /// Reads a link's `plan` value: block ids separated by commas, each
    /// known and named once; an empty value keeps no block. What is wrong,
    /// in the reader's words, otherwise.
    pub fn parse(value: &str) -> Result<Plan, String> {
        let known = agenda();
        let mut ids: Vec<&'static str> = Vec::new();
        for part in value.split(',').filter(|p| !p.is_empty()) {
            let Some(entry) = known.iter().find(|e| e.block.id == part) else {
                let names: Vec<&str> = known.iter().map(|e| e.block.id).collect();
                return Err(format!(
                    "The plan names a block that does not exist (blocks: {}).",
                    names.join(", ")
                ));
            };
            if ids.contains(&entry.block.id) {
                return Err(format!(
                    "The plan names the block {} twice.",
                    entry.block.id
                ));
            }
            ids.push(entry.block.id);
        }
        Ok(Plan(ids))
    }

    /// Reads the plan out of a session page's link (`#/workshop?…`); the
    /// whole agenda when it names none.
    pub fn from_link(link: &str) -> Result<Plan, String> {
        let query = link.split_once('?').map_or("", |(_, q)| q);
        match query.split('&').find_map(|kv| kv.strip_prefix("plan=")) {
            Some(value) => Plan::parse(value),
            None => Ok(Plan::whole()),
        }
    }

    /// The session page's link for this plan (`facilitator`: the
    /// facilitator's view of it).
    pub fn link(&self, facilitator: bool) -> String {
        let mut query: Vec<String> = Vec::new();
        if facilitator {
            query.push("view=facilitator".into());
        }
        if *self != Plan::whole() {
            query.push(format!("plan={}", self.0.join(",")));
        }
        if query.is_empty() {
            "#/workshop".into()
        } else {
            format!("#/workshop?{}", query.join("&"))
        }
    }

    pub fn minutes(&self) -> u32 {
        let agenda = agenda();
        self.0
            .iter()
            .filter_map(|id| agenda.iter().find(|e| e.block.id == *id))
            .map(|e| e.block.minutes)
            .sum()
    }
}

#[cfg(test)]
#[path = "workshop_tests.rs"]
mod tests;
