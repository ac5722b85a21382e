//! The page's last panels: a read's walk over the buckets, tombstones and
//! their grace, the 2017 incident and its fixes.

use super::tombstones_counted;
use crate::comic::{spoken, tombstone_body};
use crate::model::read_cost::{DISCORD_2017, INCIDENT_TOMBSTONES};
use crate::model::schema::NULLABLE_COLUMNS;
use crate::model::store::{BucketVisit, Page, DEFAULT_GC_GRACE_SECONDS, DISCORD_GC_GRACE_SECONDS};
use crate::view::format::{count, micros};
use techshack_core::sketch::{Anchor, Pen, Zine};

pub(super) fn walk(z: &mut Zine, k: usize, read: &Page) {
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

pub(super) fn tombstones(z: &mut Zine, k: usize, read: &Page) {
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

pub(super) fn incident(z: &mut Zine, k: usize) {
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

pub(super) fn fixes(z: &mut Zine, k: usize) {
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
