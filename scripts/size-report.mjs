// Prints, for each route, the gzip bytes a first visit transfers: whatever
// that route's page actually requests (HTML, JS, CSS, fonts, wasm), found by
// opening it in Chromium, with each file counted at gzip -9 as
// `./dev serve` sends it. Exits non-zero when a route is over its budget.
//
//   node scripts/size-report.mjs [dist] [--report-only]
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startSiteServer } from "./serve.mjs";

const KB = 1024;
/// Budgets in gzip bytes; a route not named here is printed without one.
export const BUDGETS = { page: 60 * KB, topic: 300 * KB };

const args = process.argv.slice(2);
const reportOnly = args.includes("--report-only");
const dist = args.find((a) => !a.startsWith("--")) ?? "dist";
const gz = new Map();
function gzipBytes(file) {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gz.get(file);
}

// The registry's ids, as the built loader lists them.
const loader = await import(pathToFileURL(resolve(dist, "techshack-live.js")).href);
const ids = loader.topics();
const routes = [
  { route: "#/", budget: BUDGETS.page, ready: "main .cards" },
  { route: "#/about", budget: BUDGETS.page, ready: "main .prose" },
  // A teacher's page: the agenda, hand-outs and answers (workshop.html), and
  // the panel of the first block, which is on screen at once. No budget.
  { route: "#/workshop", budget: null, ready: "main .agenda" },
  ...ids.map((id) => ({ route: `#/${id}`, budget: BUDGETS.topic, ready: "main .panel" })),
  ...ids.map((id) => ({ route: `#/embed/${id}`, budget: BUDGETS.topic, ready: "main .panel" })),
  { route: "embed-example.html", budget: null, ready: "#embed-status:has-text('Mounted')" },
];

const server = await startSiteServer(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic"],
});

let over = 0;
const kb = (n) => (n / KB).toFixed(1);
console.log("route".padEnd(24) + "gzip KB".padStart(9) + "  budget   files");
try {
  for (const { route, budget, ready } of routes) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const files = new Set();
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.origin + "/" === server.url) files.add(decodeURIComponent(u.pathname.slice(1)) || "index.html");
    });
    await page.goto(server.url + (route.startsWith("#") ? route : route));
    await page.waitForSelector(ready, { timeout: 60000 });
    // Let late requests (the font, which loads when text first uses it) land.
    await page.waitForLoadState("networkidle");
    await context.close();
    const total = [...files].reduce((sum, f) => sum + gzipBytes(f), 0);
    const verdict = budget == null ? "   —   " : total <= budget ? `≤ ${budget / KB}` : `> ${budget / KB} OVER`;
    if (budget != null && total > budget) over += 1;
    const list = [...files].sort((a, b) => gzipBytes(b) - gzipBytes(a)).map((f) => `${f} ${kb(gzipBytes(f))}`).join(", ");
    console.log(route.padEnd(24) + kb(total).padStart(9) + "  " + verdict.padEnd(8) + " " + list);
  }
} finally {
  await browser.close();
  await server.close();
}
// What no first visit transfers: each topic's extras module, fetched when a
// reader first opens its comic, a tour or an export.
for (const id of ids) {
  const cold = [`topic-${id}-extras.js`, `topic-${id}-extras_bg.wasm`];
  const total = cold.reduce((sum, f) => sum + gzipBytes(f), 0);
  console.log(`cold: ${id}`.padEnd(24) + kb(total).padStart(9) + "  on use   " + cold.join(", "));
}

if (over > 0 && !reportOnly) {
  console.error(`${over} route(s) over budget: home and About ≤ ${BUDGETS.page / KB} KB, topic and embed routes ≤ ${BUDGETS.topic / KB} KB gzip.`);
  process.exit(1);
}
// A topic's upgrade module (a fuller build of its panel), fetched when a
// reader asks for what it adds or opens a link whose state needs it.
for (const { id, upgrade } of loader.TOPICS.filter((t) => t.upgrade)) {
  const name = `topic-${id}-${upgrade}`;
  const cold = [`${name}.js`, `${name}_bg.wasm`];
  const total = cold.reduce((sum, f) => sum + gzipBytes(f), 0);
  console.log(`upgrade: ${id}`.padEnd(24) + kb(total).padStart(9) + "  on use   " + cold.join(", "));
}
