//! The incident log, "incidents only once": each filed gameday, whether its
//! class and remediation fit, and repeats of a class flagged.

use super::super::state::PipelinePanel;
use techshack_core::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LogProps {
    pub state: Shared<PipelinePanel>,
}

#[function_component]
pub fn IncidentLog(props: &LogProps) -> Html {
    let log = props.state.pg.incidents();
    let records = log.records();
    if records.is_empty() {
        return html! { <p class="pl-hint">{ "The incident log is empty." }</p> };
    }
    let yes_no = |ok: bool, good: &'static str, bad: &'static str| {
        html! { <span class={classes!("badge", if ok { "good" } else { "bad" })}>{ if ok { good } else { bad } }</span> }
    };
    html! {
        <div class="pl-incidents">
            <h3>{ format!("Incident log ({} filed, {} repeat{})", records.len(), log.repeats(),
                if log.repeats() == 1 { "" } else { "s" }) }</h3>
            <div class="scroll" tabindex="0" role="group" aria-label="Incident log">
                <table class="data">
                    <thead><tr>
                        <th scope="col">{ "#" }</th><th scope="col">{ "Failure" }</th>
                        <th scope="col">{ "Class" }</th><th scope="col">{ "Remediation" }</th>
                        <th scope="col">{ "What the pipeline saw" }</th>
                    </tr></thead>
                    <tbody>
                        { for records.iter().rev().map(|r| html! {
                            <tr class={classes!(r.repeat_of.is_some().then_some("pl-repeat"))}>
                                <td>{ r.number }</td>
                                <td>{ r.kind.label() }</td>
                                <td>{ r.class.label() }{ " " }{ yes_no(r.class_matches(), "fits", "misfiled") }</td>
                                <td>{ r.remediation.label() }{ " " }{ yes_no(r.remediation_fits(), "fits", "does not fit") }</td>
                                <td>
                                    { r.report.summary() }
                                    if let Some(w) = r.repeat_warning(log) {
                                        <p class="pl-repeat-note"><span class="badge warn">{ "repeat" }</span>{ " " }{ w }</p>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
