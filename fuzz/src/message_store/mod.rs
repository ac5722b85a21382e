//! Message-store sessions from fuzz bytes, and restoring a link the way the
//! panel does (in steps, generating workloads in slices).

mod input;
mod resolve;

pub use input::{At, Channel, Cl, FAction, Message, Session};
pub use resolve::{fold, resolve, Seen};

use arbitrary::Arbitrary;
use topic_message_store::model::snapshot::Restoring;
use topic_message_store::model::{Action, Outcome, Playground, Snapshot};

/// Actions a session applies at most.
pub const MAX_ACTIONS: usize = 48;
/// Rows a fuzz input may make in total (bursts and workloads), so one input
/// takes milliseconds, not seconds; larger legal requests are folded below it.
pub const ROW_CAP: u64 = 5_000;
/// The panel's default channel (Discord's API docs example).
pub const DEFAULT_CHANNEL: u64 = 175_928_847_299_117_063;

const MAX_BURST: u64 = 200_000;
const MAX_MESSAGES: u64 = 5_000_000;
const MAX_LIMIT: u64 = 1_000_000;
const MAX_HOT_READS: u64 = 100_000;
const MAX_CONCURRENT: u64 = 10_000;

/// A fuzz input: structured actions (`arbitrary`), or, after a first byte
/// `LITERAL`, the postcard bytes of a list of model actions (tours, found
/// crashes).
pub enum Script {
    Fuzz(Session),
    Literal(Vec<Action>),
}

pub const LITERAL: u8 = 0xFF;

impl Script {
    pub fn from_bytes(data: &[u8]) -> Option<Script> {
        match data.split_first() {
            Some((&LITERAL, rest)) => postcard::from_bytes(rest).ok().map(Script::Literal),
            _ => Session::arbitrary_take_rest(arbitrary::Unstructured::new(data))
                .ok()
                .map(Script::Fuzz),
        }
    }

    pub fn literal_bytes(actions: &[Action]) -> Vec<u8> {
        let mut out = vec![LITERAL];
        out.extend(postcard::to_allocvec(actions).expect("plain data serialises"));
        out
    }
}

/// Plays a script; every refused action must leave the playground as it
/// was (compared by what a link and the CQL export would show).
pub fn play(script: &Script) -> Playground {
    let mut pg = Playground::new();
    let mut seen = Seen::default();
    let steps = match script {
        Script::Fuzz(s) => s.actions.len(),
        Script::Literal(a) => a.len(),
    };
    for k in 0..steps.min(MAX_ACTIONS) {
        let mut action = match script {
            Script::Fuzz(s) => resolve(&s.actions[k], &pg, &seen),
            Script::Literal(a) => a[k].clone(),
        };
        fold(&mut action, &mut seen);
        let before = (pg.snapshot(), pg.statements().len(), pg.store().row_count());
        match pg.apply(&action) {
            Ok(()) => {
                if let Outcome::Wrote {
                    message_id: Some(id),
                    ..
                } = pg.outcome()
                {
                    seen.written.push(*id);
                }
            }
            Err(_) => {
                let after = (pg.snapshot(), pg.statements().len(), pg.store().row_count());
                assert!(
                    after == before,
                    "the refused {action:?} changed the playground"
                );
            }
        }
    }
    pg
}

/// Restores a link as the panel does: `restore_in_steps`, then each
/// generated workload in slices and the rest of the link after it.
/// `Ok(None)` if the link asks for more than `4 × ROW_CAP` new rows (legal,
/// but too slow for a fuzz input; the workload tests cover it); `Err` with
/// the panel's message if it refuses the link.
pub fn restore_like_the_panel(s: Snapshot) -> Result<Option<Playground>, String> {
    let generated: u64 = s
        .actions
        .iter()
        .map(|a| match a {
            Action::GenerateWorkload { messages, .. } => *messages,
            Action::Burst { count, .. } => u64::from(*count),
            _ => 0,
        })
        .sum();
    if generated > ROW_CAP * 4 {
        return Ok(None);
    }
    let (mut pg, restoring) = Playground::restore_in_steps(s).map_err(|e| e.to_string())?;
    let Some(mut r): Option<Restoring> = restoring else {
        return Ok(Some(pg));
    };
    loop {
        while pg.workload_progress().is_some() {
            match pg.workload_step(1_000) {
                Ok(p) if p.finished => break,
                Ok(_) => {}
                Err(e) => return Err(e.to_string()),
            }
        }
        if pg.resume_restore(&mut r).map_err(|e| e.to_string())? {
            return Ok(Some(pg));
        }
    }
}
