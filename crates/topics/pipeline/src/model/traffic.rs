//! Who a target serves. Canary and production hosts serve real users; dev,
//! staging and other targets only see synthetic traffic, so a bad build there
//! reaches nobody.

use super::pipeline::Pipeline;
use super::spec::EnvironmentKind;

/// Each canary target serves this slice of users (capped at half of all users
/// in total); production targets split the rest evenly.
pub const CANARY_USER_SHARE: f64 = 0.10;

/// The fraction of all users each target serves; sums to 1 when any target is
/// user-facing, else all zero.
pub fn user_shares(pipeline: &Pipeline) -> Vec<f64> {
    let kinds: Vec<EnvironmentKind> = pipeline.targets().iter().map(|t| t.environment).collect();
    let canaries = kinds
        .iter()
        .filter(|k| **k == EnvironmentKind::Canary)
        .count();
    let prods = kinds
        .iter()
        .filter(|k| **k == EnvironmentKind::Production)
        .count();
    let (canary_each, prod_each) = match (canaries, prods) {
        (0, 0) => (0.0, 0.0),
        (c, 0) => (1.0 / c as f64, 0.0),
        (0, p) => (0.0, 1.0 / p as f64),
        (c, p) => {
            let canary_total = (c as f64 * CANARY_USER_SHARE).min(0.5);
            (canary_total / c as f64, (1.0 - canary_total) / p as f64)
        }
    };
    kinds
        .iter()
        .map(|k| match k {
            EnvironmentKind::Canary => canary_each,
            EnvironmentKind::Production => prod_each,
            _ => 0.0,
        })
        .collect()
}
