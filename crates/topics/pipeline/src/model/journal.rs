//! What a link needs to restore the whole session, not only the config: the
//! state the session started from (its base) and every action taken since.
//!
//! The release in progress (statuses, canary weights, health samples), the
//! budget spent and the incident log are all functions of those actions and
//! the seed, so replaying them rebuilds exactly what the panel showed. That
//! is far smaller than the state itself (a release's health log alone holds
//! up to 2048 samples), and a tampered link is checked by the same rules a
//! click is: a step the model refuses refuses the link.
//!
//! The journal starts over whenever the session is back at a state its config
//! alone describes (no release yet, no minute passed), so editing the config
//! costs nothing until the first release. Past the caps it stops and links
//! carry the config in force only, as they did before releases were shared.

use std::fmt;
use std::rc::Rc;

use super::action::{Action, SnapshotConfig};
use super::playground_apply::MAX_ADVANCE_MINUTES;
use super::presets::Preset;

/// Actions a link may replay: a long afternoon of clicking, while a restore
/// stays a few milliseconds.
pub const MAX_LINK_STEPS: usize = 256;
/// Simulated minutes a link may replay (two weeks); each costs a step of
/// every target, so this bounds the restore's work.
pub const MAX_LINK_MINUTES: u32 = 20_000;
/// Bytes of text (edited configs, target ids) a link's steps may carry.
pub const MAX_LINK_TEXT_BYTES: usize = 16 * 1024;

/// Which cap a session went past.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overflow {
    Steps,
    Minutes,
    Text,
}

impl fmt::Display for Overflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Overflow::Steps => write!(f, "more than {MAX_LINK_STEPS} steps"),
            Overflow::Minutes => write!(f, "more than {MAX_LINK_MINUTES} simulated minutes"),
            Overflow::Text => write!(f, "more than {MAX_LINK_TEXT_BYTES} bytes of edited text"),
        }
    }
}

/// The state a journal's steps start from.
#[derive(Clone, Debug, PartialEq)]
pub struct Base {
    pub preset: Option<Preset>,
    /// Shared with the playground's config text, not copied.
    pub text: Rc<str>,
    pub seed: u64,
    pub slo_percent: f64,
}

impl Base {
    pub fn config(&self) -> SnapshotConfig {
        match self.preset {
            Some(p) => SnapshotConfig::Preset(p),
            None => SnapshotConfig::Text(self.text.to_string()),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Journal {
    base: Base,
    steps: Vec<Action>,
    text_bytes: usize,
    overflow: Option<Overflow>,
}

/// The text an action carries into a link.
pub fn text_bytes(action: &Action) -> usize {
    match action {
        Action::EditConfig(t) | Action::Approve(t) => t.len(),
        _ => 0,
    }
}

impl Journal {
    pub fn new(base: Base) -> Self {
        Journal {
            base,
            steps: Vec::new(),
            text_bytes: 0,
            overflow: None,
        }
    }

    pub fn base(&self) -> &Base {
        &self.base
    }
    pub fn steps(&self) -> &[Action] {
        &self.steps
    }
    /// Why links carry the config only, if they do.
    pub fn overflow(&self) -> Option<Overflow> {
        self.overflow
    }

    /// Notes a step that succeeded; `clock` is the session minute after it.
    pub fn push(&mut self, action: &Action, clock: u32) {
        if self.overflow.is_some() {
            return;
        }
        if clock > MAX_LINK_MINUTES {
            return self.stop(Overflow::Minutes);
        }
        // Ticks arrive one per animation frame: a run of them is one step.
        if let (Some(minutes), Some(last)) = (minutes_of(action), self.steps.last_mut()) {
            if let Some(before) = minutes_of(last) {
                let total = before.saturating_add(minutes);
                if total <= MAX_ADVANCE_MINUTES {
                    *last = Action::Advance { minutes: total };
                    return;
                }
            }
        }
        let bytes = self.text_bytes.saturating_add(text_bytes(action));
        if bytes > MAX_LINK_TEXT_BYTES {
            return self.stop(Overflow::Text);
        }
        if self.steps.len() >= MAX_LINK_STEPS {
            return self.stop(Overflow::Steps);
        }
        self.text_bytes = bytes;
        self.steps.push(action.clone());
    }

    /// Past a cap: the steps are dropped (they could not be shared anyway).
    fn stop(&mut self, why: Overflow) {
        self.overflow = Some(why);
        self.steps = Vec::new();
        self.text_bytes = 0;
    }
}

fn minutes_of(action: &Action) -> Option<u32> {
    match action {
        Action::Tick => Some(1),
        Action::Advance { minutes } => Some(*minutes),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journal() -> Journal {
        Journal::new(Base {
            preset: Some(Preset::Airbnb),
            text: "".into(),
            seed: 1,
            slo_percent: 99.9,
        })
    }

    #[test]
    fn runs_of_ticks_become_one_step() {
        let mut j = journal();
        j.push(&Action::StartRelease { bad_build: false }, 0);
        for m in 1..=3 {
            j.push(&Action::Tick, m);
        }
        j.push(&Action::Advance { minutes: 5 }, 8);
        assert_eq!(
            j.steps(),
            [
                Action::StartRelease { bad_build: false },
                Action::Advance { minutes: 8 }
            ]
        );
        j.push(&Action::Advance { minutes: 1440 }, 1448);
        assert_eq!(
            j.steps().len(),
            3,
            "a merge never exceeds one Advance's limit"
        );
    }

    #[test]
    fn each_cap_stops_the_journal() {
        let mut j = journal();
        for i in 0..MAX_LINK_STEPS {
            j.push(&Action::SetSeed(i as u64), 0);
        }
        assert_eq!(j.overflow(), None);
        j.push(&Action::Rollback, 0);
        assert_eq!(j.overflow(), Some(Overflow::Steps));
        assert!(j.steps().is_empty());

        let mut j = journal();
        j.push(&Action::Tick, MAX_LINK_MINUTES + 1);
        assert_eq!(j.overflow(), Some(Overflow::Minutes));

        let mut j = journal();
        j.push(&Action::EditConfig("#".repeat(MAX_LINK_TEXT_BYTES)), 0);
        assert_eq!(j.overflow(), None);
        j.push(&Action::Approve("x".into()), 0);
        assert_eq!(j.overflow(), Some(Overflow::Text));
        assert!(j
            .overflow()
            .is_some_and(|o| o.to_string().contains("bytes of edited text")));
    }
}
