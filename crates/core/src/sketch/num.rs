//! SVG numbers without the float formatter. `{:.1}` on an `f64` links the
//! standard library's float printing (Grisu and Dragon, about 5 KB gzip in
//! every module that draws); drawing coordinates only ever need tenths, and
//! an integer prints them for a few hundred bytes.

use std::fmt;

/// `n` with its digits in groups of three: `grouped(1234567, ' ')` is
/// "1 234 567".
pub fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `x` rounded to one decimal place ("12.3", "-0.5", "7.0"); NaN prints as 0.0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tenths(pub f64);

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `as` saturates and maps NaN to 0, so no input can panic here.
        let t = (self.0 * 10.0).round() as i64;
        let sign = if t < 0 { "-" } else { "" };
        let t = t.unsigned_abs();
        write!(f, "{sign}{}.{}", t / 10, t % 10)
    }
}

/// `x` rounded to a whole number ("640").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Whole(pub f64);

impl fmt::Display for Whole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.round() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn groups_digits_in_threes() {
        assert_eq!(grouped(0, ' '), "0");
        assert_eq!(grouped(999, ' '), "999");
        assert_eq!(grouped(1_000, ','), "1,000");
        assert_eq!(grouped(120_000, ' '), "120 000");
        assert_eq!(grouped(1_234_567, ' '), "1 234 567");
        assert_eq!(grouped(u64::MAX, ','), "18,446,744,073,709,551,615");
    }

    #[test]
    fn prints_tenths_and_wholes() {
        assert_eq!(Tenths(12.34).to_string(), "12.3");
        assert_eq!(Tenths(-0.46).to_string(), "-0.5");
        assert_eq!(Tenths(-0.04).to_string(), "0.0");
        assert_eq!(Tenths(7.0).to_string(), "7.0");
        assert_eq!(Tenths(f64::NAN).to_string(), "0.0");
        assert_eq!(Whole(639.6).to_string(), "640");
        assert_eq!(Whole(-2.4).to_string(), "-2");
    }

    proptest! {
        /// Within a twentieth of the value, as `{:.1}` is (the two may round a
        /// tie differently: this one rounds half away from zero).
        #[test]
        fn tenths_read_back_close(x in -1.0e6f64..1.0e6) {
            let back: f64 = Tenths(x).to_string().parse().unwrap();
            prop_assert!((back - x).abs() <= 0.05 + 1e-9, "{x} printed as {back}");
        }
    }
}
