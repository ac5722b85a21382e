//! Numbers, sizes, durations and dates as the panel prints them. Pure, so
//! they are tested natively.

use super::super::model::bucket::DAY_MS;

/// `1000000` → `1 000 000` (spaces group digits in every locale).
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Bytes as KB or MB with two significant decimals.
pub fn bytes(b: u64) -> String {
    if b < 1024 {
        format!("{b} B")
    } else if b < 1024 * 1024 {
        format!("{:.1} KB", b as f64 / 1024.0)
    } else {
        format!("{:.2} MB", b as f64 / 1_048_576.0)
    }
}

/// A duration in seconds, in its largest sensible unit: `3 d`, `5 h`, `40 s`.
pub fn duration(seconds: u64) -> String {
    let s = seconds;
    if s >= 86_400 {
        let d = s as f64 / 86_400.0;
        if s.is_multiple_of(86_400) || d >= 10.0 {
            format!("{} d", (d).floor() as u64)
        } else {
            format!("{d:.1} d")
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

/// A percentage that stays readable when tiny: `0.77%`, `<0.01%`, `12%`.
pub fn percent(p: f64) -> String {
    if p <= 0.0 {
        "0%".into()
    } else if p < 0.01 {
        "<0.01%".into()
    } else if p < 10.0 {
        format!("{p:.2}%")
    } else {
        format!("{p:.0}%")
    }
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
        assert_eq!(percent(0.004), "<0.01%");
        assert_eq!(percent(0.77), "0.77%");
        assert_eq!(percent(55.2), "55%");
    }
}
