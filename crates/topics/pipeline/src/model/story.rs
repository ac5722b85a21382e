//! The numbers the topic page's story (`story.html`) shows, and the one it
//! lets the reader scrub: the availability target.

use super::action::Action;
use super::budget::Window;
use super::playground::Playground;

pub fn values(pg: &Playground) -> Vec<(&'static str, f64)> {
    let target = pg.budget().target;
    vec![
        ("slo", target.percent()),
        (
            "budget_30d_min",
            target.allowed_downtime(Window::ThirtyDays).minutes(),
        ),
        (
            "budget_week_min",
            target.allowed_downtime(Window::Week).minutes(),
        ),
        ("budget_left_min", pg.budget().remaining().minutes()),
        ("targets", pg.pipeline().targets().len() as f64),
        ("incidents", pg.incidents().records().len() as f64),
    ]
}

pub fn set(key: &str, value: f64) -> Option<Action> {
    (key == "slo" && value.is_finite()).then_some(Action::SetSlo(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(pg: &Playground, key: &str) -> f64 {
        values(pg).into_iter().find(|(k, _)| *k == key).unwrap().1
    }

    #[test]
    fn four_nines_allow_about_a_minute_a_week() {
        let mut pg = Playground::default();
        pg.apply(&set("slo", 99.99).unwrap()).unwrap();
        assert_eq!(at(&pg, "slo"), 99.99);
        assert!((at(&pg, "budget_30d_min") - 4.32).abs() < 1e-9);
        assert!((at(&pg, "budget_week_min") - 1.008).abs() < 1e-9);
        assert_eq!(set("targets", 3.0), None);
    }
}
