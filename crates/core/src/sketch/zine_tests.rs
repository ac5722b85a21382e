use super::super::{texts_in, Kind};
use super::*;

fn page(panels: usize, seed: u64) -> Zine {
    let mut z = Zine::new(seed, "Buckets & tombstones", "Source: a blog post", panels);
    for k in 0..panels {
        let area = z.caption(k, &format!("Panel {} says what happens here.", k + 1));
        let feet = (area.x + 40.0, area.bottom() - 4.0);
        z.stick_figure(feet, 70.0, &Pen::ink());
        z.say(
            "Ann",
            (area.x + 90.0, area.y + 4.0, 200.0, 56.0),
            (feet.0, feet.1 - 70.0),
            "Hi & bye",
        );
    }
    z
}

#[test]
fn six_to_eight_panels_tile_the_page_in_two_columns() {
    for n in 6..=8 {
        let frames = grid(n);
        assert_eq!(frames.len(), n);
        let page = Rect::new(0.0, 0.0, ZINE_WIDTH, ZINE_HEIGHT);
        for (i, a) in frames.iter().enumerate() {
            assert!(page.holds(a, 0.0), "{n} panels: {a:?} leaves the page");
            assert!(a.y >= TITLE_BAND, "{n} panels: {a:?} covers the title");
            assert!(a.w > 300.0 && a.h > 200.0, "{n} panels: {a:?} is cramped");
            for b in &frames[i + 1..] {
                assert!(!a.overlaps(b, 0.0), "{n} panels: {a:?} overlaps {b:?}");
            }
        }
        let last = frames[n - 1];
        let spans = last.w > ZINE_WIDTH / 2.0;
        assert_eq!(spans, n % 2 == 1, "{n} panels: only an odd last one spans");
    }
}

#[test]
fn a_page_reads_and_is_valid_svg() {
    for n in 6..=8 {
        let z = page(n, 7);
        let problems = z.layout().problems();
        assert!(problems.is_empty(), "{n} panels:\n{}", problems.join("\n"));
        let panels = z.layout().marks.iter().filter(|m| m.kind == Kind::Panel);
        assert_eq!(panels.count(), n + 1, "the panels and the title band");
        let svg = z.finish();
        let texts = texts_in(&svg);
        assert_eq!(texts[0], "Buckets & tombstones");
        let numbers: Vec<String> = (1..=n).map(|k| k.to_string()).collect();
        assert_eq!(texts[2..2 + n], numbers[..], "the panel numbers in order");
    }
}

#[test]
fn the_same_seed_draws_the_same_page_and_another_does_not() {
    assert_eq!(page(6, 7).finish(), page(6, 7).finish());
    assert_ne!(page(6, 7).finish(), page(6, 8).finish());
}

#[test]
fn the_title_reads_every_panel_in_order() {
    let svg = page(6, 1).finish();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let title = doc.descendants().find(|n| n.has_tag_name("title"));
    let title = title.and_then(|t| t.text()).unwrap_or_default();
    assert!(title.starts_with("Zine: Buckets & tombstones. 1. Panel 1 says"));
    assert!(title.contains("2. Panel 2 says what happens here. Ann: Hi & bye 3."));
    assert!(title.ends_with("6. Panel 6 says what happens here. Ann: Hi & bye"));
}

#[test]
fn a_caption_too_long_for_its_box_is_reported() {
    let mut z = Zine::new(1, "T", "S", 6);
    z.caption(0, &"a long caption ".repeat(30));
    let problems = z.layout().problems();
    assert!(
        problems.iter().any(|p| p.contains("spills out")),
        "{problems:?}"
    );
}

#[test]
fn a_title_too_long_for_the_page_is_reported() {
    let z = Zine::new(1, &"Long title ".repeat(12), "S", 6);
    let problems = z.layout().problems();
    assert!(
        problems.iter().any(|p| p.contains("leaves its panel")),
        "{problems:?}"
    );
}
