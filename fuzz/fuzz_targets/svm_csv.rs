//! The SVM panel's CSV import on any text: accepted points are within the
//! limits, and written back as CSV they parse to the same points.
#![no_main]

use libfuzzer_sys::fuzz_target;
use topic_svm::model::csv::parse_csv;
use topic_svm::model::points::{check_point, MAX_POINTS};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(points) = parse_csv(text) else {
        return;
    };
    assert!(!points.is_empty() && points.len() <= MAX_POINTS);
    for p in &points {
        check_point(p).expect("an accepted point is within range");
    }
    let csv: String = points
        .iter()
        .map(|p| format!("{},{},{}\n", p.x, p.y, p.label))
        .collect();
    assert_eq!(parse_csv(&csv).expect("written back, parses"), points);
});
