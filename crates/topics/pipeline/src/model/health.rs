//! Seeded health: each target's error rate and p99 latency, minute by minute.
//! The same seed, release, minute and target always give the same sample, no
//! matter what else happened, so replays (and tours) are deterministic.

use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use techshack_core::sketch::Whole;

use super::conditions::{Defect, Outage};
use super::decimal::Trimmed;
use super::random::between;
use super::spec::{EnvironmentKind, HealthChecks};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct HealthSample {
    /// Fraction of failed requests.
    pub error_rate: f64,
    pub p99_ms: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Check {
    ErrorRate,
    P99Latency,
}

impl Check {
    pub fn label(self) -> &'static str {
        match self {
            Check::ErrorRate => "error rate",
            Check::P99Latency => "p99 latency",
        }
    }
}

/// A health check that failed: where, which, and by how much.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trip {
    pub target: usize,
    pub check: Check,
    pub observed: f64,
    pub threshold: f64,
    pub tick: u32,
}

impl Trip {
    /// "error rate 8.4% > 1%" or "p99 latency 612 ms > 400 ms".
    pub fn describe(&self) -> String {
        match self.check {
            Check::ErrorRate => format!(
                "error rate {} > {}",
                percent(self.observed),
                percent(self.threshold)
            ),
            Check::P99Latency => format!(
                "p99 latency {} ms > {} ms",
                Whole(self.observed),
                Whole(self.threshold)
            ),
        }
    }
}

fn percent(fraction: f64) -> String {
    format!("{}%", Trimmed(fraction * 100.0, 2))
}

/// Identifies one sample: the same key always draws the same numbers.
#[derive(Clone, Copy, Debug)]
pub struct SampleKey {
    pub seed: u64,
    pub release: u32,
    pub tick: u32,
    pub target: usize,
}

fn mix(mut z: u64) -> u64 {
    // splitmix64's finaliser: spreads nearby keys far apart.
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The new version's health on one target for one minute.
pub fn sample(
    key: SampleKey,
    env: EnvironmentKind,
    defects: &[Defect],
    outages: &[Outage],
) -> HealthSample {
    let k = mix(key.seed
        ^ mix(u64::from(key.release) << 32 | u64::from(key.tick))
        ^ mix(key.target as u64 + 1));
    let mut rng = ChaCha8Rng::seed_from_u64(k);
    let mut error_rate = between(&mut rng, 0.001, 0.004);
    let mut p99 = between(&mut rng, 120.0, 200.0);
    let jitter = between(&mut rng, 0.8, 1.2);
    for d in defects.iter().filter(|d| d.manifests_on(env)) {
        let (errors, slow) = d.effect();
        error_rate += errors * jitter;
        p99 *= slow;
    }
    for o in outages
        .iter()
        .filter(|o| o.affects(key.target, env, key.tick))
    {
        let (errors, slow) = o.effect();
        error_rate += errors * jitter;
        p99 *= slow;
    }
    HealthSample {
        error_rate: error_rate.min(1.0),
        p99_ms: p99.round().clamp(1.0, f64::from(u32::MAX)) as u32,
    }
}

/// The first threshold the sample breaks, if any (error rate is checked first).
pub fn evaluate(health: Option<HealthChecks>, s: HealthSample) -> Option<(Check, f64, f64)> {
    let h = health?;
    if let Some(max) = h.max_error_rate.filter(|m| s.error_rate > *m) {
        return Some((Check::ErrorRate, s.error_rate, max));
    }
    h.max_p99_latency_ms
        .filter(|m| s.p99_ms > *m)
        .map(|m| (Check::P99Latency, f64::from(s.p99_ms), f64::from(m)))
}
