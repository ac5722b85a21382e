// Links to a place in a tour (issue 12, item 5) and where a step looks
// (item 3), for every registered topic: `#/<topic>?tour=<id>&step=<n>` opens
// that step, on the embed route too and through mount's options; the tour
// menu lists each tour as such a link to its step 1; the element a step talks
// about carries data-tour-focus and is in view below the sticky tour bar; the
// last step's recap links the source.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, sitePages } from "./support.mjs";
import { TOPICS } from "../../assets/techshack-live.js";

const site = sitePages();
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/// Each tour's id and href, read from the menu as a reader would find it.
async function menuLinks(page) {
  return page.locator(".tour-menu li a").evaluateAll((links) =>
    links.map((a) => ({ title: a.textContent, href: a.getAttribute("href") })),
  );
}

const stepCount = (page) => page.locator(".tour-count").textContent();

/// The focused element's box against the viewport and the sticky bar.
function focusInView(page) {
  return page.evaluate(() => {
    const el = document.querySelector("[data-tour-focus]");
    const bar = document.querySelector(".tour");
    if (!el) return "no element carries data-tour-focus";
    const r = el.getBoundingClientRect();
    const b = bar.getBoundingClientRect();
    const visibleTop = Math.max(r.top, b.bottom);
    const visibleBottom = Math.min(r.bottom, innerHeight);
    return visibleBottom - visibleTop >= Math.min(60, r.height) ? "in view" : `out of view: ${JSON.stringify({ top: r.top, bottom: r.bottom, bar: b.bottom, h: innerHeight })}`;
  });
}

for (const topic of TOPICS) {
  test(`${topic.id}: the tour menu lists step-1 links; a step link opens that step with its element marked and in view`, async () => {
    const { page, problems, context } = await site.open(topic.id, ".panel");
    await page.click(".tour-menu summary");
    const links = await menuLinks(page);
    assert.ok(links.length >= 1, "the topic has tours");
    for (const { href } of links) {
      assert.match(href, new RegExp(`#/${topic.id}\\?tour=[a-z0-9-]+&step=1$`), href);
    }
    const tourId = new URL(links[0].href).hash.match(/tour=([^&]+)/)[1];
    await context.close();

    const step2 = await site.open(topic.id, ".tour", PHONE, `#/${topic.id}?tour=${tourId}&step=2`);
    assert.match(await stepCount(step2.page), /^Step 2 of \d+$/);
    assert.match(await step2.page.locator(".tour header strong").textContent(), new RegExp(links[0].title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await step2.page.waitForSelector("[data-tour-focus]");
    assert.equal(await step2.page.locator("[data-tour-focus]").count(), 1, "one element is highlighted");
    assert.equal(await focusInView(step2.page), "in view");
    // The bar stays on screen while the reader scrolls to work the panel.
    await step2.page.mouse.wheel(0, 600);
    await step2.page.waitForTimeout(200);
    const bar = await step2.page.locator(".tour").boundingBox();
    assert.ok(bar && bar.y >= -1 && bar.y < 844, `the tour bar stays in view: ${JSON.stringify(bar)}`);
    assert.ok(bar.height <= 844 * 0.4, `the bar is compact on a phone: ${bar.height} px`);
    assert.deepEqual(await axeViolations(step2.page), []);
    assert.deepEqual([...problems, ...step2.problems], []);
    await step2.context.close();
  });

  test(`${topic.id}: a step link on the embed route opens that step; the last step's recap links the source`, async () => {
    const { page, problems, context } = await site.open(topic.id, ".panel");
    await page.click(".tour-menu summary");
    const [first] = await menuLinks(page);
    const tourId = new URL(first.href).hash.match(/tour=([^&]+)/)[1];
    await context.close();

    // A step past the end opens the last, and says so.
    const embed = await site.open(topic.id, ".tour", { viewport: { width: 720, height: 720 } }, `#/embed/${topic.id}?tour=${tourId}&step=999`);
    const total = Number((await stepCount(embed.page)).match(/of (\d+)/)[1]);
    assert.equal(await stepCount(embed.page), `Step ${total} of ${total}`);
    assert.match(await embed.page.locator(".notice").textContent(), new RegExp(`has ${total} steps, so the link's step 999 opens its last one`));
    const recap = embed.page.getByRole("region", { name: "Recap" });
    const source = recap.getByRole("link", { name: new RegExp(topic.article.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
    assert.equal(await source.getAttribute("href"), topic.article.url);
    // Back leaves the last step, and the recap with it.
    await embed.page.locator(".tour-nav").getByRole("button", { name: "← Back" }).click();
    await embed.page.locator(".tour-count", { hasText: `Step ${total - 1} of ${total}` }).waitFor();
    assert.equal(await recap.count(), 0);
    assert.deepEqual(await axeViolations(embed.page), []);
    assert.deepEqual([...problems, ...embed.problems], []);
    await embed.context.close();
  });
}

test("a link to a tour the panel does not have says so in place and names the tours there are", async () => {
  const { page, problems, context } = await site.open("svm", ".panel", {}, "#/svm?tour=no-such-tour&step=2");
  const notice = page.locator(".notice");
  await notice.waitFor();
  assert.match(await notice.textContent(), /tour called “no-such-tour”, which this panel does not have\. Its tours: svm-margin/);
  assert.equal(await page.locator(".tour").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a menu link opens its tour in place on a plain click, and a new link changes the step", async () => {
  const { page, problems, context } = await site.open("vpc", ".panel");
  await page.click(".tour-menu summary");
  const link = page.locator(".tour-menu li a").nth(1);
  const href = await link.getAttribute("href");
  await link.click();
  await page.locator(".tour-count", { hasText: /^Step 1 of/ }).waitFor();
  assert.equal(new URL(page.url()).hash.includes("tour="), false, "a plain click does not navigate");
  // A pasted step link opens that step.
  await page.evaluate((h) => { location.hash = new URL(h).hash.replace("step=1", "step=3"); }, href);
  await page.locator(".tour-count", { hasText: /^Step 3 of/ }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("mount's tour and step options open a step; bad ones throw where they were written", async () => {
  const { page, problems, context } = await site.open("", ".site-header", {}, "#/");
  const result = await page.evaluate(async () => {
    const { mount } = await import("./techshack-live.js");
    const errors = [];
    for (const bad of [{ tour: 3 }, { tour: "svm-kernels", step: 0 }, { tour: "svm-kernels", step: 1.5 }, { step: 2 }]) {
      const el = document.createElement("div");
      document.body.append(el);
      try {
        mount(el, "svm", bad);
        errors.push(null);
      } catch (e) {
        errors.push(e.message);
      }
    }
    const el = document.createElement("div");
    document.body.append(el);
    const handle = mount(el, "svm", { tour: "svm-kernels", step: 2 });
    await handle.ready;
    return { errors };
  });
  assert.match(result.errors[0], /tour must be a tour's id \(a string\), got number/);
  assert.match(result.errors[1], /step must be a whole number from 1, got 0/);
  assert.match(result.errors[2], /step must be a whole number from 1, got 1\.5/);
  assert.match(result.errors[3], /step needs a tour/);
  const host = page.locator("techshack-panel").last();
  await host.locator(".tour-count", { hasText: /^Step 2 of/ }).waitFor();
  assert.match(await host.locator(".tour header strong").textContent(), /Kernels/);
  assert.deepEqual(problems, []);
  await context.close();
});
