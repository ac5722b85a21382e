// Bets before reveals (issue 12, item 1) on the SVM's kernels tour, whose
// questions were predict steps: before the bet neither the answer's words
// nor the revealed state are on the page; a wrong bet gets "Not quite", the
// answer and why, and the reveal; a right one gets "Right"; Tab and Enter
// reach and pick a choice, and "Show me" reveals without a bet. Axe-clean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, sitePages } from "./support.mjs";

const site = sitePages();

const stepLink = (n) => `#/svm?tour=svm-kernels&step=${n}`;
const kernel = (page) => page.getByLabel("Kernel", { exact: true }).inputValue();
const plot = (page) => page.locator(".svm-canvas").getAttribute("aria-label");
const betGroup = (page) => page.getByRole("group", { name: "Your bet" });
const verdict = (page) => page.locator(".tour [role=status]");

/// Presses Tab until the focused element is the button named `name`, as a
/// keyboard user would reach it; fails if it never comes.
async function tabTo(page, name) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.tagName === "BUTTON" ? el.textContent.trim() : null;
    });
    if (focused === name) return;
  }
  assert.fail(`Tab never reached the button “${name}”`);
}

test("svm kernels: nothing shows before the bet; a wrong bet gets Not quite and the reveal; a right one gets Right", async () => {
  const { page, problems, context } = await site.open("svm", ".tour", {}, stepLink(2));
  await betGroup(page).waitFor();
  assert.match(await page.locator(".predict.bet").textContent(), /What training accuracy will the RBF kernel reach on XOR\?/);
  assert.equal(await kernel(page), "linear", "the reveal (the RBF kernel) waits for the bet");
  const linearPlot = await plot(page);
  assert.match(linearPlot, /^SVM plot: 120 points, .*training accuracy 59%$/);
  assert.equal(await page.getByText(/Training accuracy is \d+% with γ/).count(), 0, "the answer's words wait too");
  assert.equal(await verdict(page).count(), 0);

  await betGroup(page).getByRole("button", { name: "Under 75%: no better than the line" }).click();
  assert.match(
    await verdict(page).textContent(),
    /^Not quite: the answer is Most points, but not all\. Training accuracy is 94% with γ = [\d.]+ and \d+ support vectors/,
  );
  assert.equal(await kernel(page), "rbf", "the reveal is applied");
  assert.match(await plot(page), /training accuracy 94%$/, "the plot shows the RBF fit");
  assert.equal(await betGroup(page).count(), 0, "the bet is made");

  await page.locator(".tour-nav").getByRole("button", { name: "Next →" }).click();
  await page.locator(".tour-count", { hasText: /^Step 3 of 7/ }).waitFor();
  assert.match(await plot(page), /training accuracy 94%$/, "step 3 opens before its reveal (γ = 0.1)");
  assert.equal(await page.getByText(/It becomes almost straight/).count(), 0);
  await betGroup(page).getByRole("button", { name: "It flattens towards a straight line, and accuracy falls" }).click();
  assert.match(await verdict(page).textContent(), /^Right\. It becomes almost straight: accuracy falls from 94% to 59%/);
  assert.match(await plot(page), /training accuracy 59%$/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("svm kernels: keyboard only, Tab and Enter pick a choice, and Show me reveals without a bet", async () => {
  const { page, problems, context } = await site.open("svm", ".tour", {}, stepLink(7));
  await betGroup(page).waitFor();
  assert.match(await plot(page), /^SVM plot: 120 points/, "the three classes wait for the bet");
  assert.equal(await page.getByText(/one per pair of classes/).count(), 0);
  await tabTo(page, "Three");
  await page.keyboard.press("Enter");
  assert.match(await verdict(page).textContent(), /^Right\. 3, one per pair of classes \(k\(k−1\)\/2 for k = 3\): 1 vs 2, 1 vs 3 and 2 vs 3\./);
  assert.match(await plot(page), /^SVM plot: 90 points/, "the reveal loaded the three classes");
  assert.equal(await kernel(page), "rbf");

  // Back to step 4 by keyboard: ← steps the tour from anywhere but a text field.
  for (const n of [6, 5, 4]) {
    await page.keyboard.press("ArrowLeft");
    await page.locator(".tour-count", { hasText: new RegExp(`^Step ${n} of 7`) }).waitFor();
  }
  await betGroup(page).waitFor();
  const before = await plot(page);
  assert.doesNotMatch(before, /120 support vectors/, "γ = 1000 waits for the bet");
  await tabTo(page, "Show me");
  await page.keyboard.press("Enter");
  assert.match(await verdict(page).textContent(), /^The answer: Every one of them\. 120 of 120 points are support vectors\./);
  assert.match(await plot(page), /^SVM plot: 120 points, 120 support vectors/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
