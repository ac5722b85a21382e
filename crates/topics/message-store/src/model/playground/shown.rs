//! The read on screen, kept current. A person runs a query once; every
//! later change that can alter what it returns (a write, a delete,
//! compaction, a table setting, the clock) reads the same page again, so
//! the rows and the "tombstones scanned" on screen are the store as it is
//! now, never as it was when Run was pressed.
//!
//! The re-read is `Store::peek`: the same walk without a read's side
//! effects. It fills no empty-bucket cache (only reads a person runs do,
//! and the tours count what they skip), deletes no corrupt rows and logs no
//! CQL. Like any read it costs one page: at most a page of rows, and the
//! walk gives up at the tombstone failure threshold.

use super::super::store::{QueryOutcome, QuerySpec};
use super::{Outcome, Playground};
use std::rc::Rc;

/// How the page on screen was asked for, so it can be asked for again.
#[derive(Clone, Debug, PartialEq)]
struct Ask {
    spec: QuerySpec,
    /// The paging state the page started from; `None`: the first page.
    from: Option<String>,
    page_size: u32,
}

/// The query result on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownRead {
    /// A page or Cassandra's refusal; shared, so the panel's copies of a
    /// 5 000-row page cost nothing.
    pub outcome: Rc<Outcome>,
    /// The last change that altered it since it was run; `None`: it is
    /// still as the person ran it.
    pub updated_after: Option<&'static str>,
    ask: Ask,
}

impl ShownRead {
    /// The channel the read is of.
    pub fn channel(&self) -> u64 {
        self.ask.spec.channel
    }
}

impl Playground {
    pub fn shown_read(&self) -> Option<&ShownRead> {
        self.shown.as_ref()
    }

    /// Puts a read a person ran on screen: the page (or refusal) just made.
    pub(super) fn show_read(&mut self, spec: QuerySpec, from: Option<String>) {
        if let o @ (Outcome::Page(_) | Outcome::ReadFailed(_)) = &self.outcome {
            self.shown = Some(ShownRead {
                outcome: Rc::new(o.clone()),
                updated_after: None,
                ask: Ask {
                    spec,
                    from,
                    page_size: self.page_size,
                },
            });
        }
    }

    /// Reads the page on screen again after `change`; the next page then
    /// follows on from the page as it is now.
    pub(crate) fn reread(&mut self, change: &'static str) {
        let Some(ask) = self.shown.as_ref().map(|s| s.ask.clone()) else {
            return;
        };
        let now = match self
            .store
            .peek(&ask.spec, ask.page_size, ask.from.as_deref(), self.now_ms)
        {
            Ok(QueryOutcome::Page(p)) => Outcome::Page(p),
            Ok(QueryOutcome::Failed(f)) => Outcome::ReadFailed(f),
            // The ask was valid when it ran and no change to the store makes
            // it invalid; should one ever, no result beats a stale one.
            Err(_) => {
                self.shown = None;
                self.paging_state = None;
                return;
            }
        };
        self.paging_state = match &now {
            Outcome::Page(p) => p.paging_state.clone(),
            _ => None,
        };
        if let Some(shown) = self.shown.as_mut().filter(|s| *s.outcome != now) {
            shown.outcome = Rc::new(now);
            shown.updated_after = Some(change);
        }
    }
}
