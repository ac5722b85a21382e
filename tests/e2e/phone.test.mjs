// Phones (issue 16, item 1): at 360×740 and 390×844 with touch, no route
// overflows the layout viewport sideways, and on the SVM plot a vertical
// swipe scrolls the page and adds nothing while a tap adds one point.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openPage, waitForApp } from "./support.mjs";
import { at, stat, waitForStat } from "./svm.helpers.mjs";

const PHONES = [{ width: 360, height: 740 }, { width: 390, height: 844 }];

let server, browser, routes;
before(async () => {
  server = await startServer();
  browser = await launch();
  const { page, context } = await openPage(browser, server.url);
  await page.goto(server.url);
  await waitForApp(page);
  const ids = await page.$$eval(".cards .card h2 a", (as) => as.map((a) => a.getAttribute("href")));
  routes = ["#/", "#/about", ...ids, ...ids.map((h) => h.replace("#/", "#/embed/"))];
  await context.close();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const phone = (viewport) => ({ viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

test("no route overflows a phone's layout viewport sideways", async () => {
  for (const viewport of PHONES) {
    for (const route of routes) {
      const { page, problems, context } = await openPage(browser, server.url, phone(viewport));
      await page.goto(`${server.url}${route}`);
      await waitForApp(page);
      if (/#\/(embed\/)?[a-z-]+$/.test(route) && route !== "#/about") await page.waitForSelector(".panel-body > *");
      const { scroll, width } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= width, `${route} at ${viewport.width} px: the page is ${scroll} px wide`);
      assert.deepEqual(problems, [], route);
      await context.close();
    }
  }
});

test("on the SVM plot, a vertical swipe scrolls and adds nothing; a tap adds one point", async () => {
  const { page, problems, context } = await openPage(browser, server.url, phone(PHONES[1]));
  await page.goto(`${server.url}#/svm`);
  await page.waitForSelector(".svm-canvas");
  const points = Number(await stat(page, "Points"));
  await page.locator(".svm-canvas").scrollIntoViewIfNeeded();
  const cdp = await context.newCDPSession(page);
  const touch = (type, x, y) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
  const [x, y] = await at(page, 0.1, 0.1);
  const before = await page.evaluate(() => window.scrollY);
  await touch("touchStart", x, y);
  for (let k = 1; k <= 10; k++) {
    await touch("touchMove", x, y - 18 * k);
    await page.waitForTimeout(16);
  }
  await touch("touchEnd");
  await page.waitForTimeout(400);
  const after = await page.evaluate(() => window.scrollY);
  assert.ok(after > before + 50, `the page scrolled (${before} → ${after})`);
  assert.equal(Number(await stat(page, "Points")), points, "the swipe added no point");

  const [tx, ty] = await at(page, 0.1, 0.1);
  await touch("touchStart", tx, ty);
  await touch("touchEnd");
  await waitForStat(page, "Points", new RegExp(`^${points + 1}$`));
  assert.deepEqual(problems, []);
  await context.close();
});
