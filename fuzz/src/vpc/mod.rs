//! VPC playground sessions from fuzz bytes: a preset, then actions whose ids,
//! CIDRs and addresses are mostly taken from the layout as it stands (so they
//! reach the deeper checks), sometimes fresh, sometimes raw text.

mod input;
mod pools;
mod resolve;

pub use input::*;
pub use resolve::*;

use arbitrary::Arbitrary;
use topic_vpc::model::{Action, Playground, PresetId};

/// Actions a session applies at most.
pub const MAX_ACTIONS: usize = 64;

/// A fuzz input: a structured session (`arbitrary`), or, after a first byte
/// `LITERAL`, the postcard bytes of a preset and a list of model actions
/// (tours, found crashes).
pub enum Script {
    Fuzz(Session),
    Literal(PresetId, Vec<Action>),
}

pub const LITERAL: u8 = 0xFF;

impl Script {
    pub fn from_bytes(data: &[u8]) -> Option<Script> {
        match data.split_first() {
            Some((&LITERAL, rest)) => postcard::from_bytes::<(PresetId, Vec<Action>)>(rest)
                .ok()
                .map(|(p, a)| Script::Literal(p, a)),
            _ => Session::arbitrary_take_rest(arbitrary::Unstructured::new(data))
                .ok()
                .map(Script::Fuzz),
        }
    }

    pub fn literal_bytes(preset: PresetId, actions: &[Action]) -> Vec<u8> {
        let mut out = vec![LITERAL];
        out.extend(postcard::to_allocvec(&(preset, actions)).expect("plain data serialises"));
        out
    }
}

/// Plays a script: every refused action must leave the playground exactly
/// as it was (the model's promise to the panel). Returns the playground.
pub fn play(script: &Script) -> Playground {
    let (start, steps) = match script {
        Script::Fuzz(s) => (preset(s.preset), s.actions.len()),
        Script::Literal(p, a) => (*p, a.len()),
    };
    let mut pg = Playground::with_preset(start);
    for k in 0..steps.min(MAX_ACTIONS) {
        let action = match script {
            Script::Fuzz(s) => resolve(&s.actions[k], pg.network()),
            Script::Literal(_, a) => a[k].clone(),
        };
        let before = pg.clone();
        if pg.apply(&action).is_err() {
            assert!(
                pg == before,
                "the refused {action:?} changed the playground"
            );
        }
    }
    pg
}
