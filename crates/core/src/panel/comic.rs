use crate::{PanelModel, Shared};
use yew::prelude::*;

#[derive(Properties)]
pub struct ComicProps<M: PanelModel> {
    pub state: Shared<M>,
}

impl<M: PanelModel> PartialEq for ComicProps<M> {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}

/// The live comic. Drawn only while open, and only when the state changes.
#[function_component]
pub fn ComicView<M: PanelModel>(props: &ComicProps<M>) -> Html {
    let svg = use_memo(props.state.clone(), |s| s.comic());
    html! {
        <figure class="comic">
            { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
            <figcaption>{ "Drawn from what the panel shows right now." }</figcaption>
        </figure>
    }
}
