//! The message store's zine page: "How Discord Stores Billions of Messages"
//! (2017) in eight panels, from why Cassandra to the tombstone incident and
//! its fixes. Every figure is the model's: the opening scenario's messages,
//! buckets and read, the table's key, the thresholds, the cost model's
//! estimate of the incident. Only the site draws it, natively.

use super::comic::{bucket_body, spoken, tombstone_body};
use super::model::bucket::{bucket, BUCKET_SIZE_MS};
use super::model::channels::PLAYGROUND;
use super::model::cql::create_table;
use super::model::read_cost::{DISCORD_2017, INCIDENT_TOMBSTONES};
use super::model::scenarios::opening;
use super::model::schema::NULLABLE_COLUMNS;
use super::model::snowflake::Snowflake;
use super::model::store::{BucketVisit, Page, DEFAULT_GC_GRACE_SECONDS, DISCORD_GC_GRACE_SECONDS};
use super::model::{Action, Outcome, Playground};
use super::view::format::{count, date_time, micros};
use techshack_core::sketch::{Anchor, Pen, Zine};

/// "1 tombstone", "2 tombstones".
fn tombstones_counted(n: u64) -> String {
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
    why_cassandra(&mut z, 0);
    let first = read.rows.last().map_or(0, |r| r.message_id);
    snowflake(&mut z, 1, first);
    buckets(&mut z, 2, first);
    partitions(&mut z, 3, &pg);
    walk(&mut z, 4, &read);
    tombstones(&mut z, 5, &read);
    incident(&mut z, 6);
    fixes(&mut z, 7);
    z
}

fn why_cassandra(z: &mut Zine, k: usize) {
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

fn snowflake(z: &mut Zine, k: usize, id: u64) {
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

fn buckets(z: &mut Zine, k: usize, id: u64) {
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

fn partitions(z: &mut Zine, k: usize, pg: &Playground) {
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

fn walk(z: &mut Zine, k: usize, read: &Page) {
    let a = z.caption(
        k,
        "A read asks the newest bucket first and walks back until it has enough messages.",
    );
    let mut y = a.y + 16.0;
    for v in read.visits.iter().take(5) {
        let line = match v {
            BucketVisit::Read {
                bucket,
                live,
                tombstones,
            } => format!(
                "bucket {bucket}: {live} live, {}",
                tombstones_counted(u64::from(*tombstones))
            ),
            BucketVisit::Missing { from, to } if from == to => format!("bucket {from}: empty"),
            BucketVisit::Missing { from, to } => format!("buckets {from} to {to}: empty"),
            BucketVisit::Skipped { from, to } => format!("buckets {from} to {to}: skipped"),
        };
        z.text((a.x + 30.0, y), &line, 14.0, Anchor::Start);
        y += 22.0;
    }
    z.arrow(
        (a.x + 12.0, a.y + 6.0),
        (a.x + 12.0, y - 16.0),
        &Pen::ink().width(2.0),
    );
    let s = &read.stats;
    let sum = format!("{} queries for {} messages", s.buckets_queried, s.live_rows);
    z.text_coloured(
        (a.x + 30.0, a.y + 136.0),
        &sum,
        14.0,
        Anchor::Start,
        "var(--accent)",
    );
}

fn tombstones(z: &mut Zine, k: usize, read: &Page) {
    let caption = format!(
        "A delete writes a tombstone, kept gc_grace: {} by default, {} at Discord.",
        spoken(u64::from(DEFAULT_GC_GRACE_SECONDS)),
        spoken(u64::from(DISCORD_GC_GRACE_SECONDS))
    );
    let a = z.caption(k, &caption);
    let feet = (a.x + 40.0, a.bottom());
    z.figure("Tombstone", |s| tombstone_body(s, feet));
    let line = format!(
        "Deleted, not gone. That read stepped over {} of us.",
        count(read.stats.tombstones)
    );
    z.say(
        "Tombstone",
        (a.x + 90.0, a.y + 10.0, 250.0, 56.0),
        (feet.0 + 10.0, feet.1 - 86.0),
        &line,
    );
}

fn incident(z: &mut Zine, k: usize) {
    let a = z.caption(
        k,
        "The 2017 case: a public channel kept 1 message after millions were deleted. Reads scanned them all.",
    );
    z.figure("Tombstones", |s| {
        tombstone_body(s, (a.x + 32.0, a.bottom()));
        tombstone_body(s, (a.x + 92.0, a.bottom()));
    });
    let cost = DISCORD_2017.of_channel(INCIDENT_TOMBSTONES);
    let x = a.x + 150.0;
    let n = format!("{} tombstones", count(INCIDENT_TOMBSTONES));
    z.text((x, a.y + 30.0), &n, 15.0, Anchor::Start);
    z.text(
        (x, a.y + 62.0),
        &format!("read: {}", micros(cost.time_us)),
        15.0,
        Anchor::Start,
    );
    let pause = format!("GC pause: {}", micros(cost.pause_us));
    z.text((x, a.y + 90.0), &pause, 15.0, Anchor::Start);
    let note = "(\"millions\": we take 2M)";
    z.text_coloured((x, a.y + 120.0), note, 13.0, Anchor::Start, "var(--muted)");
}

fn fixes(z: &mut Zine, k: usize) {
    let a = z.caption(
        k,
        "The fixes: a shorter gc_grace (repairs ran nightly), skip empty buckets, write no nulls.",
    );
    let feet = (a.x + 30.0, a.bottom());
    z.stick_figure(feet, 100.0, &Pen::ink().width(2.0));
    let line = format!(
        "Writing only the set columns saves {} tombstones per message.",
        NULLABLE_COLUMNS.len()
    );
    z.say_on(
        "var(--accent-soft)",
        "Engineer",
        (a.x + 70.0, a.y + 10.0, 270.0, 58.0),
        (feet.0 + 10.0, feet.1 - 100.0),
        &line,
    );
    let grace = format!(
        "gc_grace {} → {}",
        spoken(u64::from(DEFAULT_GC_GRACE_SECONDS)),
        spoken(u64::from(DISCORD_GC_GRACE_SECONDS))
    );
    z.text((a.x + 80.0, a.y + 110.0), &grace, 14.0, Anchor::Start);
}
