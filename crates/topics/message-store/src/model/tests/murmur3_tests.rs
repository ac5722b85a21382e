//! Murmur3 against token values published with the DataStax drivers' test
//! suites (which were checked against Cassandra's own `token()`).

use super::super::murmur3::{bigint_token, partition_key_bytes, partition_token, token};

#[test]
fn matches_driver_test_vectors() {
    let cases: Vec<(Vec<u8>, i64)> = vec![
        (b"123".to_vec(), -7468325962851647638),
        (b"\x00\xff\x10\xfa\x99".repeat(10), 5837342703291459765),
        (vec![0xfe; 8], -8927430733708461935),
        (vec![0x10; 8], 1446172840243228796),
        (b"9223372036854775807".to_vec(), 7162290910810015547),
        ((1u8..=16).collect(), -5563837382979743776),
        ((2u8..=17).collect(), -1513403162740402161),
        ((3u8..=18).collect(), -495360443712684655),
        ((4u8..=19).collect(), 1734091135765407943),
        ((5u8..=20).collect(), -3199412112042527988),
        ((6u8..=21).collect(), -6316563938475080831),
        ((7u8..=22).collect(), 8228893370679682632),
        (vec![0x00; 16], 5457549051747178710),
        (vec![0xff; 16], -2824192546314762522),
        (vec![0xfe; 16], -833317529301936754),
        (
            [vec![0, 1, 2, 3], vec![0xff; 12]].concat(),
            6463632673159404390,
        ),
        (vec![0xfe; 17], -1672437813826982685),
        (vec![0xfe; 4], 4566408979886474012),
        (vec![0x00; 4], -3485513579396041028),
        (vec![0x00, 0x01, 0x7f, 0x7f], 6573459401642635627),
        (vec![0x00, 0xff, 0xff, 0xff], 123573637386978882),
        (vec![0xff, 0x01, 0x02, 0x03], -2839127690952877842),
        (vec![0xe2, 0xe7], -8582699461035929883),
        (
            vec![0xe2, 0xe7, 0xe2, 0xe7, 0xe2, 0xe7, 0x01],
            2222373981930033306,
        ),
    ];
    for (key, want) in cases {
        assert_eq!(token(&key), want, "key {key:02x?}");
    }
}

#[test]
fn composite_partition_key_layout() {
    let k = partition_key_bytes(0x0102030405060708, 0x0A0B0C0D);
    assert_eq!(
        k,
        [0, 8, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 4, 0x0A, 0x0B, 0x0C, 0x0D, 0]
    );
    assert_eq!(partition_token(0x0102030405060708, 0x0A0B0C0D), token(&k));
}

#[test]
fn bigint_key_is_eight_big_endian_bytes() {
    assert_eq!(
        bigint_token(0x3132330000000000),
        token(&[0x31, 0x32, 0x33, 0, 0, 0, 0, 0])
    );
}

#[test]
fn tokens_spread_over_the_ring() {
    let mut neg = 0;
    for c in 0..1000u64 {
        if partition_token(175928847299117063 + c, 100) < 0 {
            neg += 1;
        }
    }
    assert!((400..600).contains(&neg), "{neg}");
}
