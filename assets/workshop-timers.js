// The session page's block timers (workshop.js): one per block, counting
// down from the block's minutes, started, paused and reset by the teacher.
// They outlive the page's visits (a teacher follows a tour link and comes
// back) and a reload: each is kept in sessionStorage as the time left and,
// while it runs, the moment it started.

const TIMERS_KEY = "techshack-workshop-timers";

function readTimers() {
  try {
    const t = JSON.parse(sessionStorage.getItem(TIMERS_KEY));
    return t && typeof t === "object" ? t : {};
  } catch {
    return {};
  }
}

function writeTimers(timers) {
  try {
    sessionStorage.setItem(TIMERS_KEY, JSON.stringify(timers));
  } catch {
    // Storage may be off: the timers last for this visit.
  }
}

/// `ms` as the clock shows it: minutes and seconds, a second shown until it
/// has fully passed.
function clock(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/// The timers of `blocks` (id → the block's element, with data-minutes and
/// data-title); `say` reports a timer running out. Returns `{ toggle(id),
/// reset(id), close() }`.
export function blockTimers(blocks, say) {
  const known = [...blocks.keys()];
  const timers = readTimers();
  const fullOf = (id) => Number(blocks.get(id).dataset.minutes) * 60_000;
  const timerOf = (id) => {
    const t = timers[id];
    return t && Number.isFinite(t.left) ? t : { left: fullOf(id), since: null };
  };
  const leftOf = (t) => (t.since === null ? t.left : t.left - (Date.now() - t.since));

  function show(id) {
    const b = blocks.get(id);
    const t = timerOf(id);
    const left = leftOf(t);
    const face = b.querySelector("[data-timer]");
    face.textContent = clock(left);
    face.classList.toggle("over", left <= 0);
    const button = b.querySelector("[data-action=timer]");
    const running = t.since !== null;
    button.textContent = running ? "Pause" : t.left < fullOf(id) ? "Resume" : "Start";
    button.setAttribute("aria-label", `${button.textContent} the timer for ${b.dataset.title}`);
    if (running && left <= 0) {
      timers[id] = { left: 0, since: null };
      writeTimers(timers);
      show(id);
      say(`Time is up for ${b.dataset.title}.`);
    }
  }

  // The clocks are redrawn when a running one's shown second changes, not
  // on a polling interval, so each second shows for a whole second.
  let tick = null;
  function schedule() {
    clearTimeout(tick);
    const running = known.map(timerOf).filter((t) => t.since !== null);
    if (running.length === 0) return;
    const next = Math.min(...running.map((t) => ((leftOf(t) % 1000) + 1000) % 1000 || 1000));
    tick = setTimeout(() => {
      for (const id of known) if (timerOf(id).since !== null) show(id);
      schedule();
    }, next);
  }

  for (const id of known) show(id);
  schedule();
  return {
    toggle(id) {
      const t = timerOf(id);
      timers[id] = t.since === null ? { left: t.left, since: Date.now() } : { left: leftOf(t), since: null };
      writeTimers(timers);
      show(id);
      schedule();
    },
    reset(id) {
      delete timers[id];
      writeTimers(timers);
      show(id);
      schedule();
    },
    close() {
      clearTimeout(tick);
    },
  };
}
