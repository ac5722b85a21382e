//! The generic panel frame: one component that gives any `PanelModel` undo and
//! redo, reset, a shareable link, embed snippets, guided tours and its comic.

mod boot;
mod comic;
mod embed_dialog;
mod reducer;
mod toolbar;
mod tour_bar;

use crate::extras::Extras;
use crate::state::history::{Change, History};
use crate::state::link::panel_link;
use crate::state::url_codec::encode;
use crate::tour::Tour;
use crate::{PanelHandle, PanelModel};
use comic::ComicView;
use embed_dialog::EmbedDialog;
use gloo::timers::callback::Timeout;
use reducer::PanelReducer;
use std::cell::RefCell;
use std::rc::Rc;
use toolbar::Toolbar;
use tour_bar::{TourBar, TourPos};
use wasm_bindgen::JsCast;
use yew::platform::spawn_local;
use yew::prelude::*;

pub use boot::boot;

#[derive(Properties, PartialEq, Clone)]
pub struct PanelProps {
    /// Encoded state from a link, if any.
    #[prop_or_default]
    pub initial_state: Option<AttrValue>,
    /// Receives the encoded state after changes settle (the site writes it to
    /// the URL; an embedded panel keeps it to itself).
    #[prop_or_default]
    pub on_share: Callback<String>,
    /// Where the site lives, for "copy link" and embed snippets.
    pub link_base: AttrValue,
    #[prop_or_default]
    pub embedded: bool,
    /// The topic's extras module (comic drawing, tours).
    #[prop_or_default]
    pub extras: Extras,
    /// The panel's accessible name, when the topic's title is not enough (the
    /// same topic twice on a page).
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// The tours, once fetched from the extras module.
type Tours<A> = Rc<RefCell<Option<Rc<Vec<Tour<A>>>>>>;

/// Link updates wait for changes to settle, so a drag does not rewrite the
/// address bar sixty times a second.
const SHARE_DEBOUNCE_MS: u32 = 300;

fn in_text_field(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false)
}

#[function_component]
pub fn Panel<M: PanelModel>(props: &PanelProps) -> Html {
    let initial = props.initial_state.clone();
    let boot = use_memo((), move |_| boot::<M>(initial.as_deref()));
    let reducer = {
        let start = boot.0.clone();
        use_reducer(move || PanelReducer::new(History::new(M::initial(), start)))
    };
    let notice = use_state(|| boot.1.clone());
    let tours: Tours<M::Action> = use_mut_ref(|| None);
    // Says that the tours are on their way, or why they did not come.
    let tours_note = use_state(|| None::<String>);
    let tour = use_state(|| None::<TourPos>);
    let comic_open = use_state(|| false);
    let embed_open = use_state(|| false);
    let uid = crate::use_panel_uid("panel");
    let copied = use_state(|| None::<String>);
    let timer = use_mut_ref(|| None::<Timeout>);

    {
        let on_share = props.on_share.clone();
        use_effect_with(reducer.present.clone(), move |present| {
            let present = present.clone();
            *timer.borrow_mut() = Some(Timeout::new(SHARE_DEBOUNCE_MS, move || {
                on_share.emit(encode(M::STATE_VERSION, &present.snapshot()))
            }));
        });
    }

    let dispatcher = reducer.dispatcher();
    let dispatch = use_callback(dispatcher.clone(), |a: M::Action, d| {
        d.dispatch(Change::Do(a))
    });
    // Undo, redo and reset leave any tour: its step no longer describes the state.
    let change = {
        let d = dispatcher.clone();
        let tour = tour.clone();
        move |c: Change<M::Action>| {
            let (d, tour) = (d.clone(), tour.clone());
            Callback::from(move |_| {
                d.dispatch(c.clone());
                tour.set(None);
            })
        }
    };

    let go_to = {
        let tours = tours.clone();
        let tour = tour.clone();
        let note = tours_note.clone();
        let extras = props.extras.clone();
        let d = dispatcher.clone();
        Callback::from(move |pos: Option<TourPos>| {
            let show = {
                let (tour, d) = (tour.clone(), d.clone());
                move |list: &[Tour<M::Action>], pos: Option<TourPos>| {
                    if let Some(t) = pos.and_then(|p| list.get(p.tour)) {
                        d.dispatch(Change::Replay(t.actions_through(pos.map_or(0, |p| p.step))));
                    }
                    tour.set(pos);
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
    };

    let onkeydown = {
        let tour = tour.clone();
        let tours = tours.clone();
        let go_to = go_to.clone();
        let d = dispatcher.clone();
        Callback::from(move |e: KeyboardEvent| {
            if in_text_field(&e) {
                return;
            }
            let key = e.key();
            if (e.ctrl_key() || e.meta_key()) && key.eq_ignore_ascii_case("z") {
                e.prevent_default();
                d.dispatch(if e.shift_key() {
                    Change::Redo
                } else {
                    Change::Undo
                });
                tour.set(None);
                return;
            }
            let Some(pos) = *tour else { return };
            let len = tours
                .borrow()
                .as_ref()
                .and_then(|l| l.get(pos.tour).map(|t| t.steps.len()))
                .unwrap_or(0);
            match key.as_str() {
                "ArrowRight" if pos.step + 1 < len => {
                    e.prevent_default();
                    go_to.emit(Some(pos.next()));
                }
                "ArrowLeft" if pos.step > 0 => {
                    e.prevent_default();
                    go_to.emit(Some(pos.prev()));
                }
                "Escape" => go_to.emit(None),
                _ => {}
            }
        })
    };

    let present = reducer.present.clone();
    let link_now = {
        let base = props.link_base.clone();
        let present = present.clone();
        move || panel_link(&base, M::ID, &encode(M::STATE_VERSION, &present.snapshot()))
    };
    let on_copy_link = {
        let copied = copied.clone();
        let link_now = link_now.clone();
        Callback::from(move |_| {
            let link = link_now();
            crate::dom::clipboard::copy(&link);
            copied.set(Some(link));
        })
    };

    let handle = PanelHandle {
        state: present.clone(),
        dispatch,
    };
    let history = &reducer.history;
    let toggle = |s: &UseStateHandle<bool>| {
        let s = s.clone();
        Callback::from(move |_| s.set(!*s))
    };

    html! {
        <section class={classes!("panel", props.embedded.then_some("embedded"), tour.is_some().then_some("touring"))}
                 aria-label={props.label.clone().unwrap_or(AttrValue::Static(M::TITLE))} {onkeydown}>

            if let Some(msg) = (*notice).clone() {
                <div class="notice" role="alert">
                    <span>{ msg }</span>
                    <button onclick={{ let n = notice.clone(); move |_| n.set(None) }}>{ "Dismiss" }</button>
                </div>
            }
            <Toolbar
                can_undo={history.can_undo()}
                undo_off={history.undo_off().map(AttrValue::Static)}
                can_redo={history.can_redo()}
                on_undo={change(Change::Undo)}
                on_redo={change(Change::Redo)}
                on_reset={change(Change::Reset)}
                on_copy_link={on_copy_link}
                on_embed={toggle(&embed_open)}
                embed_open={*embed_open}
                on_comic={toggle(&comic_open)}
                comic_open={*comic_open}
                tours={M::TOUR_TITLES.iter().map(|(_, t)| AttrValue::Static(t)).collect::<Vec<_>>()}
                on_tour={{ let go = go_to.clone(); Callback::from(move |i: usize| go.emit(Some(TourPos::start(i)))) }}
                uid={uid.clone()}
            />
            if let Some(link) = (*copied).clone() {
                <p class="copied" role="status">
                    { "Link copied: " }
                    <input class="link-out" readonly=true value={link} aria-label="Shareable link" />
                </p>
            }
            if *embed_open {
                <EmbedDialog topic={M::ID} title={M::TITLE} base={props.link_base.clone()} on_close={toggle(&embed_open)} />
            }
            if let Some(note) = (*tours_note).clone() {
                <p class="tour-note" role="status">{ note }</p>
            }
            if let (Some(pos), Some(t)) = (*tour, tour.and_then(|p| tours.borrow().as_ref().and_then(|l| l.get(p.tour).cloned()))) {
                <TourBar
                    title={AttrValue::from(t.title.to_string())}
                    pos={pos}
                    len={t.steps.len()}
                    text={t.steps.get(pos.step).map(|s| s.text.clone()).unwrap_or_default()}
                    question={t.steps.get(pos.step).and_then(|s| s.predict.clone())}
                    previous={pos.step.checked_sub(1).and_then(|i| t.steps.get(i)).and_then(|s| s.predict.clone())}
                    on_go={go_to.clone()}
                />
            }
            <ContextProvider<Extras> context={props.extras.clone()}>
                // Keyed on the history's jumps: after a reset or a tour step
                // the view is made afresh, so no form keeps drafts from a
                // state that is gone.
                <div class="panel-body" key={history.jumps().to_string()}>{ M::view(handle) }</div>
            </ContextProvider<Extras>>

            if *comic_open {
                <ComicView<M> state={present} extras={props.extras.clone()} />
            }
        </section>
    }
}
