// Bets before reveals (issue 12, item 1) in the message store, walked as a
// reader would on "A busy channel versus a quiet one", whose questions are
// all bets: before the bet neither the answer's words nor the read it asks
// about are on the page; a wrong bet gets "Not quite", the answer and why,
// and the read; a right one gets "Right"; Tab and Enter reach and pick a
// choice, and "Show me" reveals without a bet. Axe-clean, no console errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, sitePages } from "./support.mjs";
import { num, stat } from "./message-store.helpers.mjs";

const site = sitePages();

const stepLink = (n) => `#/message-store?tour=busy-vs-quiet&step=${n}`;
const bet = (page) => page.getByRole("group", { name: "Your bet" });
const status = (page) => page.locator(".tour [role=status]");
const readHead = (page) => page.locator(".ms-query .ms-result-head");

/// Tabs from the tour bar until a button of the bet has the focus; its name.
async function tabIntoBet(page, name) {
  await page.locator(".tour").focus();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest(".bet-choices") ? el.textContent : null;
    });
    if (focused === name) return focused;
  }
  assert.fail(`Tab never reached the bet's "${name}"`);
}

test("message store: nothing shows before the bet; a wrong bet gets feedback and the read; a right bet gets confirmation", async () => {
  const { page, problems, context } = await site.open("message-store", ".tour", {}, stepLink(2));
  await bet(page).waitFor();
  assert.match(await page.locator(".tour .bet").textContent(), /How many buckets will the walk ask Cassandra for\?/);
  assert.equal(await readHead(page).count(), 0, "the read (the reveal) waits for the bet");
  assert.equal(await page.getByText(/40 buckets, 37 of them empty/).count(), 0, "the answer's words wait too");
  assert.equal(await status(page).count(), 0);

  await bet(page).getByRole("button", { name: "1", exact: true }).click();
  assert.match(await status(page).textContent(), /^Not quite: the answer is More than 20\. 40 buckets, 37 of them empty, to find 3 messages\./);
  await readHead(page).waitFor();
  assert.equal(num(await stat(page, "buckets")), 40, "the reveal ran the read");
  assert.equal(num(await stat(page, "empty")), 37);
  assert.equal(await bet(page).count(), 0, "the bet is made");

  await page.locator(".tour-nav").getByRole("button", { name: "Next →" }).click();
  await page.locator(".tour-count", { hasText: /^Step 3 of 4/ }).waitFor();
  assert.equal(num(await stat(page, "buckets")), 40, "step 3 opens before its read of #general");
  assert.equal(await page.getByText(/newest partition alone holds/).count(), 0);
  await bet(page).getByRole("button", { name: "1", exact: true }).click();
  assert.match(await status(page).textContent(), /^Right\. 1 bucket: the newest partition alone holds 50 messages\./);
  assert.equal(num(await stat(page, "buckets")), 1);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("message store: keyboard only, Tab and Enter pick a choice, and Show me reveals without a bet", async () => {
  const { page, problems, context } = await site.open("message-store", ".tour", {}, stepLink(1));
  await bet(page).waitFor();
  const summary = page.locator(".ms-summary");
  const before = await summary.textContent();
  assert.doesNotMatch(before, /20\s003/, "#general's 20 000 messages wait for the bet");
  assert.equal(await page.getByText(/0\.77 MB/).count(), 0);

  await tabIntoBet(page, "Under 5 MB");
  await page.keyboard.press("Enter");
  assert.match(await status(page).textContent(), /^Right\. 0\.77 MB, 0\.8% of 100 MB \(11360 messages in bucket 75\)/);
  await page.waitForFunction(() => /20\s003/.test(document.querySelector(".ms-summary")?.textContent ?? ""));

  // ← → step the tour from anywhere on the page but a text field.
  await page.locator("h1:visible").first().click();
  await page.keyboard.press("ArrowRight");
  await page.locator(".tour-count", { hasText: /^Step 2 of 4/ }).waitFor();
  assert.equal(await readHead(page).count(), 0);
  await tabIntoBet(page, "Show me");
  await page.keyboard.press("Enter");
  assert.match(await status(page).textContent(), /^The answer: More than 20\. 40 buckets, 37 of them empty, to find 3 messages\./);
  await readHead(page).waitFor();
  assert.equal(num(await stat(page, "buckets")), 40);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
