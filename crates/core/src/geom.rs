//! An axis-aligned box, for the layout checks of the comics (`sketch`) and
//! the VPC diagram's text and routing: pure arithmetic, below everything.

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// The same box `by` larger on every side.
    pub fn grow(&self, by: f64) -> Rect {
        Rect::new(
            self.x - by,
            self.y - by,
            self.w + 2.0 * by,
            self.h + 2.0 * by,
        )
    }

    /// The same box with x and y swapped (a row of a grid seen as a column).
    pub fn transposed(&self) -> Rect {
        Rect::new(self.y, self.x, self.h, self.w)
    }

    /// The smallest box holding both (for growing a figure's box).
    pub fn union(self, o: Rect) -> Rect {
        let (x, y) = (self.x.min(o.x), self.y.min(o.y));
        let right = (self.x + self.w).max(o.x + o.w);
        let bottom = (self.y + self.h).max(o.y + o.h);
        Rect::new(x, y, right - x, bottom - y)
    }

    /// Whether the two overlap by more than `slack` both ways.
    pub fn overlaps(&self, o: &Rect, slack: f64) -> bool {
        let dx = (self.x + self.w).min(o.x + o.w) - self.x.max(o.x);
        let dy = (self.y + self.h).min(o.y + o.h) - self.y.max(o.y);
        dx > slack && dy > slack
    }

    /// Whether `o` lies inside this box, allowing `slack` past its edges.
    pub fn holds(&self, o: &Rect, slack: f64) -> bool {
        o.x >= self.x - slack
            && o.y >= self.y - slack
            && o.x + o.w <= self.x + self.w + slack
            && o.y + o.h <= self.y + self.h + slack
    }

    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}
