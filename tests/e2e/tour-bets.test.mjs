// Bets before reveals (issue 12, item 1), walked as a reader would on the
// SVM's margin tour, whose questions are all bets: before the bet neither the
// answer's words nor the revealed state are on the page; a wrong bet gets
// "Not quite", the answer and why, and the reveal; a right one gets "Right";
// a typed number that is not one is refused in place; the recap counts the
// reader's bets. Keyboard only, axe-clean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, sitePages } from "./support.mjs";

const site = sitePages();

const stepLink = (n) => `#/svm?tour=svm-margin&step=${n}`;
const cValue = (page) => page.getByLabel("C", { exact: true }).inputValue();

test("svm: a wrong bet gets feedback and the reveal; a right bet gets confirmation; nothing shows before the bet", async () => {
  const { page, problems, context } = await site.open("svm", ".tour", {}, stepLink(2));
  const bet = page.getByRole("group", { name: "Your bet" });
  await bet.waitFor();
  assert.equal(await cValue(page), "10", "the reveal (C = 0.05) waits for the bet");
  assert.equal(await page.getByText(/It widens from/).count(), 0, "the answer's words wait too");
  assert.equal(await page.locator(".tour [role=status]").count(), 0);

  await bet.getByRole("button", { name: "It narrows" }).click();
  const status = page.locator(".tour [role=status]");
  assert.match(await status.textContent(), /^Not quite: the answer is It widens\. It widens from [\d.]+ to [\d.]+/);
  assert.equal(await cValue(page), "0.05", "the reveal is applied");
  assert.equal(await bet.count(), 0, "the bet is made");

  await page.locator(".tour-nav").getByRole("button", { name: "Next →" }).click();
  await page.locator(".tour-count", { hasText: /^Step 3 of/ }).waitFor();
  assert.equal(await cValue(page), "0.05", "step 3 opens before its reveal (C = 1000)");
  await page.getByRole("group", { name: "Your bet" }).getByRole("button", { name: "It narrows" }).click();
  assert.match(await page.locator(".tour [role=status]").textContent(), /^Right\. It narrows from/);
  assert.equal(await cValue(page), "1000");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("svm: a number bet refuses what is not a number in place, and Show me reveals without a bet; keyboard only", async () => {
  const { page, problems, context } = await site.open("svm", ".tour", {}, stepLink(1));
  const bet = page.getByRole("group", { name: "Your bet" });
  const input = bet.getByLabel("Your answer (points)");
  await input.focus();
  await page.keyboard.type("twelve");
  await page.keyboard.press("Enter");
  const error = page.locator(".tour .field-error");
  assert.match(await error.textContent(), /“twelve” is not a number/);
  assert.equal(await input.inputValue(), "twelve", "what the reader typed stays");
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  // ← → stay with the text field while typing.
  await page.keyboard.press("ArrowLeft");
  assert.match(await page.locator(".tour-count").textContent(), /^Step 1 of/);
  // Tab from the field to Bet, then to Show me, and press it.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Show me");
  await page.keyboard.press("Enter");
  assert.match(await page.locator(".tour [role=status]").textContent(), /^The answer: \d+ points\. Only \d+ of the 40 points/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("svm: the recap counts the reader's bets", async () => {
  const { page, problems, context } = await site.open("svm", ".tour", {}, stepLink(5));
  const group = () => page.getByRole("group", { name: "Your bet" });
  await group().getByRole("button", { name: /^Fewer iterations/ }).click();
  await page.locator(".tour [role=status]").waitFor();
  await page.locator(".tour-nav").getByRole("button", { name: "Next →" }).click();
  await page.locator(".tour-count", { hasText: /^Step 6 of 6/ }).waitFor();
  await group().getByLabel("Your answer (%)").fill("50");
  await group().getByRole("button", { name: "Bet", exact: true }).click();
  const status = await page.locator(".tour [role=status]").textContent();
  assert.match(status, /^(Right\.|Not quite: the answer is \d+ %\.) Only \d+%/);
  const recap = page.getByRole("region", { name: "Recap" });
  assert.match(await recap.textContent(), /your bets: [0-2] of 2 right/);
  assert.deepEqual(problems, []);
  await context.close();
});
