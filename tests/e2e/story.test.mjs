// The topic pages' story layer (issue 12, item 4), for every registered
// topic: the seed's points in order with the panel's live numbers, sliders
// in the prose that change the panel (keyboard and drag, one drag one undo
// step), "show me" links that open a tour step, "in fact" notes, sources;
// beside the panel on a wide screen, after it on a phone, absent from embeds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, sitePages } from "./support.mjs";
import { TOPICS } from "../../assets/techshack-live.js";

const site = sitePages();
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/// A slider to move per topic, and a number elsewhere in the story that the
/// model recomputes from it: the reader sees cause and effect in the prose.
const SCRUB = {
  "message-store": { key: "rf", key2: "quorum", end: "5", end2: "3" },
  vpc: { key: "ephemeral_port", key2: "ephemeral_port", end: "65535", end2: "65535" },
  svm: { key: "c", key2: "c", end: "1000", end2: "1,000" },
  pipeline: { key: "slo", key2: "budget_30d_min", end: "99.999", end2: "0.432" },
};

const live = (page, key) => page.locator(`.story [data-live="${key}"]`).first();
const slider = (page, key) => page.locator(`.story [role="slider"][data-live="${key}"]`);
const hashState = (page) => page.evaluate(() => new URLSearchParams(location.hash.split("?")[1] ?? "").get("s"));

for (const topic of TOPICS) {
  const { key, key2, end, end2 } = SCRUB[topic.id];

  test(`${topic.id}: the story's slider changes the panel, by keyboard and by drag, and Undo takes a drag back whole`, async () => {
    const { page, problems, context } = await site.open(topic.id, ".panel-body > *");
    const story = page.getByRole("region", { name: "The story, in the newsletter's order" });
    await page.locator(".story").scrollIntoViewIfNeeded();
    await story.waitFor();
    const s = slider(page, key);
    await page.waitForFunction((k) => document.querySelector(`.story [data-live="${k}"]`)?.getAttribute("aria-disabled") === "false", key);
    const start = await s.getAttribute("aria-valuenow");
    const before = await hashState(page);

    await s.focus();
    await page.keyboard.press("End");
    await page.waitForFunction(([k, v]) => document.querySelector(`.story [data-live="${k}"]`).getAttribute("aria-valuenow") === v, [key, end]);
    assert.equal(await live(page, key2).textContent(), end2, `${key2} follows ${key}`);
    // The panel holds the change: its link changes once changes settle.
    await page.waitForFunction((b) => new URLSearchParams(location.hash.split("?")[1] ?? "").get("s") !== b, before);

    await page.getByRole("button", { name: "↶ Undo", exact: true }).click();
    await page.waitForFunction(([k, v]) => document.querySelector(`.story [data-live="${k}"]`).getAttribute("aria-valuenow") === v, [key, start]);

    // A drag of up to three choices, towards the side with more room.
    await s.scrollIntoViewIfNeeded();
    const box = await s.boundingBox();
    const choices = (await s.getAttribute("data-values")).split(" ");
    const from = choices.findIndex((c) => Number(c) === Number(start));
    const dir = choices.length - 1 - from >= from ? 1 : -1;
    const n = Math.min(3, dir > 0 ? choices.length - 1 - from : from);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= n; i++) await page.mouse.move(box.x + box.width / 2 + dir * i * 15, box.y + box.height / 2, { steps: 3 });
    await page.mouse.up();
    assert.ok(n >= 2, "a drag of two choices or more");
    const want = choices[from + dir * n];
    await page.waitForFunction(([k, v]) => Number(document.querySelector(`.story [data-live="${k}"]`).getAttribute("aria-valuenow")) === Number(v), [key, want]);
    await page.getByRole("button", { name: "↶ Undo", exact: true }).click();
    await page.waitForFunction(([k, v]) => document.querySelector(`.story [data-live="${k}"]`).getAttribute("aria-valuenow") === v, [key, start]);

    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${topic.id}: on a phone the story follows the panel without overflow, lists its sources, and "show me" opens its tour step`, async () => {
    const { page, problems, context } = await site.open(topic.id, ".panel-body > *", PHONE);
    const fetched = () => page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.endsWith("-story.html")));
    await page.waitForTimeout(300);
    assert.equal(await fetched(), false, "a first visit does not fetch the story far below the panel");
    const story = page.getByRole("region", { name: "The story, in the newsletter's order" });
    await page.locator(".story").scrollIntoViewIfNeeded();
    await story.waitFor();
    const [panel, box] = [await page.locator(".panel").boundingBox(), await story.boundingBox()];
    assert.ok(box.y >= panel.y + panel.height - 1, "the story comes after the panel");
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth + 1), "no sideways scroll");
    const sources = story.locator(".story-sources a");
    assert.ok((await sources.count()) >= 2, "sources");
    assert.equal(await story.locator(`.story-sources a[href="${topic.article.url}"]`).count(), 1, "the topic's article is a source");
    assert.ok((await story.locator(".story-steps > li").count()) >= 5, "the seed's points");

    const showMe = story.locator("a.show-me").first();
    const href = await showMe.getAttribute("href");
    const step = Number(href.match(/step=(\d+)/)[1]);
    await showMe.tap();
    const tour = page.getByRole("complementary", { name: /Guided tour/ });
    await tour.waitFor();
    assert.match(await page.locator(".tour-count").textContent(), new RegExp(`^Step ${step} of \\d+$`));
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a wide screen puts the story beside the panel; the embed route has no story; presenter mode hides it", async () => {
  const { page, problems, context } = await site.open("message-store", ".panel-body > *", { viewport: { width: 1600, height: 1000 } });
  await page.getByRole("region", { name: "The story, in the newsletter's order" }).waitFor();
  const story = await page.locator(".story").boundingBox();
  const panel = await page.locator(".panel").boundingBox();
  assert.ok(story.x >= panel.x + panel.width, `beside: ${JSON.stringify({ story, panel })}`);
  assert.ok(story.y < 1000, "in view from the start");
  assert.ok((await page.locator(".story .in-fact").count()) >= 1, "a 'newsletter says / in fact' note");
  assert.ok((await page.locator(".story-card th[scope=row]").count()) >= 10, "Discord's reasons and requirements");

  const embed = await site.open("embed/message-store", ".panel-body > *");
  await embed.page.waitForTimeout(500);
  assert.equal(await embed.page.locator(".story").count(), 0, "no story in an embed");
  const fetched = await embed.page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name));
  assert.ok(!fetched.some((n) => n.endsWith("-story.html") || n.endsWith("story.js")), `an embed downloads no story: ${fetched}`);
  assert.deepEqual(embed.problems, []);
  await embed.context.close();

  await page.goto(`${site.server.url}#/message-store`);
  await page.waitForSelector(".panel-body > *");
  await page.getByRole("button", { name: "Presenter mode" }).click();
  assert.equal(await page.locator(".story").isVisible(), false, "the projector shows the panel alone");
  assert.deepEqual(problems, []);
  await context.close();
});
