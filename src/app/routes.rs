use yew_router::prelude::*;

#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/about")]
    About,
    #[at("/embed/:id")]
    Embed { id: String },
    #[at("/:id")]
    Topic { id: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}
