//! While one point is dragged (or a slider moves), the other markers stay
//! put. They are drawn once onto an offscreen canvas and stamped with one
//! drawImage per frame; only the moving marker is drawn afresh. plotters'
//! canvas backend spends several JS calls on every circle, so with hundreds
//! of points this is a good part of a frame.

use super::palette::Palette;
use super::plot::{self, Markers};
use super::raster;
use super::scene::Scene;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

type Marker = (f64, f64, usize);

/// How this frame's markers are painted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Every marker, one by one.
    Direct,
    /// The cached layer, then this marker over it.
    Stamp(usize),
}

struct Built {
    points: Vec<Marker>,
    skip: usize,
    side: u32,
    scale: f64,
    pal: Palette,
}

#[derive(Default)]
pub struct MarkerLayer {
    canvas: Option<HtmlCanvasElement>,
    built: Option<Built>,
    last: Vec<Marker>,
}

/// `Some(None)` when `a` and `b` are equal, `Some(Some(k))` when only
/// marker `k` differs, `None` otherwise.
pub fn single_change(a: &[Marker], b: &[Marker]) -> Option<Option<usize>> {
    if a.len() != b.len() {
        return None;
    }
    let mut changed = None;
    for (k, (p, q)) in a.iter().zip(b).enumerate() {
        if p != q {
            if changed.is_some() {
                return None;
            }
            changed = Some(k);
        }
    }
    Some(changed)
}

impl MarkerLayer {
    /// Decides how to paint `scene`'s markers on a `side`-pixel canvas,
    /// building the layer when exactly one marker moved since the last frame.
    pub fn plan(&mut self, scene: &Scene, side: u32, scale: f64, pal: &Palette) -> Plan {
        let points = &scene.points;
        let reuse = self.built.as_ref().and_then(|b| {
            let same_frame = b.side == side && b.scale == scale && b.pal == *pal;
            match single_change(&b.points, points) {
                Some(None) if same_frame => Some(b.skip),
                Some(Some(k)) if same_frame && k == b.skip => Some(k),
                _ => None,
            }
        });
        let moved = match single_change(&self.last, points) {
            Some(Some(k)) => Some(k),
            _ => None,
        };
        self.last.clone_from(points);
        if let Some(k) = reuse {
            return Plan::Stamp(k);
        }
        self.built = None;
        match moved {
            Some(k) if self.build(scene, side, scale, pal, k).is_ok() => Plan::Stamp(k),
            _ => Plan::Direct,
        }
    }

    fn build(
        &mut self,
        scene: &Scene,
        side: u32,
        scale: f64,
        pal: &Palette,
        skip: usize,
    ) -> Result<(), JsValue> {
        let canvas = match &self.canvas {
            Some(c) => c.clone(),
            None => {
                let c = raster::new_canvas()?;
                self.canvas = Some(c.clone());
                c
            }
        };
        if canvas.width() != side || canvas.height() != side {
            canvas.set_width(side);
            canvas.set_height(side);
        } else {
            raster::clear(&canvas)?;
        }
        let backend = CanvasBackend::with_canvas_object(canvas)
            .ok_or_else(|| JsValue::from_str("no 2d context"))?;
        let root = backend.into_drawing_area();
        plot::draw_markers(&root, scene, pal, scale, Markers::AllBut(skip))
            .and_then(|()| root.present())
            .map_err(|e| JsValue::from_str(&e.to_string()))?;
        self.built = Some(Built {
            points: scene.points.clone(),
            skip,
            side,
            scale,
            pal: *pal,
        });
        Ok(())
    }

    /// Stamps the layer onto `canvas`.
    pub fn stamp(&self, canvas: &HtmlCanvasElement) -> Result<(), JsValue> {
        match &self.canvas {
            Some(layer) => raster::stamp(canvas, layer),
            None => Err(JsValue::from_str("no layer")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::single_change;

    #[test]
    fn a_single_moved_marker_is_found() {
        let a = [(0.0, 0.0, 0), (0.5, 0.5, 1), (1.0, 1.0, 0)];
        let mut b = a;
        assert_eq!(single_change(&a, &b), Some(None));
        b[1].0 = 0.6;
        assert_eq!(single_change(&a, &b), Some(Some(1)));
        b[2].2 = 1;
        assert_eq!(single_change(&a, &b), None);
        assert_eq!(single_change(&a, &a[..2]), None);
    }
}
