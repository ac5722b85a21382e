//! Splitting the old predict steps into setups and reveals kept each tour's
//! actions, in order: the lists below are the tours as they were.

use super::super::{Action, Gamma, KernelKind, Preset};
use super::tour_replay::{replay, tours};

/// Each tour's actions before bets split its predict steps into setups and
/// reveals (frozen from the tours as they were), so each tour still ends in
/// the same state.
fn actions_before_bets(id: &str) -> Vec<Action> {
    use Action::*;
    let blobs = LoadPreset {
        preset: Preset::BlobsSeparable,
        seed: 1,
    };
    let xor = LoadPreset {
        preset: Preset::Xor,
        seed: 1,
    };
    match id {
        "svm-margin" => vec![
            blobs,
            SetKernel(KernelKind::Linear),
            SetC(10.0),
            SetC(0.05),
            SetC(1000.0),
            AddPoint {
                x: 0.35,
                y: 0.3,
                label: -1,
            },
            MovePoint {
                index: 2,
                x: -0.4,
                y: -0.3,
            },
            SetC(1.0),
            xor,
        ],
        "svm-kernels" => vec![
            xor,
            SetKernel(KernelKind::Linear),
            SetKernel(KernelKind::Rbf),
            SetGamma(Gamma::Value(0.1)),
            SetGamma(Gamma::Value(1000.0)),
            SetGamma(Gamma::Scale),
            LoadPreset {
                preset: Preset::Circles,
                seed: 1,
            },
            SetKernel(KernelKind::Poly),
            SetDegree(2),
            LoadPreset {
                preset: Preset::ThreeBlobs,
                seed: 1,
            },
            SetKernel(KernelKind::Rbf),
        ],
        "svm-solver" => vec![
            blobs,
            SetKernel(KernelKind::Linear),
            SetC(10.0),
            StepStart,
            Step(1),
            Step(2),
            StepFinish,
            LoadPreset {
                preset: Preset::Moons,
                seed: 1,
            },
            SetC(100_000.0),
            SetC(1.0),
            MovePoint {
                index: 0,
                x: 0.1,
                y: 0.0,
            },
        ],
        other => panic!("no frozen actions for tour {other}"),
    }
}

#[test]
fn bets_keep_each_tours_actions_in_order() {
    let all = tours();
    assert_eq!(all.len(), 3);
    for tour in all {
        let now: Vec<Action> = tour
            .steps
            .iter()
            .flat_map(|s| s.all_actions().cloned())
            .collect();
        assert_eq!(now, actions_before_bets(&tour.id), "{}", tour.id);
        assert_eq!(
            replay(&tour.actions_revealed(usize::MAX)),
            replay(&actions_before_bets(&tour.id)),
            "{}: same end state",
            tour.id
        );
    }
}
