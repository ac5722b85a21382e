//! The config reference: every field, required or optional, its type, its
//! default and what it does, straight from the model's spec.

use super::super::model::field_docs;
use yew::prelude::*;

pub fn docs_card() -> Html {
    let docs = field_docs();
    let required = docs.iter().filter(|d| d.required).count();
    html! {
        <details class="card-box pl-docs">
            <summary>{ format!("Config fields: {required} required, {} optional", docs.len() - required) }</summary>
            <div class="scroll" tabindex="0" role="group" aria-label="Config fields">
                <table class="data">
                    <thead><tr>
                        <th scope="col">{ "Field" }</th><th scope="col">{ "Required?" }</th>
                        <th scope="col">{ "Type" }</th><th scope="col">{ "Default" }</th>
                        <th scope="col">{ "What it does" }</th>
                    </tr></thead>
                    <tbody>
                        { for docs.iter().map(|d| html! {
                            <tr>
                                <td><code>{ d.path }</code></td>
                                <td>
                                    if d.required {
                                        <span class="badge warn">{ "required" }</span>
                                    } else {
                                        <span class="badge">{ "optional" }</span>
                                    }
                                </td>
                                <td>{ d.kind }</td>
                                <td>{ d.default.unwrap_or("—") }</td>
                                <td>{ d.description }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}
