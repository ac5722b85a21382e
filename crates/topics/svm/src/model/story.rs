//! The numbers the topic page's story (`story.html`) shows, and the one it
//! lets the reader scrub: C, the price of a point inside the margin.

use super::action::Action;
use super::playground::Playground;

pub fn values(pg: &Playground) -> Vec<(&'static str, f64)> {
    vec![
        ("c", pg.c()),
        ("points", pg.points().len() as f64),
        ("support_vectors", pg.support_count() as f64),
        ("bounded", pg.bounded_count() as f64),
        // NaN when there is no straight street (the page shows a dash).
        ("margin", pg.margin_width().unwrap_or(f64::NAN)),
    ]
}

pub fn set(key: &str, value: f64) -> Option<Action> {
    (key == "c" && value.is_finite()).then_some(Action::SetC(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_smaller_c_widens_the_street_and_takes_more_support_vectors() {
        let mut pg = Playground::default();
        let at =
            |pg: &Playground, key: &str| values(pg).into_iter().find(|(k, _)| *k == key).unwrap().1;
        let (margin, svs) = (at(&pg, "margin"), at(&pg, "support_vectors"));
        pg.apply(&set("c", 0.01).unwrap()).unwrap();
        assert_eq!(at(&pg, "c"), 0.01);
        assert!(at(&pg, "margin") > margin);
        assert!(at(&pg, "support_vectors") > svs);
        assert_eq!(set("gamma", 1.0), None);
    }
}
