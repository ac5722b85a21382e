use super::*;

fn drawing(seed: u64) -> String {
    let mut s = Sketch::new(seed, 400.0, 300.0);
    s.rect(10.0, 10.0, 120.0, 80.0, &Pen::ink().fill("#fc8"));
    s.ellipse((200.0, 60.0), 40.0, 25.0, &Pen::ink().fill("#8cf").solid());
    s.arrow((20.0, 200.0), (300.0, 220.0), &Pen::ink());
    s.speech_bubble(
        (220.0, 120.0, 150.0, 60.0),
        (200.0, 260.0),
        "I hold up the margin!",
        14.0,
        &Pen::ink().fill("white"),
    );
    s.stick_figure((200.0, 290.0), 60.0, &Pen::ink());
    s.panel_number((20.0, 20.0), 1);
    s.text(
        (10.0, 280.0),
        "<script>alert(1)</script> & \"quotes\"",
        12.0,
        Anchor::Start,
    );
    s.finish("A test <comic>")
}

#[test]
fn same_seed_same_drawing() {
    assert_eq!(drawing(7), drawing(7));
}

#[test]
fn different_seeds_differ() {
    assert_ne!(drawing(7), drawing(8));
}

#[test]
fn output_is_well_formed_svg_with_a_title() {
    let svg = drawing(1);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    let title = root.children().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some("A test <comic>"));
}

#[test]
fn user_text_is_escaped_not_markup() {
    let svg = drawing(1);
    assert!(!svg.contains("<script>"));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(doc.descendants().all(|n| !n.has_tag_name("script")));
    assert!(doc
        .descendants()
        .any(|n| n.text() == Some("<script>alert(1)</script> & \"quotes\"")));
}

#[test]
fn every_stroke_is_drawn_twice() {
    let mut s = Sketch::new(3, 100.0, 100.0);
    s.line((0.0, 0.0), (90.0, 90.0), &Pen::ink());
    let svg = s.finish("line");
    let path = svg.split("d=\"").nth(1).unwrap();
    assert_eq!(path.split('"').next().unwrap().matches('M').count(), 2);
}

#[test]
fn long_lines_stay_near_their_ends() {
    // Damping keeps a 600px line's end jitter within a few pixels.
    let mut s = Sketch::new(5, 700.0, 100.0).roughness(2.0);
    s.line((0.0, 50.0), (600.0, 50.0), &Pen::ink());
    let svg = s.finish("long");
    let d = svg.split("d=\"").nth(1).unwrap().split('"').next().unwrap();
    let start: Vec<f64> = d[1..]
        .split(['C', ' '])
        .take(2)
        .map(|v| v.parse().unwrap())
        .collect();
    assert!(
        start[0].abs() < 3.0 && (start[1] - 50.0).abs() < 3.0,
        "{start:?}"
    );
}

#[test]
fn hachure_fills_inside_the_shape() {
    let square = [(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)];
    let lines = path::hachure_lines(&square, 10.0, -41.0);
    assert!(lines.len() > 10);
    for (a, b) in lines {
        for (x, y) in [a, b] {
            assert!((-0.01..=100.01).contains(&x) && (-0.01..=100.01).contains(&y));
        }
    }
}

#[test]
fn degenerate_shapes_do_not_panic() {
    let mut s = Sketch::new(1, 10.0, 10.0);
    s.polygon(&[], &Pen::ink().fill("red"));
    s.polygon(&[(1.0, 1.0)], &Pen::ink());
    s.rect(0.0, 0.0, 0.0, 0.0, &Pen::ink().fill("red"));
    s.ellipse((0.0, 0.0), 0.0, -3.0, &Pen::ink().fill("red"));
    s.line((f64::NAN, 0.0), (1.0, 1.0), &Pen::ink());
    s.speech_bubble((0.0, 0.0, 5.0, 5.0), (2.0, 2.0), "", 12.0, &Pen::ink());
    let svg = s.finish("tiny");
    assert!(svg.ends_with("</svg>"));
}

#[test]
fn wrap_respects_width_and_keeps_words() {
    let lines = path::wrap("the quick brown fox jumps", 10);
    assert!(lines.iter().all(|l| l.chars().count() <= 10));
    assert_eq!(lines.join(" "), "the quick brown fox jumps");
    assert_eq!(path::wrap("abcdefghijkl", 5), vec!["abcde", "fghij", "kl"]);
}
