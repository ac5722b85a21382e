//! Reading a UTC time a person types (`2016-04-30 11:18:25.796`, or the
//! `2016-04-30T11:18` a datetime input gives) into Unix milliseconds, and
//! printing one to the millisecond. Pure, so tested natively.

use super::super::model::bucket::DAY_MS;

/// Howard Hinnant's civil-to-days algorithm (proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DD[ T]HH:MM[:SS[.mmm]]` (UTC) as Unix milliseconds.
pub fn parse_utc(text: &str) -> Result<u64, String> {
    let bad = || {
        format!(
            "Time: write it as 2016-04-30 11:18:25.796 (UTC), not \"{}\"",
            text.trim()
        )
    };
    let t = text.trim();
    let (date, time) = t.split_once(['T', ' ']).ok_or_else(bad)?;
    let num = |s: &str, len: usize| -> Result<u32, String> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let mut d = date.split('-');
    let (y, mo, day) = match (d.next(), d.next(), d.next(), d.next()) {
        (Some(y), Some(m), Some(dd), None) => (num(y, 4)?, num(m, 2)?, num(dd, 2)?),
        _ => return Err(bad()),
    };
    let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
    let mut h = hms.split(':');
    let (hh, mm, ss) = match (h.next(), h.next(), h.next(), h.next()) {
        (Some(a), Some(b), None, None) => (num(a, 2)?, num(b, 2)?, 0),
        (Some(a), Some(b), Some(c), None) => (num(a, 2)?, num(b, 2)?, num(c, 2)?),
        _ => return Err(bad()),
    };
    let ms = match frac.len() {
        0 => 0,
        1..=3 => num(frac, frac.len())? * 10u32.pow(3 - frac.len() as u32),
        _ => return Err(bad()),
    };
    let y = i64::from(y);
    if !(1..=12).contains(&mo)
        || day == 0
        || day > days_in_month(y, mo)
        || hh > 23
        || mm > 59
        || ss > 59
    {
        return Err(format!("Time: {} is not a real date and time", t));
    }
    let days = days_from_civil(y, mo, day);
    let ms_of_day =
        u64::from(hh) * 3_600_000 + u64::from(mm) * 60_000 + u64::from(ss) * 1000 + u64::from(ms);
    u64::try_from(days)
        .map(|d| d * DAY_MS + ms_of_day)
        .map_err(|_| format!("Time: {t} is before 1970"))
}

/// Unix milliseconds as `2016-04-30 11:18:25.796 UTC`.
pub fn utc_millis(unix_ms: u64) -> String {
    let minutes = super::format::date_time(unix_ms);
    let stem = minutes.trim_end_matches(" UTC");
    format!(
        "{stem}:{:02}.{:03} UTC",
        (unix_ms / 1000) % 60,
        unix_ms % 1000
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_api_docs_example_time() {
        // Discord API docs, "Snowflakes": 175928847299117063 is 2016-04-30 11:18:25.796 UTC.
        assert_eq!(parse_utc("2016-04-30 11:18:25.796"), Ok(1_462_015_105_796));
        assert_eq!(parse_utc("2016-04-30T11:18"), Ok(1_462_015_080_000));
        assert_eq!(utc_millis(1_462_015_105_796), "2016-04-30 11:18:25.796 UTC");
    }

    #[test]
    fn bad_times_say_what_is_wrong() {
        assert!(parse_utc("yesterday")
            .unwrap_err()
            .contains("2016-04-30 11:18:25.796"));
        assert!(parse_utc("2016-02-30 00:00")
            .unwrap_err()
            .contains("not a real date"));
        assert!(parse_utc("2016-04-30 24:00").is_err());
        assert!(parse_utc("2016-04-30 11:18:25.7961").is_err());
        assert!(parse_utc("0000-01-01 00:00")
            .unwrap_err()
            .contains("before 1970"));
    }

    proptest! {
        #[test]
        fn printing_then_parsing_gives_the_same_millisecond(ms in 0u64..4_102_444_800_000) {
            let text = utc_millis(ms);
            prop_assert_eq!(parse_utc(text.trim_end_matches(" UTC")), Ok(ms));
        }
    }
}
