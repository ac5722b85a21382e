//! The message store's zine page: "How Discord Stores Billions of Messages"
//! (2017) in eight panels, from why Cassandra to the tombstone incident and
//! its fixes. Every figure is the model's: the opening scenario's messages,
//! buckets and read, the table's key, the thresholds, the cost model's
//! estimate of the incident. Only the site draws it, natively.

mod reads;
mod storage;

use super::model::scenarios::opening;
use super::model::store::Page;
use super::model::{Outcome, Playground};
use super::view::format::count;
use techshack_core::sketch::Zine;

/// "1 tombstone", "2 tombstones".
pub(super) fn tombstones_counted(n: u64) -> String {
    format!("{} tombstone{}", count(n), if n == 1 { "" } else { "s" })
}

/// The page drawn but not finished (see `PanelModel::zines`).
pub fn zines() -> Vec<(&'static str, Zine)> {
    vec![("billions", page())]
}

/// The opening scenario played on a fresh playground, and its read's page.
fn opened() -> (Playground, Page) {
    let mut pg = Playground::new();
    for a in opening() {
        let _ = pg.apply(&a);
    }
    let page = match pg.outcome() {
        Outcome::Page(p) => p.clone(),
        _ => Page::default(),
    };
    (pg, page)
}

fn page() -> Zine {
    let mut z = Zine::new(
        2017,
        "How Discord stores billions of messages",
        "Discord engineering blog (2017) · the numbers come from the message-store model",
        8,
    );
    let (pg, read) = opened();
    storage::why_cassandra(&mut z, 0);
    let first = read.rows.last().map_or(0, |r| r.message_id);
    storage::snowflake(&mut z, 1, first);
    storage::buckets(&mut z, 2, first);
    storage::partitions(&mut z, 3, &pg);
    reads::walk(&mut z, 4, &read);
    reads::tombstones(&mut z, 5, &read);
    reads::incident(&mut z, 6);
    reads::fixes(&mut z, 7);
    z
}
