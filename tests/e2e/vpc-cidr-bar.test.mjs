// The CIDR explorer's split bar (issue 14, item 5), used as a person would:
// click and tap segments, split down to /28 and join back, arrow keys and
// Enter/Space, the refusals read where they appear, Undo and Reset, and the
// bar on a 390 px phone and in the 720 px embed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";

const open = panelPages("vpc", ".vpc-diagram");

const bar = (page) => page.locator(".vpc-split");
const action = (page, name) => bar(page).getByRole("button", { name, exact: true });
const segments = (page) => bar(page).locator(".vpc-seg");
/// The segment labels as shown: "10.0.1.0/25 128 addresses".
const labels = async (page) =>
  (await segments(page).allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
const segment = (page, cidr) => segments(page).filter({ hasText: new RegExp(`^${cidr.replace(/\./g, "\\.")}`) });
const selected = (page) => bar(page).locator(".vpc-seg[aria-pressed=true]").innerText();
const refusal = (page) => bar(page).locator("[role=alert]").textContent();

test("split halves down to /28, join buddies back, undo and reset", async () => {
  const { page, problems, context } = await open();
  const x = page.locator(".vpc-cidr");
  assert.equal(await x.getByLabel("Subnet").inputValue(), "subnet-public-a");
  assert.deepEqual(await labels(page), ["10.0.1.0/24 256 addresses"]);
  assert.equal(await action(page, "Undo").isDisabled(), true);

  await action(page, "Split").click();
  assert.deepEqual(await labels(page), ["10.0.1.0/25 128 addresses", "10.0.1.128/25 128 addresses"]);
  assert.match(await bar(page).textContent(), /Selected 10\.0\.1\.0\/25: 128 addresses, 123 of them usable\. 2 blocks/);
  for (let i = 0; i < 3; i++) await action(page, "Split").click();
  assert.deepEqual(await labels(page), [
    "10.0.1.0/28 16 addresses", "10.0.1.16/28 16 addresses", "10.0.1.32/27 32 addresses",
    "10.0.1.64/26 64 addresses", "10.0.1.128/25 128 addresses",
  ]);
  // Widths follow address counts (small ones are held at a tappable minimum).
  const width = async (cidr) => (await segment(page, cidr).boundingBox()).width;
  assert.ok(await width("10.0.1.128/25") > await width("10.0.1.64/26"));
  assert.match(await bar(page).textContent(), /drawn wide enough to tap/);

  // A /28 is AWS's smallest subnet: the split is refused in place, nothing changes.
  await action(page, "Split").click();
  assert.match(await refusal(page), /10\.0\.1\.0\/28 cannot be split: its halves would be \/29, and AWS's smallest subnet is \/28/);
  assert.equal(await segments(page).count(), 5);

  // The /25's sibling is split: its join is refused and says why.
  await segment(page, "10.0.1.128/25").click();
  assert.equal(await bar(page).locator("[role=alert]").count(), 0, "a new selection clears the refusal");
  await action(page, "Join").click();
  assert.match(await refusal(page), /its sibling 10\.0\.1\.0\/25 is split\. Join the pieces of 10\.0\.1\.0\/25 first/);

  // Buddies join: the second /28 with the first.
  await segment(page, "10.0.1.16/28").click();
  await action(page, "Join").click();
  assert.match(await selected(page), /^10\.0\.1\.0\/27/);
  assert.equal(await segments(page).count(), 4);

  await action(page, "Undo").click();
  assert.equal(await segments(page).count(), 5);
  await action(page, "Reset").click();
  assert.deepEqual(await labels(page), ["10.0.1.0/24 256 addresses"]);
  await action(page, "Join").click();
  assert.match(await refusal(page), /10\.0\.1\.0\/24 is the whole block: there is no sibling to join it with/);

  // Another subnet in the explorer starts its own bar.
  await action(page, "Split").click();
  await x.getByLabel("Subnet").selectOption("subnet-private-b");
  assert.deepEqual(await labels(page), ["10.0.5.0/24 256 addresses"]);

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the bar works from the keyboard: Tab, arrows, Enter and Space", async () => {
  const { page, problems, context } = await open();
  await segments(page).first().focus();
  await page.keyboard.press("Tab"); // to Split
  await page.keyboard.press("Enter");
  await page.keyboard.press("Space");
  assert.deepEqual(await labels(page), [
    "10.0.1.0/26 64 addresses", "10.0.1.64/26 64 addresses", "10.0.1.128/25 128 addresses",
  ]);
  await segments(page).first().focus();
  await page.keyboard.press("ArrowRight");
  assert.match(await selected(page), /^10\.0\.1\.64\/26/);
  assert.match(await page.evaluate(() => document.activeElement.innerText), /^10\.0\.1\.64/);
  await page.keyboard.press("End");
  assert.match(await selected(page), /^10\.0\.1\.128\/25/);
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  assert.match(await selected(page), /^10\.0\.1\.64\/26/);
  // Tab leaves the segments for the actions; Join merges the /26 buddies.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Join");
  await page.keyboard.press("Enter");
  assert.deepEqual(await labels(page), ["10.0.1.0/25 128 addresses", "10.0.1.128/25 128 addresses"]);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, options, hash] of [
  ["a 390 px phone", { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }, "#/vpc"],
  ["the 720 px embed", { viewport: { width: 720, height: 900 }, hasTouch: true }, "#/embed/vpc"],
]) {
  test(`on ${name} segments are tapped and stay 44 px tall`, async () => {
    const { page, problems, context } = await open(options, hash);
    // A compact embed shows the diagram first; "More" opens the rest.
    if (hash.includes("embed")) await page.locator(".more-toggle").tap();
    for (let i = 0; i < 4; i++) await action(page, "Split").tap();
    await segment(page, "10.0.1.16/28").tap();
    assert.match(await selected(page), /^10\.0\.1\.16\/28/);
    for (const box of await segments(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
      assert.ok(box >= 44, `segment ${box} px tall`);
    }
    await action(page, "Join").tap();
    assert.match(await selected(page), /^10\.0\.1\.0\/27/);
    // The bar scrolls inside itself; the page does not scroll sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page ${overflow} px wider than the screen`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
