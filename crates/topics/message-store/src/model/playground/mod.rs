//! The panel's state as a reducer over `Action`s.
//!
//! Single-node store (the fast path) and cluster view are separate: every
//! hand-made write goes to both, while bulk actions (bursts, bulk deletes,
//! generated workloads) go only to the store, which is sized for millions of
//! rows; the cluster holds the handful of rows its scenarios need.

mod bulk;
mod cluster_ops;
mod generate;
mod outcome;
mod reads;
mod settings;
mod shown;
mod writes;

pub use bulk::{SliceKind, FIRST_SLICE};
pub use outcome::Outcome;
pub use shown::ShownRead;

use super::action::Action;
use super::cluster::Cluster;
use super::coalesce::DataServices;
use super::error::Error;
use super::store::{QuerySpec, Store, StoreConfig};

/// 2017-01-17T00:00:00Z, the week Discord's first post appeared.
pub const DEFAULT_NOW_MS: u64 = 1_484_611_200_000;
pub const DEFAULT_PAGE_SIZE: u32 = 50;
const RING_SEED: u64 = 2017;
/// Actions a snapshot keeps; older ones are dropped (and flagged).
pub const MAX_LOG: usize = 256;
/// CQL statements kept for export; later ones are counted, not kept.
pub const MAX_STATEMENTS: usize = 5_000;

#[derive(Clone, Debug)]
pub struct Playground {
    pub(super) store: Store,
    pub(super) cluster: Cluster,
    pub(super) services: DataServices,
    pub(super) now_ms: u64,
    last_ts: i64,
    seq: u64,
    pub(super) write_nulls: bool,
    pub(super) page_size: u32,
    pub(super) last_query: Option<QuerySpec>,
    pub(super) paging_state: Option<String>,
    pub(super) outcome: Outcome,
    /// The read on screen, read again after every change (see `shown`).
    shown: Option<ShownRead>,
    pub(super) log: Vec<Action>,
    pub(super) log_truncated: bool,
    pub(super) scenario: Option<String>,
    statements: Vec<String>,
    statements_dropped: u64,
    /// Where the last action's statements start in `statements`.
    last_mark: usize,
    pending: Option<generate::Pending>,
    /// A burst or bulk delete being applied in slices.
    slicing: Option<bulk::Slicing>,
}

impl Default for Playground {
    fn default() -> Self {
        Playground::new()
    }
}

/// What the core's tour builder (`tour::Script`) plays the tours on.
impl techshack_core::state::Playground for Playground {
    type Action = Action;
    type Refusal = Error;

    fn apply(&mut self, action: &Action) -> Result<(), Error> {
        Playground::apply(self, action)
    }
}

impl Playground {
    pub fn new() -> Playground {
        let config = StoreConfig::default();
        Playground {
            store: Store::new(config),
            cluster: Cluster::standard(RING_SEED, config),
            services: DataServices::standard(),
            now_ms: DEFAULT_NOW_MS,
            last_ts: i64::MIN + 1,
            seq: 0,
            write_nulls: false,
            page_size: DEFAULT_PAGE_SIZE,
            last_query: None,
            paging_state: None,
            outcome: Outcome::Nothing,
            shown: None,
            log: Vec::new(),
            log_truncated: false,
            scenario: None,
            statements: Vec::new(),
            statements_dropped: 0,
            last_mark: 0,
            pending: None,
            slicing: None,
        }
    }

    /// Applies one action. On error nothing has changed.
    pub fn apply(&mut self, action: &Action) -> Result<(), Error> {
        if self.pending.is_some() || self.slicing.is_some() {
            return Err(Error::WorkloadRunning);
        }
        match action {
            Action::LoadScenario(id) => return self.load_scenario(id),
            Action::Reset => {
                *self = Playground::new();
                return Ok(());
            }
            _ => {}
        }
        let mark = self.statements.len();
        // TTLs run out as the clock moves, whichever action moved it.
        self.expire_due();
        self.dispatch(action)?;
        self.expire_due();
        if let Some(change) = action.rereads_after() {
            self.reread(change);
        }
        self.last_mark = mark;
        self.remember(action);
        Ok(())
    }

    fn dispatch(&mut self, action: &Action) -> Result<(), Error> {
        match action {
            Action::WriteMessage { .. }
            | Action::WriteExpiring { .. }
            | Action::DeleteHistory { .. }
            | Action::EditMessage { .. }
            | Action::DeleteMessage { .. }
            | Action::DeleteBucket { .. }
            | Action::Burst { .. }
            | Action::DeleteNewest { .. }
            | Action::GenerateWorkload { .. }
            | Action::WriteNullColumns(_)
            | Action::SetBucketDays(_)
            | Action::SetGrace(_)
            | Action::Compact
            | Action::AdvanceClock { .. }
            | Action::EnableEmptyBucketCache(_)
            | Action::RepairNullAuthors(_) => self.apply_write(action),
            Action::Query { .. }
            | Action::NextPage
            | Action::ResumePage { .. }
            | Action::SetPageSize(_) => self.apply_read(action),
            _ => self.apply_cluster(action),
        }
    }

    pub(super) fn remember(&mut self, action: &Action) {
        if self.log.len() >= MAX_LOG {
            self.log.remove(0);
            self.log_truncated = true;
        }
        self.log.push(action.clone());
    }

    fn load_scenario(&mut self, id: &str) -> Result<(), Error> {
        // The tours' actions as data: the tours themselves are built in the
        // extras module (see `scenarios`).
        let actions =
            super::scenarios::scenario(id).ok_or_else(|| Error::UnknownScenario(id.to_string()))?;
        let mut next = Playground::new();
        for a in &actions {
            next.apply(a)?;
        }
        next.log.clear();
        next.log_truncated = false;
        next.scenario = Some(id.to_string());
        *self = next;
        Ok(())
    }

    /// A write timestamp in µs: the clock, kept strictly increasing.
    pub(super) fn next_ts(&mut self) -> i64 {
        let ts = (self.now_ms as i64)
            .saturating_mul(1000)
            .max(self.last_ts + 1);
        self.last_ts = ts;
        ts
    }

    pub(crate) fn expire_due(&mut self) {
        self.store.expire(self.now_ms / 1000);
    }

    pub(super) fn next_seq(&mut self) -> u64 {
        self.seq = self.seq.wrapping_add(1);
        self.seq
    }

    pub(super) fn log_cql(&mut self, stmt: String) {
        if self.statements.len() < MAX_STATEMENTS {
            self.statements.push(stmt);
        } else {
            self.statements_dropped += 1;
        }
    }

    pub(super) fn statement_mark(&self) -> (usize, u64) {
        (self.statements.len(), self.statements_dropped)
    }

    pub(super) fn rewind_statements(&mut self, mark: (usize, u64)) {
        self.statements.truncate(mark.0);
        self.statements_dropped = mark.1;
    }

    // ----- read-only accessors -----

    pub fn store(&self) -> &Store {
        &self.store
    }
    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }
    pub fn services(&self) -> &DataServices {
        &self.services
    }
    pub fn now_ms(&self) -> u64 {
        self.now_ms
    }
    pub fn write_nulls(&self) -> bool {
        self.write_nulls
    }
    pub fn page_size(&self) -> u32 {
        self.page_size
    }
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }
    pub fn last_query(&self) -> Option<&QuerySpec> {
        self.last_query.as_ref()
    }
    pub fn paging_state(&self) -> Option<&str> {
        self.paging_state.as_deref()
    }
    pub fn actions(&self) -> &[Action] {
        &self.log
    }
    pub fn scenario(&self) -> Option<&str> {
        self.scenario.as_deref()
    }
    /// The session's CQL so far (capped; see `export_cql`).
    pub fn statements(&self) -> &[String] {
        &self.statements
    }
    /// The CQL the last successful action corresponds to.
    pub fn last_statements(&self) -> &[String] {
        self.statements.get(self.last_mark..).unwrap_or(&[])
    }

    /// The session as a cqlsh script.
    pub fn export_cql(&self) -> String {
        // The table holds only IDs; the names the panel shows are ours.
        let mut st: Vec<String> = super::channels::named()
            .iter()
            .filter(|(c, _)| self.store.channel(*c).is_some())
            .map(|(c, n)| format!("-- #{n} is channel_id {c}"))
            .collect();
        st.extend_from_slice(&self.statements);
        if self.statements_dropped > 0 {
            st.push(format!(
                "-- {} more statements were not kept",
                self.statements_dropped
            ));
        }
        super::cql::export_script(
            self.cluster.rf(),
            super::store::DEFAULT_GC_GRACE_SECONDS,
            &st,
        )
    }
}
