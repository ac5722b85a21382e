//! Warm starts: reuse the previous α after a small edit. The old α may no longer
//! be feasible (C shrank, a support vector was removed), so it is repaired:
//! clipped to [0, C], then yᵀα = 0 is restored by moving as few variables as
//! possible, free ones first so bounded ones stay bounded.

use serde::{Deserialize, Serialize};

/// One binary problem's α, indexed by point (0 for points outside the pair).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairAlpha {
    /// The pair's labels, smaller first.
    pub labels: (i32, i32),
    pub alpha: Vec<f64>,
}

/// Makes `alpha` feasible for labels `y` (±1) and box [0, c].
pub fn repair(alpha: &mut [f64], y: &[f64], c: f64) {
    for a in alpha.iter_mut() {
        *a = if a.is_finite() { a.clamp(0.0, c) } else { 0.0 };
    }
    let excess: f64 = alpha.iter().zip(y).map(|(a, y)| a * y).sum();
    if excess == 0.0 {
        return;
    }
    // Move y_i α_i down by `excess` (or up when negative): lower α of the class
    // with too much weight, or raise α of the other class.
    let mut remaining = excess.abs();
    let heavy = excess.signum();
    for pass_free_only in [true, false] {
        for (a, &yi) in alpha.iter_mut().zip(y) {
            if remaining <= 0.0 {
                return;
            }
            let free = *a > 0.0 && *a < c;
            if pass_free_only && !free {
                continue;
            }
            let room = if yi == heavy { *a } else { c - *a };
            let step = room.min(remaining);
            if step <= 0.0 {
                continue;
            }
            // Land exactly on a bound when the whole room is used: a + (c − a)
            // can round past c.
            *a = match (yi == heavy, step >= room) {
                (true, true) => 0.0,
                (true, false) => *a - step,
                (false, true) => c,
                (false, false) => (*a + step).min(c),
            };
            remaining -= step;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn balance(alpha: &[f64], y: &[f64]) -> f64 {
        alpha.iter().zip(y).map(|(a, y)| a * y).sum()
    }

    #[test]
    fn free_variables_absorb_the_imbalance_first() {
        let y = [1.0, 1.0, -1.0, -1.0];
        // point 1 was removed in spirit: positives now sum 1.0, negatives 1.5
        let mut a = [1.0, 0.0, 1.0, 0.5];
        repair(&mut a, &y, 1.0);
        assert_eq!(a, [1.0, 0.0, 1.0, 0.0]);
    }

    #[test]
    fn clipping_to_a_smaller_c() {
        let y = [1.0, -1.0, -1.0];
        let mut a = [2.0, 1.5, 0.5];
        repair(&mut a, &y, 1.0);
        assert!(a.iter().all(|&v| (0.0..=1.0).contains(&v)));
        assert!(balance(&a, &y).abs() < 1e-12);
    }

    proptest! {
        #[test]
        fn repair_always_yields_a_feasible_point(
            raw in proptest::collection::vec((-2.0f64..3.0, any::<bool>()), 2..30),
            c in 0.1f64..2.0,
        ) {
            let y: Vec<f64> = raw.iter().map(|&(_, p)| if p { 1.0 } else { -1.0 }).collect();
            let mut a: Vec<f64> = raw.iter().map(|&(v, _)| v).collect();
            repair(&mut a, &y, c);
            prop_assert!(a.iter().all(|&v| v >= 0.0 && v <= c));
            prop_assert!(balance(&a, &y).abs() < 1e-9);
        }
    }
}
