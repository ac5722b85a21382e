// Techshack Live's loader and embed API.
//
//   import init, { mount, topics } from "https://SITE/techshack-live.js";
//   await init();
//   const panel = mount(element, "svm", { state, base, onChange, view, tour, step });
//   // view: "compact" (the default: the picture first, the rest behind
//   // "More") or "full" (every card, as on the site's own page)
//   // tour, step: open a guided tour at a step (from 1), as the tour menu's
//   // links #/<topic>?tour=<tour-id>&step=<n> do
//   await panel.ready;   // the panel is on screen
//   panel.unmount();
//
// Each topic is a wasm module of its own (topic-<id>.js and its _bg.wasm, next
// to this file); mount fetches only the module of the topic it shows, once per
// page however many panels use it. An embedded panel lives in a shadow root
// with the site's stylesheet, so its styles neither leak into the host page
// nor depend on it. The site's own pages (site.js) use panels.js, which
// this file builds on and re-exports `TOPICS` and `load` from.

import { TOPICS, VIEWS, topics, load, panelModule, mountModule, extras, stylesheet, framePanel, showLoading, showFailure } from "./panels.js";

// Everything this file exported before panels.js was split out of it.
export { TOPICS, VIEWS, topics, load, panelModule, mountModule, extras, stylesheet, framePanel, showLoading, showFailure };

const SITE = new URL(".", import.meta.url);

/// Kept for the embed snippet's `await init()`: there is nothing to fetch
/// before a panel is mounted.
export default async function init() {}

function fail(message) {
  return new Error(`Techshack Live mount: ${message}`);
}

function describe(value) {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  return typeof value;
}

/// Checks mount's arguments at once, so a mistake throws where it was made.
function check(element, id, options) {
  if (!element || element.nodeType !== 1) {
    throw fail(`the first argument must be a DOM element, got ${describe(element)}. Is the element's id right, and does the script run after it?`);
  }
  const topic = TOPICS.find((t) => t.id === id);
  if (!topic) {
    throw fail(`unknown topic "${id}". Known topics: ${topics().join(", ")}.`);
  }
  if (options !== undefined && options !== null && typeof options !== "object") {
    throw fail(`options must be an object such as { base: "https://…/" }`);
  }
  const view = options?.view;
  if (view !== undefined && !VIEWS.includes(view)) {
    throw fail(`view must be "compact" or "full", got ${typeof view === "string" ? JSON.stringify(view.slice(0, 40)) : describe(view)}.`);
  }
  const { tour, step } = options ?? {};
  if (tour !== undefined && typeof tour !== "string") {
    throw fail(`tour must be a tour's id (a string), got ${describe(tour)}.`);
  }
  if (step !== undefined && !(Number.isInteger(step) && step >= 1)) {
    throw fail(`step must be a whole number from 1, got ${typeof step === "number" ? step : describe(step)}.`);
  }
  if (step !== undefined && tour === undefined) {
    throw fail(`step needs a tour: { tour: "…", step: ${step} }.`);
  }
  return topic;
}

let fontAdded = false;

/// Fonts declared inside a shadow root are ignored by browsers, so the
/// comics' hand-drawn font is added to the document once (a font face only:
/// it styles nothing of the host's).
function addFont() {
  if (fontAdded || typeof FontFace === "undefined") return;
  fontAdded = true;
  const face = new FontFace("Patrick Hand", `url(${new URL("fonts/patrick-hand-latin-400-normal.woff2", SITE)}) format("woff2")`, { display: "swap" });
  document.fonts.add(face);
}


/// A shadow root holding the site's and the topic's stylesheets, a hidden
/// heading and the framed slot with the loading line; `styled` settles once
/// the stylesheets have loaded.
function isolate(element, topic, view, base) {
  const host = document.createElement("techshack-panel");
  host.dataset.topic = topic.id;
  element.append(host);
  const root = host.attachShadow({ mode: "open" });
  const sheets = ["style.css", `${topic.id}.css`].map(stylesheet);
  const styled = Promise.all(sheets.map((s) => s.loaded));
  const box = document.createElement("div");
  box.className = "techshack-embed";
  box.dataset.topic = topic.id;
  const heading = document.createElement("h2");
  heading.className = "sr-only";
  heading.textContent = topic.title;
  box.append(heading);
  const { slot, setState } = framePanel(box, topic, view, base);
  root.append(...sheets.map((s) => s.link), box);
  showLoading(slot, topic);
  return { host, slot, setState, styled, unstyle: () => sheets.forEach((s) => s.settle()) };
}
const mounted = new WeakMap();
/// The numbers the panels of each topic on this page go by, so a second one
/// gets a name of its own ("… (2)"): two regions may not share a name.
const numbers = new Map();

/// Mounts a topic's panel into `element` and returns its handle at once:
/// `{ topic, ready, unmount() }`. `ready` resolves with the handle when the
/// panel is on screen, or rejects if its module cannot load (the element
/// then says so, with a retry button). Throws at once for a missing element,
/// an unknown id or options that are not an object. Mounting again into the
/// same element replaces the panel there.
export function mount(element, id, options) {
  const topic = check(element, id, options);
  mounted.get(element)?.unmount();
  const opts = options ?? {};
  addFont();
  // A base that is not a string would make links point at the host page.
  const base = typeof opts.base === "string" ? opts.base : SITE.href;
  const { host, slot, setState, styled, unstyle } = isolate(element, topic, opts.view ?? "compact", base);
  setState(opts.state);
  const taken = numbers.get(topic.id) ?? new Set();
  numbers.set(topic.id, taken);
  let nth = 1;
  while (taken.has(nth)) nth += 1;
  taken.add(nth);
  let panel = null;
  let gone = false;
  const handle = {
    topic: topic.id,
    ready: null,
    unmount() {
      if (gone) return;
      gone = true;
      panel?.unmount();
      panel = null;
      host.remove();
      unstyle();
      taken.delete(nth);
      if (mounted.get(element) === handle) mounted.delete(element);
    },
  };
  // The host's callback may throw; say so, but never let it stop the panel.
  const onChange = (state) => {
    setState(state);
    if (typeof opts.onChange !== "function") return;
    try {
      opts.onChange(state);
    } catch (error) {
      console.error("Techshack Live: the page's onChange threw", error);
    }
  };
  const start = () => {
    showLoading(slot, topic);
    return Promise.all([panelModule(topic, opts.state), styled]).then(
      ([m]) => {
        if (gone) return handle;
        panel = mountModule(m, slot, topic, {
          state: opts.state,
          base,
          onChange,
          embedded: true,
          extras: extras(topic.id),
          label: nth > 1 ? `${topic.title} (${nth})` : undefined,
          tour: opts.tour,
          step: opts.step,
        });
        return handle;
      },
      (error) => {
        if (!gone) showFailure(slot, topic, error, retry);
        throw error;
      },
    );
  };
  // A failure is reported in the element; an unhandled rejection would say it twice.
  const retry = () => {
    handle.ready = start();
    handle.ready.catch(() => {});
  };
  retry();
  mounted.set(element, handle);
  return handle;
}
