//! The few draws the model needs, straight from a seeded ChaCha8 stream. Using
//! `rand_core` alone keeps `rand` (and its OS entropy source) out of the build.

use rand_chacha::rand_core::RngCore;

/// Uniform in [0, 1), from the top 53 bits.
pub fn unit(rng: &mut impl RngCore) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// Uniform in [lo, hi).
pub fn between(rng: &mut impl RngCore, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * unit(rng)
}

/// Uniform in 0..n (multiply-shift; the bias is below 2^-40 for our sizes).
pub fn below(rng: &mut impl RngCore, n: usize) -> usize {
    ((u128::from(rng.next_u64()) * n as u128) >> 64) as usize
}
