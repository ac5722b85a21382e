use super::routes::Route;
use super::theme::{apply_presenter, apply_theme, load_presenter, load_theme};
use crate::topics::registry;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn Header() -> Html {
    let theme = use_state(load_theme);
    let presenter = use_state(load_presenter);
    {
        let (t, p) = (*theme, *presenter);
        use_effect_with((t, p), move |_| {
            apply_theme(t);
            apply_presenter(p);
        });
    }
    let route = use_route::<Route>();
    let current = |id: &str| matches!(&route, Some(Route::Topic { id: r }) if r == id);
    html! {
        <header class="site-header">
            <Link<Route> to={Route::Home} classes="brand">{ "Techshack Live" }</Link<Route>>
            <nav aria-label="Topics">
                <ul>
                    { for registry().iter().map(|t| html! {
                        <li>
                            <Link<Route> to={Route::Topic { id: t.id().to_string() }}
                                classes={classes!(current(t.id()).then_some("current"))}>
                                <span aria-hidden="true">{ t.icon() }</span>{ " " }{ t.title() }
                            </Link<Route>>
                        </li>
                    }) }
                    <li><Link<Route> to={Route::About}>{ "About" }</Link<Route>></li>
                </ul>
            </nav>
            <div class="header-tools">
                <button onclick={{ let t = theme.clone(); move |_| t.set(t.next()) }}>{ theme.label() }</button>
                <button aria-pressed={presenter.to_string()}
                        onclick={{ let p = presenter.clone(); move |_| p.set(!*p) }}>{ "Presenter mode" }</button>
            </div>
        </header>
    }
}
