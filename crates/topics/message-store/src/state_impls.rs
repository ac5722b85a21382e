//! How the panel state copies, prints and compares: by hand, because the
//! playground sits in a shared cell that may hold a million rows (see
//! `state`). A child of `state`, so it sees the private cell.

use super::MessageStorePanel;
use std::cell::RefCell;
use std::rc::Rc;

impl Clone for MessageStorePanel {
    /// Deep while small (each undo step is its own playground), shared
    /// once big (the view then marks every change as a barrier).
    fn clone(&self) -> Self {
        let pg = if self.is_big() {
            self.pg.clone()
        } else {
            Rc::new(RefCell::new(self.pg().clone()))
        };
        MessageStorePanel {
            pg,
            version: self.version,
            data_version: self.data_version,
            focus: self.focus,
            refusal: self.refusal.clone(),
            last_read: self.last_read.clone(),
            workload_end: self.workload_end,
            restoring: self.restoring.clone(),
            slicing: self.slicing.clone(),
        }
    }
}

impl std::fmt::Debug for MessageStorePanel {
    /// Short: a derived form would print a million rows.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MessageStorePanel")
            .field("version", &self.version)
            .field("rows", &self.rows())
            .field("focus", &self.focus)
            .field("refusal", &self.refusal)
            .finish()
    }
}

impl PartialEq for MessageStorePanel {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pg, &other.pg)
            && self.version == other.version
            && self.focus == other.focus
            && self.refusal == other.refusal
    }
}
