//! What "copy link" stores: the scenario the session started from, the
//! user's own small actions (capped), and the final settings. Generated data
//! is never stored; its seed and size are, inside the actions.

use super::action::Action;
use super::bucket::BucketSize;
use super::cluster::Consistency;
use super::error::Error;
use super::input::Input;
use super::playground::{Playground, MAX_LOG};
use super::snowflake::Snowflake;
use serde::{Deserialize, Serialize};

pub const SNAPSHOT_VERSION: u32 = 1;

/// Messages a link may write or delete in bulk (bursts and bulk deletes),
/// all actions together: a crafted link of 256 full bursts would otherwise
/// replay 51 million writes (issue 15). Generated workloads are not counted:
/// they are made in slices.
pub const MAX_LINK_BULK_ROWS: u64 = 400_000;

/// Whether replaying `a` may take more than a few milliseconds: a restore
/// runs each such action in a task of its own (see `resume_restore`).
fn heavy(a: &Action) -> bool {
    match a {
        Action::Burst { count, .. } | Action::DeleteNewest { count, .. } => *count > 1_000,
        Action::Query { limit, .. } | Action::ClusterRead { limit, .. } => *limit > 1_000,
        Action::HotReads { .. }
        | Action::ConcurrentReads { .. }
        | Action::Compact
        | Action::DeleteHistory { .. }
        | Action::Repair
        | Action::GenerateWorkload { .. } => true,
        _ => false,
    }
}

fn bulk_rows(a: &Action) -> u64 {
    match a {
        Action::Burst { count, .. } | Action::DeleteNewest { count, .. } => u64::from(*count),
        _ => 0,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Params {
    pub bucket_days: u32,
    pub gc_grace_seconds: u32,
    pub page_size: u32,
    pub write_nulls: bool,
    pub empty_bucket_cache: bool,
    pub repair_null_authors: bool,
    pub nodes: u32,
    pub rf: u32,
    pub read_cl: Consistency,
    pub write_cl: Consistency,
    pub coalescing: bool,
    pub data_services: u32,
    pub now_ms: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub v: u32,
    pub scenario: Option<String>,
    pub actions: Vec<Action>,
    /// Older actions were dropped; the settings below still restore.
    pub truncated: bool,
    pub params: Params,
}

/// A link being restored step by step (see `Playground::restore_in_steps`).
#[derive(Clone, Debug, PartialEq)]
pub struct Restoring {
    snapshot: Snapshot,
    /// The next action of `snapshot.actions` to apply.
    next: usize,
}

impl Restoring {
    /// The link being restored, whole.
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// Actions replayed so far, and how many the link holds.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.snapshot.actions.len())
    }
}

/// What a link must satisfy before anything is replayed.
fn check(s: &Snapshot) -> Result<(), Error> {
    if s.v != SNAPSHOT_VERSION {
        return Err(Error::Snapshot(format!(
            "version {} is not {SNAPSHOT_VERSION}",
            s.v
        )));
    }
    if s.actions.len() > MAX_LOG {
        return Err(Error::Snapshot(format!(
            "it holds {} actions; at most {MAX_LOG} are allowed",
            s.actions.len()
        )));
    }
    let bulk: u64 = s.actions.iter().map(bulk_rows).sum();
    if bulk > MAX_LINK_BULK_ROWS {
        return Err(Error::Snapshot(format!(
            "it writes or deletes {bulk} messages in bulk; a link may hold at most {MAX_LINK_BULK_ROWS}"
        )));
    }
    if let Some(i) = s.actions.iter().position(|a| !a.replayable()) {
        return Err(Error::Snapshot(format!(
            "action {} cannot appear in a link",
            i + 1
        )));
    }
    Ok(())
}

impl Playground {
    pub fn snapshot(&self) -> Snapshot {
        let c = self.store.config();
        // A session may bulk-write more than a link may replay (found by
        // fuzzing): like a long log, its oldest actions are dropped, so the
        // link the panel writes is one it can open.
        let mut actions = self.log.as_slice();
        let mut truncated = self.log_truncated;
        while actions.iter().map(bulk_rows).sum::<u64>() > MAX_LINK_BULK_ROWS {
            actions = &actions[1..];
            truncated = true;
        }
        Snapshot {
            v: SNAPSHOT_VERSION,
            scenario: self.scenario.clone(),
            actions: actions.to_vec(),
            truncated,
            params: Params {
                bucket_days: c.bucket.days() as u32,
                gc_grace_seconds: c.gc_grace_seconds,
                page_size: self.page_size,
                write_nulls: self.write_nulls,
                empty_bucket_cache: c.empty_bucket_cache,
                repair_null_authors: c.repair_null_authors,
                nodes: self.cluster.node_count() as u32,
                rf: self.cluster.rf() as u32,
                read_cl: self.cluster.read_cl,
                write_cl: self.cluster.write_cl,
                coalescing: self.services.coalescing,
                data_services: self.services.instances(),
                now_ms: self.now_ms,
            },
        }
    }

    /// Rebuilds a session from a (possibly tampered) link.
    pub fn from_snapshot(s: Snapshot) -> Result<Playground, Error> {
        check(&s)?;
        let mut p = Playground::new();
        if let Some(id) = &s.scenario {
            p.apply(&Action::LoadScenario(id.clone()))
                .map_err(|e| Error::Snapshot(e.to_string()))?;
        }
        for (i, a) in s.actions.iter().enumerate() {
            p.apply(a)
                .map_err(|e| Error::Snapshot(format!("action {}: {e}", i + 1)))?;
        }
        p.finish_restore(&s)?;
        Ok(p)
    }

    /// Like `from_snapshot`, but a generated workload in the link is only
    /// begun, so a UI can generate it in slices (`workload_step`) and then
    /// call `resume_restore`. The second value is `None` when the session
    /// is already whole.
    pub fn restore_in_steps(s: Snapshot) -> Result<(Playground, Option<Restoring>), Error> {
        check(&s)?;
        let mut p = Playground::new();
        if let Some(id) = &s.scenario {
            p.apply(&Action::LoadScenario(id.clone()))
                .map_err(|e| Error::Snapshot(e.to_string()))?;
        }
        let mut r = Restoring {
            snapshot: s,
            next: 0,
        };
        let whole = p.resume_restore(&mut r)?;
        Ok((p, (!whole).then_some(r)))
    }

    /// Applies the link's next actions: up to a generated workload, which
    /// is begun (`false`: generate it, then call again), through one heavy
    /// action (`false`: call again in a new task), or to the end, where the
    /// settings are restored (`true`: the session is whole).
    pub fn resume_restore(&mut self, r: &mut Restoring) -> Result<bool, Error> {
        while let Some(a) = r.snapshot.actions.get(r.next).cloned() {
            r.next += 1;
            let at = |e: Error| Error::Snapshot(format!("action {}: {e}", r.next));
            if let Action::GenerateWorkload {
                seed,
                messages,
                channels,
            } = a
            {
                self.begin_workload(seed, messages, channels).map_err(at)?;
                return Ok(false);
            }
            self.apply(&a).map_err(at)?;
            if heavy(&a) && r.next < r.snapshot.actions.len() {
                return Ok(false);
            }
        }
        self.finish_restore(&r.snapshot)?;
        Ok(true)
    }

    /// Settings, log and scenario as the link has them, once every action
    /// has been replayed.
    fn finish_restore(&mut self, s: &Snapshot) -> Result<(), Error> {
        let logged = self.statement_mark();
        self.restore_params(&s.params)
            .map_err(|e| Error::Snapshot(e.to_string()))?;
        // Settings replay already matched are no-ops; keep the CQL log as the user made it.
        self.rewind_statements(logged);
        self.log = s.actions.clone();
        self.log_truncated = s.truncated;
        self.scenario = s.scenario.clone();
        Ok(())
    }

    /// Brings settings in line with `params` (no-ops when replay already did).
    fn restore_params(&mut self, q: &Params) -> Result<(), Error> {
        let c = *self.store.config();
        let mut fix = Vec::new();
        if BucketSize::from_days(q.bucket_days)? != c.bucket {
            fix.push(Action::SetBucketDays(q.bucket_days));
        }
        if q.gc_grace_seconds != c.gc_grace_seconds {
            fix.push(Action::SetGrace(q.gc_grace_seconds));
        }
        if q.page_size != self.page_size {
            fix.push(Action::SetPageSize(q.page_size));
        }
        fix.push(Action::WriteNullColumns(q.write_nulls));
        if q.empty_bucket_cache != c.empty_bucket_cache {
            fix.push(Action::EnableEmptyBucketCache(q.empty_bucket_cache));
        }
        fix.push(Action::RepairNullAuthors(q.repair_null_authors));
        if q.nodes as usize != self.cluster.node_count() || q.rf as usize != self.cluster.rf() {
            self.cluster.reshape(q.nodes as usize, q.rf as usize)?;
        }
        fix.push(Action::SetReadCl(q.read_cl));
        fix.push(Action::SetWriteCl(q.write_cl));
        fix.push(Action::SetCoalescing(q.coalescing));
        if q.data_services != self.services.instances() {
            fix.push(Action::SetDataServices(q.data_services));
        }
        for a in &fix {
            self.apply(a)?;
        }
        if q.now_ms < self.now_ms {
            return Err(Error::Invalid {
                field: Input::Clock,
                reason: "is earlier than the actions it follows".into(),
            });
        }
        Snowflake::largest_at(q.now_ms).map_err(|error| Error::Snowflake {
            field: Input::Clock,
            error,
        })?;
        self.now_ms = q.now_ms;
        self.expire_due();
        self.reread("the clock moved on");
        Ok(())
    }
}
