//! Spending the error budget: every simulated minute in which some users get a
//! bad build (or an outage) costs "affected fraction × 1 minute" of downtime.
//! Releases freeze once the 30-day budget is spent.

use serde::{Deserialize, Serialize};

use super::budget::{Availability, Downtime, Window};

/// The budget window the freeze is judged on.
pub const BUDGET_WINDOW: Window = Window::ThirtyDays;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBudget {
    pub target: Availability,
    consumed: Downtime,
}

impl ErrorBudget {
    pub fn new(target: Availability) -> Self {
        ErrorBudget {
            target,
            consumed: Downtime::default(),
        }
    }

    pub fn allowed(&self) -> Downtime {
        self.target.allowed_downtime(BUDGET_WINDOW)
    }

    pub fn consumed(&self) -> Downtime {
        self.consumed
    }

    /// What is left; zero once spent (see `overspent` for how far past).
    pub fn remaining(&self) -> Downtime {
        Downtime {
            micros: self.allowed().micros.saturating_sub(self.consumed.micros),
        }
    }

    pub fn overspent(&self) -> Downtime {
        Downtime {
            micros: self.consumed.micros.saturating_sub(self.allowed().micros),
        }
    }

    /// Consumed over allowed; 1.0 or more means releases are frozen.
    pub fn consumed_fraction(&self) -> f64 {
        self.consumed.micros as f64 / self.allowed().micros.max(1) as f64
    }

    pub fn is_spent(&self) -> bool {
        self.consumed.micros >= self.allowed().micros
    }

    /// Charges `minutes` during which `affected` (0..=1) of all users had a bad time.
    pub fn burn(&mut self, affected: f64, minutes: u32) {
        let affected = if affected.is_finite() {
            affected.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let cost = Downtime::from_minutes_f64(affected * f64::from(minutes));
        self.consumed.micros = self.consumed.micros.saturating_add(cost.micros);
    }

    /// A new window: the spent budget is forgiven.
    pub fn reset(&mut self) {
        self.consumed = Downtime::default();
    }
}
