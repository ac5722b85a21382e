//! The page's first panels: why Cassandra, the Snowflake ID's time, the
//! 10-day buckets and the partition key.

use super::tombstones_counted;
use crate::comic::bucket_body;
use crate::model::bucket::{bucket, BUCKET_SIZE_MS};
use crate::model::channels::PLAYGROUND;
use crate::model::cql::create_table;
use crate::model::snowflake::Snowflake;
use crate::model::store::DEFAULT_GC_GRACE_SECONDS;
use crate::model::{Action, Playground};
use crate::view::format::{count, date_time};
use techshack_core::sketch::{Anchor, Pen, Zine};

pub(super) fn why_cassandra(z: &mut Zine, k: usize) {
    let a = z.caption(
        k,
        "2017: reads and writes about 50/50, random reads, a big dataset. Cassandra: linear scale, automatic failover.",
    );
    let mut pg = Playground::new();
    for action in [Action::SetNodes(12), Action::SetRf(3)] {
        let _ = pg.apply(&action);
    }
    let (nodes, rf) = (pg.cluster().node_count(), pg.cluster().rf());
    let (cx, cy, r) = (a.x + 74.0, a.y + a.h / 2.0, 56.0);
    z.ellipse((cx, cy), r, r, &Pen::ink().stroke("var(--muted)"));
    for i in 0..nodes {
        let t = i as f64 / nodes as f64 * std::f64::consts::TAU;
        let at = (cx + r * t.sin(), cy - r * t.cos());
        z.ellipse(at, 8.0, 8.0, &Pen::ink().fill("var(--accent-soft)").solid());
    }
    let line = format!("{nodes} nodes, each row on {rf}");
    z.text((a.x + 150.0, cy - 8.0), &line, 15.0, Anchor::Start);
    let more = "more data? add nodes";
    z.text_coloured(
        (a.x + 150.0, cy + 16.0),
        more,
        14.0,
        Anchor::Start,
        "var(--muted)",
    );
}

pub(super) fn snowflake(z: &mut Zine, k: usize, id: u64) {
    let a = z.caption(
        k,
        "Every message ID is a Snowflake: its top bits are the time it was sent, in ms since 2015.",
    );
    let ms = Snowflake(id).ms_since_epoch();
    let unix = Snowflake(id).unix_ms();
    z.text(
        (a.x + 4.0, a.y + 24.0),
        &format!("id {id}"),
        16.0,
        Anchor::Start,
    );
    z.arrow(
        (a.x + 30.0, a.y + 34.0),
        (a.x + 30.0, a.y + 60.0),
        &Pen::ink(),
    );
    let shifted = format!("id >> 22 = {} ms", count(ms));
    z.text((a.x + 44.0, a.y + 56.0), &shifted, 15.0, Anchor::Start);
    z.arrow(
        (a.x + 30.0, a.y + 74.0),
        (a.x + 30.0, a.y + 100.0),
        &Pen::ink(),
    );
    let when = format!("+ 2015-01-01 = {}", date_time(unix));
    z.text((a.x + 44.0, a.y + 96.0), &when, 15.0, Anchor::Start);
    let note = "sorting by ID is sorting by time";
    z.text_coloured(
        (a.x + 4.0, a.y + 134.0),
        note,
        14.0,
        Anchor::Start,
        "var(--muted)",
    );
}

pub(super) fn buckets(z: &mut Zine, k: usize, id: u64) {
    let days = BUCKET_SIZE_MS / 86_400_000;
    let caption = format!(
        "Ten days of a channel share a bucket: bucket = (id >> 22) / {BUCKET_SIZE_MS}, the ms in {days} days."
    );
    let a = z.caption(k, &caption);
    let feet = (a.x + 44.0, a.bottom());
    z.figure("Bucket", |s| bucket_body(s, feet));
    let line = format!("That message is in bucket {}.", bucket(id));
    z.say(
        "Bucket",
        (a.x + 96.0, a.y + 6.0, 240.0, 50.0),
        (feet.0 + 20.0, feet.1 - 80.0),
        &line,
    );
    let why = "10 busy days: well under 100 MB";
    z.text_coloured(
        (a.x + 96.0, a.y + 110.0),
        why,
        13.0,
        Anchor::Start,
        "var(--muted)",
    );
}

pub(super) fn partitions(z: &mut Zine, k: usize, pg: &Playground) {
    let table = create_table(DEFAULT_GC_GRACE_SECONDS);
    let key = table
        .lines()
        .find(|l| l.contains("PRIMARY KEY"))
        .unwrap_or_default()
        .trim();
    let a = z.caption(
        k,
        &format!("Each channel and bucket is a partition: {key}."),
    );
    let parts = pg.store().partitions(PLAYGROUND);
    let w = ((a.w - 8.0) / parts.len().max(1) as f64).min(118.0);
    for (i, p) in parts.iter().enumerate() {
        let x = a.x + i as f64 * w;
        z.rect(
            x + 4.0,
            a.y + 16.0,
            w - 10.0,
            96.0,
            &Pen::ink().fill("var(--accent-soft)"),
        );
        let mid = x + w / 2.0 - 1.0;
        z.text(
            (mid, a.y + 42.0),
            &format!("bucket {}", p.bucket),
            15.0,
            Anchor::Middle,
        );
        z.text(
            (mid, a.y + 68.0),
            &format!("{} live", p.live_rows),
            14.0,
            Anchor::Middle,
        );
        let dead = tombstones_counted(p.tombstones);
        z.text((mid, a.y + 92.0), &dead, 13.0, Anchor::Middle);
    }
    let note = "#playground's partitions, newest last";
    z.text_coloured(
        (a.x + 4.0, a.y + 136.0),
        note,
        13.0,
        Anchor::Start,
        "var(--muted)",
    );
}
