//! A visually hidden live region that repeats the plot's summary once changes
//! settle, so a drag does not flood a screen reader.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

const SETTLE_MS: u32 = 600;

#[derive(Properties, PartialEq)]
pub struct LiveProps {
    pub summary: AttrValue,
}

#[function_component]
pub fn LiveSummary(props: &LiveProps) -> Html {
    let said = use_state(|| props.summary.clone());
    {
        let said = said.clone();
        use_effect_with(props.summary.clone(), move |s| {
            let s = s.clone();
            let t = Timeout::new(SETTLE_MS, move || said.set(s));
            move || drop(t)
        });
    }
    html! { <p class="sr-only svm-live" role="status" aria-live="polite">{ (*said).clone() }</p> }
}
