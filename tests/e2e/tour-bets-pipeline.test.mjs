// Bets before reveals (issue 12, item 1) on the pipeline's cowboy tour,
// walked as a reader would: before the bet neither the answer's words nor
// the revealed state (the new SLO, a cowboy deploy's damage) are on the
// page; a wrong bet gets "Not quite", the answer and why, and the reveal; a
// right one gets "Right"; keyboard only, Tab reaches a choice and Enter bets,
// and "Show me" reveals without a bet. Axe-clean, no console errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, sitePages } from "./support.mjs";

const site = sitePages();

const stepLink = (n) => `#/pipeline?tour=cowboy&step=${n}`;
const slo = (page) => page.getByLabel("SLO: availability target (%)").inputValue();
const allowed = (page) => page.locator(".pl-budget dt:text-is('Allowed') + dd").textContent();
const spent = (page) => page.locator(".pl-budget dt:text-is('Spent') + dd").textContent();
const status = (page) => page.locator(".tour [role=status]");
const bet = (page) => page.getByRole("group", { name: "Your bet" });

test("pipeline: a wrong bet gets feedback and the reveal; a right bet gets confirmation; nothing shows before the bet", async () => {
  const { page, problems, context } = await site.open("pipeline", ".tour", {}, stepLink(1));
  await bet(page).waitFor();
  assert.match(await page.locator(".tour").textContent(), /How much downtime will it allow per 30 days\?/);
  assert.equal(await slo(page), "99.9", "the reveal (SLO 99.99%) waits for the bet");
  assert.equal(await allowed(page), "43.2 min");
  assert.equal(await page.getByText(/4\.32 min/).count(), 0, "the answer's words wait too");
  assert.equal(await status(page).count(), 0);

  await bet(page).getByRole("button", { name: "About 43 minutes" }).click();
  assert.match(await status(page).textContent(), /^Not quite: the answer is About 4 minutes\. 4\.32 min per 30 days\./);
  assert.equal(await slo(page), "99.99", "the reveal is applied");
  assert.equal(await allowed(page), "4.32 min", "and the budget shows it");
  assert.equal(await bet(page).count(), 0, "the bet is made");

  await page.locator(".tour-nav").getByRole("button", { name: "Next →" }).click();
  await page.locator(".tour-count", { hasText: /^Step 2 of/ }).waitFor();
  assert.match(await page.locator(".tour").textContent(), /What fraction of users will get the bad build\?/);
  assert.equal(await page.getByText(/100% of users/).count(), 0, "step 2's answer waits for its bet");
  await bet(page).getByRole("button", { name: "All of them" }).click();
  assert.match(await status(page).textContent(), /^Right\. 100% of users: nothing stands between the build and them\./);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("pipeline: keyboard only, Tab reaches a choice and Enter bets; Show me reveals without a bet", async () => {
  const { page, problems, context } = await site.open("pipeline", ".tour", {}, stepLink(3));
  await bet(page).waitFor();
  assert.equal(await spent(page), "0 min", "three minutes have not passed yet");
  // Tab from the tour bar (where a tour puts the focus) until a choice has it.
  await page.locator(".tour").focus();
  let onChoice = "";
  for (let i = 0; i < 12 && !onChoice; i++) {
    await page.keyboard.press("Tab");
    onChoice = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest("[role=group][aria-label='Your bet']") && el.textContent !== "Show me" ? el.textContent : "";
    });
  }
  assert.ok(onChoice, "Tab reaches the bet's choices");
  await page.keyboard.press("Enter");
  const verdict = await status(page).textContent();
  assert.match(verdict, onChoice === "Less than half of it" ? /^Right\. 1\.32 min left of 4\.32 min/ : /^Not quite: the answer is Less than half of it\. 1\.32 min left/);
  assert.equal(await spent(page), "3 min", "the reveal ran the clock");

  // ← → step the tour from anywhere on the page but a text field.
  await page.locator("h1:visible").first().click();
  await page.keyboard.press("ArrowRight");
  await page.locator(".tour-count", { hasText: /^Step 4 of/ }).waitFor();
  assert.equal(await page.getByText(/release frozen: error budget spent/).count(), 0);
  await bet(page).getByRole("button", { name: "Show me" }).focus();
  await page.keyboard.press("Enter");
  assert.match(await status(page).textContent(), /^The answer: No: the error budget is spent\. No: release frozen: error budget spent/);
  assert.equal(await page.locator(".pl-budget .badge").textContent(), "frozen: budget spent", "the reveal froze releases");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
