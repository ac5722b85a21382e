//! The Terraform export of any layout a session reaches (hostile ids
//! included): it parses as HCL, every resource address is unique, and it
//! has exactly one resource per VPC, subnet, instance and security group.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::collections::BTreeSet;
use techshack_fuzz::vpc::{play, Script};

fuzz_target!(|data: &[u8]| {
    let Some(script) = Script::from_bytes(data) else {
        return;
    };
    let pg = play(&script);
    let text = pg.terraform();
    let body: hcl::Body =
        hcl::parse(&text).unwrap_or_else(|e| panic!("the export is not HCL: {e}\n{text}"));
    let mut addresses = BTreeSet::new();
    let count = |kind: &str| {
        body.blocks()
            .filter(|b| b.identifier() == "resource")
            .filter(|b| b.labels().first().map(|l| l.as_str()) == Some(kind))
            .count()
    };
    let net = pg.network();
    assert_eq!(count("aws_vpc"), net.vpcs.len(), "{text}");
    assert_eq!(count("aws_subnet"), net.subnets.len(), "{text}");
    assert_eq!(count("aws_instance"), net.instances.len(), "{text}");
    assert_eq!(
        count("aws_security_group"),
        net.security_groups.len(),
        "{text}"
    );
    for b in body.blocks().filter(|b| b.identifier() == "resource") {
        let labels: Vec<&str> = b.labels().iter().map(|l| l.as_str()).collect();
        assert!(
            addresses.insert(labels.join(".")),
            "resource {labels:?} is declared twice\n{text}"
        );
    }
});
