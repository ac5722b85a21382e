// NAT cost beside the AZ-failure switches (issue 14, item 3, its cost half):
// open it from the keyboard, read both designs' monthly bills, change the
// traffic and a price, and see a typo refused in place.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";

const open = panelPages("vpc", ".vpc-diagram");
const card = (page) => page.locator(".vpc-nat-cost");
/// The table row `name` as read: [shared, per AZ].
const row = async (page, name) =>
  card(page).locator("tr", { has: page.locator(`th:text-is("${name}")`) }).locator("td").allInnerTexts();

test("NAT cost compares a shared NAT with one per AZ, prices as inputs", async () => {
  const { page, problems, context } = await open();
  await card(page).locator("summary").focus();
  await page.keyboard.press("Enter");
  assert.match(await card(page).locator("summary").innerText(), /one per AZ \(3 AZs\)/);
  assert.deepEqual(await row(page, "NAT gateways"), ["1", "3"]);
  assert.deepEqual(await row(page, "Total a month"), ["$50.35", "$112.05"]);
  assert.match(await card(page).innerText(), /at 1643 GB per AZ a month/);
  assert.match(await card(page).innerText(), /Amazon VPC pricing/);

  await card(page).getByLabel("Traffic through NAT per AZ (GB a month)").fill("2000");
  // 730 h x $0.045 = $32.85; 6000 GB x $0.045 = $270; 4000 GB x $0.02 = $80.
  assert.deepEqual(await row(page, "Total a month"), ["$382.85", "$368.55"]);

  const price = card(page).getByLabel("NAT gateway, $ per hour");
  await price.fill("0.o45");
  assert.match(await card(page).locator("[role=alert]").innerText(), /"0\.o45" is not a price: type dollars such as 0\.045/);
  assert.equal(await price.inputValue(), "0.o45", "the typed text stays");
  assert.deepEqual(await row(page, "Total a month"), ["$382.85", "$368.55"], "the last good price is used");
  await price.fill("$0.09");
  assert.equal(await card(page).locator("[role=alert]").count(), 0);
  assert.deepEqual(await row(page, "Gateway hours (730 h each)"), ["$65.70", "$197.10"]);

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
