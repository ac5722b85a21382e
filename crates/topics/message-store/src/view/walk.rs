//! The bucket walk, replayed: which bucket each step of the last read
//! visited, revealed one step at a time so the walk can be watched.

use super::super::model::store::BucketVisit;
use gloo::timers::callback::Interval;
use std::rc::Rc;
use yew::prelude::*;

/// What the walk did at one bucket, for the timeline's colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Read,
    Empty,
    Skipped,
}

/// The visit index and mark of `bucket` in the walk, if it was visited.
pub fn visit_of(visits: &[BucketVisit], bucket: u64) -> Option<(usize, Mark)> {
    visits.iter().enumerate().find_map(|(i, v)| match v {
        BucketVisit::Read { bucket: b, .. } if *b == bucket => Some((i, Mark::Read)),
        BucketVisit::Missing { from, to } if (*to..=*from).contains(&bucket) => {
            Some((i, Mark::Empty))
        }
        BucketVisit::Skipped { from, to } if (*to..=*from).contains(&bucket) => {
            Some((i, Mark::Skipped))
        }
        _ => None,
    })
}

/// Milliseconds per step: short enough that a 40-bucket walk takes ~3 s.
pub fn step_ms(steps: usize) -> u32 {
    (3000 / steps.max(1) as u32).clamp(25, 180)
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// How many steps of the walk are revealed. Restarts at 0 whenever `key`
/// (the identity of the read) changes and counts up to `len`.
#[hook]
pub fn use_walk_progress(key: usize, len: usize) -> usize {
    let shown = use_state(|| len);
    let timer = use_mut_ref(|| None::<Interval>);
    // Declared first, so on a new walk it drops the old timer before the
    // next effect starts the new one; afterwards it stops a finished walk.
    {
        let timer = timer.clone();
        let done = *shown >= len;
        use_effect_with((key, done), move |(_, done)| {
            if *done {
                timer.borrow_mut().take();
            }
        });
    }
    {
        let shown = shown.clone();
        let timer = timer.clone();
        use_effect_with((key, len), move |(key, len)| {
            let len = *len;
            *timer.borrow_mut() = None;
            if *key == 0 || len == 0 || reduced_motion() {
                shown.set(len);
            } else {
                shown.set(0);
                let counter = Rc::new(std::cell::Cell::new(0usize));
                *timer.borrow_mut() = Some(Interval::new(step_ms(len), move || {
                    let n = counter.get() + 1;
                    if n <= len {
                        counter.set(n);
                        shown.set(n);
                    }
                }));
            }
            move || {
                timer.borrow_mut().take();
            }
        });
    }
    (*shown).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_find_their_step() {
        let v = vec![
            BucketVisit::Read {
                bucket: 40,
                live: 1,
                tombstones: 0,
            },
            BucketVisit::Missing { from: 39, to: 10 },
            BucketVisit::Skipped { from: 9, to: 9 },
        ];
        assert_eq!(visit_of(&v, 40), Some((0, Mark::Read)));
        assert_eq!(visit_of(&v, 25), Some((1, Mark::Empty)));
        assert_eq!(visit_of(&v, 9), Some((2, Mark::Skipped)));
        assert_eq!(visit_of(&v, 3), None);
        assert_eq!(step_ms(40), 75);
        assert_eq!(step_ms(1), 180);
        assert_eq!(step_ms(1000), 25);
    }
}
