// QR codes on the session page (workshop.js): a block's panel link as it is
// now, for attendees' phones, drawn in Rust by the techshack-qr module,
// which is fetched on the first code shown.

const SITE = new URL(".", import.meta.url);
let qrModule = null;

/// The QR module (crates/qr): `qrSvg(text)` draws a link's QR code.
function qr() {
  qrModule ??= import(new URL("techshack-qr.js", SITE).href).then(async (m) => {
    await m.default({ module_or_path: new URL("techshack-qr_bg.wasm", SITE) });
    return m;
  });
  qrModule.catch(() => {
    qrModule = null;
  });
  return qrModule;
}

/// The topic page's link to the panel of block `b` as it is now (its state
/// from the panel's last change, kept in its box's data-state).
function panelLink(b) {
  const state = b.querySelector("[data-panel]").dataset.state;
  return new URL(`#/${b.dataset.topic}${state ? `?s=${state}` : ""}`, SITE).href;
}

/// Draws block `b`'s QR code if it is open; a link too long for a code, or
/// a module that cannot load, is said in the caption.
export function drawQr(b) {
  const figure = b.querySelector(".block-qr");
  if (figure.hidden) return;
  const link = panelLink(b);
  const caption = figure.querySelector("[data-qr-caption]");
  const art = figure.querySelector("[data-qr]");
  if (!art.firstChild) art.textContent = "Drawing the QR code…";
  qr().then(
    (m) => {
      if (figure.hidden || panelLink(b) !== link) return;
      try {
        art.innerHTML = m.qrSvg(link);
        caption.textContent = `Scan to open this panel as it is now: ${link}`;
      } catch (error) {
        art.replaceChildren();
        caption.textContent = `No QR code: ${error.message}. Share the topic's page instead: ${new URL(`#/${b.dataset.topic}`, SITE).href}`;
      }
    },
    (error) => {
      art.replaceChildren();
      caption.textContent = `The QR code could not load (${error.message}). Check the connection and try again.`;
    },
  );
}

/// Shows or hides block `b`'s QR code (its `button` says which).
export function toggleQr(b, button) {
  const figure = b.querySelector(".block-qr");
  figure.hidden = !figure.hidden;
  button.setAttribute("aria-expanded", String(!figure.hidden));
  drawQr(b);
}
