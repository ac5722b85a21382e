// Bets before reveals (issue 12, item 1) on the VPC's "One NAT gateway, or
// one per AZ?" tour, walked as a reader would: before a bet neither the
// answer's words nor the revealed trace or failed AZ are on the page; a wrong
// bet gets "Not quite", the answer and why, and the reveal; a right one gets
// "Right."; by keyboard alone Tab reaches a choice and Enter bets, and
// "Show me" reveals without a bet. Axe-clean, no console errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, sitePages } from "./support.mjs";

const site = sitePages();

const stepLink = (n) => `#/vpc?tour=nat-per-az&step=${n}`;
const verdict = (page) => page.locator(".vpc-verdict").textContent();
const status = (page) => page.locator(".tour [role=status]");
const betGroup = (page) => page.getByRole("group", { name: "Your bet" });
const azFailed = (page) => page.getByLabel("us-east-1a failed");
const part = (page, name) => page.locator(`.vpc-diagram [role=button][aria-label^="${name}"]`);

/// Presses `key` until the focused element's text is `name`, as a keyboard
/// user moves through the page; fails if it never gets there.
async function keyTo(page, name, key = "Tab") {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(key);
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (text === name) return;
  }
  assert.fail(`${key} never reached “${name}”`);
}

test("vpc: nothing shows before the bet; a wrong bet gets feedback and the trace; a right bet gets confirmation and the failed AZ", async () => {
  const { page, problems, context } = await site.open("vpc", ".tour", {}, stepLink(1));
  const bet = betGroup(page);
  await bet.waitFor();
  assert.match(await page.locator(".tour-text").textContent(), /each AZ has its own/);
  assert.doesNotMatch(await verdict(page), /app-b/, "the trace of app-b waits for the bet");
  assert.equal(await page.getByText(/It goes through nat-b/).count(), 0, "the answer's words wait too");
  assert.equal(await status(page).count(), 0);

  await bet.getByRole("button", { name: "None: it goes straight out the internet gateway" }).click();
  assert.match(
    await status(page).textContent(),
    /^Not quite: the answer is A NAT gateway in its own AZ\. It goes through nat-b in us-east-1b, in the same AZ/,
  );
  await page.waitForSelector(".vpc-verdict:has-text('app-b → the internet')");
  assert.match(await verdict(page), /✓ Reachable/, "the reveal is applied: app-b's trace is on the page");
  assert.equal(await bet.count(), 0, "the bet is made");

  await page.locator(".tour-nav").getByRole("button", { name: "Next →" }).click();
  await page.locator(".tour-count", { hasText: /^Step 2 of 7/ }).waitFor();
  assert.match(await page.locator(".tour-text").textContent(), /will fail/);
  assert.equal(await page.locator(".vpc-col.failed").count(), 0, "us-east-1a fails only once the reader has bet");
  assert.equal(await azFailed(page).isChecked(), false);
  assert.equal(await page.getByText(/get through via nat-b/).count(), 0);
  await betGroup(page).getByRole("button", { name: "Yes", exact: true }).click();
  assert.match(await status(page).textContent(), /^Right\. The request and the reply both get through via nat-b and ig-1\./);
  await page.waitForSelector(".vpc-col.failed");
  assert.match(await page.textContent(".vpc-col.failed"), /us-east-1a/);
  assert.equal(await azFailed(page).isChecked(), true);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("vpc: keyboard only, Tab reaches a choice and Enter bets; Show me reveals without a bet", async () => {
  const { page, problems, context } = await site.open("vpc", ".tour", {}, stepLink(3));
  await betGroup(page).waitFor();
  // Step 3 opens on the per-AZ layout with us-east-1a failed (step 2's reveal).
  assert.equal(await azFailed(page).isChecked(), true);
  assert.equal(await part(page, "NAT nat-b").count(), 1, "the single-NAT layout waits for the bet");
  assert.doesNotMatch(await part(page, "NAT nat-a").getAttribute("class"), /on-path/, "so does app-b's way through nat-a");
  await keyTo(page, "A NAT gateway in another AZ");
  await page.keyboard.press("Enter");
  assert.match(await status(page).textContent(), /^Right\. It goes through nat-a in us-east-1a, crossing into another AZ/);
  assert.equal(await azFailed(page).isChecked(), false, "the reveal loaded the single-NAT layout, every AZ up");
  assert.equal(await part(page, "NAT nat-b").count(), 0, "nat-b is gone");
  assert.match(await part(page, "NAT nat-a").getAttribute("class"), /on-path/, "app-b's trace now crosses to nat-a");

  await keyTo(page, "Next →");
  await page.keyboard.press("Enter");
  await page.locator(".tour-count", { hasText: /^Step 4 of 7/ }).waitFor();
  assert.equal(await page.locator(".vpc-col.failed").count(), 0, "the AZ fails only once the reader has bet");
  await keyTo(page, "Show me", "Shift+Tab");
  await page.keyboard.press("Enter");
  assert.match(await status(page).textContent(), /^The answer: No\. The request is blocked at nat-a: availability zone us-east-1a has failed/);
  await page.waitForSelector(".vpc-col.failed");
  assert.match(await verdict(page), /✗/, "app-b's trace is blocked now");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
