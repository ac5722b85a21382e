//! The comic: a Bucket and a Tombstone, drawn from the live state. The
//! insight: deleting a message writes something. The tombstone stays in its
//! bucket, and every read steps over it, until gc_grace_seconds pass and
//! compaction drops it; enough of them and reads fail outright.

use super::model::store::TOMBSTONE_FAILURE_THRESHOLD;
use super::model::Outcome;
use super::state::MessageStorePanel;
use super::view::format::count;
use serde::{Deserialize, Serialize};
use techshack_core::sketch::{Anchor, Frame, Pen, Sketch, Strip};

const FRAME: Frame = Frame {
    width: 660.0,
    height: 250.0,
    panels: 3,
    panel_width: 208.0,
    ground: 214.0,
    names: 230.0,
};

/// The strip's lines, from the state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Script {
    pub buckets: usize,
    pub tombstones: Option<u64>,
    pub bucket_says: String,
    pub tomb_says: String,
    pub third_bucket: String,
    pub third_tomb: String,
}

pub fn script(state: &MessageStorePanel) -> Script {
    let pg = state.pg();
    let buckets = pg.store().partitions(state.focus.channel).len();
    let tombstones = state
        .last_read
        .as_ref()
        .and_then(|(o, _)| match o.as_ref() {
            Outcome::Page(p) => Some(p.stats.tombstones),
            Outcome::ReadFailed(f) => Some(f.stats.tombstones),
            _ => None,
        });
    let days = pg.store().config().bucket.days();
    let grace = pg.store().config().gc_grace_seconds;
    let bucket_says = match buckets {
        0 => "This channel has no buckets yet.".to_string(),
        1 => format!("I'm this channel's only bucket: {days} days."),
        n => format!("I'm 1 of {n} buckets here, {days} days each."),
    };
    let tomb_says = match tombstones {
        Some(t) => format!(
            "Deleted, not gone. Your last read stepped over {} of us.",
            count(t)
        ),
        None => "Deleted, not gone: a delete writes me.".to_string(),
    };
    Script {
        buckets,
        tombstones,
        bucket_says,
        tomb_says,
        third_bucket: format!("Compaction takes you after {}.", spoken(grace as u64)),
        third_tomb: format!(
            "If {} of us pile up first, reads fail!",
            count(TOMBSTONE_FAILURE_THRESHOLD as u64)
        ),
    }
}

/// A duration as a character would say it: "10 days", "1 hour".
pub fn spoken(seconds: u64) -> String {
    let (n, unit) = match seconds {
        s if s >= 86_400 && s % 86_400 == 0 => (s / 86_400, "day"),
        s if s >= 3_600 && s % 3_600 == 0 => (s / 3_600, "hour"),
        s if s >= 60 && s % 60 == 0 => (s / 60, "minute"),
        s => (s, "second"),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// A bucket with a face, standing on `feet` (the ground).
fn bucket(s: &mut Strip, feet: (f64, f64)) {
    s.figure("Bucket", |s| bucket_body(s, feet));
    s.name(feet.0, "Bucket");
}

pub(crate) fn bucket_body(s: &mut Sketch, (x, y): (f64, f64)) {
    let body = Pen::ink().width(2.0).fill("var(--accent-soft)");
    s.polygon(
        &[
            (x - 30.0, y - 78.0),
            (x + 30.0, y - 78.0),
            (x + 22.0, y - 22.0),
            (x - 22.0, y - 22.0),
        ],
        &body,
    );
    s.ellipse((x, y - 78.0), 30.0, 7.0, &Pen::ink().width(2.0));
    let ink = Pen::ink().width(2.0);
    s.ellipse(
        (x - 10.0, y - 56.0),
        3.0,
        3.0,
        &Pen::ink().fill("var(--ink)").solid(),
    );
    s.ellipse(
        (x + 10.0, y - 56.0),
        3.0,
        3.0,
        &Pen::ink().fill("var(--ink)").solid(),
    );
    s.line((x - 8.0, y - 42.0), (x + 8.0, y - 42.0), &ink);
    s.line((x - 10.0, y - 22.0), (x - 14.0, y), &ink);
    s.line((x + 10.0, y - 22.0), (x + 14.0, y), &ink);
}

/// A tombstone with a face, standing on `feet` (the ground).
fn tombstone(s: &mut Strip, feet: (f64, f64)) {
    s.figure("Tombstone", |s| tombstone_body(s, feet));
    s.name(feet.0, "Tombstone");
}

pub(crate) fn tombstone_body(s: &mut Sketch, (x, y): (f64, f64)) {
    let mut outline = vec![(x - 26.0, y), (x - 26.0, y - 60.0)];
    for k in 0..=8 {
        let a = std::f64::consts::PI * (1.0 - k as f64 / 8.0);
        outline.push((x + 26.0 * a.cos(), y - 60.0 - 26.0 * a.sin()));
    }
    outline.push((x + 26.0, y));
    s.polygon(&outline, &Pen::ink().width(2.0).fill("var(--muted)"));
    s.text_coloured((x, y - 62.0), "RIP", 13.0, Anchor::Middle, "var(--surface)");
    s.ellipse(
        (x - 9.0, y - 44.0),
        3.0,
        3.0,
        &Pen::ink().fill("var(--surface)").solid(),
    );
    s.ellipse(
        (x + 9.0, y - 44.0),
        3.0,
        3.0,
        &Pen::ink().fill("var(--surface)").solid(),
    );
}

/// The strip for a script, as SVG; seeded, so the same script draws the
/// same strip (this runs in the topic's extras module).
pub fn draw(sc: &Script) -> String {
    strip(sc).finish(&[
        ("Bucket", &sc.bucket_says),
        ("Tombstone", &sc.tomb_says),
        ("Bucket", &sc.third_bucket),
        ("Tombstone", &sc.third_tomb),
    ])
}

/// The strip drawn but not finished, so tests can read its layout.
fn strip(sc: &Script) -> Strip {
    let mut s = Strip::new(20_170_117, FRAME);
    let ground = s.ground();
    let x = |k: usize| FRAME.left(k);
    // 1: the Bucket introduces itself with the live bucket count.
    let b1 = (x(0) + 70.0, ground);
    bucket(&mut s, b1);
    s.say(
        (x(0) + 40.0, 36.0, 158.0, 70.0),
        (b1.0 + 10.0, b1.1 - 84.0),
        &sc.bucket_says,
        15.0,
    );
    // 2: the Tombstone, with the last read's tombstone count.
    let t2 = (x(1) + 70.0, ground);
    tombstone(&mut s, t2);
    s.say(
        (x(1) + 34.0, 34.0, 166.0, 82.0),
        (t2.0 + 10.0, t2.1 - 88.0),
        &sc.tomb_says,
        15.0,
    );
    // 3: both: grace ends it, unless the pile wins first. Two bubbles side
    // by side in a 208 px panel: the Bucket's starts below the panel number
    // and the Tombstone's reply a little lower, so they read left to right;
    // both stop above the characters' heads (y 128) to leave room for tails.
    let (b3, t3) = ((x(2) + 50.0, ground), (x(2) + 156.0, ground));
    bucket(&mut s, b3);
    tombstone(&mut s, t3);
    s.say(
        (x(2) + 4.0, 40.0, 98.0, 76.0),
        (b3.0, b3.1 - 86.0),
        &sc.third_bucket,
        13.0,
    );
    s.say_on(
        "var(--bad-soft)",
        (x(2) + 106.0, 48.0, 98.0, 68.0),
        (t3.0, t3.1 - 86.0),
        &sc.third_tomb,
        13.0,
    );
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "comic_layout_tests.rs"]
mod layout_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::model::tours::{channel_at, DEC_1_2016};
    use super::super::model::Action;
    use super::super::state::{MessageStorePanel, PanelAction, Undo};
    use super::*;
    use techshack_core::sketch::words_in as words;
    use techshack_core::state::history::Undoable;
    use techshack_core::PanelModel;

    #[test]
    fn durations_are_spoken() {
        assert_eq!(spoken(864_000), "10 days");
        assert_eq!(spoken(3_600), "1 hour");
        assert_eq!(spoken(90), "90 seconds");
    }

    #[test]
    fn the_default_comic_is_short_valid_svg() {
        let svg = MessageStorePanel::initial().comic();
        assert!(words(&svg) < 60, "{} words", words(&svg));
        // The panel opens on a scenario, so its comic has something to say.
        assert!(svg.contains("1 of 3 buckets"), "{svg}");
        assert!(svg.contains("stepped over 2 of us"), "{svg}");
        // An empty playground says so.
        let mut m = MessageStorePanel::initial();
        m.apply(&PanelAction::Model(Action::Reset, Undo::Keep));
        assert!(m.comic().contains("no buckets yet"));
    }

    #[test]
    fn the_comic_uses_the_live_bucket_and_tombstone_counts() {
        let tour = MessageStorePanel::tours()
            .into_iter()
            .find(|t| t.id == "null-tombstones")
            .unwrap();
        let mut m = MessageStorePanel::initial();
        for a in tour.actions_revealed(0) {
            m.apply(&a);
        }
        let sc = script(&m);
        assert_eq!(sc.tombstones, Some(1200));
        let svg = draw(&script(&m));
        assert!(svg.contains("stepped over 1 200 of us"), "{svg}");
        assert!(words(&svg) < 60, "{} words", words(&svg));

        let mut m = MessageStorePanel::initial();
        let busy = channel_at(DEC_1_2016, 2);
        m.apply(&PanelAction::Model(
            Action::Burst {
                channel: busy,
                author: 1,
                count: 5000,
                spacing_ms: 300_000,
            },
            Undo::Keep,
        ));
        let n = m.pg().store().partitions(busy).len();
        assert!(n > 1);
        let svg = draw(&script(&m));
        assert!(svg.contains(&format!("1 of {n} buckets")), "{svg}");
    }

    #[test]
    fn every_tour_end_draws_valid_short_svg() {
        for t in MessageStorePanel::tours() {
            let mut m = MessageStorePanel::initial();
            for a in t.actions_revealed(usize::MAX) {
                m.apply(&a);
            }
            let svg = m.comic();
            assert!(words(&svg) < 60, "{}: {} words", t.id, words(&svg));
        }
    }
}
