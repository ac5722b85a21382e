// The slowest links we know of (issue 15), opened as a reader opens a shared
// link: the page paints at once and stays responsive while the link's heavy
// work runs in slices with its progress shown. Long tasks are printed, never
// asserted (speed is measured in benchmarks, not timed tests).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { sitePages, openPage } from "./support.mjs";

const fixture = (name) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8").trim();

const site = sitePages();

/// Opens `hash` with a long-task recorder installed before any script runs.
async function openWatched(hash) {
  const opened = await openPage(site.browser, site.server.url);
  await opened.page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push(Math.round(e.duration));
    }).observe({ type: "longtask", buffered: true });
  });
  await opened.page.goto(`${site.server.url}${hash}`);
  return opened;
}

/// The page answers a script and a click at once (well under a second).
async function assertResponsive(page) {
  const t0 = Date.now();
  assert.equal(await page.evaluate(() => 6 * 7), 42);
  assert.ok(Date.now() - t0 < 1000, `the page took ${Date.now() - t0} ms to answer`);
}

test("the slowest SVM link paints at once and trains in chunks with progress", async () => {
  const { page, problems, context } = await openWatched(`#/svm?s=${fixture("svm-slowest-link.txt")}`);
  const bulk = page.locator(".svm-bulk[role=status]");
  await bulk.waitFor({ timeout: 30000 });
  assert.match(await bulk.textContent(), /Training 2700 points in chunks: \d+ SMO iterations so far/);
  await page.waitForFunction(() => Number(document.querySelector(".svm-bulk progress")?.value) > 0, null, { timeout: 30000 });
  await assertResponsive(page);
  // The points are there while the model trains.
  assert.match(await page.textContent(".svm"), /2700|2 700/);
  await page.waitForTimeout(3000);
  await assertResponsive(page);
  const tasks = await page.evaluate(() => window.__longtasks);
  console.log(`slowest SVM link, first seconds: long tasks ${tasks.join(", ") || "none"} ms (longest ${Math.max(0, ...tasks)} ms)`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the slowest message-store link replays in parts with progress, then is whole", async () => {
  const { page, problems, context } = await openWatched(`#/message-store?s=${fixture("message-store-slowest-link.txt")}`);
  await page.waitForSelector(".ms");
  await page.waitForSelector(".ms-undo-note:has-text('Restoring the shared link')", { timeout: 30000 });
  await assertResponsive(page);
  await page.waitForFunction(
    () => !document.querySelector(".ms-undo-note")?.textContent.includes("Restoring"),
    null,
    { timeout: 120000 },
  );
  // 200 000 + 150 000 written, the newest 50 000 deleted: their tombstones stay until compaction
  // is past grace, so the store counts the written rows.
  const total = await page.textContent(".ms-total-rows");
  assert.match(total, /\d/);
  assert.equal(await page.locator(".field-error, [role=alert].refusal").count(), 0);
  const tasks = await page.evaluate(() => window.__longtasks);
  console.log(`slowest message-store link: rows ${total}; long tasks ${tasks.join(", ") || "none"} ms (longest ${Math.max(0, ...tasks)} ms)`);
  assert.deepEqual(problems, []);
  await context.close();
});
