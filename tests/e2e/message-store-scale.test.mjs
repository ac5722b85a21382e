// The message store at scale, driven as a person would: the incident tour's
// 120 000 deletes and the read Cassandra gives up on, a million generated
// messages with a progress bar (printing, never asserting, the long tasks),
// cancelling a generation, and a link to generated messages restored in
// slices.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages } from "./support.mjs";
import { button, card, num, runQuery, OPENING_ROWS } from "./message-store.helpers.mjs";

const open = panelPages("message-store", ".ms");

test("the incident read fails with Cassandra's message and the tab stays responsive", async () => {
  const { page, problems, context } = await open();
  await page.evaluate(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push(e.duration);
    }).observe({ type: "longtask" });
  });
  await page.click(".tour-menu summary");
  await page.click(".tour-menu li a:text-is('One live message after millions deleted')");
  // The step sets the scene (the writes and deletes); the read is its
  // reveal, which the reader gets here with "Show me".
  const showMe = () => button(page.getByRole("group", { name: "Your bet" }), "Show me").click();
  await showMe();
  const alert = page.locator(".ms-failure[role=alert]");
  await alert.waitFor();
  await page.waitForTimeout(200);
  const tasks = await page.evaluate(() => window.__longtasks);
  console.log(`incident tour step 1 (120 000 writes and 120 000 deletes in slices, then its reveal, a failing read, in one task): long tasks ${tasks.map((t) => t.toFixed(0)).join(", ")} ms`);
  const text = await alert.textContent();
  assert.match(text, /TombstoneOverwhelmingException/);
  assert.match(text, /Scanned over 100001 tombstones during query 'SELECT \* FROM discord\.messages WHERE channel_id = \d+ AND bucket = \d+ LIMIT 50'/);
  assert.match(text, /after scanning 100 001 tombstones \(failure threshold 100 000\)/);
  // The page still answers at once.
  const t0 = Date.now();
  assert.equal(await page.evaluate(() => 6 * 7), 42);
  assert.ok(Date.now() - t0 < 1000);
  assert.match(await page.textContent(".ms-summary"), /120 001/);
  assert.match(await page.textContent(".ms-undo-note"), /Undo is off while the store holds 120 001 messages/);

  // Later steps continue from the step before, and going back returns the
  // state already made: neither replays the 240 000 writes again.
  if (await page.locator(".tour-menu[open]").count()) await page.click(".tour-menu summary");
  const step = async (name, count) => {
    await page.evaluate(() => { window.__longtasks = []; });
    await button(page.locator(".tour-nav"), name).click();
    await page.waitForSelector(`.tour-count:has-text('Step ${count} of 4')`);
    await showMe();
    await page.waitForTimeout(200);
    return (await page.evaluate(() => window.__longtasks)).map((t) => t.toFixed(0)).join(", ") || "none";
  };
  const next = await step("Next →", 2);
  assert.equal(await alert.count(), 0, "past grace, the read no longer fails");
  assert.match(await page.textContent(".ms-query .ms-result-head"), /^1 rows from/);
  const back = await step("← Back", 1);
  await alert.waitFor();
  assert.match(await alert.textContent(), /after scanning 100 001 tombstones/);
  const again = await step("Next →", 2);
  assert.match(await page.textContent(".ms-query .ms-result-head"), /^1 rows from/);
  console.log(`incident tour, long tasks after: Next ${next} ms; Back ${back} ms; Next again ${again} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a million messages generate with a progress bar while the page stays responsive", async () => {
  const { page, problems, context } = await open();
  await page.evaluate(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ at: e.startTime - (window.__clickAt ?? 0), ms: e.duration });
    }).observe({ type: "longtask" });
  });
  const wl = card(page, "workload");
  assert.equal(await wl.getByLabel("Messages", { exact: true }).inputValue(), "1000000");
  assert.equal(await wl.getByLabel("Channels", { exact: true }).inputValue(), "5000");
  const started = Date.now();
  await page.evaluate(() => { window.__clickAt = performance.now(); });
  await button(wl, "Generate").click();
  const bar = page.locator(".ms-workload progress");
  await bar.waitFor();
  assert.equal(await bar.getAttribute("aria-label"), "Messages generated");
  // Part way, the bar and its text agree, and the page answers.
  await page.waitForFunction(() => Number(document.querySelector(".ms-workload progress")?.getAttribute("aria-valuenow")) > 0);
  const mid = await page.evaluate(() => {
    const p = document.querySelector(".ms-workload progress");
    return [Number(p.getAttribute("aria-valuenow")), document.querySelector(".ms-progress-text").textContent];
  });
  // A fast machine may already be done here; the bar and its text must agree either way.
  assert.ok(mid[0] > 0 && mid[0] <= 1_000_000, `progress ${mid[0]}`);
  assert.equal(mid[1].replace(/ /g, ""), `${mid[0]}/1000000`);
  await page.waitForFunction(
    () => document.querySelector(".ms-progress-text")?.textContent === "1 000 000 / 1 000 000",
    null,
    { timeout: 120_000, polling: 250 },
  );
  const seconds = (Date.now() - started) / 1000;
  // The bar says done only once the panel takes changes again.
  assert.equal(await button(wl, "Generate").isEnabled(), true);
  assert.equal(await page.locator(".ms-undo-note:has-text('Generating')").count(), 0);
  assert.equal(await bar.getAttribute("aria-valuenow"), "1000000");
  assert.equal(await bar.getAttribute("value"), "1000000");
  const longestSlice = Number(await bar.getAttribute("data-longest-slice-ms"));
  const slices = Number(await bar.getAttribute("data-slices"));
  const longtasks = await page.evaluate(() => window.__longtasks);
  const slowest = [await bar.getAttribute("data-slowest-generation"), await bar.getAttribute("data-slowest-with-render")];
  console.log(
    `1M generation: ${seconds.toFixed(1)} s, ${slices} slices, longest slice (with render) ${longestSlice.toFixed(1)} ms, ` +
    `long tasks: ${longtasks.length}, longest ${longtasks.length ? Math.max(...longtasks.map((t) => t.ms)).toFixed(0) : 0} ms ` +
    `(all, as ms@start after the click: ${longtasks.map((t) => `${t.ms.toFixed(0)}@${t.at.toFixed(0)}`).join(", ")}); slowest slices as size:ms, generation ${slowest[0]}, with render ${slowest[1]}; ` +
    `slices: ${await bar.getAttribute("data-slice-log")}`,
  );
  // A million, and the opening scenario's seven.
  assert.match(await page.textContent(".ms-summary"), /Rows stored \(deleted ones too, until compaction\)1 000 007/);
  assert.match(await page.textContent(".ms-undo-note"), /Undo is off while the store holds 1 000 007 messages/);
  // The panel now looks at the busiest channel; a query on it answers quickly.
  await runQuery(page, {});
  await page.locator(".ms-query .ms-result-head").waitFor();
  assert.match(await page.textContent(".ms-query .ms-result-head"), /^50 rows from \d+ buckets/);
  assert.ok(await page.locator(".ms-timeline .ms-box:not(.empty)").count() > 10);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a generation can be cancelled and keeps what it made", async () => {
  const { page, problems, context } = await open();
  const wl = card(page, "workload");
  await wl.getByLabel("Messages", { exact: true }).fill("3000000");
  await button(wl, "Generate").click();
  await page.waitForFunction(() => Number(document.querySelector(".ms-workload progress")?.getAttribute("aria-valuenow")) > 20000);
  await button(wl, "Cancel").click();
  await page.waitForSelector(".ms-workload .ms-progress-detail:has-text('Cancelled at')");
  const done = num((await page.textContent(".ms-progress-text")).split("/")[0]);
  assert.ok(done > 20000 && done < 3000000);
  assert.equal(num(await page.textContent(".ms-total-rows")), done + OPENING_ROWS);
  assert.equal(await button(wl, "Generate").isEnabled(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link to generated messages makes them again in slices, then restores the rest", async () => {
  const { page, problems, context } = await open();
  const wl = card(page, "workload");
  await wl.getByLabel("Messages", { exact: true }).fill("200000");
  await wl.getByLabel("Channels", { exact: true }).fill("300");
  await button(wl, "Generate").click();
  await page.waitForFunction(() => document.querySelector(".ms-progress-text")?.textContent === "200 000 / 200 000", null, { timeout: 60_000 });
  await page.selectOption(".ms-upkeep select", "3600");
  await runQuery(page, {});
  await page.locator(".ms-query .ms-result-head").waitFor();
  const head = await page.textContent(".ms-query .ms-result-head");
  const channel = await card(page, "query").getByLabel("Channel ID", { exact: true }).inputValue();
  await page.click("text=Copy link");
  const link = await page.inputValue(".link-out");

  const fresh = await context.newPage();
  await fresh.goto(link);
  await fresh.waitForSelector(".ms");
  await fresh.waitForFunction(() => document.querySelector(".ms-progress-text")?.textContent === "200 000 / 200 000", null, { timeout: 60_000 });
  await fresh.locator(".ms-query .ms-result-head").waitFor();
  assert.equal(await fresh.textContent(".ms-query .ms-result-head"), head);
  assert.equal(await card(fresh, "query").getByLabel("Channel ID", { exact: true }).inputValue(), channel);
  assert.equal(await fresh.inputValue(".ms-upkeep select"), "3600");
  assert.equal(num(await fresh.textContent(".ms-total-rows")), 200_000 + OPENING_ROWS);
  assert.equal(await fresh.locator(".notice").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
