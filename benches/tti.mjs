// Time to interactive per route, on a slow phone's budget: Chromium with its
// network throttled through CDP (1.6 Mbps down, 750 kbps up, 150 ms latency)
// and its CPU slowed 4×, the site served gzipped by scripts/serve.mjs from
// dist/ (build it first: ./dev build). For each route it prints the first
// contentful paint and the time until the page is usable: for a topic or
// embed route, until `main .panel` is there and a toolbar button (Comic)
// answers a click; for home and About, until <main> has its content. Each
// figure is the median of 3 cold loads, each in a fresh browser context.
// A benchmark: it prints figures and asserts nothing.
//
//   node benches/tti.mjs [--runs=N] [--dist=DIR]
// `node benches/run.mjs` (./dev bench) includes it as rows "tti".
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startSiteServer } from "../scripts/serve.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/// The throttling, as CDP takes it: bytes per second and milliseconds.
export const NETWORK = { offline: false, latency: 150, downloadThroughput: 200000, uploadThroughput: 750000 / 8 };
export const CPU_SLOWDOWN = 4;
export const GOAL_MS = 2500;

/// Runs in every page before its own scripts: records the first contentful
/// paint and the moment the route is usable in `window.__tti` (ms since
/// navigation start, as paint entries are).
function probe() {
  const t = { fcp: null, usable: null, clicks: 0 };
  window.__tti = t;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "first-contentful-paint") t.fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
  const hash = location.hash;
  const topicRoute = /^#\/[^/?]+/.test(hash) && !/^#\/about(\?|$)/.test(hash);
  let watched = null;
  const usable = () => {
    if (t.usable === null) t.usable = performance.now();
  };
  const click = () => {
    if (t.usable !== null || !watched) return;
    t.clicks += 1;
    watched.click();
    // A click the panel did not answer (not expected) is tried again.
    setTimeout(click, 1000);
  };
  const check = () => {
    if (t.usable !== null) return;
    if (!topicRoute) {
      if (document.querySelector("main")?.firstElementChild) usable();
      return;
    }
    if (watched) return;
    const button = [...document.querySelectorAll("main .panel .toolbar button")].find((b) => b.textContent.trim() === "Comic");
    if (!button) return;
    watched = button;
    new MutationObserver(() => {
      if (button.getAttribute("aria-expanded") === "true") usable();
    }).observe(button, { attributes: true, attributeFilter: ["aria-expanded"] });
    click();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/// The routes to time: home, About, then each registered topic's page and
/// embed route (the ids read from the loader in the page itself).
async function routesOf(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const ids = await page.evaluate(async () => (await import("./techshack-live.js")).topics());
  await context.close();
  return ["#/", "#/about", ...ids.map((id) => `#/${id}`), ...ids.map((id) => `#/embed/${id}`)];
}

async function once(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(probe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", NETWORK);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__tti && window.__tti.fcp !== null && window.__tti.usable !== null,
      null, { timeout: 180000, polling: 200 });
    return await page.evaluate(() => ({
      ...window.__tti,
      kb: performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
        .reduce((sum, e) => sum + (e.transferSize || 0), 0) / 1024,
    }));
  } finally {
    await context.close();
  }
}

/// Times every route `runs` times; returns one row per route with medians.
export async function measure({ dist = join(ROOT, "dist"), runs = 3, log = () => {} } = {}) {
  const server = await startSiteServer(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  try {
    const rows = [];
    for (const route of await routesOf(browser, server.url)) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await once(browser, server.url + route));
      const row = {
        route,
        fcp: median(samples.map((s) => s.fcp)),
        usable: median(samples.map((s) => s.usable)),
        kb: median(samples.map((s) => s.kb)),
        samples,
      };
      log(row);
      rows.push(row);
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}

const ms = (x) => `${Math.round(x)}`;

function printTable(rows, runs) {
  console.log(`\nTime to interactive: ${NETWORK.downloadThroughput / 1000} kB/s down, ${Math.round(NETWORK.uploadThroughput * 8 / 1000)} kbps up, `
    + `${NETWORK.latency} ms latency, CPU ${CPU_SLOWDOWN}× slower; gzip; median of ${runs} cold loads (ms since navigation start)`);
  console.log(["route", "FCP ms", "usable ms", "transfer KB", "runs (FCP / usable)"].join(" | "));
  console.log("---|---|---|---|---");
  for (const r of rows) {
    console.log([r.route, ms(r.fcp), ms(r.usable), r.kb.toFixed(1),
      r.samples.map((s) => `${ms(s.fcp)}/${ms(s.usable)}`).join(", ")].join(" | "));
  }
}

/// For benches/run.mjs: one row per route, time to usable against the goal.
export async function run({ report, root }) {
  const dist = join(root, "dist");
  if (!existsSync(join(dist, "techshack-live.js"))) {
    console.log("tti: no build in dist/ (run ./dev build first); skipped");
    return;
  }
  console.log("timing each route under throttling (3 cold loads each, a few minutes)…");
  const rows = await measure({ dist });
  printTable(rows, 3);
  for (const r of rows) report("tti", `${r.route} usable (FCP ${ms(r.fcp)} ms)`, r.usable, "—", undefined, "ms", `≤ ${GOAL_MS} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const runs = Number(arg("runs") ?? 3);
  const dist = arg("dist") ?? process.env.TECHSHACK_DIST ?? join(ROOT, "dist");
  if (!existsSync(join(dist, "techshack-live.js"))) {
    console.error(`No build in ${dist}: run ./dev build first.`);
    process.exit(1);
  }
  const rows = await measure({ dist, runs, log: (r) => console.error(`  ${r.route}: FCP ${ms(r.fcp)} ms, usable ${ms(r.usable)} ms`) });
  printTable(rows, runs);
}
