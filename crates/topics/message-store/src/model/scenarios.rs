//! The tours' end states as plain action lists, so a link that names a
//! scenario restores without building the tours. Building them plays every
//! step and carries their texts and answer functions, which belong in the
//! extras module (in the panel's module they cost about 5 KB gzip).
//!
//! `scenarios.txt` holds every tour's id and actions (setups, reveals and
//! task solutions, in order) in the link codec's form. A native test
//! rebuilds it from the tours and fails when it is stale; run the tests with
//! `UPDATE_FIXTURES=1` to rewrite it.

use super::action::Action;
use super::channels::PLAYGROUND;
use super::playground::{Outcome, Playground};
use super::tours::AUTHOR;
use techshack_core::state::url_codec::decode;

/// The fixture's format; bump if the shape below changes.
pub const FORMAT: u32 = 1;
/// Each tour's id and the actions that bring a fresh playground to its end.
pub type Scenarios = Vec<(String, Vec<Action>)>;

const SCENARIOS: &str = include_str!("scenarios.txt");

/// The scenario the panel opens on (as `Action::LoadScenario(OPENING)`).
pub const OPENING: &str = "opening";

/// When #playground's opening messages were written (Unix ms), what they
/// say, and whether they were deleted. Three 10-day buckets hold them: 71
/// (from 2016-12-11), 72 (from 2016-12-21) and 74 (from 2017-01-10), the
/// one the playground's clock is in.
const OPENING_MESSAGES: [(u64, &str, bool); 7] = [
    (1_482_055_200_000, "Welcome to #playground!", false),
    (
        1_482_148_800_000,
        "Every message ID holds the time it was sent",
        false,
    ),
    (
        1_482_840_000_000,
        "Ten days of a channel share one partition",
        false,
    ),
    (1_482_926_400_000, "oops, wrong channel", true),
    (1_484_136_000_000, "A new bucket: a new partition", false),
    (1_484_496_000_000, "tpyo", true),
    (
        1_484_575_200_000,
        "Reads walk the buckets, newest first",
        false,
    ),
];

/// The opening scenario: seven messages in #playground across three
/// buckets, two of them deleted (two tombstones), then a read of its latest
/// messages, so the timeline, the partition view, the read's walk and the
/// comic all have something to say. Made by playing it (a few µs), because
/// a delete names its message's ID, which the write makes.
pub fn opening() -> Vec<Action> {
    let mut p = Playground::new();
    let mut writes = Vec::new();
    let mut deletes = Vec::new();
    for (at, content, deleted) in OPENING_MESSAGES {
        let write = Action::WriteMessage {
            channel: PLAYGROUND,
            author: AUTHOR,
            content: content.into(),
            at,
        };
        if p.apply(&write).is_err() {
            continue;
        }
        if let (
            true,
            Outcome::Wrote {
                message_id: Some(id),
                ..
            },
        ) = (deleted, p.outcome())
        {
            deletes.push(Action::DeleteMessage {
                channel: PLAYGROUND,
                message: *id,
            });
        }
        writes.push(write);
    }
    writes.extend(deletes);
    writes.push(Action::Query {
        channel: PLAYGROUND,
        limit: 50,
        before: None,
    });
    writes
}

/// The actions of the tour called `id`, if there is one, or of the opening
/// scenario.
pub fn scenario(id: &str) -> Option<Vec<Action>> {
    if id == OPENING {
        return Some(opening());
    }
    let all: Scenarios = decode(FORMAT, SCENARIOS.trim()).ok()?;
    all.into_iter()
        .find(|(name, _)| name == id)
        .map(|(_, actions)| actions)
}

/// Fails when a fixture under `src/model/` (as compiled in, `stored`) is not
/// `want`; with `UPDATE_FIXTURES=1` it rewrites the file first, so the next
/// run passes.
#[cfg(test)]
pub(crate) fn check_fixture(name: &str, stored: &str, want: &str) {
    let path = format!("{}/src/model/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, format!("{want}\n")).unwrap();
    }
    assert_eq!(
        stored.trim(),
        want,
        "{name} is stale: run the tests with UPDATE_FIXTURES=1"
    );
}

#[cfg(test)]
mod tests {
    use super::super::tours::tours;
    use super::*;
    use techshack_core::state::url_codec::encode;

    #[test]
    fn the_fixture_is_the_tours_actions() {
        let built: Scenarios = tours()
            .into_iter()
            .map(|t| (t.id.to_string(), t.actions_revealed(usize::MAX)))
            .collect();
        check_fixture("scenarios.txt", SCENARIOS, &encode(FORMAT, &built));
        for (id, actions) in built {
            assert_eq!(scenario(&id), Some(actions), "{id}");
        }
        assert_eq!(scenario("no-such-tour"), None);
    }

    #[test]
    fn the_opening_has_buckets_tombstones_and_a_read() {
        use super::super::playground::Outcome;
        let mut p = Playground::new();
        p.apply(&Action::LoadScenario(OPENING.into())).unwrap();
        assert_eq!(p.scenario(), Some(OPENING));
        assert!(p.actions().is_empty(), "a link of it names it only");
        let parts = p.store().partitions(PLAYGROUND);
        assert_eq!(
            parts.iter().map(|x| x.bucket).collect::<Vec<_>>(),
            [71, 72, 74]
        );
        let Outcome::Page(page) = p.outcome() else {
            panic!("{:?}", p.outcome())
        };
        assert_eq!(page.rows.len(), 5);
        assert_eq!(page.stats.tombstones, 2);
        assert!(page.stats.empty_buckets_visited > 20, "{:?}", page.stats);
        // The same every time, and cheap: it runs before every first paint.
        assert_eq!(opening(), opening());
        let t = std::time::Instant::now();
        for _ in 0..100 {
            let mut q = Playground::new();
            q.apply(&Action::LoadScenario(OPENING.into())).unwrap();
        }
        let each = t.elapsed() / 100;
        println!("opening: {each:?} each");
        assert!(each < std::time::Duration::from_millis(20), "{each:?}");
    }
}
