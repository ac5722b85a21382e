// The SVM at scale, driven as a person would: a 2 000-point CSV import that
// trains in chunks with a progress bar while frames keep being drawn, and the
// time of a drag frame with 500 points (measured and printed, never asserted).
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages } from "./support.mjs";
import { button, stat, status, at, waitForStat, cloud, pasteCsv } from "./svm.helpers.mjs";

const open = panelPages("svm", ".svm-canvas");

test("a big import trains in chunks with progress, and the page keeps drawing frames", async () => {
  const { page, problems, context } = await open();
  const rows = cloud(2000);
  await pasteCsv(page, rows.join("\n"));
  // Record the longest gap between animation frames while it trains.
  await page.evaluate(() => {
    window.__svmLongest = 0;
    let last = performance.now();
    const tick = (t) => { window.__svmLongest = Math.max(window.__svmLongest, t - last); last = t; if (!window.__svmStop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await button(page, "Import").click();
  // Read the progress line in the frame it is first drawn: on a fast run it
  // may be gone before a second round trip could read it.
  const [text, bars] = await (await page.waitForFunction(() => {
    const b = document.querySelector(".svm-bulk");
    return b && [b.textContent, b.querySelectorAll("progress").length];
  }, null, { polling: "raf" })).jsonValue();
  assert.match(text, /^Training 2000 points in chunks: \d+ SMO iterations so far/);
  assert.equal(bars, 1);
  await page.locator(".svm-bulk").waitFor({ state: "detached", timeout: 120000 });
  const longest = await page.evaluate(() => { window.__svmStop = true; return window.__svmLongest; });
  assert.match(await status(page), /^Converged after \d+ iterations$/);
  assert.equal(await stat(page, "Points"), "2000");
  assert.equal(await page.locator(".svm-step button", { hasText: "Start step mode" }).count(), 1, "the import's run was ended");
  console.log(`svm 2000-point import: longest frame gap while training in chunks ${longest.toFixed(1)} ms`);
  // The import with its training is one undo step.
  await button(page, "↶ Undo").click();
  await waitForStat(page, "Points", /^40$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("drag frame time with 500 points (measured, not asserted)", async () => {
  const { page, problems, context } = await open();
  const rows = cloud(500);
  await pasteCsv(page, rows.join("\n"));
  await button(page, "Import").click();
  await waitForStat(page, "Points", /^500$/);
  const [px, py] = rows[1].split(",").map(Number);
  for (const kernel of ["linear", "rbf"]) {
    await page.selectOption(".svm-kernel select", kernel);
    await page.waitForTimeout(200);
    await page.evaluate(() => { window.__svmFrameTimes = []; window.__svmRetrainTimes = []; window.__svmPaintTimes = []; });
    const [x0, y0] = await at(page, px, py);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let k = 1; k <= 60; k++) {
      await page.mouse.move(x0 + k * 2, y0 - k);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    }
    await page.mouse.up();
    const [times, retrains, paints] = await page.evaluate(() => [window.__svmFrameTimes.slice(), window.__svmRetrainTimes.slice(), window.__svmPaintTimes.slice()]);
    await page.evaluate(() => { delete window.__svmFrameTimes; delete window.__svmRetrainTimes; delete window.__svmPaintTimes; });
    assert.ok(times.length > 10, `frames recorded: ${times.length}`);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const p90 = sorted[Math.floor(sorted.length * 0.9)];
    const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const [retrain, paint] = [mid(retrains), mid(paints)];
    console.log(`svm drag frame median (${kernel}, 500 points, warm-start retrain + redraw): ${median.toFixed(2)} ms, p90 ${p90.toFixed(2)} ms over ${times.length} frames, of which the retrain (reducer) median ${retrain.toFixed(2)} ms and the canvas paint median ${paint.toFixed(2)} ms; SVs ${await stat(page, "Support vectors")}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
