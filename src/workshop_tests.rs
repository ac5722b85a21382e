use super::*;
use proptest::prelude::*;
use std::collections::HashSet;

#[test]
fn the_agenda_teaches_every_topic_in_two_hours() {
    let agenda = agenda();
    for t in registry() {
        assert!(
            agenda.iter().any(|e| e.topic.id() == t.id()),
            "{} has no workshop block",
            t.id()
        );
    }
    let total: u32 = agenda.iter().map(|e| e.block.minutes).sum();
    assert_eq!(total, 120, "a two-hour session");
    assert_eq!(Plan::whole().minutes(), 120);
}

#[test]
fn block_ids_are_unique_and_link_safe() {
    let mut seen = HashSet::new();
    for e in agenda() {
        let id = e.block.id;
        assert!(seen.insert(id), "block {id} twice");
        assert!(
            !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "block id {id:?} cannot ride in a link as it is"
        );
        assert!(e.block.minutes > 0 && !e.block.goal.is_empty(), "{id}");
    }
}

#[test]
fn every_block_names_tours_that_exist() {
    for e in agenda() {
        let tours: Vec<String> = e.topic.tour_steps().into_iter().map(|(id, _)| id).collect();
        assert!(!e.block.tours.is_empty(), "{} walks no tour", e.block.id);
        for id in e.block.tours {
            assert!(
                tours.iter().any(|t| t == id),
                "block {} names tour {id}, which {} does not have ({tours:?})",
                e.block.id,
                e.topic.id()
            );
        }
    }
}

#[test]
fn the_whole_agenda_is_the_bare_link() {
    assert_eq!(Plan::whole().link(false), "#/workshop");
    assert_eq!(Plan::whole().link(true), "#/workshop?view=facilitator");
    assert_eq!(Plan::from_link("#/workshop"), Ok(Plan::whole()));
    assert_eq!(Plan::from_link("#/workshop?plan="), Ok(Plan(vec![])));
}

#[test]
fn a_bad_plan_says_what_is_wrong() {
    let first = agenda()[0].block.id;
    let err = Plan::parse("no-such-block").unwrap_err();
    assert!(err.contains(first), "lists the blocks: {err}");
    let twice = Plan::parse(&format!("{first},{first}")).unwrap_err();
    assert!(twice.contains("twice"), "{twice}");
}

/// Any choice of blocks in any order.
fn plans() -> impl Strategy<Value = Plan> {
    let ids = Plan::whole().0;
    let n = ids.len();
    (Just(ids).prop_shuffle(), 0..=n).prop_map(|(ids, keep)| Plan(ids[..keep].to_vec()))
}

proptest! {
    #[test]
    fn every_plan_round_trips_through_its_link(plan in plans(), facilitator in any::<bool>()) {
        let link = plan.link(facilitator);
        prop_assert_eq!(Plan::from_link(&link), Ok(plan.clone()));
        prop_assert_eq!(link.contains("view=facilitator"), facilitator);
    }
}
