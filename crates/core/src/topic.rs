//! What a topic is: metadata plus a panel model. A panel model is a reducer
//! (`Undoable::apply` over named actions) with a shareable snapshot, tours and a
//! comic drawn from its live state. One generic frame (`panel`) turns any
//! `PanelModel` into a panel with undo, links, embedding, tours and the comic.

use crate::embed::{mount, PanelMount};
use crate::sketch::{Layout, Zine};
use crate::state::history::Undoable;
use crate::state::url_codec::{decode, encode};
use crate::tour::Tour;
use crate::workshop::{Block, TourSheet};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::marker::PhantomData;
use std::rc::Rc;
use wasm_bindgen::{JsError, JsValue};
use yew::prelude::*;

/// What the site says about a topic: its route, and its card on the home page.
pub trait TopicInfo {
    /// The route segment: `#/<ID>` and `#/embed/<ID>`.
    const ID: &'static str;
    const TITLE: &'static str;
    const SUMMARY: &'static str;
    const ICON: &'static str;
    /// The piece the panel explains, which a compact embed links to.
    const ARTICLE: Article;
    /// The topic's blocks in a workshop (`#/workshop`), in teaching order.
    const WORKSHOP: &'static [Block];
    /// The topic's upgrade module, if it has one: a fuller build of the same
    /// panel that the page loads only when a reader asks for it or a link
    /// needs it (see `extras::Upgrade`). `Some("ipv6")` means the crate
    /// `crates/topics/<id>/ipv6`, built into `topic-<id>-ipv6.js`.
    const UPGRADE: Option<&'static str> = None;
}

/// A source a panel links to: its title as readers know it, and its address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Article {
    pub title: &'static str,
    pub url: &'static str,
}

/// A panel's state and how it is shown. Its actions are serialisable, because
/// tours (made of actions) are built in the topic's extras module and sent to
/// the panel.
pub trait PanelModel:
    Undoable<Action: Serialize + DeserializeOwned> + TopicInfo + PartialEq + 'static
{
    /// Bump when `Snapshot` changes shape, so old links get an honest notice.
    const STATE_VERSION: u32;
    /// Each tour's id and title, so the toolbar can list the tours before the
    /// tours themselves arrive from the extras module. The registry tests
    /// check it against `tours()`.
    const TOUR_TITLES: &'static [(&'static str, &'static str)];

    type Snapshot: Serialize + DeserializeOwned;
    /// What the comic says about this state (its words and the few facts the
    /// drawing needs): small, so the panel reads it here and the extras
    /// module draws it.
    type Comic: Serialize + DeserializeOwned + PartialEq + 'static;

    fn initial() -> Self;
    fn snapshot(&self) -> Self::Snapshot;
    /// Rebuild from a link; the snapshot may be tampered with, so validate.
    fn restore(snapshot: Self::Snapshot) -> Result<Self, String>;
    /// The tours, played on the model as they are built (extras module).
    fn tours() -> Vec<Tour<Self::Action>>;
    fn comic_script(&self) -> Self::Comic;
    /// The single-graphic summary as SVG (extras module).
    fn draw_comic(script: &Self::Comic) -> String;
    fn view(handle: PanelHandle<Self>) -> Html;
    /// A text the panel offers to take away (Terraform, say), written from
    /// the shared state in the extras module; `kind` names which. `None`
    /// for a kind the topic does not write or a state that does not restore.
    fn export(_kind: &str, _snapshot: Self::Snapshot) -> Option<String> {
        None
    }

    /// See `Playground::goal_holds`: whether a tour task's goal holds.
    fn goal_holds(&self, _goal: &str) -> Option<bool> {
        None
    }

    /// The numbers the topic page's story shows (`data-live` keys in the
    /// topic's `story.html`), read off this state. The page formats them, so
    /// no module carries a float printer for them.
    fn story_values(&self) -> Vec<(&'static str, f64)> {
        Vec::new()
    }

    /// The action that sets the story number `key` to `value` when the reader
    /// scrubs it; `None` for a number that is only shown.
    fn story_set(&self, _key: &str, _value: f64) -> Option<Self::Action> {
        None
    }

    /// The topic's zine pages and longer comics (`sketch::Zine`), each with
    /// an id: drawn from fixed states of the model, so the figures they say
    /// are the model's, and left unfinished so the site can check their
    /// layout. Only the site draws them, natively; no panel calls this, so
    /// no shipped module carries them.
    fn zines() -> Vec<(&'static str, Zine)> {
        Vec::new()
    }

    /// The comic of this state, drawn here (tests, and builds without an
    /// extras module).
    fn comic(&self) -> String {
        Self::draw_comic(&self.comic_script())
    }
}

/// A state shared with views. Equality is identity: comparing a million-row
/// model by value on every render would defeat the point of a reducer.
pub struct Shared<M>(pub Rc<M>);

impl<M> Clone for Shared<M> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<M> PartialEq for Shared<M> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<M> std::ops::Deref for Shared<M> {
    type Target = M;
    fn deref(&self) -> &M {
        &self.0
    }
}

/// What a topic's view receives: the present state and a way to act on it.
pub struct PanelHandle<M: PanelModel> {
    pub state: Shared<M>,
    pub dispatch: Callback<M::Action>,
}

impl<M: PanelModel> Clone for PanelHandle<M> {
    fn clone(&self) -> Self {
        PanelHandle {
            state: self.state.clone(),
            dispatch: self.dispatch.clone(),
        }
    }
}

impl<M: PanelModel> PartialEq for PanelHandle<M> {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && self.dispatch == other.dispatch
    }
}

/// The object-safe face of a topic, for the registry.
pub trait Topic: Sync {
    fn id(&self) -> &'static str;
    fn title(&self) -> &'static str;
    fn summary(&self) -> &'static str;
    fn icon(&self) -> &'static str;
    /// The piece the panel explains (a compact embed links to it).
    fn article(&self) -> Article;
    /// The topic's upgrade module (`TopicInfo::UPGRADE`).
    fn upgrade(&self) -> Option<&'static str>;
    /// What the topic's wasm module exports as `mount(element, options)`;
    /// the browser tests mount every registered topic through it.
    fn mount(&self, element: JsValue, options: JsValue) -> Result<PanelMount, JsError>;
    /// The comic of the default state (the panel draws the live one).
    fn default_comic(&self) -> String;
    /// The topic's zine pages and longer comics: id and SVG (see
    /// `PanelModel::zines`).
    fn zines(&self) -> Vec<(&'static str, String)>;
    /// What each zine page put where, for the layout checks.
    fn zine_layouts(&self) -> Vec<(&'static str, Layout)>;
    /// Each tour's title and step count.
    fn tour_outline(&self) -> Vec<(String, usize)>;
    /// Each tour's id and the text of each step (the story's links name them).
    fn tour_steps(&self) -> Vec<(String, Vec<String>)>;
    /// Each tour's id and the newsletter's point its recap says again.
    fn tour_seeds(&self) -> Vec<(String, String)>;
    /// Whether the toolbar's list of tours (`TOUR_TITLES`) names the tours
    /// `tours()` builds, in order; the first mismatch if not.
    fn tour_titles_match(&self) -> Result<(), String>;
    /// Shares the default state and every tour's end state through a link and
    /// back, reporting the first state that does not survive the trip.
    fn link_round_trip(&self) -> Result<(), String>;
    /// Sends the default comic script and the tours across to the extras
    /// module's side and back, as the page does: the drawing and the tours
    /// must arrive unchanged.
    fn extras_round_trip(&self) -> Result<(), String>;
    /// Plays every tour task from a fresh panel: its goal must not hold
    /// after its setup and must hold after its solution. The number of
    /// tasks, or the first that fails.
    fn tasks_check(&self) -> Result<usize, String>;
    /// The story numbers of the default state.
    fn story_values(&self) -> Vec<(&'static str, f64)>;
    /// Scrubs the story number `key` to `value` on the default state, as the
    /// page would: the number it then shows, or why it cannot be scrubbed.
    fn story_scrub(&self, key: &str, value: f64) -> Result<f64, String>;
    /// The topic's blocks in a workshop.
    fn workshop(&self) -> &'static [Block];
    /// Every tour in words, for the facilitator and the hand-outs.
    fn tour_sheets(&self) -> Vec<TourSheet>;
}

/// Adapts a `PanelModel` type to the `Topic` trait object.
pub struct Registered<M>(PhantomData<fn() -> M>);

impl<M> Registered<M> {
    pub const NEW: Self = Registered(PhantomData);
}

impl<M: PanelModel> Topic for Registered<M> {
    fn id(&self) -> &'static str {
        M::ID
    }
    fn title(&self) -> &'static str {
        M::TITLE
    }
    fn summary(&self) -> &'static str {
        M::SUMMARY
    }
    fn icon(&self) -> &'static str {
        M::ICON
    }
    fn article(&self) -> Article {
        M::ARTICLE
    }
    fn upgrade(&self) -> Option<&'static str> {
        M::UPGRADE
    }
    fn mount(&self, element: JsValue, options: JsValue) -> Result<PanelMount, JsError> {
        mount::<M>(element, options)
    }
    fn default_comic(&self) -> String {
        M::initial().comic()
    }
    fn zines(&self) -> Vec<(&'static str, String)> {
        M::zines()
            .into_iter()
            .map(|(id, page)| (id, page.finish()))
            .collect()
    }
    fn zine_layouts(&self) -> Vec<(&'static str, Layout)> {
        M::zines()
            .into_iter()
            .map(|(id, page)| (id, page.layout().clone()))
            .collect()
    }
    fn tour_outline(&self) -> Vec<(String, usize)> {
        M::tours()
            .iter()
            .map(|t| (t.title.to_string(), t.steps.len()))
            .collect()
    }
    fn tour_steps(&self) -> Vec<(String, Vec<String>)> {
        M::tours()
            .iter()
            .map(|t| {
                let texts = t.steps.iter().map(|s| s.text.to_string()).collect();
                (t.id.to_string(), texts)
            })
            .collect()
    }
    fn tour_seeds(&self) -> Vec<(String, String)> {
        M::tours()
            .iter()
            .map(|t| (t.id.to_string(), t.seed.to_string()))
            .collect()
    }
    fn workshop(&self) -> &'static [Block] {
        M::WORKSHOP
    }
    fn tour_sheets(&self) -> Vec<TourSheet> {
        M::tours().iter().map(TourSheet::of).collect()
    }
    fn tour_titles_match(&self) -> Result<(), String> {
        let built: Vec<(String, String)> = M::tours()
            .iter()
            .map(|t| (t.id.to_string(), t.title.to_string()))
            .collect();
        let listed: Vec<(String, String)> = M::TOUR_TITLES
            .iter()
            .map(|(i, t)| (i.to_string(), t.to_string()))
            .collect();
        if built == listed {
            Ok(())
        } else {
            Err(format!(
                "TOUR_TITLES lists {listed:?} but tours() builds {built:?}"
            ))
        }
    }
    fn extras_round_trip(&self) -> Result<(), String> {
        let m = M::initial();
        let script = postcard::to_allocvec(&m.comic_script()).map_err(|e| e.to_string())?;
        if crate::extras::draw_comic::<M>(&script)? != m.comic() {
            return Err("the comic drawn from the sent script differs".into());
        }
        let tours: Vec<Tour<M::Action>> = postcard::from_bytes(&crate::extras::encode_tours::<M>())
            .map_err(|e| format!("the tours did not decode: {e}"))?;
        if tours != M::tours() {
            return Err("the tours differ after the trip".into());
        }
        Ok(())
    }

    fn tasks_check(&self) -> Result<usize, String> {
        let mut count = 0;
        for tour in M::tours() {
            for (k, step) in tour.steps.iter().enumerate() {
                let Some(task) = &step.task else { continue };
                let mut m = M::initial();
                for a in tour.actions_through(k) {
                    m.apply(&a);
                }
                let at = format!("'{}' step {}", tour.title, k + 1);
                match m.goal_holds(&task.goal) {
                    Some(false) => {}
                    Some(true) => {
                        return Err(format!(
                            "{at}: '{}' holds before the reader acts",
                            task.goal
                        ))
                    }
                    None => return Err(format!("{at}: the model knows no goal '{}'", task.goal)),
                }
                for a in &task.solution {
                    m.apply(a);
                }
                if m.goal_holds(&task.goal) != Some(true) {
                    return Err(format!("{at}: the solution does not reach '{}'", task.goal));
                }
                count += 1;
            }
        }
        Ok(count)
    }

    fn story_values(&self) -> Vec<(&'static str, f64)> {
        M::initial().story_values()
    }

    fn story_scrub(&self, key: &str, value: f64) -> Result<f64, String> {
        let mut m = M::initial();
        let action = m
            .story_set(key, value)
            .ok_or_else(|| format!("'{key}' cannot be scrubbed"))?;
        m.apply(&action);
        m.story_values()
            .into_iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
            .ok_or_else(|| format!("'{key}' is not a story value"))
    }

    fn link_round_trip(&self) -> Result<(), String> {
        let mut states = vec![("default".to_string(), M::initial())];
        for tour in M::tours() {
            let mut m = M::initial();
            for a in tour.actions_revealed(usize::MAX) {
                m.apply(&a);
            }
            states.push((format!("end of tour '{}'", tour.title), m));
        }
        for (what, m) in states {
            let link = encode(M::STATE_VERSION, &m.snapshot());
            let back = decode::<M::Snapshot>(M::STATE_VERSION, &link)
                .map_err(|e| format!("{what}: {e}"))
                .and_then(|s| M::restore(s).map_err(|e| format!("{what}: {e}")))?;
            let again = encode(M::STATE_VERSION, &back.snapshot());
            if again != link {
                return Err(format!(
                    "{what}: the restored state differs from the shared one"
                ));
            }
        }
        Ok(())
    }
}
