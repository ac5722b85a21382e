//! The message store's page says what its model computes.

use super::assert_says;
use topic_message_store::model::bucket::bucket;
use topic_message_store::model::channels::PLAYGROUND;
use topic_message_store::model::read_cost::{DISCORD_2017, INCIDENT_TOMBSTONES};
use topic_message_store::model::scenarios::opening;
use topic_message_store::model::schema::NULLABLE_COLUMNS;
use topic_message_store::model::snowflake::Snowflake;
use topic_message_store::model::store::{DEFAULT_GC_GRACE_SECONDS, DISCORD_GC_GRACE_SECONDS};
use topic_message_store::model::{Action, Outcome, Playground};

/// `1000000` as the page groups it: `1 000 000`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Whole seconds with one decimal, as a duration of the incident reads.
fn seconds(us: u64) -> String {
    format!("{}.{} s", us / 1_000_000, us / 100_000 % 10)
}

#[test]
fn the_billions_page_says_the_ids_buckets_reads_and_the_incident() {
    let mut pg = Playground::new();
    for a in opening() {
        pg.apply(&a).unwrap_or_else(|e| panic!("{a:?}: {e}"));
    }
    let Outcome::Page(read) = pg.outcome().clone() else {
        panic!("the opening ends on a read");
    };
    let first = read
        .rows
        .last()
        .expect("the read found messages")
        .message_id;
    let mut figures = vec![
        format!("id {first}"),
        format!(
            "id >> 22 = {} ms",
            grouped(Snowflake(first).ms_since_epoch())
        ),
        format!("in bucket {}.", bucket(first)),
        format!(
            "{} queries for {} messages",
            read.stats.buckets_queried, read.stats.live_rows
        ),
        format!("stepped over {} of us", read.stats.tombstones),
        format!("saves {} tombstones", NULLABLE_COLUMNS.len()),
        format!("{} tombstones", grouped(INCIDENT_TOMBSTONES)),
    ];
    let parts = pg.store().partitions(PLAYGROUND);
    assert_eq!(parts.len(), 3, "the opening fills three buckets");
    for p in parts {
        figures.push(format!("bucket {} {} live", p.bucket, p.live_rows));
    }
    let cost = DISCORD_2017.of_channel(INCIDENT_TOMBSTONES);
    figures.push(format!("read: {}", seconds(cost.time_us)));
    figures.push(format!("GC pause: {}", seconds(cost.pause_us)));
    let days = |s: u32| format!("{} days", s / 86_400);
    figures.push(format!(
        "gc_grace {} → {}",
        days(DEFAULT_GC_GRACE_SECONDS),
        days(DISCORD_GC_GRACE_SECONDS)
    ));
    let mut cluster = Playground::new();
    for a in [Action::SetNodes(12), Action::SetRf(3)] {
        cluster.apply(&a).unwrap();
    }
    figures.push(format!(
        "{} nodes, each row on {}",
        cluster.cluster().node_count(),
        cluster.cluster().rf()
    ));
    assert_says("message-store", "billions", &figures);
}
