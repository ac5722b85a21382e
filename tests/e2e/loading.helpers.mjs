// What the loading tests share: one server and browser per file, the
// registry as the home page lists it (so the tests name no topic), and ways
// to see which files a page fetched.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openPage, waitForApp } from "./support.mjs";

const current = {};

/// Starts the server and browser for a test file, and reads the registry;
/// `set` receives `{ server, browser, topics }` once they are there.
export function loadingSite(set) {
  before(async () => {
    current.server = await startServer();
    current.browser = await launch();
    // The registry as the home page lists it, with the titles the loader gives
    // the panels (a panel's aria-label), so these tests name no topic.
    const { page, context } = await openPage(current.browser, current.server.url);
    await page.goto(current.server.url);
    await waitForApp(page);
    const ids = await page.$$eval(".cards .card h2 a", (as) => as.map((a) => a.getAttribute("href").replace(/^#\//, "")));
    const registry = await page.evaluate(async () => (await import("./techshack-live.js")).TOPICS.map(({ id, title }) => ({ id, title })));
    current.topics = ids.map((id) => registry.find((t) => t.id === id));
    assert.ok(current.topics.length >= 2 && current.topics.every(Boolean), `home cards ${ids} match the loader's registry`);
    await context.close();
    set(current);
  });
  after(async () => {
    await current.browser?.close();
    await current.server?.close();
  });
}

/// Records the path of every request to the site (in order, repeats kept).
export function recordSite(page) {
  const paths = [];
  page.on("request", (r) => {
    const u = r.url();
    if (u.startsWith(current.server.url)) paths.push(decodeURIComponent(new URL(u).pathname.slice(1)) || "index.html");
  });
  return paths;
}

/// The module files among `paths`: any wasm, and any topic-*.js.
export const moduleFiles = (paths) => paths.filter((p) => p.endsWith(".wasm") || /(^|\/)topic-[^/]*\.js$/.test(p));
export const own = (id) => [`topic-${id}.js`, `topic-${id}_bg.wasm`];
/// A topic's extras module (comic, tours, exports), fetched on first use.
export const extrasOf = (id) => [`topic-${id}-extras.js`, `topic-${id}-extras_bg.wasm`];
export const count = (paths, file) => paths.filter((p) => p === file).length;

/// A page on the site's origin with nothing of the site in it (served by the
/// test itself), for driving `mount` as an embedding page would.
export const BARE = "bare-host.html";
export async function openBare(body = '<div id="a"></div><div id="b"></div>') {
  const opened = await openPage(current.browser, current.server.url);
  await opened.page.route(current.server.url + BARE, (r) => r.fulfill({
    contentType: "text/html; charset=utf-8",
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A bare host</title></head>`
      + `<body><main><h1>A bare host</h1>${body}</main></body></html>`,
  }));
  opened.site = recordSite(opened.page);
  await opened.page.goto(current.server.url + BARE);
  return opened;
}
