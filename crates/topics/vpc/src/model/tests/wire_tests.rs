//! The link and extras wire formats do not depend on the `ipv6` feature.
//! The IPv4 module makes links and the IPv6 module (and the extras module,
//! built with IPv6) reads them, so every IPv4 action, trace end and tour
//! must encode to the same postcard bytes in both builds. These tests run
//! in both; the fixtures below were written by the IPv4 build.

use super::super::*;
use super::support::*;

/// Every `Action` variant, by postcard index, as the IPv4 build has them.
/// A new IPv4 action goes before the IPv6 ones (and here); IPv6 actions
/// come after all of them.
const IPV4_ACTIONS: [&str; 33] = [
    "LoadPreset",
    "SetVpcCidr",
    "AddSecondaryCidr",
    "RemoveSecondaryCidr",
    "AddSubnet",
    "EditSubnetCidr",
    "RemoveSubnet",
    "AddRouteTable",
    "AddRoute",
    "RemoveRoute",
    "SetAssociation",
    "AddNetworkAcl",
    "SetAclAssociation",
    "AddNaclRule",
    "RemoveNaclRule",
    "AddSecurityGroup",
    "AddSgRule",
    "RemoveSgRule",
    "AddInstance",
    "RemoveInstance",
    "SetSourceDestCheck",
    "AddNat",
    "DeleteNat",
    "AddIgw",
    "DeleteIgw",
    "AddPeering",
    "DeletePeering",
    "FailAz",
    "SetTrace",
    "SetEphemeralPort",
    "SetMatrix",
    "SetGatewayEndpoint",
    "RemoveGatewayEndpoint",
];

/// The variant a postcard payload of `index` followed by zeros decodes to
/// (zeros are a valid empty value of every field), or None past the end.
fn variant_at(index: u8) -> Option<String> {
    let mut bytes = vec![index];
    bytes.extend([0u8; 64]);
    let a: Action = postcard::from_bytes(&bytes).ok()?;
    let text = format!("{a:?}");
    Some(text.split([' ', '{', '(']).next().unwrap_or("").to_string())
}

#[test]
fn every_ipv4_action_keeps_its_postcard_index() {
    for (k, name) in IPV4_ACTIONS.iter().enumerate() {
        let index = u8::try_from(k).unwrap();
        assert_eq!(variant_at(index).as_deref(), Some(*name), "variant {k}");
    }
    let first_after = u8::try_from(IPV4_ACTIONS.len()).unwrap();
    if cfg!(feature = "ipv6") {
        // The IPv6 actions come after every IPv4 one.
        let six: Vec<String> = (first_after..first_after + 6)
            .map(|i| variant_at(i).expect("an IPv6 action"))
            .collect();
        assert_eq!(
            six,
            [
                "SetVpcIpv6",
                "SetSubnetIpv6",
                "AddEigw",
                "DeleteEigw",
                "AddRoute6",
                "RemoveRoute6"
            ]
        );
        assert_eq!(variant_at(first_after + 6), None);
    } else {
        assert_eq!(variant_at(first_after), None, "an action the list misses");
    }
}

/// An IPv4-only trail (edits, a trace to an address, the matrix) as a link.
fn ipv4_link() -> String {
    let mut p = Playground::default();
    apply_all(
        &mut p,
        &[
            add_db_subnet(),
            Action::AddSgRule {
                group: "sg-app".into(),
                egress: true,
                rule: SgRuleInput {
                    protocol: Protocol::Tcp,
                    from_port: 443,
                    to_port: 443,
                    peer: PeerInput::Cidr("0.0.0.0/0".into()),
                },
            },
            Action::FailAz {
                az: "us-east-1b".into(),
                failed: true,
            },
            Action::SetTrace {
                src: inst("app-a"),
                dst: Endpoint::Ip("52.216.0.10".parse().unwrap()),
                protocol: Protocol::Tcp,
                port: 443,
            },
            Action::SetMatrix {
                protocol: Protocol::Udp,
                port: 53,
            },
        ],
    );
    techshack_core::state::encode(2, &p.snapshot())
}

/// Written by the IPv4 build (`cargo test -p topic-vpc`).
const IPV4_LINK: &str = "2.AAIEC3N1Ym5ldC1kYi1hB3ZwYy0xMjMLMTAuMC43LjAvMjQKdXMtZWFzdC0xYRAGc2ctYXBwAQC7A7sDAAkwLjAuMC4wLzABCnVzLWVhc3QtMWIABWFwcC1hAjTYAAoAuwOAgAMBNQ";

#[test]
fn an_ipv4_link_is_the_same_bytes_in_both_builds() {
    let link = ipv4_link();
    assert_eq!(link, IPV4_LINK);
    let back = Playground::from_snapshot(techshack_core::state::decode(2, &link).unwrap());
    // Two edits; the failed AZ, trace and matrix are settings beside them.
    assert_eq!(back.unwrap().snapshot().edits.len(), 2);
}

/// FNV-1a, to pin a long encoding in a short fixture.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The tours and the comic script cross to the extras module (built with
/// IPv6) as postcard: their bytes must not depend on the feature.
#[test]
fn tours_and_comic_script_are_the_same_bytes_in_both_builds() {
    let tours = postcard::to_allocvec(&tours()).unwrap();
    let comic = postcard::to_allocvec(&crate::comic::script(&Playground::default())).unwrap();
    assert_eq!((tours.len(), fnv(&tours)), TOURS);
    assert_eq!((comic.len(), fnv(&comic)), COMIC);
}

/// Written by the IPv4 build.
const TOURS: (usize, u64) = (9897, 13330240661992825150);
const COMIC: (usize, u64) = (131, 8984277579972445517);
