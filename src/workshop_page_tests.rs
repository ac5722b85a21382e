use super::*;
use crate::registry;

/// A made file as written, rewritten (and the test failed) when stale, so
/// one local run fixes it and CI catches a stale commit.
fn check_made(path: &str, want: String) {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::fs::read_to_string(&full).ok().as_deref() != Some(want.as_str()) {
        std::fs::write(&full, &want).unwrap_or_else(|e| panic!("{path}: {e}"));
        panic!("{path} was stale; it has been rewritten: review and commit it");
    }
}

#[test]
fn the_workshop_page_is_current() {
    check_made(PATH, page());
}

#[test]
fn the_zine_pages_are_current() {
    check_made(ZINES_PATH, zines_page());
}

#[test]
fn every_block_prints_the_zines_it_names() {
    let zines = format!("<div>{}</div>", zines_page());
    let doc = roxmltree::Document::parse(&zines).expect("the zines parse");
    let figures: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("figure"))
        .map(|f| {
            (
                f.attribute("data-block").unwrap().into(),
                f.attribute("data-zine").unwrap().into(),
            )
        })
        .collect();
    let mut named = 0;
    for e in agenda() {
        for z in e.block.zines {
            assert!(
                figures.contains(&(e.block.id.into(), z.to_string())),
                "{} lacks {z}",
                e.block.id
            );
            named += 1;
        }
        let has_slot = page().contains(&format!("data-zines=\"{}\"", e.block.id));
        assert_eq!(
            has_slot,
            !e.block.zines.is_empty(),
            "{}: a place for its zines",
            e.block.id
        );
    }
    assert_eq!(figures.len(), named);
    for t in registry() {
        assert!(
            agenda()
                .iter()
                .any(|e| e.topic.id() == t.id() && !e.block.zines.is_empty()),
            "{}'s zine is in no block",
            t.id()
        );
    }
}

#[test]
fn the_page_is_well_formed_and_names_every_topic() {
    let page = page();
    // Parsed as XML: every element closed, every entity escaped.
    let doc = roxmltree::Document::parse(&page).expect("the page parses");
    for t in registry() {
        assert!(
            doc.descendants()
                .any(|n| n.attribute("data-topic") == Some(t.id())),
            "no block for {}",
            t.id()
        );
        assert!(page.contains(t.title()), "{} is not named", t.id());
    }
}

#[test]
fn every_step_link_names_a_tour_step_that_exists() {
    let page = page();
    let doc = roxmltree::Document::parse(&page).unwrap();
    let mut links = 0;
    for a in doc.descendants().filter(|n| n.has_tag_name("a")) {
        let href = a.attribute("href").unwrap_or_default();
        let Some(rest) = href.strip_prefix("#/") else {
            continue;
        };
        let Some((topic, query)) = rest.split_once('?') else {
            continue;
        };
        if topic == "workshop" {
            continue;
        }
        let t = crate::find(topic).unwrap_or_else(|| panic!("{href}: no topic {topic}"));
        let q: Vec<(&str, &str)> = query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .collect();
        let tour = q.iter().find(|(k, _)| *k == "tour").expect("a tour").1;
        let step: usize = q
            .iter()
            .find(|(k, _)| *k == "step")
            .expect("a step")
            .1
            .parse()
            .unwrap();
        let steps = t
            .tour_steps()
            .into_iter()
            .find(|(id, _)| id == tour)
            .unwrap_or_else(|| panic!("{href}: {topic} has no tour {tour}"))
            .1;
        assert!(
            (1..=steps.len()).contains(&step),
            "{href}: past the tour's end"
        );
        links += 1;
    }
    assert!(links > 20, "only {links} step links");
}

#[test]
fn the_facilitator_has_every_answer_and_the_key_counts_every_exercise() {
    let page = page();
    let doc = roxmltree::Document::parse(&page).unwrap();
    let text_of = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect::<Vec<_>>()
            .join("")
    };
    let key = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("answer-key"))
        .expect("an answer key");
    assert_eq!(
        key.children().find(|c| c.is_element()).map(text_of),
        Some("Answer key".to_string()),
        "the key starts with its heading"
    );
    for e in agenda() {
        let tours = block_sheets(&e);
        assert_eq!(tours.len(), e.block.tours.len(), "{}", e.block.id);
        let block = doc
            .descendants()
            .find(|n| n.has_tag_name("li") && n.attribute("data-block") == Some(e.block.id))
            .unwrap();
        let notes: String = block
            .descendants()
            .filter(|n| n.attribute("data-facilitator").is_some())
            .map(text_of)
            .collect();
        let exercises = tours.iter().flat_map(|t| t.exercises()).count();
        assert!(exercises > 0, "{} asks nothing of the room", e.block.id);
        for (_, s) in tours.iter().flat_map(|t| t.exercises()) {
            let answer = match (&s.bet, &s.task) {
                (Some(b), _) => format!("Answer: {}", b.answer()),
                (None, Some(solution)) => format!("Solution: {solution}"),
                _ => unreachable!(),
            };
            assert!(
                notes.contains(&answer),
                "{}: the facilitator lacks {answer:?}",
                e.block.id
            );
        }
        let in_key = key
            .children()
            .find(|n| n.attribute("data-block") == Some(e.block.id))
            .unwrap()
            .descendants()
            .filter(|n| n.has_tag_name("li"))
            .count();
        assert_eq!(in_key, exercises, "{}: one answer per exercise", e.block.id);
    }
}
