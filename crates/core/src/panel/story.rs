//! The topic page's story numbers (each topic's `story.html`): the panel
//! reports them after every change, and the page sets the ones a reader
//! scrubs. Embeds have no story, so both ends are optional.

use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// The numbers a state shows in the story, by key.
pub type StoryValues = Vec<(&'static str, f64)>;

/// A scrub: the key, the value, and whether it continues the scrub before it
/// (one drag is one undo step).
pub type StoryScrub = (String, f64, bool);

/// The link between a mounted panel and the page's story.
#[derive(Clone, Default)]
pub struct StoryLink {
    on_values: Option<Callback<StoryValues>>,
    /// The mounted panel's way in, set on each render so it sees the present.
    setter: Rc<RefCell<Option<Callback<StoryScrub>>>>,
}

impl PartialEq for StoryLink {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.setter, &other.setter) && self.on_values == other.on_values
    }
}

impl StoryLink {
    pub fn new(on_values: Option<Callback<StoryValues>>) -> Self {
        StoryLink {
            on_values,
            setter: Rc::default(),
        }
    }

    /// Whether anyone shows the values (computing them costs a little).
    pub fn shown(&self) -> bool {
        self.on_values.is_some()
    }

    pub fn show(&self, values: StoryValues) {
        if let Some(cb) = &self.on_values {
            cb.emit(values);
        }
    }

    pub fn listen(&self, setter: Callback<StoryScrub>) {
        *self.setter.borrow_mut() = Some(setter);
    }

    /// Passes a scrub to the panel; false before the panel has rendered.
    pub fn set(&self, scrub: StoryScrub) -> bool {
        let setter = self.setter.borrow().clone();
        setter.map(|s| s.emit(scrub)).is_some()
    }
}
