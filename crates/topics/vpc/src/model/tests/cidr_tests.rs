use proptest::prelude::*;

use super::super::*;
use super::support::{cidr, ip};

#[test]
fn parsing_rounds_to_the_network_address_and_says_so() {
    let p = parse_cidr("VPC CIDR", "10.0.1.5/16").unwrap();
    assert_eq!(p.net, cidr("10.0.0.0/16"));
    assert!(p.rounded);
    let q = parse_cidr("VPC CIDR", " 10.0.0.0/16 ").unwrap();
    assert!(!q.rounded);
}

#[test]
fn bad_cidr_text_is_a_typed_error_naming_the_field() {
    for bad in [
        "",
        "10.0.0.0",
        "10.0.0.0/33",
        "300.0.0.0/16",
        "fe80::/64",
        &"1".repeat(500),
    ] {
        let e = parse_cidr("subnet CIDR", bad).unwrap_err();
        assert!(matches!(e, VpcError::CidrSyntax { .. }), "{bad}");
        assert!(e.to_string().starts_with("subnet CIDR:"));
    }
    assert!(matches!(
        parse_ip("private IP", "10.0.0.256"),
        Err(VpcError::IpSyntax { .. })
    ));
}

#[test]
fn block_sizes_are_16_to_28() {
    assert!(check_block_size("f", cidr("10.0.0.0/16")).is_ok());
    assert!(check_block_size("f", cidr("10.0.0.0/28")).is_ok());
    let e = check_block_size("VPC CIDR", cidr("10.0.0.0/15")).unwrap_err();
    assert!(e.to_string().contains("/16 to /28"), "{e}");
    assert!(check_block_size("f", cidr("10.0.0.0/29")).is_err());
}

#[test]
fn usable_counts_subtract_five() {
    assert_eq!(usable_addresses(cidr("10.0.1.0/24")), 251);
    assert_eq!(usable_addresses(cidr("10.0.1.0/28")), 11);
    assert_eq!(usable_addresses(cidr("10.0.0.0/16")), 65531);
}

#[test]
fn five_reserved_addresses_with_roles() {
    let net = cidr("10.0.1.0/24");
    let r = reserved_addresses(net);
    assert_eq!(r[0], (ip("10.0.1.0"), ReservedRole::Network));
    assert_eq!(r[1], (ip("10.0.1.1"), ReservedRole::VpcRouter));
    assert_eq!(r[2], (ip("10.0.1.2"), ReservedRole::Dns));
    assert_eq!(r[3], (ip("10.0.1.3"), ReservedRole::FutureUse));
    assert_eq!(r[4], (ip("10.0.1.255"), ReservedRole::Broadcast));
    assert_eq!(reserved_role(net, ip("10.0.1.4")), None);
    assert_eq!(reserved_role(net, ip("10.0.2.1")), None);
}

#[test]
fn explorer_shows_bits_reserved_and_halves() {
    let x = explain(cidr("10.0.1.0/24"));
    assert_eq!(x.bits, "00001010.00000000.00000001.00000000");
    assert_eq!((x.network_bits, x.host_bits), (24, 8));
    assert_eq!(x.usable, 251);
    assert_eq!(x.first_usable, Some(ip("10.0.1.4")));
    assert_eq!(x.last_usable, Some(ip("10.0.1.254")));
    assert_eq!(x.reserved.len(), 5);
    assert_eq!(x.reserved[1].role, ReservedRole::VpcRouter);
    assert_eq!(x.halves, Some((cidr("10.0.1.0/25"), cidr("10.0.1.128/25"))));
    assert!(x.halves_fit_aws);
    let small = explain(cidr("10.0.1.16/28"));
    assert_eq!(small.usable, 11);
    assert_eq!(small.halves.map(|h| h.0), Some(cidr("10.0.1.16/29")));
    assert!(!small.halves_fit_aws);
}

fn reference_mask(p: u8) -> u32 {
    if p == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(p))
    }
}

fn any_net() -> impl Strategy<Value = ipnet::Ipv4Net> {
    (any::<u32>(), 0u8..=32).prop_map(|(a, p)| ipnet::Ipv4Net::new(a.into(), p).unwrap().trunc())
}

proptest! {
    #[test]
    fn containment_and_overlap_agree_with_bitmasks(a in any_net(), b in any_net(), x in any::<u32>()) {
        let (na, ma) = (u32::from(a.network()), reference_mask(a.prefix_len()));
        let (nb, mb) = (u32::from(b.network()), reference_mask(b.prefix_len()));
        prop_assert_eq!(a.contains(&std::net::Ipv4Addr::from(x)), x & ma == na);
        let ref_contains = a.prefix_len() <= b.prefix_len() && nb & ma == na;
        prop_assert_eq!(a.contains(&b), ref_contains);
        let common = ma & mb;
        prop_assert_eq!(overlaps(a, b), na & common == nb & common);
    }

    #[test]
    fn rounding_clears_host_bits(a in any::<u32>(), p in 0u8..=32) {
        let text = format!("{}/{p}", std::net::Ipv4Addr::from(a));
        let parsed = parse_cidr("f", &text).unwrap();
        prop_assert_eq!(u32::from(parsed.net.network()), a & reference_mask(p));
        prop_assert_eq!(parsed.rounded, a & !reference_mask(p) != 0);
    }

    #[test]
    fn halves_split_exactly(a in any_net()) {
        match halves(a) {
            None => prop_assert_eq!(a.prefix_len(), 32),
            Some((lo, hi)) => {
                let size = 1u64 << (32 - u32::from(a.prefix_len()));
                prop_assert_eq!(u64::from(u32::from(lo.network())), u64::from(u32::from(a.network())));
                prop_assert_eq!(u64::from(u32::from(hi.network())), u64::from(u32::from(a.network())) + size / 2);
                prop_assert!(a.contains(&lo) && a.contains(&hi) && !overlaps(lo, hi));
                prop_assert_eq!(total_addresses(lo) + total_addresses(hi), total_addresses(a));
            }
        }
    }

    #[test]
    fn usable_is_size_minus_five_and_excludes_reserved(p in 16u8..=28, a in any::<u32>(), k in any::<u32>()) {
        let net = ipnet::Ipv4Net::new(a.into(), p).unwrap().trunc();
        let size = u64::from(!reference_mask(p)) + 1;
        prop_assert_eq!(usable_addresses(net), size - 5);
        let base = u32::from(net.network());
        let offset = u64::from(k) % size;
        let addr = std::net::Ipv4Addr::from(base + offset as u32);
        let reserved = offset <= 3 || offset == size - 1;
        prop_assert_eq!(reserved_role(net, addr).is_some(), reserved);
    }
}
