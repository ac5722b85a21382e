//! The CIDR explorer's split bar: one block cut into halves and joined back,
//! the way a subnet plan is drawn on paper. The segments always tile the
//! block exactly: sorted, touching, no overlap, each an aligned CIDR.
//!
//! Rules (AWS VPC User Guide, "Subnet CIDR blocks"): a subnet is /16 to /28,
//! so a segment is split only while its halves are /28 or larger; two
//! segments join only when they are buddies, the two halves of one block.

use ipnet::Ipv4Net;

use super::cidr::{halves, MAX_PREFIX};

/// Undo steps kept; older ones are dropped (a plan is a few dozen clicks).
const UNDO_DEPTH: usize = 64;

/// Why a split or a join was refused, for the message shown at the bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitRefusal {
    /// The segment is already /28: its halves would be below AWS's minimum.
    BelowSmallest(Ipv4Net),
    /// The segment is the whole block: it has no sibling inside the bar.
    WholeBlock(Ipv4Net),
    /// The segment's sibling is itself split, so the two are not buddies yet.
    SiblingSplit { segment: Ipv4Net, sibling: Ipv4Net },
}

impl SplitRefusal {
    pub fn message(self) -> String {
        match self {
            Self::BelowSmallest(s) => format!(
                "{s} cannot be split: its halves would be /29, and AWS's smallest subnet is /28 (16 addresses)."
            ),
            Self::WholeBlock(s) => {
                format!("{s} is the whole block: there is no sibling to join it with.")
            }
            Self::SiblingSplit { segment, sibling } => format!(
                "{segment} cannot be joined yet: its sibling {sibling} is split. Join the pieces of {sibling} first."
            ),
        }
    }
}

/// One block and its current sub-blocks, with the selected one and undo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitBar {
    block: Ipv4Net,
    segments: Vec<Ipv4Net>,
    selected: usize,
    past: Vec<(Vec<Ipv4Net>, usize)>,
}

impl SplitBar {
    /// The bar of `block`, whole: one segment.
    pub fn new(block: Ipv4Net) -> Self {
        let block = block.trunc();
        Self {
            block,
            segments: vec![block],
            selected: 0,
            past: Vec::new(),
        }
    }

    pub fn block(&self) -> Ipv4Net {
        self.block
    }

    /// The sub-blocks in address order.
    pub fn segments(&self) -> &[Ipv4Net] {
        &self.segments
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Selects segment `index` (clamped to the last one).
    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.segments.len() - 1);
    }

    /// Splits the selected segment into its halves; the lower half stays
    /// selected so repeated splits walk down to /28.
    pub fn split(&mut self) -> Result<(), SplitRefusal> {
        let at = self.selected;
        let segment = self.segments[at];
        let (low, high) = halves(segment)
            .filter(|(low, _)| low.prefix_len() <= MAX_PREFIX)
            .ok_or(SplitRefusal::BelowSmallest(segment))?;
        self.remember();
        self.segments.splice(at..=at, [low, high]);
        Ok(())
    }

    /// Joins the selected segment with its sibling, when that sibling is a
    /// whole segment of the bar (not split further).
    pub fn join(&mut self) -> Result<(), SplitRefusal> {
        let segment = self.segments[self.selected];
        let parent = segment
            .supernet()
            .filter(|p| self.block.contains(p) && *p != segment)
            .ok_or(SplitRefusal::WholeBlock(segment))?;
        let (low, high) = halves(parent).ok_or(SplitRefusal::WholeBlock(segment))?;
        let sibling = if low == segment { high } else { low };
        // Segments are sorted, so the low half is the sibling's neighbour.
        let first = if low == segment {
            self.selected
        } else {
            self.selected.wrapping_sub(1)
        };
        if self.segments.get(first..first.saturating_add(2)) != Some(&[low, high]) {
            return Err(SplitRefusal::SiblingSplit { segment, sibling });
        }
        self.remember();
        self.segments.splice(first..first + 2, [parent]);
        self.selected = first;
        Ok(())
    }

    /// Takes back the last split or join; false when there is none.
    pub fn undo(&mut self) -> bool {
        match self.past.pop() {
            Some((segments, selected)) => {
                self.segments = segments;
                self.selected = selected;
                true
            }
            None => false,
        }
    }

    /// Back to the whole block (undoable).
    pub fn reset(&mut self) {
        if self.segments.len() > 1 {
            self.remember();
            self.segments = vec![self.block];
        }
        self.selected = 0;
    }

    fn remember(&mut self) {
        if self.past.len() == UNDO_DEPTH {
            self.past.remove(0);
        }
        self.past.push((self.segments.clone(), self.selected));
    }
}
