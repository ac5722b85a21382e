// The SVM margin visualizer, driven as a person would: clicking points of both
// classes onto the plot, dragging and deleting them, kernels and bad
// parameters, step mode, the model export, CSV import errors, shared links,
// the keyboard, console errors and axe-core in light and dark. The big-data
// cases (a 2 000-point import, drag frames with 500 points) are in
// svm-scale.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";

const open = panelPages("svm", ".svm-canvas");

import { button, stat, status, pixels, at, clickAt, importCsv, waitForStat } from "./svm.helpers.mjs";

const FOUR = "x,y,label\n-0.5,-0.5,-1\n0.5,0.5,1\n-0.3,0.1,-1\n0.2,-0.3,1\n";

test("clicking adds points of both classes and the model follows", async () => {
  const { page, problems, context } = await open();
  await button(page, "Clear all points").click();
  assert.match(await status(page), /There are no points yet/);
  assert.match(await page.getAttribute(".svm-canvas", "aria-label"), /0 points, no model/);
  const empty = await pixels(page);

  // Class −1 is picked by default; one class alone gets a clear message.
  assert.equal(await page.getByLabel("class −1").isChecked(), true);
  await clickAt(page, -0.5, -0.5);
  await page.waitForFunction(() => /1 point,/.test(document.querySelector(".svm-canvas").getAttribute("aria-label")));
  assert.match(await status(page), /Need points of both classes/);
  assert.equal(await page.locator(".svm-stats").count(), 0, "no model readout for one class");

  // The class picker, then a shift-click for the other class.
  await page.getByLabel("class +1").check();
  await clickAt(page, 0.5, 0.5);
  await waitForStat(page, "Points", /^2$/);
  assert.match(await status(page), /Converged/);
  assert.equal(await stat(page, "Support vectors"), "2 (2 free, 0 at C)");
  const two = await pixels(page);
  assert.notEqual(two, empty, "the boundary and shading were drawn");
  const width2 = await stat(page, "Margin width 2/‖w‖");

  await page.keyboard.down("Shift");
  await clickAt(page, 0.3, -0.2);
  await page.keyboard.up("Shift");
  await waitForStat(page, "Points", /^3$/);
  const csv = await (async () => {
    await button(page, "Edit the current points here").click();
    return page.inputValue(".svm-csv textarea");
  })();
  const rows = csv.trim().split("\n").slice(1).map((r) => r.split(",").map(Number));
  assert.deepEqual(rows.map((r) => r[2]), [-1, 1, -1], "the shift-click added class −1");
  assert.ok(Math.abs(rows[1][0] - 0.5) < 0.01 && Math.abs(rows[1][1] - 0.5) < 0.01, `clicked at (0.5, 0.5): ${rows[1]}`);
  assert.notEqual(await stat(page, "Margin width 2/‖w‖"), width2, "the new point narrowed the margin");
  assert.notEqual(await pixels(page), two);
  assert.match(await page.getAttribute(".svm-canvas", "aria-label"), /^SVM plot: 3 points, \d+ support vectors? \(\d+ free, \d+ at C\), training accuracy \d+%$/);
  await page.waitForFunction(() => /3 points/.test(document.querySelector(".svm-live").textContent));
  assert.deepEqual(problems, []);
  await context.close();
});

test("degree and coef0 slide on log scales (coef0 through zero) and still take typed values", async () => {
  const { page, problems, context } = await open();
  await page.selectOption(".svm-kernel select", "polynomial");
  const typed = (label) => page.getByLabel(label, { exact: true });
  const shows = (label, value) =>
    page.waitForFunction(([l, v]) => [...document.querySelectorAll(".svm-kernel label")]
      .some((el) => el.textContent === l && document.getElementById(el.htmlFor).value === v), [label, value]);

  const degree = page.getByLabel(/^Degree \(1–10\) on a log scale from 1 to 10$/);
  await degree.focus();
  await page.keyboard.press("End");
  await shows("Degree (1–10)", "10");
  await page.keyboard.press("Home");
  await shows("Degree (1–10)", "1");
  // The log scale gives the low degrees room: 30 steps of 0.01 is 10^0.3 ≈ 2.
  for (let k = 0; k < 30; k++) await page.keyboard.press("ArrowRight");
  await shows("Degree (1–10)", "2");
  assert.equal(await degree.getAttribute("aria-valuetext"), "Degree (1–10) = 2");

  const coef0 = page.getByLabel(/^coef0 on a signed log scale from −100 to 100$/);
  await coef0.focus();
  await page.keyboard.press("Home");
  await shows("coef0", "-100");
  await page.keyboard.press("End");
  await shows("coef0", "100");
  // Typed values keep working, and move the slider: 0.5 sits at 10^(2.70 − 3).
  await typed("coef0").fill("0.5");
  await typed("coef0").press("Enter");
  await page.waitForFunction(() => [...document.querySelectorAll(".svm-kernel input[type=range]")].some((r) => Number(r.value) === 2.7));
  assert.equal(Number(await coef0.inputValue()), 2.7);
  assert.match(await status(page), /Converged/);
  // Each slide was one step: Undo takes back the typed 0.5, then the slide to 100.
  await button(page, "↶ Undo").click();
  await shows("coef0", "100");
  await button(page, "↶ Undo").click();
  await shows("coef0", "-100");
  await typed("coef0").fill("-1e7");
  await typed("coef0").press("Enter");
  await page.locator(".field-error", { hasText: /^coef0 must be between -1e6 and 1e6/ }).waitFor();
  assert.equal(Number(await coef0.inputValue()), -5, "a refused value leaves the slider where it was");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a drag moves a point, retrains live, and is one undo step; right-click deletes", async () => {
  const { page, problems, context } = await open();
  await importCsv(page, FOUR);
  await waitForStat(page, "Points", /^4$/);
  const before = { w: await stat(page, "w"), b: await stat(page, "b") };
  const shot = await pixels(page);

  const [x0, y0] = await at(page, -0.3, 0.1);
  const [x1, y1] = await at(page, -0.6, 0.6);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let k = 1; k <= 12; k++) {
    await page.mouse.move(x0 + ((x1 - x0) * k) / 12, y0 + ((y1 - y0) * k) / 12);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  await page.mouse.up();
  await page.waitForFunction((w) => document.querySelector(".svm-stats") && ![...document.querySelectorAll(".svm-stats dd")].some((d) => d.textContent === w), before.w);
  assert.notEqual(await stat(page, "w"), before.w, "the boundary turned");
  assert.notEqual(await pixels(page), shot);
  await button(page, "Edit the current points here").click();
  const moved = (await page.inputValue(".svm-csv textarea")).trim().split("\n")[3].split(",").map(Number);
  assert.ok(Math.abs(moved[0] + 0.6) < 0.02 && Math.abs(moved[1] - 0.6) < 0.02, `dragged to (−0.6, 0.6): ${moved}`);

  // One drag, one undo step.
  await button(page, "↶ Undo").click();
  await waitForStat(page, "w", new RegExp(`^${before.w.replace(/[()]/g, "\\$&")}$`));
  assert.equal(await stat(page, "b"), before.b);
  await button(page, "↷ Redo").click();

  // Right-click on a point deletes it; the context menu is suppressed.
  await clickAt(page, 0.2, -0.3, { button: "right" });
  await waitForStat(page, "Points", /^3$/);
  await clickAt(page, 0.9, -0.9, { button: "right" });
  await page.waitForTimeout(100);
  assert.equal(await stat(page, "Points"), "3", "a right-click on empty space deletes nothing");
  assert.deepEqual(problems, []);
  await context.close();
});

test("touch: a tap adds a point and a long press deletes one", async () => {
  const { page, problems, context } = await open({ hasTouch: true });
  await importCsv(page, FOUR);
  await waitForStat(page, "Points", /^4$/);
  const cdp = await context.newCDPSession(page);
  const touch = async (type, x, y) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
  const [tx, ty] = await at(page, 0.7, 0.7);
  await touch("touchStart", tx, ty);
  await touch("touchEnd");
  await waitForStat(page, "Points", /^5$/);
  const [lx, ly] = await at(page, 0.2, -0.3);
  await touch("touchStart", lx, ly);
  await page.waitForTimeout(350);
  assert.equal(await stat(page, "Points"), "5", "not yet: the press is shorter than 500 ms");
  await page.waitForTimeout(350);
  await touch("touchEnd");
  await waitForStat(page, "Points", /^4$/);
  await button(page, "Edit the current points here").click();
  const csv = await page.inputValue(".svm-csv textarea");
  assert.doesNotMatch(csv, /^0\.2,-0\.3,1$/m, "the long-pressed point is gone");
  const last = csv.trim().split("\n").at(-1).split(",").map(Number);
  assert.ok(Math.abs(last[0] - 0.7) < 0.01 && Math.abs(last[1] - 0.7) < 0.01 && last[2] === -1, `the tapped point stays: ${last}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the keyboard moves a cross, adds at it and deletes the nearest point", async () => {
  const { page, problems, context } = await open();
  await importCsv(page, FOUR);
  await waitForStat(page, "Points", /^4$/);
  const quiet = await pixels(page);
  await page.focus(".svm-canvas");
  await page.keyboard.press("ArrowRight");
  assert.notEqual(await pixels(page), quiet, "the cross is drawn");
  for (let k = 0; k < 7; k++) await page.keyboard.press("ArrowRight");
  for (let k = 0; k < 4; k++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await waitForStat(page, "Points", /^5$/);
  await button(page, "Edit the current points here").click();
  const added = (await page.inputValue(".svm-csv textarea")).trim().split("\n")[5].split(",").map(Number);
  assert.deepEqual(added, [0.4, -0.2, -1]);
  await page.focus(".svm-canvas");
  await page.keyboard.press("Shift+Enter");
  await waitForStat(page, "Points", /^6$/);
  await page.keyboard.press("Delete");
  await waitForStat(page, "Points", /^5$/);
  assert.equal(await page.locator(".tour").count(), 0, "arrows on the plot do not drive anything else");
  // The class picker answers the arrow keys like any radio group.
  await page.getByLabel("class −1").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getByLabel("class +1").isChecked(), true);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-posinset")), "2");
  await page.focus(".svm-canvas");
  await page.keyboard.press("Enter");
  await waitForStat(page, "Points", /^6$/);
  await button(page, "Edit the current points here").click();
  assert.match((await page.inputValue(".svm-csv textarea")).trim().split("\n").at(-1), /,1$/, "Enter adds the picked class");
  assert.deepEqual(problems, []);
  await context.close();
});

test("kernels switch, and bad parameters get clear messages in place", async () => {
  const { page, problems, context } = await open();
  assert.match(await stat(page, "w"), /^\(/);
  await page.selectOption(".svm-kernel select", "rbf");
  await page.waitForSelector(".svm-kernel input[type=checkbox]");
  assert.equal(await page.locator(".svm-stats dt:text-is('w')").count(), 0, "no w for a non-linear kernel");
  assert.match(await status(page), /Converged/);
  assert.match(await page.textContent(".svm-kernel"), /γ = 'scale' \(1 \/ \(2 · Var X\)\): now [\d.]+/);

  const c = page.getByLabel("C", { exact: true });
  await c.fill("0");
  await c.press("Enter");
  const cErr = page.locator(".svm-kernel .field-error", { hasText: "C must be greater than 0" });
  await cErr.waitFor();
  assert.equal(await c.getAttribute("aria-invalid"), "true");
  assert.equal(await c.getAttribute("aria-describedby"), await cErr.getAttribute("id"));
  assert.match(await status(page), /Converged/, "the previous model stays");
  await c.fill("");
  await c.press("Enter");
  await page.locator(".field-error", { hasText: "C must be a number" }).waitFor();
  await c.fill("10");
  await c.press("Enter");
  await page.waitForFunction(() => !document.querySelector(".svm-kernel .field-error"));

  const gamma = page.getByLabel("γ (gamma)", { exact: true });
  await gamma.fill("-1");
  await gamma.press("Enter");
  await page.locator(".field-error", { hasText: "gamma must be greater than 0" }).waitFor();
  await gamma.fill("2");
  await gamma.press("Enter");
  await page.waitForFunction(() => !document.querySelector(".svm-kernel .field-error"));
  assert.equal(await page.isChecked(".svm-kernel input[type=checkbox]"), false, "a typed γ replaces 'scale'");

  await page.selectOption(".svm-kernel select", "polynomial");
  const degree = page.getByLabel("Degree (1–10)", { exact: true });
  await degree.fill("11");
  await degree.press("Enter");
  await page.locator(".field-error", { hasText: "Degree must be between 1 and 10 (got 11)" }).waitFor();
  assert.equal(await degree.getAttribute("aria-invalid"), "true");
  await degree.fill("2");
  await degree.press("Enter");
  await page.waitForFunction(() => !document.querySelector(".svm-kernel .field-error"));
  await page.getByLabel("coef0", { exact: true }).fill("1");
  await page.getByLabel("coef0", { exact: true }).press("Enter");
  assert.match(await status(page), /Converged/);

  // The slider moves C on a log scale (3 key presses: 10^1.03).
  await page.selectOption(".svm-kernel select", "linear");
  const slider = page.getByLabel(/^C on a log scale/);
  await slider.focus();
  for (let k = 0; k < 3; k++) await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector(".svm-kernel input[type=number]").value === "10.72");
  assert.deepEqual(problems, []);
  await context.close();
});

test("step mode shows the working pair, the gap and the iteration counter", async () => {
  const { page, problems, context } = await open();
  await button(page, "Start step mode").click();
  assert.equal(await page.textContent(".svm-iter"), "0");
  assert.match(await page.textContent(".svm-pair"), /α = 0 everywhere/);
  const still = await pixels(page);
  await button(page, "Step").click();
  assert.equal(await page.textContent(".svm-iter"), "1");
  const pair = await page.textContent(".svm-pair");
  assert.match(pair, /^Working pair: #\d+ \(class [−+]1\) and #\d+ \(class [−+]1\)\. α\d+ 0 → [\d.]+, α\d+ 0 → [\d.]+/);
  assert.notEqual(await pixels(page), still, "the pair is ringed and the boundary moved");
  await button(page, "Step").click();
  assert.equal(await page.textContent(".svm-iter"), "2");
  assert.match(await page.textContent(".svm-step"), /Objective ½αᵀQα − eᵀα−[\d.]+/);
  await page.waitForSelector(".svm-gap [role=img]");
  assert.match(await page.getAttribute(".svm-gap [role=img]", "aria-label"), /^Gap over the last 2 iterations/);
  await page.selectOption(".svm-step select", "60");
  await button(page, "▶ Play").click();
  await page.waitForFunction(() => Number(document.querySelector(".svm-iter").textContent) > 2);
  await page.waitForFunction(() => /converged after/.test(document.querySelector(".svm-step").textContent), null, { timeout: 15000 });
  await button(page, "Leave step mode").click();
  assert.match(await status(page), /Converged after \d+ iterations/);
  await button(page, "Start step mode").click();
  await button(page, "Finish").click();
  await page.getByRole("button", { name: "Start step mode" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the model exports as a libsvm file to copy or download", async () => {
  const { page, problems, context } = await open();
  await button(page, "Show model file").click();
  const text = await page.inputValue(".svm-model");
  assert.match(text, /^svm_type c_svc\n/);
  assert.match(text, /\nkernel_type linear\n/);
  assert.match(text, /\nSV\n/);
  assert.equal(await page.$eval(".svm-model", (t) => t.readOnly), true);
  await button(page, "Copy").click();
  await page.waitForSelector("text=Model copied");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  const [download] = await Promise.all([page.waitForEvent("download"), button(page, "Download svm.model").click()]);
  assert.equal(download.suggestedFilename(), "svm.model");
  const { readFile } = await import("node:fs/promises");
  assert.equal(await readFile(await download.path(), "utf8"), text);
  assert.deepEqual(problems, []);
  await context.close();
});

test("bad CSV is refused with its line number and the points stay", async () => {
  const { page, problems, context } = await open();
  await importCsv(page, "x,y,label\n0.1,0.2,1\n0.5,abc,-1\n");
  const err = page.locator(".svm-csv .field-error");
  await err.waitFor();
  assert.match(await err.textContent(), /^CSV line 3: y is not a number: 'abc'/);
  assert.equal(await page.getAttribute(".svm-csv textarea", "aria-invalid"), "true");
  assert.equal(await stat(page, "Points"), "40");
  await importCsv(page, "1,2\n");
  await page.locator(".svm-csv .field-error", { hasText: "CSV line 1: expected 3 columns" }).waitFor();
  await importCsv(page, FOUR);
  await waitForStat(page, "Points", /^4$/);
  assert.equal(await page.locator(".svm-csv .field-error").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a copied link reloads into the same points, kernel and model", async () => {
  const { page, problems, context } = await open();
  await page.selectOption(".svm-data select", "moons");
  await page.fill(".svm-data input", "7");
  await button(page, "Load preset").click();
  await clickAt(page, 0.05, 0.9);
  await waitForStat(page, "Points", /^101$/);
  const c = page.getByLabel("C", { exact: true });
  await c.fill("5");
  await c.press("Enter");
  // A kernel change trains from α = 0, as a restored link does: same picture.
  await page.selectOption(".svm-kernel select", "rbf");
  await page.waitForSelector(".svm-kernel input[type=checkbox]");
  const readout = await page.textContent(".svm-stats");
  await page.click("text=Copy link");
  const link = await page.inputValue(".link-out");
  assert.match(link, /#\/svm\?s=2\./);

  const fresh = await context.newPage();
  await fresh.goto(link);
  await fresh.waitForSelector(".svm-stats");
  assert.equal(await fresh.textContent(".svm-stats"), readout);
  assert.equal(await fresh.inputValue(".svm-kernel select"), "rbf");
  assert.equal(await fresh.inputValue(".svm-kernel input[type=number]"), "5");
  assert.equal(await fresh.locator(".notice").count(), 0);
  assert.equal(await pixels(fresh), await pixels(page), "the same picture");
  assert.deepEqual(problems, []);
  await context.close();
});

test("leaving the panel right after an edit stays on the new page", async () => {
  const { page, problems, context } = await open();
  await clickAt(page, 0.3, 0.4);
  // The panel writes its link into the address after a short pause; a write
  // that lands after the reader has left must not drag them back.
  await page.getByRole("link", { name: "About", exact: true }).click();
  await page.waitForSelector("h1:text-is('About Techshack Live')");
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => location.hash), "#/about");
  assert.equal(await page.textContent("h1"), "About Techshack Live");
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core finds no violations on the busy panel, light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } = await open({ colorScheme });
    await page.selectOption(".svm-kernel select", "polynomial");
    const degree = page.getByLabel("Degree (1–10)", { exact: true });
    await degree.fill("11");
    await degree.press("Enter");
    await page.locator(".field-error", { hasText: "Degree must be" }).waitFor();
    await importCsv(page, "x,y\n1,2,3,4\n");
    await page.locator(".svm-csv .field-error").waitFor();
    await button(page, "Start step mode").click();
    await button(page, "Step ×10").click();
    await button(page, "Show model file").click();
    await button(page, "Comic").click();
    await page.waitForSelector(".comic svg");
    assert.match(await page.textContent(".comic"), /Only \d+ of 40 points hold up this margin/);
    await page.focus(".svm-canvas");
    await page.keyboard.press("ArrowUp");
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], colorScheme);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
