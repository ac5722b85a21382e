// A comic's exports and alt text (issue 13): "Download SVG" and "Download
// PNG" under every panel's comic, and an "Alt text" line a teacher can paste
// into slides. The panel (crates/core/src/panel/comic.rs) writes only static
// markup, buttons and a <details> marked data-comic-export; framePanel's
// click listener (techshack-live.js) imports this module the first time one
// is used and calls `handle`, so no topic module carries any of this.
//
// A comic on the page takes its colours from the site's CSS variables and
// its text from the "Patrick Hand" web font, neither of which a copied SVG
// has. The SVG saved here is standalone: every property that draws is
// written as the concrete value the browser computed for the live comic
// (no var() anywhere), the page's colour behind the comic is a rect of its
// own, and the font travels inside the file as a data: URL.

const FONT = new URL("fonts/patrick-hand-latin-400-normal.woff2", import.meta.url);
const FAMILY = "Patrick Hand";
const PNG_SCALE = 2;

/// Inherited properties that change how a comic looks: written on the root
/// in full, and on a child only where it differs from its parent.
const INHERITED = [
  "color", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-dasharray",
  "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity",
  "paint-order", "font-family", "font-size", "font-style", "font-weight", "letter-spacing",
  "word-spacing", "text-anchor", "dominant-baseline", "visibility",
];
/// Properties that are not inherited, with their initial values: written
/// where they differ from those.
const OWN = {
  opacity: "1", "stop-color": "rgb(0, 0, 0)", "stop-opacity": "1", "flood-color": "rgb(0, 0, 0)",
  "flood-opacity": "1", "lighting-color": "rgb(255, 255, 255)", "mix-blend-mode": "normal",
  display: "inline", "baseline-shift": "0px",
};

let font = null;

/// The comic font as a data: URL, fetched once (next to this module, where
/// the site keeps it, so an embed on another site fetches it from ours).
function fontUrl() {
  font ??= fetch(FONT)
    .then((r) => {
      if (!r.ok) throw new Error(`the font answered ${r.status}`);
      return r.blob();
    })
    .then((blob) => new Promise((ok, fail) => {
      const reader = new FileReader();
      reader.onload = () => ok(String(reader.result).replace(/^data:[^;,]*/, "data:font/woff2"));
      reader.onerror = () => fail(reader.error);
      reader.readAsDataURL(blob);
    }));
  font.catch(() => { font = null; });
  return font;
}

/// The element's parent, across a shadow root's edge (an embedded panel).
const up = (el) => el.parentElement ?? el.getRootNode().host ?? null;

/// The colour the reader sees behind the comic: the first opaque background
/// from the SVG outwards, white if none is.
function backdrop(svg) {
  for (let el = svg; el; el = up(el)) {
    const c = getComputedStyle(el).backgroundColor;
    if (c && c !== "transparent" && !/rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return "rgb(255, 255, 255)";
}

/// A computed value made file-relative: paint servers keep only their fragment.
const local = (value) => value.replace(/url\("?[^")]*?(#[^")]+)"?\)/g, 'url("$1")');

/// Writes the live element's computed look onto its clone (and their
/// children's, walked in parallel), and drops what only the page's
/// stylesheet could read: classes and anything holding var().
function inline(live, copy, parent) {
  const cs = getComputedStyle(live);
  const decls = [];
  for (const p of INHERITED) {
    const v = cs.getPropertyValue(p);
    if (v && (!parent || v !== parent.getPropertyValue(p))) decls.push(`${p}:${local(v)}`);
  }
  for (const [p, initial] of Object.entries(OWN)) {
    const v = cs.getPropertyValue(p);
    if (v && v !== initial) decls.push(`${p}:${local(v)}`);
  }
  for (const { name, value } of [...copy.attributes]) {
    if (name === "class" || value.includes("var(")) copy.removeAttribute(name);
  }
  if (decls.length) copy.setAttribute("style", [copy.getAttribute("style"), ...decls].filter(Boolean).join(";"));
  const kids = live.children;
  const copies = copy.children;
  for (let i = 0; i < kids.length; i += 1) inline(kids[i], copies[i], cs);
}

/// The live comic as a standalone SVG document: `{ text, width, height }`.
/// Its styles are read at once (the comic may be redrawn while the font
/// arrives), the font is awaited after.
async function standalone(svg) {
  const box = svg.viewBox.baseVal;
  const [x, y, width, height] = box && box.width > 0 ? [box.x, box.y, box.width, box.height] : [0, 0, svg.clientWidth, svg.clientHeight];
  if (!(width > 0 && height > 0)) throw new Error("the comic has no size yet");
  const copy = svg.cloneNode(true);
  inline(svg, copy, null);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  const ns = svg.namespaceURI;
  const bg = document.createElementNS(ns, "rect");
  for (const [k, v] of Object.entries({ x, y, width, height, fill: backdrop(svg), stroke: "none" })) bg.setAttribute(k, String(v));
  const style = document.createElementNS(ns, "style");
  style.textContent = `@font-face{font-family:"${FAMILY}";src:url(${await fontUrl()}) format("woff2")}`;
  // The title stays first: it is the drawing's accessible name.
  const title = copy.querySelector(":scope > title");
  copy.insertBefore(bg, title ? title.nextSibling : copy.firstChild);
  copy.insertBefore(style, bg);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
  if (text.includes("var(")) throw new Error("a colour in it is still a CSS variable");
  return { text, width, height };
}

/// Offers `blob` as the file `name`: a Blob URL clicked through a detached
/// anchor, revoked a moment later (at once can cancel the download).
function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/// The standalone SVG drawn into a canvas at twice its size, as a PNG blob.
async function png({ text, width, height }) {
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * PNG_SCALE);
    canvas.height = Math.round(height * PNG_SCALE);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("this browser gave no canvas to draw in");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((ok) => canvas.toBlob(ok, "image/png"));
    if (!blob) throw new Error("the browser could not encode the PNG");
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/// The comic's alt text: its <title>, and its <desc> if it has one.
function altText(figure) {
  const svg = figure.querySelector("svg");
  if (!svg) return "The comic is still being drawn.";
  return [...svg.querySelectorAll(":scope > title, :scope > desc")].map((n) => n.textContent.trim()).filter(Boolean).join(" ") || "The comic has no alt text.";
}

const watched = new WeakSet();

/// Writes the alt text into the figure's details, and keeps it up to date
/// while the comic is redrawn from the panel's state.
function showAlt(details) {
  const figure = details.closest(".comic");
  const out = details.querySelector("p");
  if (!figure || !out) return;
  const write = () => {
    const text = altText(figure);
    if (out.textContent !== text) out.textContent = text;
  };
  write();
  if (!watched.has(figure)) {
    watched.add(figure);
    new MutationObserver(write).observe(figure, { childList: true, subtree: true, characterData: true });
  }
}

const busy = new WeakSet();

/// Runs the control `el` (a button or the alt-text details) of a comic in a
/// panel of the topic `id` (the files are named after it).
export async function handle(el, id) {
  const figure = el.closest(".comic");
  if (!figure) return;
  if (el.localName === "details") {
    showAlt(el);
    return;
  }
  const kind = el.dataset.comicExport;
  const status = figure.querySelector("span[role=status]");
  const say = (text) => { if (status) status.textContent = text; };
  if (busy.has(figure)) return;
  busy.add(figure);
  el.setAttribute("aria-busy", "true");
  const name = `${id}-comic.${kind}`;
  try {
    const svg = figure.querySelector("svg");
    if (!svg) throw new Error("it is still being drawn; try again in a moment");
    say(`Making ${name}…`);
    const file = await standalone(svg);
    const blob = kind === "png" ? await png(file) : new Blob([file.text], { type: "image/svg+xml" });
    save(blob, name);
    say(`Saved ${name}.`);
  } catch (error) {
    say(`Could not save the ${kind.toUpperCase()}: ${error?.message ?? error}.`);
  } finally {
    busy.delete(figure);
    el.removeAttribute("aria-busy");
  }
}
