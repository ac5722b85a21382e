//! Each topic's story (`story.html`) against its model: every live number
//! names a value the panel reports and shows the default state's value
//! before the panel arrives, every scrubbable number's choices reach the
//! model, every "show me" opens a tour step that exists, and every story
//! ends with its sources.

use crate::pages::story_text;
use crate::registry;

/// The attributes of each start tag in `html` that has attribute `name`,
/// with the text up to the next tag.
fn tags_with(html: &str, name: &str) -> Vec<(Vec<(String, String)>, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let Some(end) = rest[start..].find('>').map(|e| start + e) else {
            break;
        };
        let attrs = attributes(&rest[start + 1..end]);
        let after = &rest[end + 1..];
        if attrs.iter().any(|(k, _)| k == name) {
            let text = after[..after.find('<').unwrap_or(after.len())].to_string();
            out.push((attrs, text));
        }
        rest = after;
    }
    out
}

fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for part in tag.split('"').collect::<Vec<_>>().chunks(2) {
        if let [key, value] = part {
            let key = key.trim().trim_end_matches('=');
            let key = key.rsplit(' ').next().unwrap_or(key);
            out.push((key.to_string(), value.replace("&amp;", "&")));
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A number as the page's story script writes it: en-US grouping (unless
/// `data-group="no"`, for ports), at most `decimals` decimals with trailing
/// zeros dropped, a dash for NaN.
fn shown(v: f64, decimals: usize, group: bool) -> String {
    if v.is_nan() {
        return "—".into();
    }
    let fixed = format!("{:.*}", decimals, v.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if group && i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if v < 0.0 && fixed.chars().any(|c| ('1'..='9').contains(&c)) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

#[test]
fn numbers_are_shown_as_the_page_shows_them() {
    assert_eq!(shown(100_000.0, 0, true), "100,000");
    assert_eq!(shown(49152.0, 0, false), "49152");
    assert_eq!(shown(43.2, 3, true), "43.2");
    assert_eq!(shown(0.8787, 2, true), "0.88");
    assert_eq!(shown(99.999, 3, true), "99.999");
    assert_eq!(shown(f64::NAN, 2, true), "—");
}

#[test]
fn every_live_number_is_the_models_and_shows_the_default() {
    for t in registry() {
        let values = t.story_values();
        let live = tags_with(&story_text(t.id()), "data-live");
        assert!(
            !live.is_empty(),
            "{}: the story shows no live number",
            t.id()
        );
        for (attrs, text) in live {
            let key = attr(&attrs, "data-live").unwrap();
            let value = values
                .iter()
                .find(|(k, _)| *k == key)
                .unwrap_or_else(|| panic!("{}: the model reports no '{key}'", t.id()))
                .1;
            let decimals = attr(&attrs, "data-decimals").map_or(0, |d| d.parse().unwrap());
            let group = attr(&attrs, "data-group") != Some("no");
            assert_eq!(
                text,
                shown(value, decimals, group),
                "{}: '{key}' before the panel arrives",
                t.id()
            );
        }
    }
}

#[test]
fn every_scrub_choice_reaches_the_model() {
    for t in registry() {
        let mut scrubs = 0;
        for (attrs, _) in tags_with(&story_text(t.id()), "data-values") {
            let key = attr(&attrs, "data-live").expect("a scrubbable number is live");
            assert!(
                attr(&attrs, "data-label").is_some(),
                "{}: '{key}' needs a data-label",
                t.id()
            );
            let choices: Vec<f64> = attr(&attrs, "data-values")
                .unwrap()
                .split(' ')
                .map(|v| v.parse().unwrap())
                .collect();
            let now = t.story_values().iter().find(|(k, _)| *k == key).unwrap().1;
            assert!(
                choices.contains(&now),
                "{}: '{key}' starts at {now}, not one of {choices:?}",
                t.id()
            );
            assert!(
                choices.windows(2).all(|w| w[0] < w[1]),
                "{}: '{key}' choices in order",
                t.id()
            );
            for v in choices {
                let got = t
                    .story_scrub(key, v)
                    .unwrap_or_else(|e| panic!("{}: {e}", t.id()));
                assert_eq!(got, v, "{}: scrubbing '{key}' to {v}", t.id());
            }
            scrubs += 1;
        }
        assert!(scrubs >= 1, "{}: the story has no number to scrub", t.id());
    }
}

#[test]
fn every_show_me_opens_a_step_that_exists() {
    for t in registry() {
        let tours = t.tour_steps();
        let links = tags_with(&story_text(t.id()), "href");
        let show_me: Vec<&str> = links
            .iter()
            .filter_map(|(attrs, _)| attr(attrs, "href"))
            .filter(|h| h.starts_with('#'))
            .collect();
        assert!(
            show_me.len() >= 3,
            "{}: {} show-me links",
            t.id(),
            show_me.len()
        );
        for href in show_me {
            let query = href
                .strip_prefix(&format!("#/{}?", t.id()))
                .unwrap_or_else(|| panic!("{}: {href} is not this topic's step link", t.id()));
            let (tour, step) = match query.split('&').collect::<Vec<_>>()[..] {
                [tour, step] => (
                    tour.strip_prefix("tour=").unwrap(),
                    step.strip_prefix("step=")
                        .unwrap()
                        .parse::<usize>()
                        .unwrap(),
                ),
                _ => panic!("{}: {href} is not ?tour=…&step=…", t.id()),
            };
            let (_, steps) = tours
                .iter()
                .find(|(id, _)| id == tour)
                .unwrap_or_else(|| panic!("{}: {href}: no tour '{tour}'", t.id()));
            assert!(
                (1..=steps.len()).contains(&step),
                "{}: {href}: no step {step}",
                t.id()
            );
        }
    }
}

#[test]
fn every_story_has_a_heading_and_ends_with_its_sources() {
    for t in registry() {
        let story = story_text(t.id());
        assert!(
            story.starts_with(&format!("<h2 id=\"story-{}\">", t.id())),
            "{}: heading",
            t.id()
        );
        let sources = story
            .rfind("<h3>Sources</h3>")
            .unwrap_or_else(|| panic!("{}: no sources", t.id()));
        assert!(
            story[sources..].matches("<a href=\"https://").count() >= 2,
            "{}: sources",
            t.id()
        );
        assert!(
            story.contains(&format!("href=\"{}\"", t.article().url)),
            "{}: names its article",
            t.id()
        );
    }
}
