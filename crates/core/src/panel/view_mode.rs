//! How much of a panel shows at first. A blog's iframe is about 700 px wide
//! and 720 px high: there the panel opens compact, on its picture (the
//! element a topic marks `data-picture`) with one intro line and links out,
//! and everything else folds behind "More". The site's topic pages show it
//! all. The folding itself is CSS (`.panel.compact`), so no view is made
//! twice and nothing inside loses its state when folded.

use crate::Article;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ViewMode {
    #[default]
    Full,
    Compact,
}

impl ViewMode {
    /// The `view` option's words (`mount(el, id, { view: "compact" })`).
    pub fn parse(word: &str) -> Option<ViewMode> {
        match word {
            "full" => Some(ViewMode::Full),
            "compact" => Some(ViewMode::Compact),
            _ => None,
        }
    }
}

/// A compact panel's first line: what it is, and where to read on
/// (`site_link`: the same state on the full site). Plain functions rather
/// than components: each component costs the module code, and these have
/// no state of their own.
pub fn intro(summary: &'static str, site_link: String, article: Article) -> Html {
    html! {
        <div class="panel-intro">
            <p>{ summary }</p>
            <p class="panel-links">
                <a href={site_link} target="_blank" rel="noopener">{ "Open in Techshack Live ↗" }</a>
                <a href={article.url} target="_blank" rel="noopener">{ "Read: " }{ article.title }{ " ↗" }</a>
            </p>
        </div>
    }
}

/// The disclosure under a compact panel's picture; `controls` is the id of
/// the panel body it folds.
pub fn more_toggle(open: bool, controls: AttrValue, on_toggle: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="more-toggle" aria-expanded={if open { "true" } else { "false" }}
            aria-controls={controls} onclick={on_toggle}>
            { "More" }
            <span aria-hidden="true">{ if open { " ▴" } else { " ▾" } }</span>
        </button>
    }
}
