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

#[function_component]
pub fn ClassPicker(props: &PickerProps) -> Html {
    let name = format!("{}-class", props.uid);
    html! {
        <fieldset class="svm-classes">
            <legend>{ "Class for new points" }</legend>
            { for props.options.iter().map(|&c| {
                let slot = class_slot(c, &props.options);
                let on_pick = props.on_pick.clone();
                html! {
                    <label class={classes!("svm-class", format!("slot{}", slot % 5))}>
                        <input type="radio" name={name.clone()} checked={c == props.class}
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
