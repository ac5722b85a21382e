use super::super::*;
use super::support::*;

fn pg() -> Playground {
    Playground::default()
}

#[test]
fn snapshot_round_trips_and_stays_small() {
    let mut p = pg();
    apply_all(
        &mut p,
        &[
            add_db_subnet(),
            Action::AddSecurityGroup {
                id: "sg-db".into(),
                vpc: "vpc-123".into(),
            },
            Action::AddInstance {
                id: "db-a".into(),
                subnet: "subnet-db-a".into(),
                private_ip: "10.0.7.10".into(),
                public_ip: None,
                security_groups: vec!["sg-db".into()],
            },
            Action::DeleteNat {
                nat: "nat-c".into(),
            },
            Action::FailAz {
                az: "us-east-1b".into(),
                failed: true,
            },
            Action::SetTrace {
                src: inst("app-a"),
                dst: inst("db-a"),
                protocol: Protocol::Tcp,
                port: 5432,
            },
            Action::SetEphemeralPort { port: 33000 },
            Action::SetMatrix {
                protocol: Protocol::Tcp,
                port: 5432,
            },
        ],
    );
    let s = p.snapshot();
    let link = techshack_core::state::encode(2, &s);
    assert!(link.len() < 2048, "{} bytes", link.len());
    let back = Playground::from_snapshot(techshack_core::state::decode(2, &link).unwrap()).unwrap();
    assert_eq!(back.network(), p.network());
    assert_eq!(back.faults(), p.faults());
    assert_eq!(back.trace_spec(), p.trace_spec());
    assert_eq!(back.snapshot(), s);
    assert_eq!(back.matrix(), p.matrix());
}

#[test]
fn tampered_snapshots_are_rejected() {
    let mut s = pg().snapshot();
    s.edits.push(Action::RemoveSubnet {
        subnet: "subnet-public-a".into(),
    });
    assert!(matches!(
        Playground::from_snapshot(s),
        Err(VpcError::SnapshotReplay { index: 0, .. })
    ));
    let mut s = pg().snapshot();
    s.edits.push(Action::LoadPreset {
        preset: PresetId::Peering,
    });
    assert!(Playground::from_snapshot(s).is_err());
    let mut s = pg().snapshot();
    s.edits = vec![Action::DeleteIgw { igw: "nope".into() }; MAX_SNAPSHOT_EDITS + 1];
    assert!(matches!(
        Playground::from_snapshot(s),
        Err(VpcError::TooMany { .. })
    ));
    let mut s = pg().snapshot();
    s.failed_azs.push("atlantis".into());
    assert!(Playground::from_snapshot(s).is_err());
    let mut s = pg().snapshot();
    s.trace.src = Endpoint::Instance("x".repeat(1000));
    assert!(Playground::from_snapshot(s).is_err());
    assert!(serde_json::from_str::<Snapshot>("{\"preset\":\"nope\"}").is_err());
}

#[test]
fn edit_log_is_capped_so_links_stay_small() {
    let mut p = Playground::with_preset(PresetId::LockedNacl);
    for k in 0..MAX_SNAPSHOT_EDITS {
        let rule = AclRuleInput {
            number: 1000 + k as u32,
            egress: k % 2 == 0,
            action: AclAction::Deny,
            protocol: Protocol::Udp,
            from_port: 1024,
            to_port: 65535,
            cidr: "192.168.100.0/24".into(),
        };
        p.apply(&Action::AddNaclRule {
            acl: "acl-public".into(),
            rule,
        })
        .unwrap();
    }
    let json = techshack_core::state::encode(2, &p.snapshot());
    assert!(
        json.len() < 10_000,
        "worst case link is {} bytes",
        json.len()
    );
    let before = p.clone();
    let e = p
        .apply(&Action::DeleteNat {
            nat: "nat-a".into(),
        })
        .unwrap_err();
    assert!(matches!(e, VpcError::TooMany { .. }));
    assert_eq!(p, before);
    p.apply(&Action::LoadPreset {
        preset: PresetId::Article,
    })
    .unwrap();
    assert!(p.edits().is_empty(), "a preset starts a fresh log");
}

#[test]
fn removing_every_subnet_of_a_failed_az_still_gives_a_link_that_restores() {
    // Found by fuzzing (fuzz/regressions/vpc_actions): the AZ stayed failed
    // with no subnet in it, and the link's FailAz was then refused.
    let mut p = Playground::with_preset(PresetId::SingleNat);
    apply_all(
        &mut p,
        &[
            Action::FailAz {
                az: "us-east-1c".into(),
                failed: true,
            },
            Action::RemoveInstance { id: "web-c".into() },
            Action::RemoveInstance { id: "app-c".into() },
            Action::RemoveSubnet {
                subnet: "subnet-public-c".into(),
            },
            Action::RemoveSubnet {
                subnet: "subnet-private-c".into(),
            },
        ],
    );
    assert_eq!(p.stats().failed_azs, 0);
    let back = Playground::from_snapshot(p.snapshot()).unwrap();
    assert_eq!(back.snapshot(), p.snapshot());
    assert_eq!(back.faults(), p.faults());
}
