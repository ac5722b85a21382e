//! Choosing a panel's first state: the linked one if it decodes and validates,
//! else the default with a notice saying why.

use crate::state::url_codec::decode;
use crate::PanelModel;

pub fn boot<M: PanelModel>(link_state: Option<&str>) -> (M, Option<String>) {
    let Some(text) = link_state else {
        return (M::initial(), None);
    };
    let restored = decode::<M::Snapshot>(M::STATE_VERSION, text)
        .map_err(|e| e.to_string())
        .and_then(M::restore);
    match restored {
        Ok(m) => (m, None),
        Err(why) => (
            M::initial(),
            Some(format!(
                "Could not restore the shared state: {why}. Showing the default instead."
            )),
        ),
    }
}
