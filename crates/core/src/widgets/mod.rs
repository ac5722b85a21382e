//! Small pieces topic views share: the export box (read-only text with Copy,
//! Download and a status line), the error shown in place under a control,
//! and reading a control's value from its event.

mod export_box;
mod field;

pub use export_box::{download_status, ExportBox, ExportProps};
pub use field::{field_error, value_of};
