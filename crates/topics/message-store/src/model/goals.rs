//! The goals of the tours' tasks: what the reader must make true, checked
//! against the model after each of their own actions (the panel asks
//! `goal_holds` by name, since tours cross from the extras module as data).

use super::playground::{Outcome, Playground};
use super::store::TOMBSTONE_WARN_THRESHOLD;

/// The last read came back, and Cassandra warned about its tombstones:
/// more than `tombstone_warn_threshold` (1 000) scanned.
pub const READ_WARNS: &str = "read-warns";
/// The last read skipped buckets the empty-bucket cache knew were empty.
pub const EMPTY_BUCKETS_SKIPPED: &str = "empty-buckets-skipped";

pub fn goal_holds(pg: &Playground, goal: &str) -> Option<bool> {
    let page = match pg.outcome() {
        Outcome::Page(page) => Some(page),
        _ => None,
    };
    match goal {
        READ_WARNS => {
            Some(page.is_some_and(|p| p.stats.tombstones > TOMBSTONE_WARN_THRESHOLD as u64))
        }
        EMPTY_BUCKETS_SKIPPED => Some(page.is_some_and(|p| p.stats.empty_buckets_skipped > 0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tours::{channel_at, AUTHOR, JAN_1_2016};
    use crate::model::Action;

    fn read(channel: u64) -> Action {
        Action::Query {
            channel,
            limit: 50,
            before: None,
        }
    }

    #[test]
    fn a_read_warns_once_it_scans_more_than_a_thousand_tombstones() {
        let channel = channel_at(JAN_1_2016, 7);
        let mut pg = Playground::new();
        let burst = Action::Burst {
            channel,
            author: AUTHOR,
            count: 3_000,
            spacing_ms: 1_000,
        };
        for a in [burst, read(channel)] {
            pg.apply(&a).unwrap();
        }
        assert_eq!(goal_holds(&pg, READ_WARNS), Some(false));
        let mut few = pg.clone();
        for a in [
            Action::DeleteNewest {
                channel,
                count: 1_000,
            },
            read(channel),
        ] {
            few.apply(&a).unwrap();
        }
        assert_eq!(
            goal_holds(&few, READ_WARNS),
            Some(false),
            "1 000 is not over"
        );
        for a in [
            Action::DeleteNewest {
                channel,
                count: 1_500,
            },
            read(channel),
        ] {
            pg.apply(&a).unwrap();
        }
        assert_eq!(goal_holds(&pg, READ_WARNS), Some(true));
        assert_eq!(goal_holds(&pg, EMPTY_BUCKETS_SKIPPED), Some(false));
        assert_eq!(goal_holds(&pg, "no-such-goal"), None);
    }

    #[test]
    fn the_cache_skips_empty_buckets_on_the_second_read() {
        let channel = channel_at(JAN_1_2016, 9);
        let mut pg = Playground::new();
        pg.apply(&Action::WriteMessage {
            channel,
            author: AUTHOR,
            content: "hi".into(),
            at: JAN_1_2016 + 86_400_000,
        })
        .unwrap();
        pg.apply(&Action::AdvanceClock {
            seconds: 200 * 86_400,
        })
        .unwrap();
        pg.apply(&read(channel)).unwrap();
        assert_eq!(goal_holds(&pg, EMPTY_BUCKETS_SKIPPED), Some(false));
        for a in [
            Action::EnableEmptyBucketCache(true),
            read(channel),
            read(channel),
        ] {
            pg.apply(&a).unwrap();
        }
        assert_eq!(goal_holds(&pg, EMPTY_BUCKETS_SKIPPED), Some(true));
    }
}
