//! Error budgets (Google SRE book, "Embracing Risk"): availability = good / total,
//! and the budget is 1 − target. Computed in integer microseconds so the SRE
//! table comes out exact (99.99% → 52.56 min a year, 4.32 min per 30 days,
//! 1.008 min a week).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Targets are held in millionths of a percent, so 99.99 is exact; each unit of
/// unavailability is then a whole number of microseconds in every window.
const UNITS_PER_PERCENT: u64 = 1_000_000;
const UNITS_TOTAL: u64 = 100 * UNITS_PER_PERCENT;
const MICROS_PER_MINUTE: u64 = 60_000_000;
const MICROS_PER_DAY: u64 = 86_400_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Window {
    /// 365 days, as the SRE table counts a year.
    Year,
    ThirtyDays,
    Week,
}

impl Window {
    pub const ALL: [Window; 3] = [Window::Year, Window::ThirtyDays, Window::Week];

    pub fn micros(self) -> u64 {
        match self {
            Window::Year => 365 * MICROS_PER_DAY,
            Window::ThirtyDays => 30 * MICROS_PER_DAY,
            Window::Week => 7 * MICROS_PER_DAY,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Window::Year => "per year",
            Window::ThirtyDays => "per 30 days",
            Window::Week => "per week",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum BudgetError {
    /// The target must be strictly between 0 and 100 percent.
    TargetOutOfRange {
        got: f64,
    },
    NoRequests,
    MoreGoodThanTotal {
        good: u64,
        total: u64,
    },
}

/// A number as typed, not as 309 digits: `1e308`, `-0`, `inf`.
fn shown(v: f64) -> String {
    super::decimal::Shown(v).to_string()
}

impl fmt::Display for BudgetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BudgetError::TargetOutOfRange { got } => write!(
                f,
                "the availability target must be above 0% and below 100%, to at most 6 decimals (got {})",
                shown(*got)
            ),
            BudgetError::NoRequests => write!(f, "total requests must be at least 1 (got 0)"),
            BudgetError::MoreGoodThanTotal { good, total } => write!(
                f,
                "good requests ({good}) cannot exceed total requests ({total})"
            ),
        }
    }
}

/// An availability target, e.g. 99.99%.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Availability {
    units: u64,
}

impl Availability {
    /// 99%, a safe fallback.
    pub const TWO_NINES: Availability = Availability {
        units: 99 * UNITS_PER_PERCENT,
    };

    /// From a percentage in (0, 100), rounded to a millionth of a percent.
    pub fn from_percent(percent: f64) -> Result<Self, BudgetError> {
        let err = BudgetError::TargetOutOfRange { got: percent };
        if !percent.is_finite() || percent <= 0.0 || percent >= 100.0 {
            return Err(err);
        }
        let units = (percent * UNITS_PER_PERCENT as f64).round();
        if units < 1.0 || units >= UNITS_TOTAL as f64 {
            return Err(err);
        }
        Ok(Availability {
            units: units as u64,
        })
    }

    pub fn percent(self) -> f64 {
        self.units as f64 / UNITS_PER_PERCENT as f64
    }

    /// The error budget, 1 − target, as a fraction.
    pub fn budget_fraction(self) -> f64 {
        UNITS_TOTAL.saturating_sub(self.units) as f64 / UNITS_TOTAL as f64
    }

    /// Allowed downtime in a window, exact to the microsecond.
    pub fn allowed_downtime(self, window: Window) -> Downtime {
        let per_unit = window.micros() / UNITS_TOTAL;
        Downtime {
            micros: UNITS_TOTAL.saturating_sub(self.units) * per_unit,
        }
    }

    pub fn downtime_table(self) -> [(Window, Downtime); 3] {
        Window::ALL.map(|w| (w, self.allowed_downtime(w)))
    }
}

impl fmt::Display for Availability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}%",
            decimal(u128::from(self.units), u128::from(UNITS_PER_PERCENT), 6)
        )
    }
}

/// A span of (down)time in whole microseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Downtime {
    pub micros: u64,
}

impl Downtime {
    pub fn from_minutes_f64(minutes: f64) -> Downtime {
        let micros = (minutes.max(0.0) * MICROS_PER_MINUTE as f64).round();
        Downtime {
            micros: if micros >= u64::MAX as f64 {
                u64::MAX
            } else {
                micros as u64
            },
        }
    }

    pub fn minutes(self) -> f64 {
        self.micros as f64 / MICROS_PER_MINUTE as f64
    }

    pub fn seconds(self) -> f64 {
        self.micros as f64 / 1e6
    }

    /// In minutes, to at most 3 decimals: "432 min", "1.008 min".
    pub fn format_minutes(self) -> String {
        format!(
            "{} min",
            decimal(u128::from(self.micros), u128::from(MICROS_PER_MINUTE), 3)
        )
    }

    /// In the largest unit that is at least 1, to at most 3 decimals: "3.65 d",
    /// "8.76 h", "52.56 min", "25.92 s".
    pub fn human(self) -> String {
        const UNITS: [(u64, &str); 5] = [
            (MICROS_PER_DAY, "d"),
            (3_600_000_000, "h"),
            (MICROS_PER_MINUTE, "min"),
            (1_000_000, "s"),
            (1_000, "ms"),
        ];
        let (size, name) = UNITS
            .iter()
            .copied()
            .find(|(size, _)| self.micros >= *size)
            .unwrap_or((1_000, "ms"));
        format!(
            "{} {name}",
            decimal(u128::from(self.micros), u128::from(size), 3)
        )
    }
}

impl fmt::Display for Downtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.human())
    }
}

/// `value / unit` rounded half-up to `places` decimals, trailing zeros dropped.
fn decimal(value: u128, unit: u128, places: u32) -> String {
    let scale = 10u128.pow(places);
    let scaled = (value * scale + unit / 2) / unit;
    let (whole, frac) = (scaled / scale, scaled % scale);
    if frac == 0 {
        return whole.to_string();
    }
    let digits = format!("{frac:0width$}", width = places as usize);
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// The request-based view: availability is good / total requests.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestBudget {
    pub target: Availability,
    pub good: u64,
    pub total: u64,
}

impl RequestBudget {
    pub fn new(target: Availability, good: u64, total: u64) -> Result<Self, BudgetError> {
        if total == 0 {
            return Err(BudgetError::NoRequests);
        }
        if good > total {
            return Err(BudgetError::MoreGoodThanTotal { good, total });
        }
        Ok(RequestBudget {
            target,
            good,
            total,
        })
    }

    pub fn availability(&self) -> f64 {
        self.good as f64 / self.total as f64
    }

    pub fn failed(&self) -> u64 {
        self.total - self.good
    }

    /// Failures the budget allows over `total` requests: total × (1 − target).
    pub fn allowed_failures(&self) -> f64 {
        self.total as f64 * self.target.budget_fraction()
    }

    /// Allowed minus actual failures; negative once the budget is overspent.
    pub fn remaining_failures(&self) -> f64 {
        self.allowed_failures() - self.failed() as f64
    }

    /// The share of the budget left, from 1 (untouched) down; below 0 is overspent.
    pub fn remaining_fraction(&self) -> f64 {
        let allowed = self.allowed_failures();
        if allowed > 0.0 {
            self.remaining_failures() / allowed
        } else {
            0.0
        }
    }

    pub fn is_spent(&self) -> bool {
        self.remaining_failures() <= 0.0
    }
}

#[cfg(test)]
mod shown_tests {
    use super::*;

    #[test]
    fn huge_targets_are_quoted_back_short() {
        let e = BudgetError::TargetOutOfRange { got: 1e308 }.to_string();
        assert!(e.ends_with("(got 1e308)"), "{e}");
        let e = BudgetError::TargetOutOfRange { got: 100.5 }.to_string();
        assert!(e.ends_with("(got 100.5)"), "{e}");
    }
}
