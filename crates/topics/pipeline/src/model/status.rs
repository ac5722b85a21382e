//! Where one target stands in a release (Spinnaker's stage statuses, plus the
//! bake and verify phases of Airbnb's pipelines).

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TargetStatus {
    #[default]
    NotStarted,
    /// Rolling out, through the canary steps if there are any.
    Deploying,
    /// Serving the new version at 100% under health checks for `bake_minutes`.
    Baking,
    /// A last health check before the target counts as done.
    Verifying,
    /// Dependencies succeeded; a manual gate waits for Approve.
    AwaitingApproval,
    Succeeded,
    Failed,
    RolledBack,
    /// Not deployed in this release because the release stopped first.
    Skipped,
}

impl TargetStatus {
    pub const ALL: [TargetStatus; 9] = [
        TargetStatus::NotStarted,
        TargetStatus::Deploying,
        TargetStatus::Baking,
        TargetStatus::Verifying,
        TargetStatus::AwaitingApproval,
        TargetStatus::Succeeded,
        TargetStatus::Failed,
        TargetStatus::RolledBack,
        TargetStatus::Skipped,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TargetStatus::NotStarted => "not started",
            TargetStatus::Deploying => "deploying",
            TargetStatus::Baking => "baking",
            TargetStatus::Verifying => "verifying",
            TargetStatus::AwaitingApproval => "awaiting approval",
            TargetStatus::Succeeded => "succeeded",
            TargetStatus::Failed => "failed",
            TargetStatus::RolledBack => "rolled back",
            TargetStatus::Skipped => "skipped",
        }
    }

    /// The new version is (or was) running here, so a rollback has work to do.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            TargetStatus::Deploying | TargetStatus::Baking | TargetStatus::Verifying
        )
    }

    /// Nothing more will happen to this target in this release without a person.
    pub fn is_settled(self) -> bool {
        matches!(
            self,
            TargetStatus::Succeeded
                | TargetStatus::Failed
                | TargetStatus::RolledBack
                | TargetStatus::Skipped
        )
    }
}

impl fmt::Display for TargetStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
