//! Bridges `state::History` to yew's `use_reducer`.

use crate::state::history::{Change, History};
use crate::{PanelModel, Shared};
use std::rc::Rc;
use yew::Reducible;

pub struct PanelReducer<M: PanelModel> {
    pub history: History<M>,
    /// The present as a shared pointer, so views compare by identity.
    pub present: Shared<M>,
}

impl<M: PanelModel> PanelReducer<M> {
    pub fn new(history: History<M>) -> Self {
        let present = Shared(history.present_rc());
        PanelReducer { history, present }
    }
}

impl<M: PanelModel> Reducible for PanelReducer<M> {
    type Action = Change<M::Action>;

    fn reduce(self: Rc<Self>, change: Self::Action) -> Rc<Self> {
        let mut history = match Rc::try_unwrap(self) {
            Ok(me) => me.history,
            Err(shared) => shared.history.clone(),
        };
        history.change(change);
        Rc::new(PanelReducer::new(history))
    }
}
