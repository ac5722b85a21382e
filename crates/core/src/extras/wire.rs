//! The extras module's side of the exchange: decode a comic script and
//! draw it, encode the tours. Pure, so tested natively.

use crate::state::url_codec::decode;
use crate::PanelModel;

/// The SVG comic for a postcard-encoded `M::Comic`, or why it cannot be.
pub fn draw_comic<M: PanelModel>(script: &[u8]) -> Result<String, String> {
    let script: M::Comic = postcard::from_bytes(script)
        .map_err(|e| format!("the comic script did not decode: {e}"))?;
    Ok(M::draw_comic(&script))
}

/// `M::tours()`, postcard-encoded.
pub fn encode_tours<M: PanelModel>() -> Vec<u8> {
    // Plain data always serialises; an empty answer decodes to a clear error.
    postcard::to_allocvec(&M::tours()).unwrap_or_default()
}

/// The `kind` export of the state a link holds (`<version>.<payload>`).
pub fn write_export<M: PanelModel>(kind: &str, link: &str) -> Result<String, String> {
    let snapshot = decode::<M::Snapshot>(M::STATE_VERSION, link).map_err(|e| e.to_string())?;
    M::export(kind, snapshot).ok_or_else(|| format!("this panel writes no {kind} for that state"))
}
