//! Restoring a link does bounded work (issue 15): the costliest link trains
//! at most `RESTORE_BUDGET` before it returns, and the rest runs in chunks
//! that end with the same model a full training gives.

use super::super::kernel::{Gamma, KernelKind};
use super::super::restore::RESTORE_BUDGET;
use super::super::train::{train, TrainParams};
use super::super::{Action, Playground, Snapshot, Status};
use proptest::prelude::*;

/// 2 700 points (about as many as a link's 64 KB hold) in 10 interleaved
/// classes at C = 10⁶ with a linear kernel: the slowest link we know of.
fn costliest() -> Snapshot {
    let points = (0..2700)
        .map(|i| {
            let t = f64::from(i) * 0.618_033_988_7;
            (round(t.sin() * 3.0), round((t * 1.3).cos() * 3.0), i % 10)
        })
        .collect();
    Snapshot {
        preset: None,
        seed: None,
        points,
        kernel: KernelKind::Linear,
        c: 1e6,
        gamma: Gamma::Scale,
        degree: 3,
        coef0: 0.0,
    }
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

#[test]
fn the_costliest_link_hands_its_training_to_chunks() {
    let pg = Playground::from_snapshot(costliest()).unwrap();
    let session = pg.stepping().expect("a run in chunks");
    assert!(session.is_in_chunks());
    let (iterations, _) = session.progress();
    assert!(iterations <= RESTORE_BUDGET / 2700, "{iterations}");
    assert!(matches!(pg.status(), Status::Stepping { .. }));
    assert_eq!(pg.points().len(), 2700);
}

#[test]
fn a_small_link_is_trained_before_it_returns() {
    let mut pg = Playground::default();
    pg.apply(&Action::SetC(3.0)).unwrap();
    let restored = Playground::from_snapshot(pg.snapshot()).unwrap();
    assert!(restored.stepping().is_none());
    let params = TrainParams {
        c: 3.0,
        kernel: pg.kernel(),
        ..TrainParams::default()
    };
    let cold = train(pg.points(), &params, &[]).unwrap();
    assert_eq!(restored.fit(), Some(&cold));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]
    /// Chunks of any size reach the model one full training gives.
    #[test]
    fn chunks_end_with_the_full_model(n in 150usize..400, chunk in 20u32..5000, c_exp in 0i32..6) {
        let mut snap = costliest();
        snap.points.truncate(n);
        for p in &mut snap.points {
            p.2 %= 3;
        }
        snap.c = 10f64.powi(c_exp);
        let mut pg = Playground::from_snapshot(snap.clone()).unwrap();
        while pg.stepping().is_some_and(|s| !s.is_finished()) {
            pg.apply(&Action::Step(chunk)).unwrap();
        }
        if pg.stepping().is_some() {
            pg.apply(&Action::StepFinish).unwrap();
        }
        let fresh = Playground::from_snapshot(snap).unwrap();
        prop_assert_eq!(fresh.points(), pg.points());
        let params = TrainParams { c: pg.c(), kernel: pg.kernel(), ..TrainParams::default() };
        let full = train(pg.points(), &params, &[]).unwrap();
        prop_assert_eq!(pg.fit(), Some(&full));
    }
}

/// The e2e tests open this link (tests/e2e/fixtures); regenerate it with
/// `UPDATE_FIXTURES=1 cargo test -p topic-svm slowest_link`.
#[test]
fn the_slowest_link_fixture_is_current() {
    use techshack_core::PlaygroundTopic;
    let version = <super::super::Playground as PlaygroundTopic>::STATE_VERSION;
    let text = techshack_core::state::encode(version, &costliest());
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/e2e/fixtures/svm-slowest-link.txt"
    );
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    assert!(text.len() <= techshack_core::state::url_codec::MAX_ENCODED_LEN);
    let stored = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        stored == text,
        "{path} is stale: rerun with UPDATE_FIXTURES=1"
    );
}
