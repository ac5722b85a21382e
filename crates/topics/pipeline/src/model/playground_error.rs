//! Why an action was refused. Refused actions change nothing.

use std::fmt;

use super::budget::{BudgetError, Downtime};
use super::error::ConfigError;
use super::journal::Overflow;
use super::status::TargetStatus;

#[derive(Clone, Debug, PartialEq)]
pub enum PlaygroundError {
    ConfigTooLarge {
        bytes: usize,
        limit: usize,
    },
    /// A snapshot's config did not validate.
    InvalidConfig(Vec<ConfigError>),
    InvalidSlo(BudgetError),
    InvalidMinutes {
        got: u32,
        max: u32,
    },
    ReleaseInProgress {
        version: u32,
    },
    FailedNotRolledBack {
        target: String,
    },
    ReleaseFrozen {
        consumed: Downtime,
        allowed: Downtime,
    },
    NoRelease,
    ReleaseBlocked {
        waiting: Vec<String>,
    },
    UnknownTarget {
        id: String,
    },
    NotAwaitingApproval {
        target: String,
        status: TargetStatus,
        reason: Option<String>,
    },
    NothingToRollBack,
    GamedayPending,
    NoGameday,
    GamedayStillRunning,
    /// A link's step was refused on replay: the link was edited or cut.
    LinkStepRefused {
        step: usize,
        of: usize,
        reason: Box<PlaygroundError>,
    },
    /// A link holds more than a session may share.
    LinkOverCap(Overflow),
}

impl fmt::Display for PlaygroundError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use PlaygroundError as E;
        match self {
            E::ConfigTooLarge { bytes, limit } => write!(
                f,
                "the config is {bytes} bytes; the limit is {limit} bytes, so it was not loaded"
            ),
            E::InvalidConfig(errors) => {
                write!(f, "the config has {} error(s)", errors.len())?;
                match errors.first() {
                    Some(e) => write!(f, "; first: {e}"),
                    None => Ok(()),
                }
            }
            E::InvalidSlo(e) => write!(f, "{e}"),
            E::InvalidMinutes { got, max } => {
                write!(f, "minutes must be between 1 and {max} (got {got})")
            }
            E::ReleaseInProgress { version } => write!(
                f,
                "v{version} is still being released; let it finish or roll it back first"
            ),
            E::FailedNotRolledBack { target } => write!(
                f,
                "{target} failed in the last release and has not been rolled back; press Rollback first"
            ),
            E::ReleaseFrozen { consumed, allowed } => write!(
                f,
                "release frozen: error budget spent ({} used of {} for 30 days); start a new budget window or lower the SLO",
                consumed.format_minutes(),
                allowed.format_minutes()
            ),
            E::NoRelease => write!(f, "no release is running; start one first"),
            E::ReleaseBlocked { waiting } => write!(
                f,
                "the release is waiting for approval of {}; approve it first",
                waiting.join(", ")
            ),
            E::UnknownTarget { id } => write!(f, "there is no target `{id}` in this pipeline"),
            E::NotAwaitingApproval { target, status, reason } => {
                write!(f, "{target} is not waiting for approval (it is {status}")?;
                match reason {
                    Some(r) => write!(f, "; {r})"),
                    None => write!(f, ")"),
                }
            }
            E::NothingToRollBack => write!(f, "nothing to roll back: no target runs the new version"),
            E::GamedayPending => write!(
                f,
                "classify the last gameday's failure first (incidents only once)"
            ),
            E::NoGameday => write!(f, "there is no gameday to classify; inject a failure first"),
            E::GamedayStillRunning => write!(
                f,
                "the gameday release is still running; let it finish (or reach a gate) before classifying"
            ),
            E::LinkStepRefused { step, of, reason } => write!(
                f,
                "step {step} of the {of} this link replays cannot be taken ({reason}); the link was changed or cut short, so ask for a fresh one"
            ),
            E::LinkOverCap(o) => write!(
                f,
                "this link holds {o}, more than a link may replay; ask for a fresh one"
            ),
        }
    }
}
