use super::*;
use std::collections::HashSet;

#[test]
fn ids_are_unique_and_route_safe() {
    let mut seen = HashSet::new();
    for t in registry() {
        assert!(seen.insert(t.id()), "duplicate topic id {}", t.id());
        assert!(
            t.id().chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "id {:?} is not a clean route segment",
            t.id()
        );
        assert_ne!(t.id(), "embed");
        assert_ne!(t.id(), "about");
    }
    assert!(registry().len() >= 4);
}

#[test]
fn every_topic_has_words_a_tour_and_a_comic() {
    for t in registry() {
        assert!(
            !t.title().is_empty() && !t.summary().is_empty(),
            "{}",
            t.id()
        );
        let tours = t.tour_outline();
        assert!(!tours.is_empty(), "{} has no tour", t.id());
        assert!(
            tours.iter().all(|(_, steps)| *steps > 0),
            "{} has an empty tour",
            t.id()
        );
        let comic = t.default_comic();
        let doc = roxmltree::Document::parse(&comic)
            .unwrap_or_else(|e| panic!("{} comic is not valid SVG: {e}", t.id()));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
    }
}

#[test]
fn find_uses_the_registry() {
    for t in registry() {
        assert_eq!(find(t.id()).map(|f| f.id()), Some(t.id()));
    }
    assert!(find("no-such-topic").is_none());
    assert!(known_ids().contains(registry()[0].id()));
}

#[test]
fn every_topic_state_survives_a_link() {
    for t in registry() {
        t.link_round_trip()
            .unwrap_or_else(|e| panic!("{}: {e}", t.id()));
    }
}
