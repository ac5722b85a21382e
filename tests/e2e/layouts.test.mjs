// Every screen a panel is used on (issue 16): a phone's one-line header and
// folded toolbar, a blog's 700×720 iframe that opens on the picture, and
// presenter mode on a projector, where a running tour sits beside the panel
// and the picture stays in view. Each layout is axe-clean, light and dark.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sitePages, openPage, waitForApp, axeViolations } from "./support.mjs";

const site = sitePages();
const TOPICS = ["message-store", "vpc", "svm", "pipeline"];
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/// The box of `selector` in the page's viewport, and the viewport's size.
function boxIn(frameOrPage, selector) {
  return frameOrPage.evaluate((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r && { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height,
      vw: document.documentElement.clientWidth, vh: document.documentElement.clientHeight };
  }, selector);
}

function within(box, what) {
  assert.ok(box, `${what}: not found`);
  assert.ok(box.height > 40, `${what}: drawn (${box.height} px high)`);
  assert.ok(box.top >= 0 && box.bottom <= box.vh + 0.5, `${what}: rows ${box.top}–${box.bottom} within 0–${box.vh}`);
  assert.ok(box.left >= 0 && box.right <= box.vw + 0.5, `${what}: columns ${box.left}–${box.right} within 0–${box.vw}`);
}

test("a phone's header is one line, and its Menu opens the topics", async () => {
  const { page, problems, context } = await site.open("svm", ".panel-body > *", phone);
  const header = page.locator(".site-header");
  assert.ok((await header.boundingBox()).height <= 60, "the header is one line");
  assert.equal(await page.getByRole("link", { name: /VPC diagram/ }).isVisible(), false, "topics folded");
  await page.getByRole("button", { name: "Site menu" }).click();
  await page.getByRole("link", { name: /VPC diagram/ }).click();
  await page.waitForSelector(".vpc .panel-body, .panel-body .vpc");
  assert.equal(await page.locator(".nav-toggle").getAttribute("aria-expanded"), "false", "choosing a topic closes it");
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone the toolbar folds behind Menu, and its actions still work", async () => {
  const { page, problems, context } = await site.open("pipeline", ".panel-body > *", phone);
  const reset = page.getByRole("button", { name: "Reset", exact: true });
  assert.equal(await reset.isVisible(), false, "Reset is folded");
  assert.ok(await page.getByRole("button", { name: "↶ Undo" }).isVisible(), "Undo stays in sight");
  const toolbar = page.getByRole("toolbar", { name: "Panel actions" });
  assert.ok((await toolbar.boundingBox()).height < 60, "the toolbar is one row");
  await toolbar.getByRole("button", { name: "Menu" }).click();
  await toolbar.getByText(/Guided tours/).click();
  await toolbar.getByRole("link", { name: /Cowboy mode/ }).click();
  await page.getByRole("complementary", { name: /Guided tour/ }).waitFor();
  assert.equal(await reset.isVisible(), false, "choosing a tour closes the menu");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the toolbar's tour list closes once a tour is chosen, the tour takes the focus, and ← → Esc work from anywhere on the page", async () => {
  const { page, problems, context } = await site.open("vpc", ".panel-body > *");
  await page.getByText(/Guided tours/).click();
  const first = page.locator(".tour-menu li a").first();
  await first.click();
  await page.getByRole("complementary", { name: /Guided tour/ }).waitFor();
  assert.equal(await page.locator(".tour-menu").evaluate((d) => d.open), false);
  // The focus goes to the tour, not to the page, so the keyboard goes on in it.
  await page.waitForFunction(() => document.activeElement?.classList.contains("tour"));
  await page.keyboard.press("ArrowRight");
  await page.locator(".tour-count", { hasText: /^Step 2 of/ }).waitFor();
  // A click on the page's heading, outside the panel, does not stop the keys.
  await page.locator("h1:visible").first().click();
  assert.equal(await page.evaluate(() => document.activeElement.closest(".panel")), null);
  await page.keyboard.press("ArrowLeft");
  await page.locator(".tour-count", { hasText: /^Step 1 of/ }).waitFor();
  await page.keyboard.press("Escape");
  await page.locator(".tour").waitFor({ state: "detached" });
  assert.deepEqual(problems, []);
  await context.close();
});

for (const id of TOPICS) {
  test(`${id}: in a 700×720 blog iframe the panel opens on its picture, with its intro and links`, async () => {
    const { page, problems, context } = await openPage(site.browser, site.server.url, { viewport: { width: 760, height: 800 } });
    await page.goto(`${site.server.url}embed-example.html`);
    // A blog's page: the panel's embed route in a 700 px column, 720 px high.
    await page.evaluate((src) => {
      document.body.innerHTML = "";
      const frame = document.createElement("iframe");
      frame.src = src;
      frame.width = "700";
      frame.height = "720";
      frame.title = "panel";
      frame.style.border = "0";
      document.body.append(frame);
    }, `${site.server.url}#/embed/${id}`);
    const frame = page.frameLocator("iframe");
    await frame.locator("[data-picture]").waitFor();
    const inner = page.frames().find((f) => f !== page.mainFrame());
    await inner.waitForFunction(() => document.querySelector("[data-picture]")?.getBoundingClientRect().height > 40);
    assert.equal(await inner.evaluate(() => scrollY), 0, "not scrolled");
    within(await boxIn(inner, "[data-picture]"), `${id}'s picture`);
    within({ ...(await boxIn(inner, ".panel-intro")), height: 41 }, `${id}'s intro line`);
    const title = await inner.evaluate(() => document.title);
    assert.match(title, new RegExp(await inner.evaluate(() => document.querySelector(".panel").getAttribute("aria-label"))), "the title names the topic");
    const open = frame.getByRole("link", { name: /Open in Techshack Live/ });
    // The link follows the panel's state once it settles.
    await inner.waitForFunction(() => /\?s=/.test(document.querySelector(".panel-links a").href));
    assert.match(await open.getAttribute("href"), new RegExp(`#/${id}\\?s=`), "the full site, with the same state");
    assert.equal(await open.getAttribute("target"), "_blank");
    assert.match(await frame.getByRole("link", { name: /^Read: / }).getAttribute("href"), /^https:\/\//);
    // "More" opens the rest of the panel, in the iframe.
    const more = frame.getByRole("button", { name: "More" });
    assert.equal(await more.getAttribute("aria-expanded"), "false");
    const shownBefore = await inner.evaluate(() => [...document.querySelectorAll(".panel-body button")].filter((b) => b.offsetParent).length);
    await more.click();
    assert.equal(await more.getAttribute("aria-expanded"), "true");
    const shownAfter = await inner.evaluate(() => [...document.querySelectorAll(".panel-body button")].filter((b) => b.offsetParent).length);
    assert.ok(shownAfter > shownBefore, `More shows the rest (${shownBefore} → ${shownAfter} buttons)`);
    within(await boxIn(inner, "[data-picture]"), `${id}'s picture, still first after More`);
    const { scroll, width } = await inner.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
    assert.ok(scroll <= width, `no sideways scroll in the iframe (${scroll} > ${width})`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("mount(…, { view: 'full' }) shows every card, and a bad view throws at once", async () => {
  const { page, problems, context } = await openPage(site.browser, site.server.url);
  await page.goto(`${site.server.url}embed-example.html`);
  const result = await page.evaluate(async (base) => {
    const api = await import(`${base}techshack-live.js`);
    const el = document.createElement("div");
    document.body.append(el);
    await api.mount(el, "svm", { view: "full" }).ready;
    let thrown = "";
    try {
      api.mount(document.createElement("div"), "svm", { view: "tiny" });
    } catch (e) {
      thrown = e.message;
    }
    const root = el.querySelector("techshack-panel").shadowRoot;
    return { compact: !!root.querySelector(".compact"), more: !!root.querySelector(".more-toggle"), thrown };
  }, site.server.url);
  assert.deepEqual(result, { compact: false, more: false, thrown: 'Techshack Live mount: view must be "compact" or "full", got "tiny".' });
  assert.deepEqual(problems, []);
  await context.close();
});

// The projector in light at 1280×720 and dark at 1920×1080, so every topic
// is axe-checked in presenter mode in both themes.
for (const [viewport, colorScheme] of [[{ width: 1280, height: 720 }, "light"], [{ width: 1920, height: 1080 }, "dark"]]) {
  for (const id of TOPICS) {
    test(`${id}: presenter mode at ${viewport.width}×${viewport.height} (${colorScheme}) keeps the picture on screen during a tour`, async () => {
      const { page, problems, context } = await site.open(id, ".panel-body > *", { viewport, colorScheme });
      await page.evaluate(() => localStorage.setItem("techshack-presenter", "true"));
      await page.reload();
      await page.waitForSelector(".panel-body > *");
      assert.equal(await page.locator(".site-header nav").isVisible(), false, "no site header");
      await page.getByRole("button", { name: "Menu", exact: true }).click();
      await page.getByText(/Guided tours/).click();
      await page.locator(".tour-menu li a").first().click();
      const tour = page.getByRole("complementary", { name: /Guided tour/ });
      await tour.waitFor();
      await page.waitForTimeout(300);
      assert.equal(await page.getByRole("toolbar", { name: "Panel actions" }).isVisible(), false, "no toolbar during the tour");
      within(await boxIn(page, "[data-picture]"), `${id}'s picture`);
      const t = await boxIn(page, ".tour");
      const pic = await boxIn(page, "[data-picture]");
      assert.ok(t.left >= pic.right - 1 || t.top >= pic.bottom - 1, "the tour sits beside the picture, not over it");
      await tour.getByRole("button", { name: "Next →" }).click();
      within(await boxIn(page, "[data-picture]"), `${id}'s picture at step 2`);
      assert.deepEqual(await axeViolations(page), [], "axe in presenter mode");
      assert.ok(await page.getByRole("button", { name: "Presenter mode" }).isVisible(), "a way out");
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

for (const scheme of ["light", "dark"]) {
  test(`axe-clean in every layout, ${scheme}`, async () => {
    const layouts = [
      ["phone", phone, (id) => `#/${id}`],
      ["compact embed", { viewport: { width: 700, height: 720 } }, (id) => `#/embed/${id}`],
      ["full embed", { viewport: { width: 700, height: 720 } }, (id) => `#/embed/${id}?view=full`],
    ];
    for (const [name, options, route] of layouts) {
      for (const id of TOPICS) {
        const { page, problems, context } = await openPage(site.browser, site.server.url, { ...options, colorScheme: scheme });
        await page.goto(`${site.server.url}${route(id)}`);
        await waitForApp(page);
        await page.waitForSelector(".panel-body > *");
        const more = page.getByRole("button", { name: "More" });
        if (await more.count()) await more.click();
        assert.deepEqual(await axeViolations(page), [], `${id}, ${name}, ${scheme}`);
        assert.deepEqual(problems, [], `${id}, ${name}`);
        await context.close();
      }
    }
  });
}
