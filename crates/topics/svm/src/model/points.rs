//! Training points and the limits that keep the solver's arithmetic meaningful.

use serde::{Deserialize, Serialize};

use super::error::SvmError;

/// At most this many points: beyond it the panel stops being interactive.
pub const MAX_POINTS: usize = 5000;
/// At most this many distinct labels (one-vs-one trains k(k−1)/2 problems).
pub const MAX_CLASSES: usize = 10;
/// Coordinates are limited so that kernels stay finite.
pub const MAX_COORD: f64 = 1e6;

/// A labelled 2-D point. Binary sets use labels −1 and +1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub label: i32,
}

impl Point {
    pub fn new(x: f64, y: f64, label: i32) -> Self {
        Point { x, y, label }
    }

    pub fn coords(&self) -> [f64; 2] {
        [self.x, self.y]
    }
}

pub fn check_coord(v: f64, field: &'static str) -> Result<(), SvmError> {
    if !v.is_finite() {
        return Err(SvmError::NotFinite { field });
    }
    if v.abs() > MAX_COORD {
        return Err(SvmError::CoordinateOutOfRange {
            value: v,
            max: MAX_COORD,
        });
    }
    Ok(())
}

pub fn check_point(p: &Point) -> Result<(), SvmError> {
    check_coord(p.x, "x")?;
    check_coord(p.y, "y")
}

pub fn check_count(n: usize) -> Result<(), SvmError> {
    if n > MAX_POINTS {
        return Err(SvmError::TooManyPoints {
            got: n,
            max: MAX_POINTS,
        });
    }
    Ok(())
}

/// The distinct labels in ascending order (scikit-learn's class order).
pub fn sorted_labels(points: &[Point]) -> Vec<i32> {
    let mut labels: Vec<i32> = points.iter().map(|p| p.label).collect();
    labels.sort_unstable();
    labels.dedup();
    labels
}

/// The labels in order of first appearance, with libsvm's rule that a two-class
/// −1/+1 set lists +1 first (svm-train's model file order).
pub fn libsvm_label_order(points: &[Point]) -> Vec<i32> {
    let mut labels: Vec<i32> = Vec::new();
    for p in points {
        if !labels.contains(&p.label) {
            labels.push(p.label);
        }
    }
    if labels == [-1, 1] {
        labels.swap(0, 1);
    }
    labels
}

/// Checks everything training needs from the points alone.
pub fn check_training_set(points: &[Point]) -> Result<Vec<i32>, SvmError> {
    if points.is_empty() {
        return Err(SvmError::EmptyData);
    }
    check_count(points.len())?;
    for p in points {
        check_point(p)?;
    }
    let labels = sorted_labels(points);
    match labels.len() {
        1 => Err(SvmError::SingleClass { label: labels[0] }),
        k if k > MAX_CLASSES => Err(SvmError::TooManyClasses {
            got: k,
            max: MAX_CLASSES,
        }),
        _ => Ok(labels),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_orders_follow_sklearn_and_libsvm() {
        let pts = [Point::new(0.0, 0.0, -1), Point::new(1.0, 0.0, 1)];
        assert_eq!(sorted_labels(&pts), vec![-1, 1]);
        assert_eq!(libsvm_label_order(&pts), vec![1, -1]);
        let multi = [
            Point::new(0.0, 0.0, 3),
            Point::new(1.0, 0.0, 1),
            Point::new(2.0, 0.0, 2),
        ];
        assert_eq!(libsvm_label_order(&multi), vec![3, 1, 2]);
        assert_eq!(sorted_labels(&multi), vec![1, 2, 3]);
    }

    #[test]
    fn training_set_checks_name_the_problem() {
        assert_eq!(check_training_set(&[]), Err(SvmError::EmptyData));
        let one = [Point::new(0.0, 0.0, 1), Point::new(1.0, 1.0, 1)];
        let err = check_training_set(&one).unwrap_err();
        assert!(err.to_string().starts_with("Need points of both classes"));
        let nan = [Point::new(f64::NAN, 0.0, 1), Point::new(1.0, 1.0, -1)];
        assert_eq!(
            check_training_set(&nan),
            Err(SvmError::NotFinite { field: "x" })
        );
        let many = vec![Point::new(0.0, 0.0, 1); MAX_POINTS + 1];
        assert!(matches!(
            check_training_set(&many),
            Err(SvmError::TooManyPoints { .. })
        ));
        let far = [Point::new(0.0, 2e6, 1), Point::new(1.0, 1.0, -1)];
        assert!(matches!(
            check_training_set(&far),
            Err(SvmError::CoordinateOutOfRange { .. })
        ));
    }
}
