//! Every way user input can be refused, with a message that says what to change.

use std::fmt;

/// Why a request was refused. The playground keeps its previous state when it
/// returns one of these.
#[derive(Clone, Debug, PartialEq)]
pub enum SvmError {
    /// No points at all.
    EmptyData,
    /// Training needs at least two distinct labels.
    SingleClass {
        label: i32,
    },
    TooManyPoints {
        got: usize,
        max: usize,
    },
    TooManyClasses {
        got: usize,
        max: usize,
    },
    /// A coordinate or parameter is NaN or infinite.
    NotFinite {
        field: &'static str,
    },
    CoordinateOutOfRange {
        value: f64,
        max: f64,
    },
    InvalidC {
        got: f64,
    },
    InvalidGamma {
        got: f64,
    },
    InvalidDegree {
        got: u32,
    },
    InvalidCoef0 {
        got: f64,
    },
    InvalidTolerance {
        got: f64,
    },
    /// Kernel values would overflow f64 for these points and parameters.
    KernelOverflow,
    PointIndex {
        index: usize,
        len: usize,
    },
    /// A step action arrived while no step-by-step run is active.
    NoStepRun,
    Csv {
        line: usize,
        reason: String,
    },
    ModelFile {
        line: usize,
        reason: String,
    },
    Snapshot {
        reason: String,
    },
}

impl fmt::Display for SvmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SvmError::EmptyData => write!(f, "There are no points yet: add points of two classes to train"),
            SvmError::SingleClass { label } => write!(
                f,
                "Need points of both classes to train (all points have label {label}); add a point of another class"
            ),
            SvmError::TooManyPoints { got, max } => {
                write!(f, "Too many points: at most {max} are allowed (got {got})")
            }
            SvmError::TooManyClasses { got, max } => {
                write!(f, "Too many classes: at most {max} labels are allowed (got {got})")
            }
            SvmError::NotFinite { field } => write!(f, "{field} must be a finite number (got NaN or infinity)"),
            SvmError::CoordinateOutOfRange { value, max } => {
                write!(f, "Coordinates must be between -{max} and {max} (got {})", g(*value))
            }
            SvmError::InvalidC { got } => write!(f, "C must be greater than 0 and at most 1e6 (got {})", g(*got)),
            SvmError::InvalidGamma { got } => {
                write!(f, "gamma must be greater than 0 and at most 1e6 (got {})", g(*got))
            }
            SvmError::InvalidDegree { got } => write!(f, "Degree must be between 1 and 10 (got {got})"),
            SvmError::InvalidCoef0 { got } => write!(f, "coef0 must be between -1e6 and 1e6 (got {})", g(*got)),
            SvmError::InvalidTolerance { got } => {
                write!(f, "Tolerance must be between 1e-12 and 1 (got {})", g(*got))
            }
            SvmError::KernelOverflow => write!(
                f,
                "Kernel values overflow for these points: lower gamma, the degree or the coordinate range"
            ),
            SvmError::PointIndex { index, len } => {
                write!(f, "There is no point {index}: there are {len} points")
            }
            SvmError::NoStepRun => write!(f, "No step-by-step run is active: start one first"),
            SvmError::Csv { line, reason } => write!(f, "CSV line {line}: {reason}"),
            SvmError::ModelFile { line, reason } => write!(f, "Model file line {line}: {reason}"),
            SvmError::Snapshot { reason } => write!(f, "The link could not be restored: {reason}"),
        }
    }
}

impl std::error::Error for SvmError {}

/// A number as a person would write it back: `1e+308`, not 309 digits.
fn g(v: f64) -> String {
    super::cfmt::format_g(v, 6)
}
