//! The class a click adds: a radio group (arrow keys move between options).

use super::super::model::points::sorted_labels;
use super::super::model::Point;
use super::format::label;
use super::scene::class_slot;
use yew::prelude::*;

/// The classes offered: −1 and +1 for two-class data (or none yet), else the
/// labels present.
pub fn options(points: &[Point]) -> Vec<i32> {
    let labels = sorted_labels(points);
    if labels.iter().all(|l| *l == -1 || *l == 1) {
        vec![-1, 1]
    } else {
        labels
    }
}

/// The class a shift-click adds: the next option after `class`.
pub fn other(options: &[i32], class: i32) -> i32 {
    let i = options.iter().position(|c| *c == class).unwrap_or(0);
    options[(i + 1) % options.len()]
}

const SHAPES: [&str; 4] = ["circle", "square", "triangle", "diamond"];

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    pub options: Vec<i32>,
    pub class: i32,
    pub on_pick: Callback<i32>,
    pub uid: AttrValue,
}

/// A radio group whose every option is also a Tab stop: each radio has its
/// own name, so the arrow keys are handled here (and the set size given).
#[function_component]
pub fn ClassPicker(props: &PickerProps) -> Html {
    let id = |k: usize| format!("{}-class-{k}", props.uid);
    let legend_id = format!("{}-class-legend", props.uid);
    let onkeydown = {
        let (options, class, on_pick, uid) = (
            props.options.clone(),
            props.class,
            props.on_pick.clone(),
            props.uid.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let step: isize = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => 1,
                "ArrowLeft" | "ArrowUp" => -1,
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            let len = options.len() as isize;
            let at = options.iter().position(|c| *c == class).unwrap_or(0) as isize;
            let k = (at + step).rem_euclid(len) as usize;
            on_pick.emit(options[k]);
            techshack_core::dom::focus_by_id(&format!("{uid}-class-{k}"));
        })
    };
    let size = props.options.len().to_string();
    html! {
        <fieldset class="svm-classes" role="radiogroup" aria-labelledby={legend_id.clone()} {onkeydown}>
            <legend id={legend_id}>{ "Class for new points" }</legend>
            { for props.options.iter().enumerate().map(|(k, &c)| {
                let slot = class_slot(c, &props.options);
                let on_pick = props.on_pick.clone();
                html! {
                    <label class={classes!("svm-class", format!("slot{}", slot % 5))}>
                        <input type="radio" id={id(k)} name={id(k)} checked={c == props.class}
                            aria-posinset={(k + 1).to_string()} aria-setsize={size.clone()}
                            onchange={move |_| on_pick.emit(c)} />
                        <span class={classes!("svm-swatch", SHAPES[slot % 4])} aria-hidden="true"></span>
                        { format!("class {}", label(c)) }
                    </label>
                }
            }) }
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_follow_the_data() {
        assert_eq!(options(&[]), vec![-1, 1]);
        assert_eq!(options(&[Point::new(0.0, 0.0, 1)]), vec![-1, 1]);
        let three = [1, 2, 3].map(|l| Point::new(0.0, 0.0, l));
        assert_eq!(options(&three), vec![1, 2, 3]);
        assert_eq!(other(&[-1, 1], -1), 1);
        assert_eq!(other(&[1, 2, 3], 3), 1);
    }
}
