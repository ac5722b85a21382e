//! Snowflake fields and buckets, including the API docs' worked example.

use super::super::bucket::{bucket, make_buckets, BucketSize, BUCKET_SIZE_MS};
use super::super::snowflake::{
    Snowflake, SnowflakeError, SnowflakeParts, DISCORD_EPOCH_MS, MAX_ID,
};
use proptest::prelude::*;

#[test]
fn decodes_the_docs_example() {
    let s = Snowflake::parse("175928847299117063").unwrap();
    assert_eq!(s.unix_ms(), 1_462_015_105_796);
    assert_eq!(s.worker(), 1);
    assert_eq!(s.process(), 0);
    assert_eq!(s.increment(), 7);
    assert_eq!(
        Snowflake::from_parts(s.parts()).unwrap(),
        s,
        "encode(decode(x)) == x"
    );
}

#[test]
fn smallest_id_for_a_time() {
    let t = 1_462_015_105_796;
    let s = Snowflake::smallest_at(t).unwrap();
    assert_eq!(s.0, (t - DISCORD_EPOCH_MS) << 22);
    assert_eq!(s.unix_ms(), t);
    assert_eq!(Snowflake::smallest_at(DISCORD_EPOCH_MS).unwrap().0, 0);
    assert!(Snowflake::largest_at(t).unwrap().0 > s.0);
    assert_eq!(Snowflake::largest_at(t).unwrap().unix_ms(), t);
}

#[test]
fn rejects_bad_ids_with_clear_messages() {
    assert_eq!(Snowflake::parse(""), Err(SnowflakeError::Empty));
    assert_eq!(
        Snowflake::parse("-5"),
        Err(SnowflakeError::Negative("-5".into()))
    );
    assert!(Snowflake::parse("-5")
        .unwrap_err()
        .to_string()
        .contains("never negative"));
    assert!(matches!(
        Snowflake::parse("12a"),
        Err(SnowflakeError::NotANumber(_))
    ));
    assert!(matches!(
        Snowflake::parse("1.5"),
        Err(SnowflakeError::NotANumber(_))
    ));
    assert!(matches!(
        Snowflake::parse("-"),
        Err(SnowflakeError::NotANumber(_))
    ));
    assert!(matches!(
        Snowflake::parse("9223372036854775808"),
        Err(SnowflakeError::TooLarge(_))
    ));
    assert!(matches!(
        Snowflake::parse("99999999999999999999999"),
        Err(SnowflakeError::TooLarge(_))
    ));
    assert_eq!(Snowflake::parse(" 9223372036854775807 ").unwrap().0, MAX_ID);
    assert!(matches!(
        Snowflake::new(u64::MAX),
        Err(SnowflakeError::TooLarge(_))
    ));
    assert!(matches!(
        Snowflake::smallest_at(DISCORD_EPOCH_MS - 1),
        Err(SnowflakeError::BeforeEpoch(_))
    ));
    assert!(matches!(
        Snowflake::smallest_at(u64::MAX),
        Err(SnowflakeError::AfterLastTime(_))
    ));
    let bad = SnowflakeParts {
        unix_ms: DISCORD_EPOCH_MS,
        worker: 32,
        process: 0,
        increment: 0,
    };
    let e = Snowflake::from_parts(bad).unwrap_err();
    assert!(
        e.to_string().contains("worker must be at most 31 (got 32)"),
        "{e}"
    );
    let bad = SnowflakeParts {
        unix_ms: DISCORD_EPOCH_MS,
        worker: 0,
        process: 0,
        increment: 4096,
    };
    assert!(Snowflake::from_parts(bad).is_err());
}

#[test]
fn bucket_uses_integer_division() {
    assert_eq!(BUCKET_SIZE_MS, 864_000_000);
    let just_before = Snowflake::smallest_at(DISCORD_EPOCH_MS + BUCKET_SIZE_MS - 1).unwrap();
    let boundary = Snowflake::smallest_at(DISCORD_EPOCH_MS + BUCKET_SIZE_MS).unwrap();
    assert_eq!(bucket(just_before.0), 0);
    assert_eq!(
        bucket(
            Snowflake::largest_at(DISCORD_EPOCH_MS + BUCKET_SIZE_MS - 1)
                .unwrap()
                .0
        ),
        0
    );
    assert_eq!(bucket(boundary.0), 1);
    // The docs example: (1462015105796 - epoch) / 864000000 = 48.5, so 48.
    assert_eq!(bucket(175928847299117063), 48);
}

#[test]
fn make_buckets_is_inclusive() {
    let a = Snowflake::smallest_at(DISCORD_EPOCH_MS + 5 * BUCKET_SIZE_MS + 7).unwrap();
    let b = Snowflake::smallest_at(DISCORD_EPOCH_MS + 8 * BUCKET_SIZE_MS).unwrap();
    assert_eq!(make_buckets(a, b).collect::<Vec<_>>(), vec![5, 6, 7, 8]);
    assert_eq!(make_buckets(a, a).collect::<Vec<_>>(), vec![5]);
    assert_eq!(make_buckets(b, a).count(), 0);
}

#[test]
fn bucket_size_is_configurable_and_zero_is_an_error() {
    assert!(BucketSize::from_ms(0).is_err());
    assert!(BucketSize::from_days(0)
        .unwrap_err()
        .to_string()
        .contains("at least 1 (got 0)"));
    assert!(BucketSize::from_days(3651).is_err());
    let day = BucketSize::from_days(1).unwrap();
    assert_eq!(day.bucket(175928847299117063), 485);
    let ms = BucketSize::from_ms(1).unwrap();
    assert_eq!(
        ms.bucket(175928847299117063),
        1_462_015_105_796 - DISCORD_EPOCH_MS
    );
    let size = BucketSize::default();
    assert_eq!(
        size.first_id(49),
        Snowflake::smallest_at(DISCORD_EPOCH_MS + 49 * BUCKET_SIZE_MS)
            .unwrap()
            .0
    );
    assert_eq!(size.last_id(49) + 1, size.first_id(50));
    assert_eq!(
        BucketSize::from_ms(1).unwrap().last_id(u64::MAX / 2),
        MAX_ID
    );
}

proptest! {
    #[test]
    fn encode_decode_round_trip(ms in 0u64..(1u64 << 41), w in 0u8..32, p in 0u8..32, i in 0u16..4096) {
        let parts = SnowflakeParts { unix_ms: DISCORD_EPOCH_MS + ms, worker: w, process: p, increment: i };
        let s = Snowflake::from_parts(parts).unwrap();
        prop_assert_eq!(s.parts(), parts);
        prop_assert_eq!(Snowflake::parse(&s.to_string()).unwrap(), s);
        prop_assert!(s.0 <= MAX_ID);
    }

    #[test]
    fn bucket_is_monotone_in_id(a in 0u64..=MAX_ID, b in 0u64..=MAX_ID, days in 1u32..=3650) {
        let size = BucketSize::from_days(days).unwrap();
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(size.bucket(lo) <= size.bucket(hi));
        let k = size.bucket(lo);
        prop_assert!(size.first_id(k) <= lo && lo <= size.last_id(k));
    }
}
