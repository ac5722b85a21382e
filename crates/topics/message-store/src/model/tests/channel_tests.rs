//! Channel names: a fixed table, one name per channel, and the tours call
//! their channels by the names the panel shows.

use super::super::action::Action;
use super::super::channels::{label, name_of, named, PLAYGROUND};
use super::super::playground::{Playground, DEFAULT_NOW_MS};
use super::super::tours::{channel_at, tours, AUTHOR, DEC_1_2016, JAN_1_2016, JUN_1_2016};

/// The channel an action is about, if any.
fn channel_of(a: &Action) -> Option<u64> {
    match a {
        Action::WriteMessage { channel, .. }
        | Action::EditMessage { channel, .. }
        | Action::DeleteMessage { channel, .. }
        | Action::DeleteBucket { channel, .. }
        | Action::Burst { channel, .. }
        | Action::DeleteNewest { channel, .. }
        | Action::Query { channel, .. }
        | Action::ClusterRead { channel, .. }
        | Action::HotReads { channel, .. }
        | Action::ConcurrentReads { channel, .. } => Some(*channel),
        _ => None,
    }
}

/// The `#names` a text mentions.
fn mentions(text: &str) -> Vec<String> {
    text.split('#')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                .collect()
        })
        .collect()
}

#[test]
fn each_named_channel_has_one_name_and_others_show_their_id() {
    let all = named();
    assert_eq!(all.len(), 14);
    let mut ids: Vec<u64> = all.iter().map(|(c, _)| *c).collect();
    let mut names: Vec<&str> = all.iter().map(|(_, n)| *n).collect();
    ids.sort_unstable();
    ids.dedup();
    names.sort_unstable();
    names.dedup();
    assert_eq!((ids.len(), names.len()), (all.len(), all.len()));
    assert_eq!(name_of(PLAYGROUND), Some("playground"));
    assert_eq!(name_of(channel_at(DEC_1_2016, 2)), Some("general"));
    assert_eq!(name_of(channel_at(JAN_1_2016, 1)), Some("announcements"));
    let general = channel_at(DEC_1_2016, 2);
    assert_eq!(label(general), format!("#general ({general})"));
    let other = channel_at(JUN_1_2016, 99);
    assert_eq!(name_of(other), None);
    assert_eq!(label(other), other.to_string());
}

#[test]
fn the_tours_call_their_channels_by_the_names_shown() {
    for tour in tours() {
        let touched: Vec<u64> = tour
            .steps
            .iter()
            .flat_map(|s| s.all_actions().filter_map(channel_of))
            .collect();
        for (k, step) in tour.steps.iter().enumerate() {
            let mut texts = vec![step.text.clone()];
            if let Some(b) = &step.bet {
                texts.push(b.question.clone());
                texts.push(b.why.clone());
                texts.extend(b.guess.choices.iter().cloned());
            }
            for name in texts.iter().flat_map(|t| mentions(t)) {
                let (id, _) = named()
                    .iter()
                    .find(|(_, n)| *n == name)
                    .unwrap_or_else(|| panic!("{} step {k}: #{name} has no channel", tour.id));
                assert!(
                    touched.contains(id),
                    "{} step {k}: #{name} is not a channel the tour uses",
                    tour.id
                );
            }
        }
        // Every channel a tour uses has a name for the panel to show.
        for c in &touched {
            assert!(
                name_of(*c).is_some(),
                "{}: channel {c} has no name",
                tour.id
            );
        }
    }
}

#[test]
fn the_cql_export_says_which_channel_is_which() {
    let mut p = Playground::new();
    let general = channel_at(DEC_1_2016, 2);
    p.apply(&Action::WriteMessage {
        channel: general,
        author: AUTHOR,
        content: "hi".into(),
        at: DEFAULT_NOW_MS,
    })
    .unwrap();
    let cql = p.export_cql();
    assert!(
        cql.contains(&format!("-- #general is channel_id {general}\n")),
        "{cql}"
    );
    assert!(
        !cql.contains("#playground"),
        "only channels the session holds"
    );
}
