use super::dom::{location_hash, replace_hash, site_base};
use super::panel::PanelProps;
use super::routes::Route;
use crate::state::link::state_param;
use crate::topics::{find, known_ids, registry};
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn Home() -> Html {
    html! {
        <>
            <section class="hero">
                <h1>{ "Techshack Live" }</h1>
                <p>{ "Four ideas from EnqueueZero Techshack 2019-01, as panels you can poke. Every number is computed live in WebAssembly." }</p>
            </section>
            <ul class="cards">
                { for registry().iter().map(|t| html! {
                    <li class="card">
                        <h2>
                            <Link<Route> to={Route::Topic { id: t.id().to_string() }}>
                                <span aria-hidden="true" class="icon">{ t.icon() }</span>{ " " }{ t.title() }
                            </Link<Route>>
                        </h2>
                        <p>{ t.summary() }</p>
                    </li>
                }) }
            </ul>
        </>
    }
}

#[function_component]
pub fn About() -> Html {
    html! {
        <article class="prose">
            <h1>{ "About Techshack Live" }</h1>
            <p>{ "Each panel turns one article from the newsletter into something you can change and break: Discord's message store, an AWS VPC, a support vector machine and a deploy pipeline. The models are plain Rust compiled to WebAssembly; nothing is sent to a server." }</p>
            <h2>{ "Three ways to use it" }</h2>
            <ul>
                <li>{ "Read: open a topic and follow its guided tour." }</li>
                <li>{ "Embed: each panel's Embed button gives an iframe or script snippet for your blog." }</li>
                <li>{ "Teach: Presenter mode enlarges type for a projector; tours step with the arrow keys and ask the room to predict before revealing." }</li>
            </ul>
            <h2>{ "Keyboard" }</h2>
            <ul>
                <li>{ "Tab moves between controls; every control is reachable." }</li>
                <li>{ "← and → step a running tour; Esc closes it." }</li>
                <li>{ "Ctrl+Z undoes and Ctrl+Shift+Z redoes a panel change." }</li>
            </ul>
        </article>
    }
}

#[function_component]
pub fn NotFound() -> Html {
    html! {
        <article class="prose">
            <h1>{ "Page not found" }</h1>
            <p>{ "There is nothing at this address. " }<Link<Route> to={Route::Home}>{ "Go to the topics" }</Link<Route>></p>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct TopicPageProps {
    pub id: String,
    pub embedded: bool,
}

#[function_component]
pub fn TopicPage(p: &TopicPageProps) -> Html {
    let Some(topic) = find(&p.id) else {
        return html! {
            <article class="prose">
                <h1>{ "No such topic" }</h1>
                <p role="alert">{ format!("There is no topic called “{}”. Topics: {}.", p.id, known_ids()) }</p>
                <Link<Route> to={Route::Home}>{ "See all topics" }</Link<Route>>
            </article>
        };
    };
    let hash = location_hash();
    let initial_state = state_param(&hash).map(|s| AttrValue::from(s.to_string()));
    let prefix = if p.embedded { "#/embed/" } else { "#/" };
    let route = format!("{prefix}{}", topic.id());
    let on_share = Callback::from(move |state: String| {
        // The write is debounced, so it can land after the reader has moved to
        // another page; it must never pull them back.
        if location_hash().split('?').next() == Some(route.as_str()) {
            replace_hash(&format!("{route}?s={state}"));
        }
    });
    let props = PanelProps {
        initial_state,
        on_share,
        link_base: site_base().into(),
        embedded: p.embedded,
    };
    html! {
        <div key={format!("{}{}", if p.embedded { "embed/" } else { "" }, topic.id())} class="topic-page">
            if p.embedded {
                <h1 class="sr-only">{ topic.title() }</h1>
            } else {
                <header class="topic-head">
                    <h1><span aria-hidden="true">{ topic.icon() }</span>{ " " }{ topic.title() }</h1>
                    <p>{ topic.summary() }</p>
                </header>
            }
            { topic.panel(props) }
        </div>
    }
}
