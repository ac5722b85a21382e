//! Decimal text for floats without the standard float formatter.
//!
//! `{:.2}` or `{}` on an `f64` links std's float printing (Grisu and Dragon,
//! about 5 KB gzip) into the module; every number this panel shows needs at
//! most a handful of decimals, which an integer prints for a few hundred
//! bytes (as `techshack_core::sketch::Tenths` does for SVG coordinates).

use std::fmt;

/// Beyond this, `x * 10^places` no longer fits an `i64`; such numbers are
/// shown in scientific notation.
const SCALED_LIMIT: f64 = 9e18;
/// `Shown` prints plain up to here (so 6 decimals stay under `SCALED_LIMIT`).
const PLAIN_LIMIT: f64 = 1e12;

/// `x` rounded to exactly `places` decimals (at most 12): "0.10", "-3.000".
/// Rounds half away from zero; NaN prints as "NaN".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed(pub f64, pub u8);

/// `x` rounded to at most `places` decimals with trailing zeros dropped:
/// "0.1", "99.95", "2".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trimmed(pub f64, pub u8);

/// Any float as a reader would write it, for messages that echo a typed
/// number back: up to 6 decimals in plain notation, scientific ("1e308")
/// outside 1e-6 ≤ |x| < 1e12.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shown(pub f64);

/// (negative, whole part, fraction digits) of `x` at `places` decimals, or
/// `None` when `x` is too big (or not finite) for integer arithmetic.
fn split(x: f64, places: u8) -> Option<(bool, u64, u64, usize)> {
    let places = places.min(12);
    let scale = 10u64.pow(u32::from(places));
    if !x.is_finite() || x.abs() * scale as f64 >= SCALED_LIMIT {
        return None;
    }
    let t = (x * scale as f64).round() as i64;
    let u = t.unsigned_abs();
    Some((t < 0, u / scale, u % scale, usize::from(places)))
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((neg, whole, frac, places)) = split(self.0, self.1) else {
            return Shown(self.0).fmt(f);
        };
        let sign = if neg { "-" } else { "" };
        if places == 0 {
            return write!(f, "{sign}{whole}");
        }
        write!(f, "{sign}{whole}.{frac:0places$}")
    }
}

impl fmt::Display for Trimmed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((neg, whole, mut frac, mut places)) = split(self.0, self.1) else {
            return Shown(self.0).fmt(f);
        };
        while places > 0 && frac % 10 == 0 {
            frac /= 10;
            places -= 1;
        }
        let sign = if neg && (whole > 0 || frac > 0) {
            "-"
        } else {
            ""
        };
        if places == 0 {
            return write!(f, "{sign}{whole}");
        }
        write!(f, "{sign}{whole}.{frac:0places$}")
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if x.is_nan() {
            return f.write_str("NaN");
        }
        if x.is_infinite() {
            return f.write_str(if x < 0.0 { "-inf" } else { "inf" });
        }
        let a = x.abs();
        if a == 0.0 || (1e-6..PLAIN_LIMIT).contains(&a) {
            return Trimmed(x, 6).fmt(f);
        }
        // Scientific: a mantissa in [1, 10) to 6 decimals and a whole exponent.
        let mut exp = a.log10().floor() as i32;
        let mut mantissa = a / 10f64.powi(exp);
        // log10 can be off by one at the edges.
        if mantissa < 1.0 {
            mantissa *= 10.0;
            exp -= 1;
        }
        // Six decimals of the mantissa as an integer; rounding can reach 10.
        let mut micros = (mantissa * 1e6).round() as u64;
        if micros >= 10_000_000 {
            micros /= 10;
            exp += 1;
        }
        let sign = if x < 0.0 { "-" } else { "" };
        write!(f, "{sign}{}e{exp}", Trimmed(micros as f64 / 1e6, 6))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fixed_prints_exactly_the_places_asked() {
        assert_eq!(Fixed(0.1, 2).to_string(), "0.10");
        assert_eq!(Fixed(99.99512, 4).to_string(), "99.9951");
        assert_eq!(Fixed(-3.0, 3).to_string(), "-3.000");
        assert_eq!(Fixed(2.5, 0).to_string(), "3");
        assert_eq!(Fixed(0.004, 2).to_string(), "0.00");
        assert_eq!(Fixed(f64::NAN, 2).to_string(), "NaN");
    }

    #[test]
    fn trimmed_drops_trailing_zeros() {
        assert_eq!(Trimmed(99.9, 6).to_string(), "99.9");
        assert_eq!(Trimmed(99.95, 6).to_string(), "99.95");
        assert_eq!(Trimmed(100.0, 1).to_string(), "100");
        assert_eq!(Trimmed(0.01, 12).to_string(), "0.01");
        assert_eq!(Trimmed(-0.001, 1).to_string(), "0");
        assert_eq!(Trimmed(8.44, 2).to_string(), "8.44");
    }

    #[test]
    fn shown_echoes_any_number_readably() {
        assert_eq!(Shown(100.5).to_string(), "100.5");
        assert_eq!(Shown(1e308).to_string(), "1e308");
        assert_eq!(Shown(-2.5e-9).to_string(), "-2.5e-9");
        assert_eq!(Shown(0.0).to_string(), "0");
        assert_eq!(Shown(f64::INFINITY).to_string(), "inf");
        assert_eq!(Shown(1.5).to_string(), "1.5");
    }

    proptest! {
        /// Within half a unit of the last place, like `{:.N}` (ties may round
        /// the other way: this rounds half away from zero).
        #[test]
        fn fixed_reads_back_close(x in -1.0e6f64..1.0e6, places in 0u8..7) {
            let back: f64 = Fixed(x, places).to_string().parse().unwrap();
            let half = 0.5 * 10f64.powi(-i32::from(places));
            prop_assert!((back - x).abs() <= half + 1e-6, "{x} at {places} printed as {back}");
        }

        #[test]
        fn shown_reads_back_close(x in proptest::num::f64::NORMAL) {
            let back: f64 = Shown(x).to_string().parse().unwrap();
            // Half a unit of the sixth decimal, but never finer than the
            // float itself: above about 1e9 an f64 holds fewer than 6
            // decimals, and scaling by 1e6 rounds at its last bit.
            let precision = 2.0 * f64::EPSILON * x.abs();
            let tolerance = if (1e-6..1e12).contains(&x.abs()) { 5e-7 + precision } else { x.abs() * 1e-6 };
            prop_assert!((back - x).abs() <= tolerance, "{x} printed as {back}");
        }
    }
}
