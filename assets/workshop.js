// The session page, #/workshop: a teacher's plan over the workshop blocks
// (`workshop.html`, written by `cargo test` from each topic's blocks and
// tours), a timer per block (workshop-timers.js), a QR code of each block's
// panel (workshop-qr.js), each block's live panel (mounted as an embed
// once it comes near the screen), "Reset all panels", and the facilitator's
// view (?view=facilitator) with what to say and every answer. Printing the
// page gives each block's hand-out and then the answer key (workshop.css).
//
// The plan rides in the link as ?plan=<block-id>,<block-id> in teaching
// order, as `src/workshop.rs` writes and reads it; no plan is the whole
// agenda. Reordering or dropping a block rewrites the address at once, so
// the link a teacher copies is always the plan on screen.
import { mount, stylesheet, showFailure } from "./techshack-live.js";
import { blockTimers } from "./workshop-timers.js";
import { drawQr, toggleQr } from "./workshop-qr.js";

const SITE = new URL(".", import.meta.url);

let page = null; // the text of workshop.html, fetched once
let zines = null; // zines.html's figures, fetched once the page is up
let sheet = null; // workshop.css, added once

function fetchPage() {
  page ??= fetch(new URL("workshop.html", SITE)).then((r) => {
    if (!r.ok) throw new Error(`workshop.html: HTTP ${r.status}`);
    return r.text();
  });
  page.catch(() => {
    page = null;
  });
  return page;
}

/// The blocks' zine pages (zines.html), as a template of figures each
/// naming its block.
function fetchZines() {
  zines ??= fetch(new URL("zines.html", SITE))
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`zines.html: HTTP ${r.status}`))))
    .then((html) => {
      const t = document.createElement("template");
      t.innerHTML = html;
      return t.content;
    });
  zines.catch(() => {
    zines = null;
  });
  return zines;
}

/// The plan a link asks for: `{ ids, error }`, with the whole agenda and a
/// reason when the link's plan names a block twice or one that is not there.
export function parsePlan(value, known) {
  if (value === null) return { ids: known.slice() };
  const ids = [];
  for (const part of value.split(",").filter(Boolean)) {
    if (!known.includes(part)) {
      return { ids: known.slice(), error: `The plan names a block that does not exist (blocks: ${known.join(", ")}).` };
    }
    if (ids.includes(part)) return { ids: known.slice(), error: `The plan names the block ${part} twice.` };
    ids.push(part);
  }
  return { ids };
}

/// The page's link for a plan, as `Plan::link` writes it.
export function planLink(ids, known, facilitator) {
  const query = [];
  if (facilitator) query.push("view=facilitator");
  if (ids.join(",") !== known.join(",")) query.push(`plan=${ids.join(",")}`);
  return query.length ? `#/workshop?${query.join("&")}` : "#/workshop";
}

/// Opens the session page in `slot` for `route` ({ view, plan }); returns
/// `{ update(route), close() }`. `isCurrent` says whether the page is still
/// the one on screen (the fetch may land after the reader has left).
export function openWorkshop(slot, route, isCurrent) {
  sheet ??= (() => {
    const s = stylesheet("workshop.css");
    document.head.append(s.link);
    return s.loaded;
  })();
  let session = null;
  let closed = false;
  const load = () =>
    Promise.all([fetchPage(), sheet]).then(
      ([html]) => {
        if (closed || !isCurrent()) return;
        session = startSession(slot, html, route);
      },
      (error) => {
        if (closed || !isCurrent()) return;
        showFailure(slot, { title: "workshop page" }, error, load);
      },
    );
  load();
  return {
    update(next) {
      route = next;
      session?.apply(next);
    },
    close() {
      closed = true;
      session?.close();
    },
  };
}

function startSession(slot, html, route) {
  slot.innerHTML = html;
  const root = slot.querySelector(".workshop");
  const agenda = root.querySelector(".agenda");
  const dropped = root.querySelector(".dropped");
  const status = root.querySelector(".workshop-status");
  const handouts = root.querySelector(".handouts");
  const key = handouts.querySelector(".answer-key");
  const blocks = new Map([...agenda.querySelectorAll(".block")].map((b) => [b.dataset.block, b]));
  const known = [...blocks.keys()];
  let plan = known.slice();
  let facilitator = false;
  const say = (text) => {
    status.textContent = text;
  };
  const title = (id) => blocks.get(id).dataset.title;
  const timers = blockTimers(blocks, say);

  // ---- The plan: order, drop, add back; the address follows.

  function writeAddress() {
    const link = planLink(plan, known, facilitator);
    if (location.hash !== link) history.replaceState(null, "", link);
    const other = planLink(plan, known, !facilitator);
    const switcher = root.querySelector("[data-view-switch]");
    switcher.href = other;
    switcher.textContent = facilitator ? "Session view" : "Facilitator view";
  }

  function layout() {
    for (const id of plan) agenda.append(blocks.get(id));
    const out = known.filter((id) => !plan.includes(id));
    for (const id of out) {
      blocks.get(id).remove();
      unmountPanel(id);
    }
    plan.forEach((id, k) => {
      const b = blocks.get(id);
      b.querySelector("[data-action=earlier]").disabled = k === 0;
      b.querySelector("[data-action=later]").disabled = k === plan.length - 1;
    });
    // The hand-outs and the answer key follow the plan too.
    for (const id of plan) handouts.insertBefore(handouts.querySelector(`.handout[data-block="${id}"]`), key);
    for (const h of handouts.querySelectorAll(".handout")) h.hidden = !plan.includes(h.dataset.block);
    for (const id of plan) key.append(key.querySelector(`section[data-block="${id}"]`));
    for (const s of key.querySelectorAll("section[data-block]")) s.hidden = !plan.includes(s.dataset.block);
    const list = dropped.querySelector("ul");
    list.replaceChildren(
      ...out.map((id) => {
        const li = document.createElement("li");
        const back = document.createElement("button");
        back.type = "button";
        back.dataset.addBack = id;
        back.textContent = `Add back ${title(id)}`;
        li.append(back);
        return li;
      }),
    );
    dropped.hidden = out.length === 0;
    const minutes = plan.reduce((sum, id) => sum + Number(blocks.get(id).dataset.minutes), 0);
    root.querySelector("[data-total]").textContent = String(minutes);
    agenda.hidden = plan.length === 0;
    writeAddress();
    watchPanels();
  }

  function move(id, by) {
    const k = plan.indexOf(id);
    const to = k + by;
    if (k < 0 || to < 0 || to >= plan.length) return;
    plan.splice(k, 1);
    plan.splice(to, 0, id);
    layout();
    say(`${title(id)} is now block ${to + 1} of ${plan.length}.`);
  }

  // ---- Panels: each block's own, mounted as it comes near the screen.

  const panels = new Map();

  function mountPanel(id, tour) {
    const b = blocks.get(id);
    const box = b.querySelector("[data-panel]");
    panels.get(id)?.unmount();
    delete box.dataset.state;
    const handle = mount(box, b.dataset.topic, {
      view: "compact",
      tour: tour?.tour,
      step: tour?.step,
      onChange: (state) => {
        box.dataset.state = state;
        drawQr(b);
      },
    });
    panels.set(id, handle);
    return handle;
  }

  function unmountPanel(id) {
    panels.get(id)?.unmount();
    panels.delete(id);
  }

  const near = new IntersectionObserver(
    (seen) => {
      for (const e of seen) {
        const id = e.target.closest(".block")?.dataset.block;
        if (e.isIntersecting && id && plan.includes(id) && !panels.has(id)) {
          near.unobserve(e.target);
          mountPanel(id);
        }
      }
    },
    { rootMargin: "300px 0px" },
  );
  function watchPanels() {
    for (const id of plan) if (!panels.has(id)) near.observe(blocks.get(id).querySelector("[data-panel]"));
  }

  function resetAll() {
    for (const id of [...panels.keys()]) {
      mountPanel(id);
      drawQr(blocks.get(id));
    }
    say(panels.size ? "Every panel is back at its start." : "Every panel is at its start.");
  }

  // ---- One listener for the page's buttons and step links.

  root.addEventListener("click", (e) => {
    const back = e.target.closest("[data-add-back]");
    if (back) {
      const id = back.dataset.addBack;
      plan.push(id);
      layout();
      blocks.get(id).querySelector("h2").scrollIntoView({ block: "start" });
      blocks.get(id).querySelector("[data-action=drop]").focus();
      say(`${title(id)} is back, as block ${plan.length}.`);
      return;
    }
    const link = e.target.closest(".block a[href^='#/']");
    if (link && e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey) {
      // A step link opens its step in the block's own panel; its address
      // (copy it, or open it in a new tab) is the topic's page at that step.
      const params = new URLSearchParams(link.getAttribute("href").split("?")[1]);
      const id = link.closest(".block").dataset.block;
      e.preventDefault();
      mountPanel(id, { tour: params.get("tour"), step: Number(params.get("step")) });
      blocks.get(id).querySelector("[data-panel]").scrollIntoView({ block: "start" });
      say(`Opened ${link.textContent} in the panel of ${title(id)}.`);
      return;
    }
    const button = e.target.closest("button[data-action]");
    if (!button) return;
    const id = button.closest(".block")?.dataset.block;
    switch (button.dataset.action) {
      case "timer":
        timers.toggle(id);
        break;
      case "timer-reset":
        timers.reset(id);
        break;
      case "qr":
        toggleQr(blocks.get(id), button);
        break;
      case "earlier":
        move(id, -1);
        (button.disabled ? blocks.get(id).querySelector("[data-action=later]") : button).focus();
        break;
      case "later":
        move(id, 1);
        (button.disabled ? blocks.get(id).querySelector("[data-action=earlier]") : button).focus();
        break;
      case "drop": {
        const k = plan.indexOf(id);
        plan.splice(k, 1);
        layout();
        const next = blocks.get(plan[Math.min(k, plan.length - 1)]);
        (next?.querySelector("[data-action=drop]") ?? dropped.querySelector("button")).focus();
        say(`Dropped ${title(id)}; it is listed under Dropped blocks.`);
        break;
      }
      case "reset-all":
        resetAll();
        break;
      case "copy-plan":
        navigator.clipboard.writeText(location.href).then(
          () => say("Copied the link to this plan."),
          () => say(`Copy this link: ${location.href}`),
        );
        break;
      case "print":
        window.print();
        break;
    }
  });

  function apply(next) {
    facilitator = next.view === "facilitator";
    root.dataset.view = facilitator ? "facilitator" : "session";
    const { ids, error } = parsePlan(next.plan ?? null, known);
    const errorBox = root.querySelector("[data-plan-error]");
    errorBox.hidden = !error;
    errorBox.textContent = error ? `${error} Showing the whole agenda.` : "";
    plan = ids;
    layout();
  }

  // ---- Zine pages: printed after each block's hand-out, and shown in the
  // block on request. They come after the page is up: printing before they
  // arrive gives the hand-outs without them.

  const zinesOf = (all, id) => [...all.querySelectorAll(`figure[data-block="${id}"]`)].map((f) => f.cloneNode(true));
  fetchZines().then(
    (all) => {
      for (const slot of handouts.querySelectorAll(".handout-zines")) slot.replaceChildren(...zinesOf(all, slot.dataset.zines));
    },
    () => {},
  );
  root.addEventListener(
    "toggle",
    (e) => {
      const details = e.target.closest?.(".block-zines");
      if (!details) return;
      const slot = details.querySelector(".zine-slot");
      if (!details.open) {
        slot.replaceChildren();
        return;
      }
      slot.textContent = "Loading the zine…";
      fetchZines().then(
        (all) => details.open && slot.replaceChildren(...zinesOf(all, details.dataset.zines)),
        (error) => {
          slot.textContent = `The zine could not load (${error.message}). Close and open this again to retry.`;
        },
      );
    },
    true,
  );

  apply(route);
  return {
    apply,
    close() {
      timers.close();
      near.disconnect();
      for (const id of [...panels.keys()]) unmountPanel(id);
    },
  };
}
