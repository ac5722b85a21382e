// Shared e2e plumbing: a static server for dist/, Debian's Chromium through
// playwright-core, a console-error watch and an axe-core check.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { startSiteServer } from "../../scripts/serve.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// TECHSHACK_DIST points the tests at another build (e.g. a copy kept while dist/ is rebuilt).
const DIST = process.env.TECHSHACK_DIST ?? join(ROOT, "dist");
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");

/// The site from dist/, served as `./dev serve` serves it (gzip, CORS).
export function startServer() {
  return startSiteServer(DIST);
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/// A page that records console errors, page errors and requests to other origins.
export async function openPage(browser, base, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith("data:") && !u.startsWith("blob:")) problems.push(`foreign request: ${u}`);
  });
  return { page, problems, context };
}

export async function axeViolations(page) {
  // Evaluated through the debugger rather than added as a <script>: the
  // site's CSP rightly refuses inline scripts.
  await page.evaluate(readFileSync(AXE, "utf8"));
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
  return result;
}

/// Waits for the wasm app to replace the loading placeholder.
export async function waitForApp(page) {
  await page.waitForSelector(".site-header, .panel, .prose", { timeout: 30000 });
}

/// One server and browser for a test file (`site.server`, `site.browser`,
/// set once its `before` has run), and `site.open(route, ready, options)`: a
/// fresh page on `#/<route>`, once `ready` has rendered.
export function sitePages() {
  const site = {};
  before(async () => {
    site.server = await startServer();
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  site.open = async (route, ready, options = {}, hash = `#/${route}`) => {
    const opened = await openPage(site.browser, site.server.url, options);
    await opened.page.goto(`${site.server.url}${hash}`);
    await waitForApp(opened.page);
    await opened.page.waitForSelector(ready);
    return opened;
  };
  return site;
}

/// `sitePages` for one panel's test file: `open(options, hash)`.
export function panelPages(route, ready) {
  const site = sitePages();
  return (options = {}, hash = `#/${route}`) => site.open(route, ready, options, hash);
}
