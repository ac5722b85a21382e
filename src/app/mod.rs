//! The site shell: layout, router, theme and presenter mode. It knows topics
//! only through the registry.

mod chrome;
pub mod clipboard;
pub mod dom;
pub mod download;
mod pages;
pub mod panel;
mod routes;
pub mod theme;

use chrome::Header;
use pages::{About, Home, NotFound, TopicPage};
use routes::Route;
use yew::prelude::*;
use yew_router::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::About => html! { <About /> },
        Route::Topic { id } => html! { <TopicPage id={id} embedded={false} /> },
        Route::Embed { id } => html! { <TopicPage id={id} embedded={true} /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

/// The whole site, mounted on the page's `[data-techshack-site]` element.
#[function_component]
pub fn Site() -> Html {
    html! {
        <HashRouter>
            <SiteLayout />
        </HashRouter>
    }
}

#[function_component]
fn SiteLayout() -> Html {
    let route = use_route::<Route>();
    let embedded = matches!(route, Some(Route::Embed { .. }));
    html! {
        <>
            if !embedded {
                <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                    e.prevent_default();
                    dom::focus_by_id("main");
                })}>{ "Skip to content" }</a>
                <Header />
            }
            <main id="main" tabindex="-1" class={classes!(embedded.then_some("embedded-main"))}>
                <Switch<Route> render={switch} />
            </main>
            if !embedded {
                <footer class="site-footer">
                    <p>{ "Techshack Live: the newsletter issue “EnqueueZero Techshack 2019-01”, made interactive. Everything on this page is computed in WebAssembly in your browser." }</p>
                </footer>
            }
        </>
    }
}
