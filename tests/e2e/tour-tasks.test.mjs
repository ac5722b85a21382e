// Tasks the reader does (issue 12, item 2), on every topic's "Your turn"
// tour: Next is aria-disabled until the model says the goal holds (a click
// and → do nothing meanwhile); a hint shows on request; the reader can do
// the task themselves (SVM: type a C) or press "Do it for me"; then Next
// opens. Keyboard-reachable, axe-clean, no console errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, openPage, sitePages } from "./support.mjs";

const site = sitePages();
const TOPICS = ["message-store", "vpc", "svm", "pipeline"];

const stepLink = (topic, n) => `#/${topic}?tour=your-turn&step=${n}`;
const count = (page) => page.locator(".tour-count").textContent();
const next = (page) => page.locator(".tour-nav").getByRole("button", { name: "Next →" });
const taskStatus = (page) => page.locator(".tour .task [role=status]");

for (const topic of TOPICS) {
  test(`${topic}: a task holds Next until its goal holds; the hint and "Do it for me" help`, async () => {
    const { page, problems, context } = await site.open(topic, ".tour", {}, stepLink(topic, 1));
    await page.locator(".tour .task").waitFor();
    assert.match(await count(page), /^Step 1 of \d+$/);
    assert.match(await taskStatus(page).textContent(), /^Your turn\./);
    assert.equal(await next(page).getAttribute("aria-disabled"), "true", "Next waits for the goal");

    // Neither a click on Next nor → moves on while the goal does not hold
    // (forced: Playwright itself waits for an aria-disabled button).
    await next(page).click({ force: true });
    await page.locator("h1:visible").first().click();
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(200);
    assert.match(await count(page), /^Step 1 of/, "the task keeps the reader on its step");

    // The hint, on request (the loader also opens it after 30 s on the step).
    const hint = page.locator(".tour .task details.task-hint");
    assert.equal(await hint.getAttribute("open"), null);
    assert.equal(await hint.locator("p").isVisible(), false, "the hint waits");
    await hint.locator("summary").click();
    assert.equal(await hint.locator("p").isVisible(), true);
    assert.match(await hint.locator("p").textContent(), /.{30,}/);

    // "Do it for me", reached and pressed from the keyboard.
    await page.locator(".tour .task").getByRole("button", { name: "Do it for me" }).focus();
    await page.keyboard.press("Enter");
    await page.locator(".tour .task.done").waitFor();
    assert.match(await taskStatus(page).textContent(), /^Done\./);
    assert.equal(await next(page).getAttribute("aria-disabled"), null, "Next is open");
    assert.deepEqual(await axeViolations(page), []);

    await next(page).click();
    await page.locator(".tour-count", { hasText: /^Step 2 of/ }).waitFor();
    assert.equal(await next(page).getAttribute("aria-disabled"), "true", "the second task waits too");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("svm: a reader who types a C that leaves three support vectors passes the task themselves", async () => {
  const { page, problems, context } = await site.open("svm", ".tour", {}, stepLink("svm", 1));
  await page.locator(".tour .task").waitFor();
  const c = page.getByLabel("C", { exact: true });
  // C = 2 still leaves more than three: the goal does not hold.
  await c.fill("2");
  await c.press("Enter");
  await page.waitForTimeout(200);
  assert.equal(await next(page).getAttribute("aria-disabled"), "true");
  await c.fill("50");
  await c.press("Enter");
  await page.locator(".tour .task.done").waitFor();
  assert.equal(await next(page).getAttribute("aria-disabled"), null);
  assert.match(await count(page), /^Step 1 of/, "the tour is still open after the reader's own edits");
  assert.deepEqual(problems, []);
  await context.close();
});

test("pipeline: undo during a task keeps the tour open; reset leaves it", async () => {
  const { page, problems, context } = await site.open("pipeline", ".tour", {}, stepLink("pipeline", 2));
  await page.locator(".tour .task").waitFor();
  await page.locator(".tour .task").getByRole("button", { name: "Do it for me" }).click();
  await page.locator(".tour .task.done").waitFor();
  await page.getByRole("button", { name: "Undo" }).first().click();
  await page.locator(".tour .task:not(.done)").waitFor();
  assert.match(await count(page), /^Step 2 of/, "undo is part of the reader's work");
  assert.equal(await next(page).getAttribute("aria-disabled"), "true");
  await page.getByRole("button", { name: "Reset" }).first().click();
  await page.waitForTimeout(200);
  assert.equal(await page.locator(".tour").count(), 0, "reset leaves the tour");
  assert.deepEqual(problems, []);
  await context.close();
});

test("vpc: a task's hint opens by itself after 30 s on its step", async () => {
  const { page, problems, context } = await openPage(site.browser, site.server.url);
  await page.clock.install();
  await page.goto(`${site.server.url}${stepLink("vpc", 1)}`);
  const hint = page.locator(".tour .task details.task-hint");
  await hint.waitFor();
  await page.clock.runFor(20_000);
  assert.equal(await hint.getAttribute("open"), null, "not yet");
  await page.clock.runFor(11_000);
  await page.locator(".tour .task details.task-hint[open]").waitFor();
  assert.match(await hint.locator("p").textContent(), /rt-2b/);
  assert.deepEqual(problems, []);
  await context.close();
});
