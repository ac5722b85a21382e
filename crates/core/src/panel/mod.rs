//! The generic panel frame: one component that gives any `PanelModel` undo and
//! redo, reset, a shareable link, embed snippets, guided tours and its comic.

mod bet_box;
mod boot;
mod comic;
mod embed_dialog;
mod reducer;
mod replay;
mod story;
mod task_box;
mod toolbar;
mod tour_bar;
mod tour_nav;

use crate::extras::Extras;
use crate::state::history::{Change, History};
use crate::state::link::panel_link;
use crate::state::url_codec::encode;
use crate::tour::{tour_link, Tour, TourLink, Wager};
use crate::{PanelHandle, PanelModel};
use bet_box::BetCard;
use comic::ComicView;
use embed_dialog::EmbedDialog;
use gloo::timers::callback::Timeout;
use reducer::PanelReducer;
use std::cell::RefCell;
use std::rc::Rc;
use task_box::TaskCard;
use toolbar::Toolbar;
use tour_bar::{score, tour_bar, TourBarProps, TourPos};
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use boot::boot;
pub use story::{StoryLink, StoryScrub, StoryValues};

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
    /// A tour to open at a step, from a step link or `mount`'s options.
    #[prop_or_default]
    pub open_tour: Option<TourLink>,
    /// The topic page's story: the numbers it shows and the ones it scrubs.
    #[prop_or_default]
    pub story: StoryLink,
}

/// The tours, once fetched from the extras module.
pub(crate) type Tours<A> = Rc<RefCell<Option<Rc<Vec<Tour<A>>>>>>;

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
    // The reader's bets, by tour and step: the open step's, and the score
    // for the recap. Opening a step forgets its bet, so it is asked again.
    // (A list, not a map or a second state: each is code in every module.)
    let bets = use_mut_ref(Vec::<(TourPos, Wager)>::new);
    let comic_open = use_state(|| false);
    let embed_open = use_state(|| false);
    let uid = crate::use_panel_uid("panel");
    let copied = use_state(|| None::<String>);
    let timer = use_mut_ref(|| None::<Timeout>);

    // A replay under way (a tour step whose actions the model does in
    // slices) changes the state every slice.
    let going = reducer.history.going();
    {
        let on_share = props.on_share.clone();
        let story = props.story.clone();
        use_effect_with(reducer.present.clone(), move |present| {
            // The story's numbers follow once the work is done.
            if story.shown() && !going {
                story.show(present.story_values());
            }
            let present = present.clone();
            *timer.borrow_mut() = Some(Timeout::new(SHARE_DEBOUNCE_MS, move || {
                on_share.emit(encode(M::STATE_VERSION, &present.snapshot()))
            }));
        });
    }

    let dispatcher = reducer.dispatcher();
    if props.story.shown() {
        let (present, d) = (reducer.present.clone(), dispatcher.clone());
        props.story.listen(Callback::from(
            move |(key, value, continues): StoryScrub| {
                if let Some(a) = present.story_set(&key, value) {
                    d.dispatch(if continues {
                        Change::Continue(a)
                    } else {
                        Change::Do(a)
                    });
                }
            },
        ));
    }
    replay::use_work_slices(going, reducer.present.clone(), dispatcher.clone());
    let dispatch = use_callback(dispatcher.clone(), |a: M::Action, d| {
        d.dispatch(Change::Do(a))
    });
    // The open step's task, if it is one, and whether the model says its
    // goal holds: asked once per render, which every change of state causes.
    let task = (*tour).and_then(|p| {
        let list = tours.borrow();
        list.as_ref()?.get(p.tour)?.steps.get(p.step)?.task.clone()
    });
    let on_task = task.is_some();
    let task_done = task
        .as_ref()
        .is_some_and(|t| reducer.present.goal_holds(&t.goal) == Some(true));
    // Undo, redo and reset leave any tour: its step no longer describes the
    // state. On a task step, undo and redo are part of the reader's work.
    let change = {
        let d = dispatcher.clone();
        let tour = tour.clone();
        move |c: Change<M::Action>| {
            let (d, tour) = (d.clone(), tour.clone());
            Callback::from(move |_| {
                let keep = on_task && !matches!(c, Change::Reset);
                d.dispatch(c.clone());
                if !keep {
                    tour.set(None);
                }
            })
        }
    };

    let go_to = tour_nav::go_to::<M>(tour_nav::Handles {
        tours: tours.clone(),
        tour: tour.clone(),
        note: tours_note.clone(),
        extras: props.extras.clone(),
        dispatcher: dispatcher.clone(),
        notice: notice.clone(),
        bets: bets.clone(),
    });

    // A bet applies the step's reveal, so the reader sees what they bet on.
    let on_bet = {
        let (tour, tours, bets, d) = (
            tour.clone(),
            tours.clone(),
            bets.clone(),
            dispatcher.clone(),
        );
        Callback::from(move |w: Wager| {
            let Some(pos) = *tour else { return };
            let list = tours.borrow().clone();
            let Some(t) = list.as_ref().and_then(|l| l.get(pos.tour)) else {
                return;
            };
            // No bet before the step's state is made.
            if going {
                return;
            }
            if t.steps.get(pos.step).is_some_and(|s| s.bet.is_some()) {
                bets.borrow_mut().push((pos, w));
                // The replay renders the panel, which reads the bet.
                d.dispatch(Change::Reveal(t.actions_revealed(pos.step)));
            }
        })
    };

    // "Do it for me": the task's solution from the step's setup.
    let on_solve = {
        let (tour, tours, d) = (tour.clone(), tours.clone(), dispatcher.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(pos) = *tour else { return };
            if let Some(t) = tours.borrow().as_ref().and_then(|l| l.get(pos.tour)) {
                d.dispatch(Change::Reveal(t.actions_revealed(pos.step)));
            }
        })
    };

    // A step link opens its tour once, when the panel first shows.
    {
        let (go_to, notice) = (go_to.clone(), notice.clone());
        let link = props.open_tour.clone();
        use_effect_with((), move |_| match link.map(|l| l.find(M::TOUR_TITLES)) {
            Some(Ok(at)) => go_to.emit(Some(TourPos {
                tour: at.tour,
                step: at.step,
            })),
            Some(Err(why)) => notice.set(Some(why)),
            None => {}
        });
    }

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
                if !on_task {
                    tour.set(None);
                }
                return;
            }
            let Some(pos) = *tour else { return };
            let len = tours
                .borrow()
                .as_ref()
                .and_then(|l| l.get(pos.tour).map(|t| t.steps.len()))
                .unwrap_or(0);
            match key.as_str() {
                // An open task holds the reader on its step.
                "ArrowRight" if pos.step + 1 < len && (!on_task || task_done) => {
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

    let (shown, body_key) = replay::use_held_view(going, &present, reducer.history.jumps());
    let handle = PanelHandle {
        state: shown.clone(),
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
                tours={M::TOUR_TITLES.iter().map(|(id, t)| (AttrValue::Static(t), tour_link(&props.link_base, M::ID, id, 1).into())).collect::<Vec<_>>()}
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
                { tour_bar(TourBarProps {
                    title: AttrValue::from(t.title.to_string()),
                    pos,
                    len: t.steps.len(),
                    text: t.steps.get(pos.step).map(|s| s.text.clone()).unwrap_or_default(),
                    focus: t.steps.get(pos.step).and_then(|s| s.focus.clone()).map(|f| AttrValue::from(f.into_owned())),
                    bet: t.steps.get(pos.step).and_then(|s| s.bet.as_ref()).map(|b| BetCard { question: b.question.clone(), guess: b.guess.clone(), why: b.why.clone() }),
                    wager: bets.borrow().iter().find(|(at, _)| *at == pos).map(|(_, w)| *w),
                    working: going.then(|| AttrValue::from(present.working().unwrap_or_default())),
                    on_bet: on_bet.clone(),
                    task: task.map(|k| TaskCard { hint: k.hint, done: task_done }),
                    on_solve: on_solve.clone(),
                    score: score(&bets.borrow(), &t, pos.tour),
                    seen: t.steps.iter().take(t.steps.len().saturating_sub(1)).filter_map(|s| s.bet.as_ref().map(|b| b.why.clone())).collect::<Vec<_>>(),
                    seed: AttrValue::from(t.seed.to_string()),
                    source: M::ARTICLE,
                    on_go: go_to.clone(),
                }) }
            }
            <ContextProvider<Extras> context={props.extras.clone()}>
                // Keyed on the history's jumps: after a reset or a tour step
                // the view is made afresh, so no form keeps drafts from a
                // state that is gone.
                <div class="panel-body" key={body_key.to_string()} aria-busy={going.then_some("true")}>{ M::view(handle) }</div>
            </ContextProvider<Extras>>

            if *comic_open {
                <ComicView<M> state={shown} extras={props.extras.clone()} />
            }
        </section>
    }
}
