//! The release timeline: what happened to which target, minute by minute.

use serde::{Deserialize, Serialize};

use super::health::Trip;
use super::pipeline::Pipeline;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub tick: u32,
    pub target: Option<usize>,
    pub kind: EventKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EventKind {
    ReleaseStarted {
        version: u32,
        cowboy: bool,
    },
    AwaitingApproval,
    Approved,
    Started,
    WeightSet(u8),
    AnalysisPassed,
    /// The new version now takes all of the target's traffic.
    Promoted,
    Tripped(Trip),
    /// A canary analysis failed: its traffic went back to the old version.
    Aborted,
    Failed,
    Succeeded,
    RolledBack {
        to_version: u32,
    },
    Skipped,
}

impl Event {
    /// One line for the timeline, e.g. "12 min · canary: weight 10%".
    pub fn describe(&self, pipeline: &Pipeline) -> String {
        let who = self.target.map(|t| pipeline.id(t)).unwrap_or("release");
        let what = match &self.kind {
            EventKind::ReleaseStarted {
                version,
                cowboy: false,
            } => format!("v{version} started"),
            EventKind::ReleaseStarted {
                version,
                cowboy: true,
            } => {
                format!("v{version} pushed straight to every user-facing target (cowboy mode)")
            }
            EventKind::AwaitingApproval => "waiting for approval".to_owned(),
            EventKind::Approved => "approved".to_owned(),
            EventKind::Started => "deploy started".to_owned(),
            EventKind::WeightSet(w) => format!("weight {w}%"),
            EventKind::AnalysisPassed => "analysis passed".to_owned(),
            EventKind::Promoted => "new version at 100%".to_owned(),
            EventKind::Tripped(trip) => format!("health check failed: {}", trip.describe()),
            EventKind::Aborted => "canary aborted, weight back to 0%".to_owned(),
            EventKind::Failed => "failed".to_owned(),
            EventKind::Succeeded => "succeeded".to_owned(),
            EventKind::RolledBack { to_version } => format!("rolled back to v{to_version}"),
            EventKind::Skipped => "skipped (release stopped)".to_owned(),
        };
        format!("{} min · {who}: {what}", self.tick)
    }
}
