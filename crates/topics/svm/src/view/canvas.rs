//! The plot: a focusable canvas redrawn in an effect whenever the state, the
//! keyboard cross, the size or the theme changes. Pointer gestures live in
//! `gesture`; the keyboard moves a cross and adds or deletes at it.

use super::super::model::Action;
use super::super::state::PanelAction;
use super::gesture::{self, Down, Gesture};
use super::marker_layer::{MarkerLayer, Plan};
use super::plot::Markers;
use super::scene::Scene;
use super::{field, palette, plot, raster, timing, Props};
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// Arrow-key step of the cross, in data units.
const CURSOR_STEP: f64 = 0.05;

/// The palette last read from the page's CSS, refreshed by the theme watch.
type PaletteCache = Rc<RefCell<Option<palette::Palette>>>;

fn paint(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    cache: &PaletteCache,
    layer: &RefCell<MarkerLayer>,
) {
    let t0 = timing::now();
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let css = f64::from(canvas.client_width());
    if css <= 0.0 {
        return;
    }
    let side = (css * dpr).round() as u32;
    if canvas.width() != side || canvas.height() != side {
        canvas.set_width(side);
        canvas.set_height(side);
    }
    let pal = *cache
        .borrow_mut()
        .get_or_insert_with(|| palette::read(canvas));
    let image = super::shading::shading_rgba(&scene.shading, &pal);
    let bg = format!("rgb({},{},{})", pal.bg.0, pal.bg.1, pal.bg.2);
    let background = match raster::paint(
        canvas,
        &bg,
        image.as_ref().map(|(m, px)| (*m, px.as_slice())),
    ) {
        Ok(()) => plot::Background::Painted,
        Err(_) => plot::Background::Draw,
    };
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    // A failed draw leaves a partial picture; the text readouts still hold.
    let root = backend.into_drawing_area();
    let _ = plot::draw_under(&root, scene, &pal, dpr, background);
    let mut layer = layer.borrow_mut();
    let which = match layer.plan(scene, side, dpr, &pal) {
        Plan::Stamp(k) if layer.stamp(canvas).is_ok() => Markers::Only(k),
        _ => Markers::All,
    };
    let _ = plot::draw_over(&root, scene, &pal, dpr, which);
    timing::painted_since(t0);
    timing::frame_drawn();
}

#[derive(Properties, PartialEq, Clone)]
pub struct CanvasProps {
    pub p: Props,
    /// The class a click adds, and the one a shift-click adds.
    pub class: i32,
    pub other: i32,
    /// The text alternative: points, support vectors, accuracy.
    pub summary: AttrValue,
    /// A point the pointer or the keyboard cross reached, to show its α.
    pub on_inspect: Callback<usize>,
}

#[function_component]
pub fn PlotCanvas(props: &CanvasProps) -> Html {
    let p = &props.p;
    let canvas = use_node_ref();
    let gesture = use_mut_ref(Gesture::default);
    let cursor = use_state(|| (0.0f64, 0.0f64));
    let show_cursor = use_state(|| false);
    let redraw = use_state(|| 0u32);
    let palette_cache: PaletteCache = use_mut_ref(|| None);

    // Redraw on resize and when the theme's colours change.
    {
        let redraw = redraw.clone();
        let canvas = canvas.clone();
        let last = palette_cache.clone();
        use_effect_with((), move |_| {
            let bump = {
                let redraw = redraw.clone();
                move || redraw.set(redraw.wrapping_add(1))
            };
            let resize = web_sys::window().map(|w| {
                let bump = bump.clone();
                EventListener::new(&w, "resize", move |_| bump())
            });
            let theme = Interval::new(1000, move || {
                if let Some(el) = canvas.cast::<web_sys::Element>() {
                    let now = Some(palette::read(&el));
                    if *last.borrow() != now {
                        *last.borrow_mut() = now;
                        bump();
                    }
                }
            });
            move || drop((resize, theme))
        });
    }

    {
        let canvas = canvas.clone();
        let cache = palette_cache.clone();
        let deps = (
            p.state.clone(),
            p.shown.clone(),
            *cursor,
            *show_cursor,
            *redraw,
        );
        let last = use_mut_ref(|| None::<(Scene, u32, u32, f64)>);
        let layer = use_mut_ref(MarkerLayer::default);
        use_effect_with(deps, move |(state, shown, cursor, show, redraw)| {
            if let Some(el) = canvas.cast::<HtmlCanvasElement>() {
                let fit = shown.get();
                // The working pair belongs to the model drawn: none, none.
                let pair = fit
                    .and(state.pg.stepping())
                    .filter(|s| !s.is_finished())
                    .and_then(|s| s.last())
                    .map(|s| (s.info.i, s.info.j));
                let n = fit.map_or(2, |f| field::grid_side(f.0));
                let scene = Scene::build(state.pg.points(), fit, n, pair, show.then_some(*cursor));
                // Skip frames that would draw the same picture again (a big
                // import's training ticks, refused edits).
                let width = el.client_width().max(0) as u32;
                let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
                let key = (scene, *redraw, width, dpr);
                if last.borrow().as_ref() != Some(&key) {
                    paint(&el, &key.0, &cache, &layer);
                    *last.borrow_mut() = Some(key);
                }
            }
        });
    }

    let element = {
        let canvas = canvas.clone();
        move || canvas.cast::<web_sys::Element>()
    };
    let add = {
        let dispatch = p.dispatch.clone();
        let (class, other) = (props.class, props.other);
        move |x: f64, y: f64, shift: bool| {
            let label = if shift { other } else { class };
            dispatch.emit(PanelAction::Do(Action::AddPoint { x, y, label }));
        }
    };
    // Says which point the pointer or the cross reached; moving off a point
    // says nothing, so the line under the plot keeps the last one.
    let inspect = {
        let on_inspect = props.on_inspect.clone();
        move |index: Option<usize>| {
            if let Some(i) = index {
                on_inspect.emit(i);
            }
        }
    };
    let onpointerdown = {
        let (g, dispatch, state, element, add) = (
            gesture.clone(),
            p.dispatch.clone(),
            p.state.clone(),
            element.clone(),
            add.clone(),
        );
        let (show_cursor, inspect) = (show_cursor.clone(), inspect.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(el) = element() else { return };
            show_cursor.set(false);
            // A tap on a point shows its α on touch screens, which never hover.
            if let Some(at) = gesture::locate(&e, &el) {
                inspect(gesture::point_under(&e, &at, state.pg.points()));
            }
            match gesture::pointer_down(&g, &e, &el, state.pg.points(), &dispatch) {
                Down::Add { x, y, shift } => add(x, y, shift),
                Down::Remove(index) => {
                    e.prevent_default();
                    dispatch.emit(PanelAction::Do(Action::RemovePoint { index }));
                }
                Down::Grab => e.prevent_default(),
                Down::Ignore => {}
            }
        })
    };
    let onpointermove = {
        let (g, dispatch, element, state, inspect) = (
            gesture.clone(),
            p.dispatch.clone(),
            element.clone(),
            p.state.clone(),
            inspect.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            if let Some(el) = element() {
                gesture::pointer_move(&g, &e, &el, &dispatch);
                // Hovering, not dragging: the point under the pointer.
                if e.buttons() == 0 {
                    if let Some(at) = gesture::locate(&e, &el) {
                        inspect(gesture::point_under(&e, &at, state.pg.points()));
                    }
                }
            }
        })
    };
    let onpointerup = {
        let (g, dispatch, add) = (gesture.clone(), p.dispatch.clone(), add.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some((x, y, shift)) = gesture::pointer_up(&g, &e, &dispatch) {
                add(x, y, shift);
            }
        })
    };
    let oncontextmenu = Callback::from(|e: MouseEvent| e.prevent_default());
    let onfocus = {
        let (g, show_cursor) = (gesture.clone(), show_cursor.clone());
        Callback::from(move |_: FocusEvent| {
            let from_pointer = std::mem::take(&mut g.borrow_mut().pointer_focus);
            if !from_pointer {
                show_cursor.set(true);
            }
        })
    };
    let onblur = {
        let (g, show_cursor) = (gesture.clone(), show_cursor.clone());
        Callback::from(move |_: FocusEvent| {
            g.borrow_mut().pointer_focus = false;
            show_cursor.set(false);
        })
    };
    let onkeydown = {
        let (dispatch, state, cursor, show_cursor, inspect) = (
            p.dispatch.clone(),
            p.state.clone(),
            cursor.clone(),
            show_cursor.clone(),
            inspect.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let step = if e.shift_key() {
                4.0 * CURSOR_STEP
            } else {
                CURSOR_STEP
            };
            let (x, y) = *cursor;
            let moved = match e.key().as_str() {
                "ArrowLeft" => Some((x - step, y)),
                "ArrowRight" => Some((x + step, y)),
                "ArrowUp" => Some((x, y + step)),
                "ArrowDown" => Some((x, y - step)),
                _ => None,
            };
            let handled = if let Some((nx, ny)) = moved {
                let r = |v: f64| (v.clamp(-1.0, 1.0) * 1000.0).round() / 1000.0;
                let at = (r(nx), r(ny));
                cursor.set(at);
                inspect(gesture::nearest(state.pg.points(), at, CURSOR_STEP));
                true
            } else {
                match e.key().as_str() {
                    "Enter" => {
                        add(x, y, e.shift_key());
                        true
                    }
                    "Delete" | "Backspace" => {
                        if let Some(index) =
                            gesture::nearest(state.pg.points(), (x, y), f64::INFINITY)
                        {
                            dispatch.emit(PanelAction::Do(Action::RemovePoint { index }));
                        }
                        true
                    }
                    _ => false,
                }
            };
            if handled {
                // Arrows here move the cross, not the tour or the page.
                e.prevent_default();
                e.stop_propagation();
                show_cursor.set(true);
            }
        })
    };

    let help_id = format!("{}-plot-help", p.uid);
    html! {
        <canvas ref={canvas} class="svm-canvas" tabindex="0" role="img"
            aria-label={props.summary.clone()} aria-describedby={help_id}
            {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()}
            onpointercancel={onpointerup} {oncontextmenu} {onfocus} {onblur} {onkeydown} />
    }
}
