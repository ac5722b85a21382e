//! One sentence for the plot's text alternative: points, support vectors and
//! training accuracy of the model shown.

use super::super::model::{Fit, Playground, Status};
use super::analysis::Analysis;
use super::format::percent;

pub fn text(pg: &Playground, fit: Option<(&Fit, &Analysis)>) -> String {
    let n = pg.points().len();
    let points = format!("{n} point{}", if n == 1 { "" } else { "s" });
    match (fit, pg.status()) {
        (Some((_, an)), _) => {
            let (sv, bounded) = (an.support, an.bounded);
            format!(
                "SVM plot: {points}, {sv} support vector{} ({} free, {bounded} at C), training accuracy {}",
                if sv == 1 { "" } else { "s" },
                sv - bounded,
                percent(an.accuracy)
            )
        }
        (None, Status::Waiting(e)) => format!("SVM plot: {points}, no model: {e}"),
        (None, _) => format!("SVM plot: {points}, no model"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::model::Action;
    use super::*;

    #[test]
    fn the_summary_names_points_svs_and_accuracy() {
        let pg = Playground::default();
        let an = Analysis::of(pg.fit().unwrap());
        let s = text(&pg, pg.fit().zip(Some(&an)));
        assert!(s.starts_with("SVM plot: 40 points, "), "{s}");
        assert!(
            s.contains(&format!("{} support vectors", pg.support_count())),
            "{s}"
        );
        assert!(s.ends_with("training accuracy 100%"), "{s}");
        let mut pg = pg;
        pg.apply(&Action::Clear).unwrap();
        assert!(text(&pg, None).contains("no model: There are no points yet"));
    }
}
