//! Opening a tour step: the step's script is replayed from the start (the
//! tours are fetched from the extras module first, once).

use super::reducer::PanelReducer;
use super::tour_bar::TourPos;
use super::Tours;
use crate::extras::Extras;
use crate::state::history::Change;
use crate::tour::{Landing, Tour, Wager};
use crate::PanelModel;
use std::cell::RefCell;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// What opening a step touches of the panel's state.
pub(super) struct Handles<M: PanelModel> {
    pub tours: Tours<M::Action>,
    pub tour: UseStateHandle<Option<TourPos>>,
    /// Says that the tours are on their way, or why they did not come.
    pub note: UseStateHandle<Option<String>>,
    pub extras: Extras,
    pub dispatcher: UseReducerDispatcher<PanelReducer<M>>,
    pub notice: UseStateHandle<Option<String>>,
    pub bets: Rc<RefCell<Vec<(TourPos, Wager)>>>,
}

/// Opens a step (`None` closes the tour); the step's bet is forgotten, so it
/// is asked again.
pub(super) fn go_to<M: PanelModel>(h: Handles<M>) -> Callback<Option<TourPos>> {
    let Handles {
        tours,
        tour,
        note,
        extras,
        dispatcher: d,
        notice,
        bets,
    } = h;
    Callback::from(move |pos: Option<TourPos>| {
        bets.borrow_mut().retain(|(at, _)| Some(*at) != pos);
        let show = {
            let (tour, d, notice) = (tour.clone(), d.clone(), notice.clone());
            move |list: &[Tour<M::Action>], pos: Option<TourPos>| {
                let Some((p, t)) = pos.and_then(|p| Some((p, list.get(p.tour)?))) else {
                    tour.set(None);
                    return;
                };
                // Only a link can ask for a step past the end.
                let landing = Landing {
                    tour: p.tour,
                    step: p.step,
                    note: None,
                }
                .clamp(&t.title, t.steps.len());
                if let Some(note) = landing.note {
                    notice.set(Some(note));
                }
                let p = TourPos {
                    step: landing.step,
                    ..p
                };
                d.dispatch(Change::Replay(t.actions_through(p.step)));
                tour.set(Some(p));
            }
        };
        let loaded = tours.borrow().clone();
        match (loaded, pos) {
            (Some(list), _) => show(&list, pos),
            (None, None) => tour.set(None),
            (None, Some(_)) => {
                note.set(Some("Loading the tours…".into()));
                let (tours, note, extras) = (tours.clone(), note.clone(), extras.clone());
                spawn_local(async move {
                    match extras.tours::<M>().await {
                        Ok(list) => {
                            let list = Rc::new(list);
                            *tours.borrow_mut() = Some(list.clone());
                            note.set(None);
                            show(&list, pos);
                        }
                        Err(why) => note.set(Some(format!("The tours could not load: {why}."))),
                    }
                });
            }
        }
    })
}
