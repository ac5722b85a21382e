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
        assert_ne!(t.id(), "workshop");
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

/// Rewrites the registry's regions of `path` and fails if that changed it,
/// so a stale file is fixed by one local run and caught by CI.
fn check_site_file(path: &str, regions: &[pages::Region]) {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{path}: {e}"));
    let want = pages::apply(&text, regions).unwrap_or_else(|e| panic!("{path}: {e}"));
    if want != text {
        std::fs::write(&full, &want).unwrap_or_else(|e| panic!("{path}: {e}"));
        panic!("{path} did not match the registry; it has been rewritten: review and commit it");
    }
}

#[test]
fn site_files_match_the_registry() {
    check_site_file("index.html", &pages::index_regions());
    check_site_file("assets/panels.js", &pages::loader_regions());
}

#[test]
fn every_topic_crate_is_where_the_loader_looks() {
    for t in registry() {
        let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(pages::crate_dir(t.id()))
            .join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest)
            .unwrap_or_else(|e| panic!("{}: {e}", manifest.display()));
        assert!(
            text.contains(&format!("name = \"topic-{}\"", t.id())),
            "{}: the package must be called topic-{} (the loader fetches topic-{}.js)",
            manifest.display(),
            t.id(),
            t.id()
        );
        let extras = manifest.with_file_name("extras").join("Cargo.toml");
        let extras_text = std::fs::read_to_string(&extras)
            .unwrap_or_else(|e| panic!("{}: {e}", extras.display()));
        assert!(
            extras_text.contains(&format!("name = \"topic-{}-extras\"", t.id())),
            "{}: the extras package must be called topic-{}-extras",
            extras.display(),
            t.id()
        );
        let css = manifest.with_file_name(format!("{}.css", t.id()));
        assert!(
            css.exists(),
            "{}: the topic's stylesheet is missing",
            css.display()
        );
        assert!(
            text.contains("wasm-module = []"),
            "{}: needs the wasm-module feature that exports mount",
            manifest.display()
        );
    }
}

#[test]
fn the_toolbar_lists_the_tours_the_extras_module_builds() {
    for t in registry() {
        t.tour_titles_match()
            .unwrap_or_else(|e| panic!("{}: {e}", t.id()));
    }
}

#[test]
fn comics_and_tours_cross_to_the_extras_module_unchanged() {
    for t in registry() {
        t.extras_round_trip()
            .unwrap_or_else(|e| panic!("{}: {e}", t.id()));
    }
}

#[test]
fn every_tour_task_starts_undone_and_its_solution_does_it() {
    for t in registry() {
        let tasks = t
            .tasks_check()
            .unwrap_or_else(|e| panic!("{}: {e}", t.id()));
        assert!(
            tasks >= 2,
            "{}: {tasks} tasks; each topic has two or more",
            t.id()
        );
    }
}

#[test]
fn every_tour_recaps_the_newsletters_point() {
    for t in registry() {
        for (id, seed) in t.tour_seeds() {
            assert!(
                seed.len() > 20 && seed.ends_with('.'),
                "{}: tour '{id}' says no point of the newsletter in its recap: {seed:?}",
                t.id()
            );
        }
    }
}
