//! How a shape is drawn and where a label hangs from its point.

/// Stroke and fill of one shape. Colours are CSS values or `var(--name)`, so a
/// comic follows the page's light or dark theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Pen {
    pub stroke: String,
    pub width: f64,
    pub fill: Option<String>,
    /// Solid fills for small shapes, hachure for large ones.
    pub hachure: bool,
}

impl Default for Pen {
    fn default() -> Self {
        Pen {
            stroke: "var(--ink)".into(),
            width: 1.6,
            fill: None,
            hachure: true,
        }
    }
}

impl Pen {
    pub fn ink() -> Self {
        Pen::default()
    }
    pub fn stroke(mut self, colour: &str) -> Self {
        self.stroke = colour.into();
        self
    }
    pub fn width(mut self, w: f64) -> Self {
        self.width = w;
        self
    }
    pub fn fill(mut self, colour: &str) -> Self {
        self.fill = Some(colour.into());
        self
    }
    pub fn solid(mut self) -> Self {
        self.hachure = false;
        self
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}
