//! The numbers the topic page's story (`story.html`) shows and lets the
//! reader scrub: table settings and the ring's shape, read off the model.

use super::action::Action;
use super::playground::Playground;

const DAY_S: f64 = 86_400.0;

pub fn values(pg: &Playground) -> Vec<(&'static str, f64)> {
    let config = pg.store().config();
    let rf = pg.cluster().rf();
    let counters = pg.store().counters();
    vec![
        ("bucket_days", config.bucket.days() as f64),
        ("grace_days", config.gc_grace_seconds as f64 / DAY_S),
        ("warn", config.warn_threshold as f64),
        ("fail", config.failure_threshold as f64),
        ("rf", rf as f64),
        ("quorum", (rf / 2 + 1) as f64),
        ("nodes", pg.cluster().node_count() as f64),
        ("rows", pg.store().row_count() as f64),
        (
            "tombstones_written",
            (counters.cell_tombstones_written + counters.row_deletes) as f64,
        ),
    ]
}

/// A whole number the page sent, or nothing for NaN, negatives and the huge.
fn whole(value: f64) -> Option<u32> {
    (0.0..=1e6).contains(&value).then(|| value.round() as u32)
}

pub fn set(key: &str, value: f64) -> Option<Action> {
    let n = whole(value)?;
    match key {
        "bucket_days" => Some(Action::SetBucketDays(n)),
        "grace_days" => Some(Action::SetGrace(n.checked_mul(DAY_S as u32)?)),
        "rf" => Some(Action::SetRf(n)),
        "nodes" => Some(Action::SetNodes(n)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(pg: &Playground, key: &str) -> f64 {
        values(pg).into_iter().find(|(k, _)| *k == key).unwrap().1
    }

    #[test]
    fn the_default_table_is_discords() {
        let pg = Playground::new();
        assert_eq!(value(&pg, "bucket_days"), 10.0);
        assert_eq!(value(&pg, "grace_days"), 10.0);
        assert_eq!(value(&pg, "warn"), 1000.0);
        assert_eq!(value(&pg, "fail"), 100_000.0);
        assert_eq!(value(&pg, "quorum"), 2.0);
    }

    #[test]
    fn scrubbed_settings_reach_the_model() {
        let mut pg = Playground::new();
        for (key, v) in [("grace_days", 2.0), ("bucket_days", 5.0), ("rf", 5.0)] {
            pg.apply(&set(key, v).unwrap()).unwrap();
            assert_eq!(value(&pg, key), v, "{key}");
        }
        assert_eq!(value(&pg, "quorum"), 3.0);
        assert_eq!(set("warn", 10.0), None);
        assert_eq!(set("rf", f64::NAN), None);
        assert_eq!(set("rf", -1.0), None);
    }
}
