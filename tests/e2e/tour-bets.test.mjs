// Bets before reveals (issue 12, item 1), walked as a reader would on the
// SVM's margin tour, whose questions are all bets: before the bet neither the
// answer's words nor the revealed state are on the page; a wrong bet gets
// "Not quite", the answer and why, and the reveal; a right one gets "Right";
// "Show me" reveals without a bet; the recap counts the reader's bets.
// Keyboard only, axe-clean.
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

test("svm: keyboard only, a reader can skip a bet with Show me and still gets the answer and the reveal", async () => {
  const { page, problems, context } = await site.open("svm", ".tour", {}, stepLink(1));
  const bet = page.getByRole("group", { name: "Your bet" });
  await bet.getByRole("button", { name: "Show me" }).focus();
  await page.keyboard.press("Enter");
  assert.match(await page.locator(".tour [role=status]").textContent(), /^The answer: A handful: the ones on the edges of the street\. Only \d+ of the 40 points/);
  assert.equal(await cValue(page), "10", "the reveal set C = 10");
  // ← → step the tour from anywhere on the page but a text field.
  await page.locator("h1:visible").first().click();
  await page.keyboard.press("ArrowRight");
  await page.locator(".tour-count", { hasText: /^Step 2 of/ }).waitFor();
  // Tab reaches the bet's choices; Enter bets.
  await page.getByRole("group", { name: "Your bet" }).getByRole("button", { name: "It widens" }).focus();
  await page.keyboard.press("Enter");
  assert.match(await page.locator(".tour [role=status]").textContent(), /^Right\. It widens from/);
  assert.deepEqual(await axeViolations(page), []);
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
  await group().getByRole("button", { name: "All of them" }).click();
  const status = await page.locator(".tour [role=status]").textContent();
  assert.match(status, /^Not quite: the answer is About half the points: a line does little better than a coin\. Only \d+%/);
  const recap = page.getByRole("region", { name: "Recap" });
  assert.match(await recap.textContent(), /your bets: [0-2] of 2 right/);
  assert.deepEqual(problems, []);
  await context.close();
});
