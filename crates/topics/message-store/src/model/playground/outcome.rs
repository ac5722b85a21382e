//! What the last action produced, for the view to show next to its input.

use super::super::cluster::{ClusterRead, HintReplay, HotReadReport, RepairReport, WriteOutcome};
use super::super::coalesce::CoalesceReport;
use super::super::store::{CompactionReport, Page, QueryFailure};
use super::super::workload::Progress;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    #[default]
    Nothing,
    /// A write; `cluster` is how the replicas took it.
    Wrote {
        message_id: Option<u64>,
        cluster: Option<WriteOutcome>,
    },
    /// Many writes at once (bursts, bulk deletes).
    Bulk {
        rows: u64,
    },
    Page(Page),
    ReadFailed(QueryFailure),
    Compacted {
        store: CompactionReport,
        cluster_tombstones_purged: u64,
    },
    ClusterRead(ClusterRead),
    HotReads(HotReadReport),
    Coalesced(CoalesceReport),
    HintsReplayed(HintReplay),
    Repaired(RepairReport),
    Generated(Progress),
}
