// The site's pages: hash routes over the static sections of index.html, the
// header's theme and presenter buttons, and the topic pages, whose panel
// comes from the topic's own wasm module (panels.js `load`). Home
// and About are plain HTML: no wasm is fetched until a topic page opens.
import { TOPICS, VIEWS, panelModule, mountModule, extras, showLoading, showFailure, stylesheet, framePanel } from "./panels.js";

const site = document.querySelector("[data-techshack-site]");
const root = document.documentElement;
const SITE_TITLE = "Techshack Live";

// ---- Theme and presenter mode, stored as the Rust site stored them (JSON
// values under the same keys), so readers keep their choice.

const THEME_KEY = "techshack-theme";
const PRESENTER_KEY = "techshack-presenter";
const THEMES = ["system", "dark", "light"];

function stored(key) {
  try {
    return JSON.parse(localStorage.getItem(key));
  } catch {
    return null;
  }
}

function store(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage may be off (private mode, a full quota): the choice lasts for this visit.
  }
}

let theme = THEMES.includes(stored(THEME_KEY)) ? stored(THEME_KEY) : "system";
let presenter = stored(PRESENTER_KEY) === true;
const themeButton = site.querySelector("[data-action=theme]");
const presenterButton = site.querySelector("[data-action=presenter]");

function applyLook() {
  if (theme === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", theme);
  if (presenter) root.setAttribute("data-presenter", "on");
  else root.removeAttribute("data-presenter");
  themeButton.textContent = `Theme: ${theme}`;
  presenterButton.setAttribute("aria-pressed", String(presenter));
}

themeButton.addEventListener("click", () => {
  theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
  store(THEME_KEY, theme === "system" ? null : theme);
  applyLook();
});
presenterButton.addEventListener("click", () => {
  presenter = !presenter;
  store(PRESENTER_KEY, presenter);
  applyLook();
});

// On a phone the header is one line; its Menu button opens the rest.
const header = site.querySelector(".site-header");
const navToggle = header.querySelector(".nav-toggle");
function openNav(open) {
  header.classList.toggle("open", open);
  navToggle.setAttribute("aria-expanded", String(open));
}
navToggle.addEventListener("click", () => openNav(!header.classList.contains("open")));
header.querySelector("nav").addEventListener("click", (e) => {
  if (e.target.closest("a")) openNav(false);
});

site.querySelector(".skip-link").addEventListener("click", (e) => {
  e.preventDefault();
  document.getElementById("main").focus();
});

// ---- Routes: #/, #/about, #/<id>, #/embed/<id>; a link's state rides in
// ?s=, and an embed may ask for every card with ?view=full (compact is the
// embed's default, full the topic page's). ?tour=<tour-id>&step=<n> opens a
// tour at a step (n from 1); the panel says in place if there is no such tour.

function parse(hash) {
  const [path, query = ""] = hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query);
  const state = params.get("s") || undefined;
  const view = VIEWS.includes(params.get("view")) ? params.get("view") : undefined;
  const tour = params.get("tour") || undefined;
  // A step that is not a whole number from 1 opens the tour's first.
  const step = tour && /^[1-9][0-9]{0,5}$/.test(params.get("step") ?? "") ? Number(params.get("step")) : 1;
  const link = { state, tour, step: tour ? step : undefined };
  const parts = path.split("/").filter(Boolean);
  if (parts.length === 0) return { page: "home" };
  if (parts.length === 1 && parts[0] === "about") return { page: "about" };
  if (parts.length === 1 && parts[0] === "workshop") {
    return { page: "workshop", view: params.get("view") === "facilitator" ? "facilitator" : undefined, plan: params.get("plan") };
  }
  if (parts.length === 1) return { page: "topic", id: parts[0], embedded: false, ...link };
  if (parts.length === 2 && parts[0] === "embed") return { page: "topic", id: parts[1], embedded: true, view, ...link };
  return { page: "not-found" };
}

/// The panel on screen, with the route it was mounted for.
let current = null;

function unmountPanel() {
  current?.panel?.unmount();
  current = null;
}

const main = site.querySelector("main");

// The site's chrome, taken out of the page on embed routes (an iframe in a
// blog shows the panel alone) and put back when the reader leaves them.
const chrome = [".skip-link", ".site-header", ".site-footer"].map((sel) => {
  const el = site.querySelector(sel);
  return { el, mark: el.parentNode.insertBefore(document.createComment(sel), el) };
});

function showChrome(on) {
  for (const { el, mark } of chrome) {
    if (on && !el.isConnected) mark.after(el);
    else if (!on) el.remove();
  }
}

/// A topic page as it stands before its module arrives: its heading and
/// introduction (from the loader's table), the panel's place, and an empty
/// place for the topic's story (`story.js`).
function outline(topic) {
  const page = document.createElement("div");
  page.className = "topic-page";
  page.innerHTML = '<header class="topic-head"><h1><span aria-hidden="true"></span> </h1><p></p></header><div class="panel-slot"></div><section class="story"></section>';
  page.querySelector("span").textContent = topic.icon;
  page.querySelector("h1").append(topic.title);
  page.querySelector("p").textContent = topic.summary;
  return page;
}

/// A topic's card on the home page.
function card(topic) {
  const li = document.createElement("li");
  li.className = "card";
  li.innerHTML = '<h2><a><span aria-hidden="true" class="icon"></span> </a></h2><p></p>';
  const a = li.querySelector("a");
  a.href = `#/${topic.id}`;
  a.firstChild.textContent = topic.icon;
  a.append(topic.title);
  li.querySelector("p").textContent = topic.summary;
  return li;
}

/// Puts a copy of the page's template in <main> and returns its root. A
/// root with `data-src` gets its text from that file (About's).
function show(page, topic) {
  if (page === "topic") main.replaceChildren(outline(topic));
  else main.replaceChildren(site.querySelector(`template[data-page="${page}"]`).content.cloneNode(true));
  if (page === "home") main.querySelector(".cards").append(...TOPICS.map(card));
  const shown = main.firstElementChild;
  const src = shown.dataset.src;
  if (src) {
    fetch(src)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(
        (html) => shown.isConnected && (shown.innerHTML = html),
        (e) => shown.isConnected && (shown.querySelector("[role=status]").textContent = `This page could not load (${e.message}). Check the connection and reload.`),
      )
      .finally(() => shown.removeAttribute("aria-busy"));
  }
  return shown;
}

function routeOf(route) {
  return `#/${route.embedded ? "embed/" : ""}${route.id}`;
}

/// The route's own query besides the state, kept when the panel rewrites ?s=.
function viewQuery(route) {
  return route.view ? `view=${route.view}&` : "";
}

/// Each topic's stylesheet, added to the page the first time its page opens.
const topicSheets = new Map();
function topicStyles(id) {
  if (!topicSheets.has(id)) {
    const sheet = stylesheet(`${id}.css`);
    document.head.append(sheet.link);
    topicSheets.set(id, sheet.loaded);
  }
  return topicSheets.get(id);
}

/// The topic page's story (`<id>-story.html`, made live by story.js). It
/// loads once it comes near the screen: at once beside the panel on a wide
/// screen, on the way down below it on a phone, so a first visit spends
/// nothing on it before the panel works; an embed shows the panel alone.
/// The story is extra: if it cannot load, the page is the panel, as before.
function loadStory(id, slot, entry) {
  const near = new IntersectionObserver(
    (seen) => {
      if (current !== entry) near.disconnect();
      else if (seen.some((e) => e.isIntersecting)) {
        near.disconnect();
        // story.js fetches the text and styles; it asks whether this page
        // is still the one on screen before it writes.
        import("./story.js").then((m) => m.openStory(id, slot, entry, () => current === entry), () => {});
      }
    },
    { rootMargin: "600px 0px" },
  );
  near.observe(slot);
}

function mountPanel(route, topic, section) {
  const key = routeOf(route);
  const base = new URL(".", location.href).href;
  // An embed route is compact unless it asks for ?view=full; a topic page is full.
  const view = route.embedded ? route.view ?? "compact" : "full";
  const { slot, setState } = framePanel(section.querySelector(".panel-slot"), topic, view, base);
  setState(route.state);
  const entry = { key, view: route.view, state: route.state, tour: route.tour, step: route.step, panel: null };
  current = entry;
  const start = () => {
    showLoading(slot, topic);
    Promise.all([panelModule(topic, route.state), topicStyles(topic.id)]).then(
      ([m]) => {
        if (current !== entry) return;
        entry.panel = mountModule(m, slot, topic, {
          state: route.state,
          base,
          embedded: route.embedded,
          extras: extras(topic.id),
          tour: route.tour,
          step: route.step,
          // The story's live numbers (kept until the story arrives).
          onValues: (values) => {
            entry.values = values;
            entry.story?.show(values);
          },
          // The write is debounced, so it can land after the reader has moved
          // to another page; it must never pull them back.
          onChange: (state) => {
            setState(state);
            if (current === entry && location.hash.split("?")[0] === key) {
              // The address now holds the state; a tour the link opened is
              // the panel's own from here on.
              Object.assign(entry, { state, tour: undefined, step: undefined });
              history.replaceState(null, "", `${key}?${viewQuery(route)}s=${state}`);
            }
          },
        });
        entry.story?.attach(entry.panel);
        // Only now does the panel push the story down to where it belongs.
        if (!route.embedded) requestAnimationFrame(() => loadStory(route.id, section.querySelector(".story"), entry));
      },
      (error) => {
        if (current === entry) showFailure(slot, topic, error, start);
      },
    );
  };
  start();
}

/// The session page (#/workshop, workshop.js). Its own address changes (a
/// plan reordered, the facilitator's view) reach the open page rather than
/// building it again, so the panels and timers on it stay as they are.
function showWorkshop(route) {
  document.title = `Workshop · ${SITE_TITLE}`;
  if (current?.key === "#/workshop") {
    current.panel?.update(route);
    return;
  }
  unmountPanel();
  const slot = show("workshop");
  const entry = { key: "#/workshop", panel: null };
  current = entry;
  import("./workshop.js").then(
    (m) => {
      if (current === entry) entry.panel = { ...m.openWorkshop(slot, route, () => current === entry), unmount() { this.close(); } };
    },
    (error) => {
      if (current === entry) showFailure(slot, { title: "workshop page" }, error, () => {
          current = null;
          render();
        });
    },
  );
}

// Blogs may frame the embed routes (the page's frame-ancestors allows it, as
// a header cannot see the hash), but no other site may frame the site's own
// pages: inside a frame, they show a way out instead.
const framed = window.top !== window.self;

function showFramedNotice() {
  unmountPanel();
  showChrome(false);
  const p = document.createElement("p");
  p.className = "framed-notice";
  p.setAttribute("role", "alert");
  p.append("Techshack Live's pages open in their own tab. ");
  const a = document.createElement("a");
  a.href = location.href;
  a.target = "_top";
  a.rel = "noopener";
  a.textContent = "Open Techshack Live";
  p.append(a);
  main.replaceChildren(p);
  document.title = SITE_TITLE;
}

function render() {
  const route = parse(location.hash);
  const topic = route.page === "topic" ? TOPICS.find((t) => t.id === route.id) : null;
  const embedded = route.page === "topic" && route.embedded;
  if (framed && !embedded) {
    showFramedNotice();
    return;
  }
  root.toggleAttribute("data-embedded", embedded);
  showChrome(!embedded);
  for (const a of site.querySelectorAll(".site-header nav a")) {
    const here =
      (route.page === "topic" && !embedded && a.getAttribute("href") === `#/${route.id}`) ||
      (route.page === "workshop" && a.getAttribute("href") === "#/workshop");
    a.classList.toggle("current", here);
    if (here) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }

  if (route.page === "topic" && !topic) {
    unmountPanel();
    show("no-topic").querySelector("[role=alert]").textContent =
      `There is no topic called “${route.id}”. Topics: ${TOPICS.map((t) => t.id).join(", ")}.`;
    document.title = `No such topic · ${SITE_TITLE}`;
    return;
  }
  if (route.page === "workshop") {
    showWorkshop(route);
    return;
  }
  if (!topic) {
    unmountPanel();
    show(route.page);
    document.title = route.page === "about" ? `About · ${SITE_TITLE}` : route.page === "home" ? SITE_TITLE : `Page not found · ${SITE_TITLE}`;
    return;
  }
  document.title = `${topic.title} · ${SITE_TITLE}`;
  // The panel already shows this route and state (its own link writes do not
  // fire hashchange); a pasted link with another state opens afresh.
  const same = (a, b) => a.view === b.view && a.state === b.state && a.tour === b.tour && a.step === b.step;
  if (current && current.key === routeOf(route) && same(current, route)) return;
  unmountPanel();
  const page = show("topic", topic);
  page.querySelector(".topic-head h1").classList.toggle("sr-only", embedded);
  page.querySelector(".topic-head p").hidden = embedded;
  if (embedded) page.querySelector(".story")?.remove();
  mountPanel(route, topic, page);
}

applyLook();
addEventListener("hashchange", render);
render();
