//! NAT cost rules (Amazon VPC pricing, NAT gateway, us-east-1: $0.045 per
//! hour and per GB processed; cross-AZ transfer $0.01 per GB each way).

use proptest::prelude::*;

use super::super::*;

#[test]
fn one_shared_nat_costs_one_gateways_hours_plus_crossing() {
    // 3 AZs, 100 GB each: 730 h x $0.045 = $32.85; 300 GB x $0.045 = $13.50;
    // 2 AZs x 100 GB x $0.02 = $4.00.
    let c = shared_nat(3, 100, US_EAST_1);
    assert_eq!(c.nat_gateways, 1);
    assert_eq!(dollars(c.hourly), "$32.85");
    assert_eq!(dollars(c.processing), "$13.50");
    assert_eq!(dollars(c.cross_az), "$4.00");
    assert_eq!(dollars(c.total()), "$50.35");
}

#[test]
fn a_nat_per_az_pays_more_hours_and_no_crossing() {
    let c = nat_per_az(3, 100, US_EAST_1);
    assert_eq!(c.nat_gateways, 3);
    assert_eq!(dollars(c.hourly), "$98.55");
    assert_eq!(dollars(c.processing), "$13.50");
    assert_eq!(c.cross_az, 0);
    assert_eq!(dollars(c.total()), "$112.05");
}

#[test]
fn the_break_even_is_where_crossing_costs_the_extra_hours() {
    // Extra gateway-hours per AZ: $32.85; crossing $0.02/GB: 1642.5 -> 1643 GB.
    assert_eq!(break_even_gb(3, US_EAST_1), Some(1643));
    assert_eq!(break_even_gb(1, US_EAST_1), None);
    let at = 1643;
    assert!(shared_nat(3, at, US_EAST_1).total() >= nat_per_az(3, at, US_EAST_1).total());
    assert!(shared_nat(3, at - 1, US_EAST_1).total() < nat_per_az(3, at - 1, US_EAST_1).total());
}

#[test]
fn prices_are_read_as_dollars_and_bad_text_is_refused_with_a_reason() {
    assert_eq!(parse_price("0.045"), Ok(45_000));
    assert_eq!(parse_price(" $1.5 "), Ok(1_500_000));
    assert_eq!(parse_price(".01"), Ok(10_000));
    assert_eq!(parse_price("12"), Ok(12_000_000));
    for bad in [
        "",
        "$",
        ".",
        "abc",
        "-1",
        "0.0000001",
        "1e3",
        "1001",
        "99999999999",
        "1.2.3",
    ] {
        let e = parse_price(bad).unwrap_err();
        assert!(e.contains("is not a price"), "{bad}: {e}");
    }
    assert_eq!(parse_gb("250"), Ok(250));
    assert!(parse_gb("-3").unwrap_err().contains("whole GB a month"));
    assert!(parse_gb("10000001").is_err());
}

#[test]
fn dollars_round_to_cents_and_group_thousands() {
    assert_eq!(dollars(0), "$0.00");
    assert_eq!(dollars(4_999), "$0.00");
    assert_eq!(dollars(5_000), "$0.01");
    assert_eq!(dollars(1_234_567_890), "$1,234.57");
    assert_eq!(dollars(u64::MAX), "$18,446,744,073,709.55");
}

proptest! {
    #[test]
    fn costs_never_overflow_and_processing_is_the_same_in_both(azs in 0u64..7, gb in 0..=MAX_GB_PER_AZ,
            h in 0u64..1_000_000_000, g in 0u64..1_000_000_000, x in 0u64..1_000_000_000) {
        let p = NatPrices { per_hour: h, per_gb: g, cross_az_per_gb: x };
        let (s, e) = (shared_nat(azs, gb, p), nat_per_az(azs, gb, p));
        prop_assert_eq!(s.processing, e.processing);
        prop_assert!(s.total() >= s.hourly && e.total() >= e.hourly);
        if azs >= 1 { prop_assert!(s.hourly <= e.hourly); }
    }
}
