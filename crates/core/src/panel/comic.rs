//! The live comic. The panel reads the comic's script from its state (cheap)
//! and the topic's extras module draws it (fetched the first time a comic is
//! opened); until the drawing arrives, the previous one stays on screen.
//! Below it, its downloads (SVG, PNG) and alt text.

use crate::extras::Extras;
use crate::{PanelModel, Shared};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The comic's downloads, alt text and caption, as one static string: the
/// page's loader (`framePanel` in assets/panels.js) imports
/// assets/comic-export.js on the first click on one and it does the work, so
/// no topic module carries any of it. Terse on purpose: the VPC module had
/// 0.2 KB of its budget left (no `type=button`: a panel is never inside a
/// form; a shadow root's buttons cannot reach the host page's).
const TOOLS: &str = r#"<p><button data-comic-export=svg>Download SVG</button> <button data-comic-export=png>Download PNG</button> <span role=status></span></p><details data-comic-export=alt><summary>Alt text</summary><p></p></details><figcaption>Drawn from what the panel shows right now.</figcaption>"#;

#[derive(Properties)]
pub struct ComicProps<M: PanelModel> {
    pub state: Shared<M>,
    pub extras: Extras,
}

impl<M: PanelModel> PartialEq for ComicProps<M> {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && self.extras == other.extras
    }
}

#[function_component]
pub fn ComicView<M: PanelModel>(props: &ComicProps<M>) -> Html {
    let script = use_memo(props.state.clone(), |s| s.comic_script());
    let drawn = use_state(|| None::<Result<AttrValue, String>>);
    // Drawings can finish out of order while the state moves; only the one
    // for the latest script may land.
    let latest = use_mut_ref(|| 0u64);
    {
        let (drawn, extras) = (drawn.clone(), props.extras.clone());
        use_effect_with(script, move |script: &Rc<M::Comic>| {
            let script = script.clone();
            let ticket = {
                let mut n = latest.borrow_mut();
                *n += 1;
                *n
            };
            spawn_local(async move {
                let svg = extras.comic::<M>(&script).await.map(AttrValue::from);
                if *latest.borrow() == ticket {
                    drawn.set(Some(svg));
                }
            });
        });
    }
    html! {
        <figure class="comic">
            { match &*drawn {
                None => html! { <p class="loading" role="status">{ "Drawing the comic…" }</p> },
                Some(Ok(svg)) => Html::from_html_unchecked(svg.clone()),
                Some(Err(why)) => html! { <p class="notice" role="alert">{ format!("The comic could not be drawn: {why}.") }</p> },
            } }
            { Html::from_html_unchecked(AttrValue::Static(TOOLS)) }
        </figure>
    }
}
