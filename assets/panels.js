// The site's panel machinery, shared by its own pages (site.js) and by the
// embed API (techshack-live.js): the topic table, fetching a topic's wasm
// modules (its panel, its extras, its upgrade), and the frame every panel
// sits in (compact view and More, links, tour keys and tour focus, the
// loading and failure lines). The site's pages load only this file; a page
// that embeds a panel loads it through techshack-live.js.

export const TOPICS = [
  // registry:topics (made from the registry by `cargo test`: see src/pages.rs)
  { id: "message-store", icon: "💬", title: "Message-store playground", summary: "How Discord stored billions of messages in Cassandra: Snowflake IDs, 10-day buckets, tombstones and the ring.", article: { title: "How Discord Stores Billions of Messages (Discord blog, 2017)", url: "https://discord.com/blog/how-discord-stores-billions-of-messages" } },
  { id: "vpc", icon: "🌐", title: "Clickable VPC diagram", summary: "AWS networking you can click and break: subnets over three AZs, gateways, route tables, security groups, NACLs and a packet tracer.", article: { title: "How Amazon VPC works (AWS VPC User Guide)", url: "https://docs.aws.amazon.com/vpc/latest/userguide/how-it-works.html" }, upgrade: "ipv6" },
  { id: "svm", icon: "📈", title: "Live SVM margin visualizer", summary: "Click to add points and watch an exact SMO solver draw the boundary, the margins and the support vectors.", article: { title: "LIBSVM, the solver this one follows (Chang & Lin)", url: "https://www.csie.ntu.edu.tw/~cjlin/libsvm/" } },
  { id: "pipeline", icon: "🚦", title: "Pipeline stepper", summary: "Airbnb-style deploy pipelines as config, stepped release by release, with gamedays, rollback and error budgets.", article: { title: "Introducing Deploy Pipelines to Airbnb (Airbnb Engineering, 2018)", url: "https://medium.com/airbnb-engineering/introducing-deploy-pipelines-to-airbnb-fc804ac2a157" } },
  // /registry:topics
];

const SITE = new URL(".", import.meta.url);
const modules = new Map();

/// A stylesheet link for the site's `file`, and a promise that settles when
/// it has loaded or failed (a missing sheet must not hold the panel back).
export function stylesheet(file) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL(file, SITE).href;
  let settle;
  const loaded = new Promise((ok) => {
    settle = ok;
    link.onload = ok;
    link.onerror = ok;
  });
  // A link removed before it loaded fires neither event.
  return { link, loaded, settle };
}

/// A wasm module of the site (`<name>.js` and `<name>_bg.wasm`), fetched and
/// instantiated once per page. The wasm is fetched alongside its JS glue
/// rather than after it: one round trip less.
function instantiate(name) {
  let module = modules.get(name);
  if (!module) {
    const wasm = fetch(new URL(`${name}_bg.wasm`, SITE));
    // If the JS glue fails first, nobody awaits this fetch: its own failure
    // must not surface as an uncaught error (init reports real ones).
    wasm.catch(() => {});
    module = import(new URL(`${name}.js`, SITE).href).then(async (m) => {
      await m.default({ module_or_path: wasm });
      return m;
    });
    // A failed load (a dropped connection) may be retried by the next mount.
    module.catch(() => modules.delete(name));
    modules.set(name, module);
  }
  return module;
}

/// The topic's panel module.
export function load(id) {
  return instantiate(`topic-${id}`);
}

/// The module whose panel shows `state` (a link's `s=` value): the topic's
/// own, unless it cannot read that state and the topic has an upgrade
/// module (`topic.upgrade`: a fuller build of the panel, loaded on first use).
export async function panelModule(topic, state) {
  const m = await load(topic.id);
  return topic.upgrade && state && m.readsState?.(state) === false ? loadUpgrade(topic) : m;
}

const loadUpgrade = (topic) => instantiate(`topic-${topic.id}-${topic.upgrade}`);

/// Mounts module `m`'s panel into `slot` with `options`. The handle stays
/// the same when the panel swaps itself for the topic's upgrade module (its
/// `upgrade` option: called with the state to keep, it resolves once the
/// fuller panel is on screen, or rejects with why not).
export function mountModule(m, slot, topic, options) {
  const h = {
    unmount: () => (h.p?.unmount(), (h.p = null)),
    setValue: (...args) => h.p?.setValue(...args) ?? false,
  };
  const show = (module, state) => {
    h.p?.unmount();
    slot.replaceChildren();
    h.p = module.mount(slot, { ...options, state, upgrade });
  };
  const upgrade = topic.upgrade && ((state) => loadUpgrade(topic).then((up) => h.p && show(up, state)));
  show(m, options.state);
  return h;
}

/// The loader a panel gets for its topic's extras module (comics, tours),
/// which it calls the first time a reader opens one.
export function extras(id) {
  return () => instantiate(`topic-${id}-extras`);
}

/// The ids `mount` accepts.
export function topics() {
  return TOPICS.map((t) => t.id);
}

/// How much of a panel shows at first (see `mount`).
export const VIEWS = ["compact", "full"];

let frames = 0;
/// Every framed slot still on a page, for the tour keys below.
const framed = new Set();
const TOUR_KEYS = ["ArrowLeft", "ArrowRight", "Escape"];
/// How long a reader works on a tour task before its hint opens by itself.
const HINT_AFTER_MS = 30_000;

// While a tour runs, ← → and Esc step it wherever the focus is on the page
// (the panel handles them itself when the focus is inside it): a click on the
// page's title or margin must not stop a reader's tour. The key is passed to
// the tour bar, whose panel handles it as its own. Typing in a field of the
// host page keeps its keys.
// (The size report imports this file in Node, where there is no document.)
globalThis.document?.addEventListener("keydown", (event) => {
  if (!TOUR_KEYS.includes(event.key) || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.target.closest?.(".panel, techshack-panel, input, textarea, select, [contenteditable]")) return;
  for (const slot of framed) {
    if (!slot.isConnected) {
      framed.delete(slot);
      continue;
    }
    const tour = slot.querySelector(".tour");
    if (tour) {
      tour.dispatchEvent(new KeyboardEvent("keydown", { key: event.key, bubbles: true, composed: true }));
      event.preventDefault();
      return;
    }
  }
});

/// Marks the element the open tour step talks about (named by the tour bar's
/// `data-focus`) with `data-tour-focus`, and scrolls it into view when the
/// step changes. The panel remakes its body on each step, so the mark is put
/// back after every change; the scroll happens once per step, so a reader
/// who scrolls away to look at something else is not pulled back.
function followTourFocus(slot) {
  if (typeof MutationObserver === "undefined") return;
  let shown = null;
  let queued = false;
  let hinted = null;
  let hintTimer = 0;
  const mark = () => {
    queued = false;
    const bar = slot.querySelector(".tour[data-focus]");
    // While a step's work runs in slices, every slice changes the panel:
    // reading the bar's height here would force a layout each time. The
    // mark waits for the work to end (the cue's removal is a change too).
    if (bar?.querySelector(".tour-working")) return;
    // A task's hint opens by itself after a while on its step.
    if (bar && hinted !== bar.dataset.step) {
      hinted = bar.dataset.step;
      clearTimeout(hintTimer);
      hintTimer = setTimeout(() => {
        const now = slot.querySelector(".tour[data-step]");
        if (now?.dataset.step === hinted) now.querySelector("details.task-hint")?.setAttribute("open", "");
      }, HINT_AFTER_MS);
    }
    let target = null;
    try {
      target = bar && slot.querySelector(".panel-body")?.querySelector(bar.dataset.focus);
    } catch {
      // A selector the page cannot read marks nothing; the tour goes on.
    }
    for (const old of slot.querySelectorAll("[data-tour-focus]")) {
      if (old !== target) old.removeAttribute("data-tour-focus");
    }
    if (!bar) {
      shown = null;
      return;
    }
    // The sticky bar covers the top of the page; the element scrolls below it.
    slot.style.setProperty("--tour-bar-height", `${bar.offsetHeight}px`);
    if (!target) return;
    if (!target.hasAttribute("data-tour-focus")) target.setAttribute("data-tour-focus", "");
    if (shown !== bar.dataset.step) {
      shown = bar.dataset.step;
      target.scrollIntoView({ block: "nearest" });
    }
  };
  new MutationObserver(() => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(mark);
    }
  }).observe(slot, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-step"] });
}

function linkTo(href, text) {
  const a = document.createElement("a");
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener";
  a.textContent = text;
  return a;
}

/// Frames a panel in `box` for its view and returns `{ slot, setState }`:
/// the element to mount into, and what to call with each new state so the
/// "Open in Techshack Live" link carries it. "compact" (an embed's default,
/// for a blog column about 700 px wide and 720 px high) puts one intro line
/// and links to the site and the article first; the stylesheet then shows
/// the panel's picture (the element marked data-picture) and folds the rest
/// behind the "More" button placed after it. "full" is the bare slot.
export function framePanel(box, topic, view, base) {
  const slot = document.createElement("div");
  slot.className = "panel-host";
  // A tour that starts takes the focus, so ← →, Esc and its buttons go on in
  // it: the list it was chosen from closes and would drop the focus to the
  // page. Done here rather than in the wasm, where the hook cost 1.5 KB gzip
  // in every topic module.
  // The tour bar appears once the panel has replayed the tour's first step,
  // a frame or a few later.
  const focusTour = (frames) =>
    requestAnimationFrame(() => {
      const tour = slot.querySelector(".tour");
      if (tour) tour.focus();
      else if (frames > 0) focusTour(frames - 1);
    });
  slot.addEventListener("click", (event) => {
    if (event.target.closest?.(".tour-menu li a") && event.defaultPrevented) focusTour(60);
    // The comic's downloads and alt text are static markup in the panel,
    // worked by comic-export.js, fetched the first time one is used.
    const tool = event.target.closest?.("[data-comic-export]");
    if (tool) {
      import("./comic-export.js").then(
        (m) => m.handle(tool, topic.id),
        (e) => (tool.closest(".comic").querySelector("span[role=status]").textContent = e.message),
      );
    }
  });
  followTourFocus(slot);
  framed.add(slot);
  if (view !== "compact") {
    box.append(slot);
    return { slot, setState() {} };
  }
  frames += 1;
  slot.id = `techshack-panel-${frames}`;
  box.classList.add("compact");
  const intro = document.createElement("div");
  intro.className = "panel-intro";
  const summary = document.createElement("p");
  summary.textContent = topic.summary;
  const links = document.createElement("p");
  links.className = "panel-links";
  const site = linkTo(`${base}#/${topic.id}`, "Open in Techshack Live ↗");
  links.append(site, linkTo(topic.article.url, `Read: ${topic.article.title} ↗`));
  intro.append(summary, links);
  const more = document.createElement("button");
  more.type = "button";
  more.className = "more-toggle";
  more.setAttribute("aria-controls", slot.id);
  more.setAttribute("aria-expanded", "false");
  const arrow = document.createElement("span");
  arrow.setAttribute("aria-hidden", "true");
  arrow.textContent = " ▾";
  more.append("More", arrow);
  more.addEventListener("click", () => {
    const open = !box.classList.contains("more-open");
    box.classList.toggle("more-open", open);
    more.setAttribute("aria-expanded", String(open));
    arrow.textContent = open ? " ▴" : " ▾";
  });
  box.append(intro, slot, more);
  const setState = (state) => {
    site.href = `${base}#/${topic.id}${typeof state === "string" && state ? `?s=${encodeURIComponent(state)}` : ""}`;
  };
  return { slot, setState };
}

/// A shadow root holding the site's and the topic's stylesheets, a hidden
/// heading and the framed slot with the loading line; `styled` settles once
/// the stylesheets have loaded.

/// The line a panel's slot shows while its module downloads.
export function showLoading(slot, topic) {
  const line = document.createElement("p");
  line.className = "loading";
  line.setAttribute("role", "status");
  line.textContent = `Loading the ${topic.title}…`;
  slot.replaceChildren(line);
}

/// Says in the slot why the panel could not load, with a button to try again.
export function showFailure(slot, topic, error, retry) {
  const box = document.createElement("div");
  box.className = "notice";
  box.setAttribute("role", "alert");
  const text = document.createElement("span");
  text.textContent = `The ${topic.title} could not load (${error && error.message ? error.message : error}). Check the connection and try again.`;
  const again = document.createElement("button");
  again.type = "button";
  again.textContent = "Try again";
  again.addEventListener("click", retry);
  box.append(text, again);
  slot.replaceChildren(box);
}
