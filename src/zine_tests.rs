//! Every registered topic's zine pages: valid SVG, the same drawing for the
//! same seed, 6–8 numbered panels, and a layout that reads. The per-topic
//! tests below compute figures from each topic's model and look for them in
//! the page's words, so a page cannot drift from the model it explains.

use super::*;
use techshack_core::sketch::texts_in;

/// The zine ids each topic draws, so a page that goes missing fails here.
const PAGES: &[(&str, &[&str])] = &[
    ("message-store", &["billions"]),
    ("vpc", &["networking"]),
    ("svm", &["street"]),
    ("pipeline", &["airbnb", "migrations", "ordering"]),
];

/// The words of topic `topic`'s zine `id`, joined with spaces: a figure that
/// wrapped over two lines of a caption reads whole again.
fn words(topic: &str, id: &str) -> String {
    let t = find(topic).unwrap_or_else(|| panic!("no topic {topic}"));
    let (_, svg) = t
        .zines()
        .into_iter()
        .find(|(z, _)| *z == id)
        .unwrap_or_else(|| panic!("{topic} draws no zine {id}"));
    texts_in(&svg).join(" ")
}

fn assert_says(topic: &str, id: &str, figures: &[String]) {
    let words = words(topic, id);
    for figure in figures {
        assert!(
            words.contains(figure.as_str()),
            "{topic}/{id} does not say {figure:?}; it says:\n{words}"
        );
    }
}

#[test]
fn every_topic_draws_the_zines_it_promises() {
    for (topic, ids) in PAGES {
        let t = find(topic).unwrap_or_else(|| panic!("no topic {topic}"));
        let drawn: Vec<&str> = t.zines().iter().map(|(id, _)| *id).collect();
        assert_eq!(drawn, *ids, "{topic}");
    }
}

#[test]
fn every_zine_is_valid_svg_with_six_to_eight_numbered_panels() {
    for t in registry() {
        for (id, svg) in t.zines() {
            let doc = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{}/{id} is not valid SVG: {e}", t.id()));
            assert_eq!(doc.root_element().tag_name().name(), "svg");
            let title = doc.descendants().find(|n| n.has_tag_name("title"));
            let title = title.and_then(|n| n.text()).unwrap_or_default();
            // The frame draws the title, the source, then the panel numbers.
            let texts = texts_in(&svg);
            let panels = texts[2..]
                .iter()
                .zip(1..)
                .take_while(|(text, n)| **text == n.to_string())
                .count();
            assert!(
                (6..=8).contains(&panels),
                "{}/{id} has {panels} panels",
                t.id()
            );
            let last = format!(" {panels}. ");
            assert!(
                title.starts_with("Zine: ") && title.contains(&last),
                "{}/{id}'s title does not read every panel: {title}",
                t.id()
            );
        }
    }
}

#[test]
fn every_zine_is_the_same_drawing_each_time() {
    for t in registry() {
        assert_eq!(t.zines(), t.zines(), "{}", t.id());
    }
}

#[test]
fn every_zine_reads_nothing_overlaps_or_spills() {
    for t in registry() {
        for (id, layout) in t.zine_layouts() {
            let problems = layout.problems();
            assert!(
                problems.is_empty(),
                "{}/{id} does not read:\n  {}",
                t.id(),
                problems.join("\n  ")
            );
        }
    }
}

/// `ZINE_OUT=<dir> cargo test -p techshack-live zine` also writes every page
/// there as `<topic>-<id>.svg`, to look at (`scripts/zine-shots.sh`).
#[test]
fn writes_the_zines_when_asked() {
    let Ok(dir) = std::env::var("ZINE_OUT") else {
        return;
    };
    for t in registry() {
        for (id, svg) in t.zines() {
            let path = std::path::Path::new(&dir).join(format!("{}-{id}.svg", t.id()));
            std::fs::write(&path, svg).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
}

#[path = "zine_figures_message_store.rs"]
mod message_store;

#[path = "zine_figures_vpc.rs"]
mod vpc;

#[path = "zine_figures_svm.rs"]
mod svm;

#[path = "zine_figures_pipeline.rs"]
mod pipeline;
