//! Numbers, sizes, durations and dates as the panel prints them. Pure, so
//! they are tested natively.
//!
//! No `{:.1}` on an `f64` here or in the views: it links std's float printing
//! (Grisu and Dragon, about 5 KB gzip) into the topic's module. Decimals come
//! from integers instead: [`ratio`] for a quotient of two integers (exact),
//! [`fixed`] for a float (and `techshack_core::sketch::{Tenths, Whole}`).

use super::super::model::bucket::DAY_MS;

/// `1000000` → `1 000 000` (spaces group digits in every locale).
pub fn count(n: u64) -> String {
    techshack_core::sketch::grouped(n, ' ')
}

/// Bytes as KB or MB with two significant decimals.
pub fn bytes(b: u64) -> String {
    if b < 1024 {
        format!("{b} B")
    } else if b < 1024 * 1024 {
        format!("{} KB", ratio(b, 1024, 1))
    } else {
        format!("{} MB", ratio(b, 1_048_576, 2))
    }
}

/// A duration in seconds, in its largest sensible unit: `3 d`, `5 h`, `40 s`.
pub fn duration(seconds: u64) -> String {
    let s = seconds;
    if s >= 86_400 {
        if s.is_multiple_of(86_400) || s >= 864_000 {
            format!("{} d", s / 86_400)
        } else {
            format!("{} d", ratio(s, 86_400, 1))
        }
    } else if s >= 3_600 {
        format!("{} h", s / 3_600)
    } else if s >= 60 {
        format!("{} min", s / 60)
    } else {
        format!("{s} s")
    }
}

/// Unix milliseconds as `2017-01-17 00:00 UTC`.
pub fn date_time(unix_ms: u64) -> String {
    let days = (unix_ms / DAY_MS) as i64;
    let (y, m, d) = civil_from_days(days);
    let in_day = (unix_ms % DAY_MS) / 1000;
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        in_day / 3600,
        (in_day / 60) % 60
    )
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `part` as a percentage of `whole` that stays readable when tiny: `0.77%`,
/// `<0.01%`, `12%`.
pub fn percent(part: u64, whole: u64) -> String {
    let whole = whole.max(1);
    let p = part.saturating_mul(100);
    if part == 0 {
        "0%".into()
    } else if part.saturating_mul(10_000) < whole {
        "<0.01%".into()
    } else if part.saturating_mul(10) < whole {
        format!("{}%", ratio(p, whole, 2))
    } else {
        format!("{}%", ratio(p, whole, 0))
    }
}

/// `n / d` at exactly `places` decimals (at most 9), by integer arithmetic:
/// `ratio(1_280, 1_024, 1)` is `1.2`. A tie rounds to even, as `{:.1}` does
/// for a quotient it holds exactly (any `d` a power of two), so sizes print
/// as they did through the float formatter. `d` of 0 counts as 1.
pub fn ratio(n: u64, d: u64, places: u32) -> String {
    let d = d.max(1);
    let scale = 10u64.pow(places.min(9));
    // `n % d * scale` stays in range for any `d` below 1.8e10.
    let frac = (n % d).saturating_mul(scale);
    let mut units = (n / d).saturating_mul(scale).saturating_add(frac / d);
    let rest = frac % d;
    if rest > d - rest || (rest == d - rest && units % 2 == 1) {
        units += 1;
    }
    decimal(false, units, places)
}

/// `x` at exactly `places` decimals (at most 9), rounded half away from
/// zero: `fixed(12.345_6, 2)` is `12.35`. NaN prints as 0; beyond ±9e18
/// units the value saturates.
pub fn fixed(x: f64, places: u32) -> String {
    let scale = 10u64.pow(places.min(9));
    // `as` saturates and maps NaN to 0, so no input can panic here.
    let units = (x * scale as f64).round() as i64;
    decimal(units < 0, units.unsigned_abs(), places)
}

/// A whole number of `10^-places` units as a decimal: `decimal(true, 1_234, 2)`
/// is `-12.34`.
fn decimal(negative: bool, units: u64, places: u32) -> String {
    let sign = if negative { "-" } else { "" };
    let places = places.min(9);
    if places == 0 {
        return format!("{sign}{units}");
    }
    let scale = 10u64.pow(places);
    let width = places as usize;
    format!("{sign}{}.{:0width$}", units / scale, units % scale)
}

/// `n` in `unit`s with one truncated decimal, by integer arithmetic (no
/// float formatter): `tenths(1_234, 1_000)` is `1.2`.
fn tenths(n: u64, unit: u64) -> String {
    format!("{}.{}", n / unit, (n % unit) * 10 / unit)
}

/// Microseconds as `12 µs`, `3.4 ms` or `20.0 s`.
pub fn micros(us: u64) -> String {
    if us < 1_000 {
        format!("{us} µs")
    } else if us < 1_000_000 {
        format!("{} ms", tenths(us, 1_000))
    } else {
        format!("{} s", tenths(us, 1_000_000))
    }
}

/// Bytes in decimal units, as heap sizes are given: `500 B`, `1.5 MB`, `1.0 GB`.
pub fn heap(b: u64) -> String {
    match b {
        0..=999 => format!("{b} B"),
        1_000..=999_999 => format!("{} KB", tenths(b, 1_000)),
        1_000_000..=999_999_999 => format!("{} MB", tenths(b, 1_000_000)),
        _ => format!("{} GB", tenths(b, 1_000_000_000)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn costs_print_in_their_unit() {
        assert_eq!(micros(12), "12 µs");
        assert_eq!(micros(3_456), "3.4 ms");
        assert_eq!(micros(20_000_001), "20.0 s");
        assert_eq!(heap(500), "500 B");
        assert_eq!(heap(50_000_500), "50.0 MB");
        assert_eq!(heap(1_000_000_000), "1.0 GB");
    }

    #[test]
    fn counts_group_digits_by_three() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(412_000), "412 000");
        assert_eq!(count(1_000_000), "1 000 000");
    }

    #[test]
    fn durations_pick_a_unit() {
        assert_eq!(duration(864_000), "10 d");
        assert_eq!(duration(172_800), "2 d");
        assert_eq!(duration(3 * 86_400 + 3600 * 5), "3.2 d");
        assert_eq!(duration(7200), "2 h");
        assert_eq!(duration(59), "59 s");
    }

    #[test]
    fn dates_are_utc_calendar_dates() {
        assert_eq!(date_time(1_484_611_200_000), "2017-01-17 00:00 UTC");
        assert_eq!(date_time(1_420_070_400_000), "2015-01-01 00:00 UTC");
        assert_eq!(
            date_time(951_782_400_000 + 3_723_000),
            "2000-02-29 01:02 UTC"
        );
    }

    #[test]
    fn sizes_and_percentages_read_well() {
        assert_eq!(bytes(512), "512 B");
        assert_eq!(bytes(807_000), "788.1 KB");
        assert_eq!(bytes(104_857_600), "100.00 MB");
        assert_eq!(
            bytes(1_280),
            "1.2 KB",
            "a tie rounds to even, as {{:.1}} did"
        );
        assert_eq!(bytes(1_331), "1.3 KB");
        assert_eq!(bytes(1_048_575), "1024.0 KB");
        assert_eq!(percent(0, 100), "0%");
        assert_eq!(percent(4, 100_000), "<0.01%");
        assert_eq!(percent(77, 10_000), "0.77%");
        assert_eq!(percent(552, 1_000), "55%");
        assert_eq!(percent(9_999, 100_000), "10.00%");
        assert_eq!(percent(807_000, 104_857_600), "0.77%");
    }

    #[test]
    fn decimals_come_from_integers() {
        assert_eq!(ratio(7, 2, 0), "4");
        assert_eq!(ratio(5, 2, 0), "2", "half to even");
        assert_eq!(ratio(1, 3, 3), "0.333");
        assert_eq!(ratio(2, 3, 2), "0.67");
        assert_eq!(ratio(999, 1_000, 2), "1.00");
        assert_eq!(ratio(5, 0, 1), "5.0");
        assert_eq!(fixed(12.345_6, 2), "12.35");
        assert_eq!(fixed(-0.005, 1), "0.0");
        assert_eq!(fixed(-2.5, 0), "-3");
        assert_eq!(fixed(0.1, 3), "0.100");
        assert_eq!(fixed(f64::NAN, 2), "0.00");
    }

    proptest! {
        /// Within half a unit of the last place of the exact quotient.
        #[test]
        fn ratio_reads_back_close(n in 0u64..1 << 40, d in 1u64..1 << 30, places in 0u32..7) {
            let back: f64 = ratio(n, d, places).parse().unwrap();
            let exact = n as f64 / d as f64;
            let half = 0.5 * 10f64.powi(-(places as i32));
            prop_assert!((back - exact).abs() <= half * (1.0 + 1e-9) + exact * 1e-15,
                "{n}/{d} at {places} printed as {back}");
        }

        /// Where the float formatter holds the quotient exactly (a power of
        /// two below), the text is the same to the letter, ties included.
        #[test]
        fn ratio_matches_the_float_formatter_on_binary_fractions(n in 0u64..1 << 40, shift in 0u32..24, places in 0u32..4) {
            let d = 1u64 << shift;
            let want = format!("{:.*}", places as usize, n as f64 / d as f64);
            prop_assert_eq!(ratio(n, d, places), want);
        }

        /// Within half a unit of the last place of `x`.
        #[test]
        fn fixed_reads_back_close(x in -1.0e6f64..1.0e6, places in 0u32..7) {
            let back: f64 = fixed(x, places).parse().unwrap();
            let half = 0.5 * 10f64.powi(-(places as i32));
            prop_assert!((back - x).abs() <= half + 1e-6, "{x} at {places} printed as {back}");
        }
    }
}
