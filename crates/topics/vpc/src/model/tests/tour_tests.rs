use super::super::tours::scripted;
use super::super::*;

#[test]
fn every_tour_replays_and_predictions_match_the_model() {
    let all = scripted();
    assert!(all.len() >= 4);
    for scripted in all {
        let (tour, asks) = (scripted.tour, scripted.answers);
        assert!(
            tour.steps.len() >= 6,
            "{} has {} steps",
            tour.id,
            tour.steps.len()
        );
        for (k, (step, ask)) in tour.steps.iter().zip(&asks).enumerate() {
            let mut pg = Playground::default();
            for a in tour.actions_through(k) {
                pg.apply(&a)
                    .unwrap_or_else(|e| panic!("{} step {k}: {a:?}: {e}", tour.id));
            }
            let predict = step.predict.as_ref().expect("every step asks");
            let ask = ask.as_ref().unwrap();
            assert_eq!(predict.answer, ask.answer(&pg), "{} step {k}", tour.id);
        }
    }
}

fn answers(id: &str) -> Vec<String> {
    let tour = tours().into_iter().find(|t| t.id == id).unwrap();
    tour.steps
        .iter()
        .map(|s| s.predict.clone().unwrap().answer)
        .collect()
}

#[test]
fn the_single_nat_lesson() {
    let a = answers("nat-per-az");
    assert!(
        a[0].starts_with("nat-b in us-east-1b, in the same AZ"),
        "{}",
        a[0]
    );
    assert!(a[1].starts_with("Yes"));
    assert!(
        a[2].starts_with("nat-a in us-east-1a, crossing"),
        "{}",
        a[2]
    );
    assert!(
        a[3].starts_with("No") && a[3].contains("BAD_STATE at nat-a"),
        "{}",
        a[3]
    );
    assert!(a[4].starts_with("Yes"));
    assert!(a[5].starts_with("No"));
}

#[test]
fn the_other_lessons() {
    let a = answers("ephemeral-ports");
    assert!(a[0].starts_with("Yes"));
    assert!(
        a[1].contains("SUBNET_ACL_RESTRICTION at acl-public (return path)"),
        "{}",
        a[1]
    );
    assert!(a[2].starts_with("Yes") && a[3].starts_with("No") && a[4].starts_with("Yes"));
    assert!(a[5].contains("stateful"));
    let a = answers("peering-not-transitive");
    assert!(a[2].contains("DISCONNECTED_VPCS"), "{}", a[2]);
    assert!(a[3].contains("DISCONNECTED_VPCS at pcx-ab"), "{}", a[3]);
    assert!(
        a[4].contains("NO_ROUTE_TO_DESTINATION at rt-c (return path)"),
        "{}",
        a[4]
    );
    assert!(a[5].starts_with("Yes"));
    let a = answers("cidr-and-routes");
    assert!(a[0].starts_with("251"));
    assert!(a[1].starts_with("10.0.1.10"));
    assert!(a[4].contains("BAD_STATE_ROUTE at rt-2a"), "{}", a[4]);
}
