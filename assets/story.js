// A topic page's story (each topic's story.html, in the page's template):
// its numbers show the panel's live values, and the ones with a list of
// choices (data-values) are sliders a reader scrubs, by dragging sideways,
// with the arrow keys, or Home and End, which changes the panel. The panel
// reports values through mount's onValues and takes scrubs through
// setValue(key, value, continues); one drag is one undo step there.

import { stylesheet } from "./panels.js";

/// Pixels of sideways drag per choice.
const STEP_PX = 14;

function format(el, value) {
  if (typeof value !== "number" || Number.isNaN(value)) return "—";
  return value.toLocaleString("en-US", {
    maximumFractionDigits: Number(el.dataset.decimals ?? 0),
    useGrouping: el.dataset.group !== "no",
  });
}

/// The index of the choice nearest to `value`.
function nearest(choices, value) {
  let best = 0;
  choices.forEach((c, i) => {
    if (Math.abs(c - value) < Math.abs(choices[best] - value)) best = i;
  });
  return best;
}

/// Wires the story in `section`; returns { show(values), attach(panel) }.
export function wireStory(section) {
  const hint = document.createElement("p");
  hint.className = "story-hint";
  hint.textContent = "Numbers in bold are the panel's, live. Dashed ones are sliders: drag one sideways, or focus it and use the arrow keys.";
  section.querySelector("h2")?.after(hint);
  const numbers = [...section.querySelectorAll("[data-live]")];
  const current = new Map();
  let panel = null;

  const scrubs = numbers.filter((el) => el.dataset.values);
  for (const el of scrubs) {
    const choices = el.dataset.values.split(" ").map(Number);
    el.setAttribute("role", "slider");
    // "in the story": the panel may have a control of the same name (C).
    el.setAttribute("aria-label", `${el.dataset.label}, in the story`);
    el.setAttribute("aria-valuemin", String(choices[0]));
    el.setAttribute("aria-valuemax", String(choices[choices.length - 1]));
    el.setAttribute("aria-valuenow", el.textContent.replace(/,/g, ""));
    el.setAttribute("aria-disabled", "true");
    el.tabIndex = 0;
    el.title = "Drag sideways, or use the arrow keys";
    const index = () => nearest(choices, current.get(el.dataset.live) ?? Number(el.getAttribute("aria-valuenow")));
    const go = (i, continues) => {
      const at = Math.max(0, Math.min(choices.length - 1, i));
      if (!panel || at === index()) return false;
      return panel.setValue(el.dataset.live, choices[at], continues);
    };
    el.addEventListener("keydown", (e) => {
      const moves = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };
      let target = null;
      if (e.key in moves) target = index() + moves[e.key];
      else if (e.key === "Home") target = 0;
      else if (e.key === "End") target = choices.length - 1;
      if (target === null) return;
      e.preventDefault();
      go(target, false);
    });
    el.addEventListener("pointerdown", (e) => {
      if (!panel || e.button !== 0) return;
      e.preventDefault();
      el.setPointerCapture(e.pointerId);
      el.focus();
      const start = { x: e.clientX, index: index() };
      let moved = false;
      el.classList.add("scrubbing");
      const move = (m) => {
        const i = start.index + Math.round((m.clientX - start.x) / STEP_PX);
        if (go(i, moved)) moved = true;
      };
      const end = () => {
        el.classList.remove("scrubbing");
        el.removeEventListener("pointermove", move);
        el.removeEventListener("pointerup", end);
        el.removeEventListener("pointercancel", end);
      };
      el.addEventListener("pointermove", move);
      el.addEventListener("pointerup", end);
      el.addEventListener("pointercancel", end);
    });
  }

  return {
    /// The panel's values after a change: { key: number }.
    show(values) {
      for (const el of numbers) {
        const key = el.dataset.live;
        if (!(key in values)) continue;
        current.set(key, values[key]);
        const text = format(el, values[key]);
        if (el.textContent !== text) el.textContent = text;
        if (el.dataset.values) {
          el.setAttribute("aria-valuenow", String(values[key]));
          el.setAttribute("aria-valuetext", text);
        }
      }
    },
    /// The mounted panel (or null when it goes): scrubs reach it from now on.
    attach(mounted) {
      panel = mounted;
      for (const el of scrubs) el.setAttribute("aria-disabled", String(!panel));
    },
  };
}

let sheet = null;

/// Fetches topic `id`'s story and its styles into `slot` and wires it to the
/// page's `entry` (its panel and the values it reported), while `here()`.
export function openStory(id, slot, entry, here) {
  const text = fetch(`${id}-story.html`).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`))));
  sheet ??= stylesheet("story.css");
  if (!sheet.link.isConnected) document.head.append(sheet.link);
  Promise.all([text, sheet.loaded]).then(
    ([html]) => {
      if (!here()) return;
      // Our own static file, from this origin (the CSP allows no other).
      slot.replaceChildren(document.createRange().createContextualFragment(html));
      slot.setAttribute("aria-labelledby", `story-${id}`);
      entry.story = wireStory(slot);
      if (entry.values) entry.story.show(entry.values);
      if (entry.panel) entry.story.attach(entry.panel);
    },
    () => {},
  );
}
