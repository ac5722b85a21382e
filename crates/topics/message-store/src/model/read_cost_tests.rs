use super::super::store::{ReadStats, TOMBSTONE_FAILURE_THRESHOLD, TOMBSTONE_WARN_THRESHOLD};
use super::*;

/// Discord, "How Discord Stores Billions of Messages" (2017): loading the
/// channel "took 20 seconds" and caused "10 second stop-the-world GC pauses".
/// The default assumptions are calibrated to land there for "millions" of
/// tombstones (INCIDENT_TOMBSTONES, our reading of "millions").
#[test]
fn defaults_land_on_the_incident() {
    let c = DISCORD_2017.of_channel(INCIDENT_TOMBSTONES);
    assert_eq!(c.time_us / 1_000_000, 20);
    assert_eq!(c.pause_us / 1_000_000, 10);
    assert_eq!(c.garbage_bytes, 1_000_000_000);
}

/// The incident's shape (same blog post): the slower the read, the longer the
/// pause; both grow with tombstones, the pause only once the garbage outgrows
/// the young generation (an assumption of this model, not a source's).
#[test]
fn time_and_pause_grow_with_tombstones() {
    let costs: Vec<ReadCost> = GROWTH.iter().map(|&t| DISCORD_2017.of_channel(t)).collect();
    for w in costs.windows(2) {
        assert!(w[1].time_us > w[0].time_us);
        assert!(w[1].pause_us >= w[0].pause_us);
    }
    assert_eq!(
        costs[0].pause_us, 0,
        "1 000 tombstones fit the young generation"
    );
    assert!(costs[4].pause_us > costs[3].pause_us);
}

/// cassandra.yaml: `tombstone_warn_threshold: 1000`,
/// `tombstone_failure_threshold: 100000`; ReadCommand compares with `>`, so
/// exactly 1 000 does not warn and exactly 100 000 does not fail.
#[test]
fn thresholds_are_strictly_greater_than() {
    let (w, f) = (
        TOMBSTONE_WARN_THRESHOLD as u64,
        TOMBSTONE_FAILURE_THRESHOLD as u64,
    );
    assert_eq!((w, f), (1_000, 100_000));
    assert_eq!(threshold(1_000, w, f), Threshold::Under);
    assert_eq!(threshold(1_001, w, f), Threshold::Warned);
    assert_eq!(threshold(100_000, w, f), Threshold::Warned);
    assert_eq!(threshold(100_001, w, f), Threshold::Failed);
}

/// Cassandra's ReadCommand drops tombstones past gc_grace before counting
/// them, but they are still read from disk (tombstones.adoc): they cost time
/// and garbage though they do not count toward the thresholds.
#[test]
fn tombstones_past_grace_still_cost() {
    let s = ReadStats {
        rows_examined: 1_001,
        live_rows: 1,
        purgeable_skipped: 1_000,
        ..ReadStats::default()
    };
    let c = DISCORD_2017.of_read(&s);
    assert_eq!(c.time_us, 1_001 + 9_000);
    assert_eq!(c.garbage_bytes, 500_000);
}

/// A cheaper tombstone (an assumption the reader may change) lowers the
/// estimate in proportion.
#[test]
fn changed_assumptions_change_the_figures() {
    let mut a = DISCORD_2017;
    a.set(Knob::TombstoneUs, "4").unwrap();
    assert_eq!(a.of_channel(INCIDENT_TOMBSTONES).time_us / 1_000_000, 10);
    a.set(Knob::GcMbPerS, " 160 ").unwrap();
    assert_eq!(a.of_channel(INCIDENT_TOMBSTONES).pause_us / 1_000_000, 5);
}

#[test]
fn bad_values_are_refused_and_leave_the_rest() {
    let mut a = DISCORD_2017;
    for (text, want) in [
        ("-5", KnobError::Negative { knob: Knob::RowUs }),
        ("0", KnobError::Zero { knob: Knob::RowUs }),
        ("1000001", KnobError::TooLarge { knob: Knob::RowUs }),
        (
            "99999999999999999999999",
            KnobError::TooLarge { knob: Knob::RowUs },
        ),
        (
            "1.5",
            KnobError::NotANumber {
                knob: Knob::RowUs,
                text: "1.5".into(),
            },
        ),
        (
            "",
            KnobError::NotANumber {
                knob: Knob::RowUs,
                text: String::new(),
            },
        ),
    ] {
        assert_eq!(a.set(Knob::RowUs, text), Err(want), "{text:?}");
    }
    assert_eq!(a, DISCORD_2017);
    assert_eq!(
        KnobError::Zero {
            knob: Knob::GcMbPerS
        }
        .to_string(),
        "Stop-the-world GC speed (MB/s) must be at least 1: nothing is free in this model"
    );
}

#[test]
fn huge_counts_saturate_instead_of_panicking() {
    let mut a = DISCORD_2017;
    for k in KNOBS {
        a.set(k, &k.max().to_string()).unwrap();
        assert_eq!(k.get(&a), k.max());
    }
    let c = a.cost(u64::MAX, u64::MAX);
    assert_eq!(c.time_us, u64::MAX);
}
