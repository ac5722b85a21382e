// Comic exports (issue 13, item 4), for every registered topic: the comic's
// "Download SVG" saves `<id>-comic.svg`, a standalone file (no CSS variables,
// the hand font inside it as a data: URL, the comic's background drawn in)
// that looks like the comic on the page when opened on its own; "Download
// PNG" saves `<id>-comic.png` at twice the drawing's size; the alt text shows
// the drawing's title. The buttons work by mouse, keyboard and touch, in an
// embedded panel's shadow root too, and a failure is said in place.
// Screenshots land in /tmp/comic-export/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { axeViolations, openPage, sitePages } from "./support.mjs";
import { TOPICS } from "../../assets/techshack-live.js";

const site = sitePages();
const SHOTS = "/tmp/comic-export";
mkdirSync(SHOTS, { recursive: true });

const button = (scope, name) => scope.getByRole("button", { name, exact: true });

/// Opens the panel's comic (behind the toolbar's Menu in a compact panel)
/// and waits for its drawing.
async function openComic(scope, compact = false) {
  if (compact) await scope.locator(".toolbar button:text-is('Menu')").click();
  await scope.locator(".toolbar button:text-is('Comic')").click();
  await scope.locator(".comic svg").waitFor();
  return scope.locator(".comic");
}

/// Does `act` (a click, a key, a tap) and returns the file it downloads.
async function download(page, act) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 20000 }), act()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/// The width and height of an SVG file's viewBox.
function viewBox(text) {
  const m = text.match(/<svg\b[^>]*\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/);
  assert.ok(m, "the file's <svg> has a viewBox");
  return [Number(m[1]), Number(m[2])];
}

/// A PNG's size from its IHDR chunk.
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG signature");
  assert.equal(bytes.toString("latin1", 12, 16), "IHDR");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/// The colours of a PNG image (decoded in `page`): how many distinct ones
/// cover at least 0.3% of it each, and its top-left pixel.
function colours(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i] >> 4},${data[i + 1] >> 4},${data[i + 2] >> 4}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const pixels = data.length / 4;
    return { distinct: [...counts.values()].filter((n) => n >= pixels * 0.003).length, corner: [data[0], data[1], data[2]] };
  }, png.toString("base64"));
}

/// The share of pixels that differ clearly between two same-sized PNGs.
function difference(page, a, b) {
  return page.evaluate(async ([a64, b64]) => {
    const pixels = async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0);
      return { w: img.naturalWidth, h: img.naturalHeight, data: ctx.getImageData(0, 0, canvas.width, canvas.height).data };
    };
    const [x, y] = [await pixels(a64), await pixels(b64)];
    // An element's screenshot may take one row or column more (its box sits
    // at a fraction of a pixel); more than that is a different size.
    if (Math.abs(x.w - y.w) > 1 || Math.abs(x.h - y.h) > 1) return `sizes differ: ${x.w}×${x.h} and ${y.w}×${y.h}`;
    // The same fraction of a pixel can shift the page's drawing by one row
    // or column against the file's, so the best of the nine one-pixel
    // alignments counts; a real difference survives every one of them.
    const [w, h] = [Math.min(x.w, y.w) - 1, Math.min(x.h, y.h) - 1];
    const offBy = (dx, dy) => {
      let off = 0;
      for (let row = 1; row < h; row += 1) {
        for (let col = 1; col < w; col += 1) {
          const [i, j] = [(row * x.w + col) * 4, ((row + dy) * y.w + col + dx) * 4];
          if (Math.max(...[0, 1, 2].map((c) => Math.abs(x.data[i + c] - y.data[j + c]))) > 64) off += 1;
        }
      }
      return off / ((w - 1) * (h - 1));
    };
    return Math.min(...[-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => offBy(dx, dy))));
  }, [a.toString("base64"), b.toString("base64")]);
}

/// The standalone checks of a saved SVG: what its text says, then opened on
/// its own (a file:// page, nothing of the site around it) the font loads
/// from the file, nothing is fetched, and text and shapes draw in colour.
/// Returns its screenshot.
async function checkStandalone(browser, text, name) {
  assert.ok(!text.includes("var("), "no CSS variable is left in the file");
  assert.match(text, /@font-face\s*\{[^}]*font-family:\s*"Patrick Hand"[^}]*url\(\s*"?data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}/, "the font is inside the file");
  const [w, h] = viewBox(text);
  assert.match(text, new RegExp(`<svg\\b[^>]*\\bwidth="${w}"`), "the file has a width");
  assert.match(text, new RegExp(`<svg\\b[^>]*\\bheight="${h}"`), "the file has a height");
  const file = `${SHOTS}/${name}`;
  writeFileSync(file, text);
  const context = await browser.newContext({ viewport: { width: Math.ceil(w), height: Math.ceil(h) } });
  const page = await context.newPage();
  const fetched = [];
  const url = pathToFileURL(file).href;
  page.on("request", (r) => { if (r.url() !== url && !r.url().startsWith("data:")) fetched.push(r.url()); });
  await page.goto(url);
  const seen = await page.evaluate(async () => {
    await document.fonts.ready;
    const root = document.documentElement;
    const text = document.querySelector("text");
    return {
      root: `${root.namespaceURI} ${root.localName}`,
      parseError: document.getElementsByTagName("parsererror").length,
      faces: [...document.fonts].map((f) => `${f.family.replace(/"/g, "")}: ${f.status}`),
      texts: document.querySelectorAll("text").length,
      fontOfText: text && getComputedStyle(text).fontFamily,
    };
  });
  assert.equal(seen.root, "http://www.w3.org/2000/svg svg", "the file is an SVG document");
  assert.equal(seen.parseError, 0, "the file parses");
  assert.ok(seen.faces.includes("Patrick Hand: loaded"), `the hand font loaded from the file: ${seen.faces}`);
  assert.ok(seen.texts > 0, "the comic has text");
  assert.match(seen.fontOfText, /^"?Patrick Hand"?,/, "its text is set in the hand font");
  assert.deepEqual(fetched, [], "the file fetches nothing");
  const shot = await page.screenshot({ path: `${file}.png` });
  await context.close();
  return shot;
}

for (const topic of TOPICS) {
  test(`${topic.id}: the comic saves as a standalone SVG and a 2× PNG, and shows its alt text`, async () => {
    const { page, problems, context } = await site.open(topic.id, ".panel", { acceptDownloads: true });
    const comic = await openComic(page);
    const live = comic.locator("svg");
    const title = (await live.locator("title").textContent()).trim();
    assert.ok(title.length > 0, "the drawing has a title");

    // The alt text, under the comic, is the drawing's title.
    await comic.locator("summary:text-is('Alt text')").click();
    await page.waitForFunction((t) => document.querySelector(".comic details p")?.textContent === t, title);

    // Mouse: Download SVG.
    const svg = await download(page, () => button(comic, "Download SVG").click());
    assert.equal(svg.name, `${topic.id}-comic.svg`);
    assert.equal(await comic.getByRole("status").textContent(), `Saved ${topic.id}-comic.svg.`);
    const text = svg.bytes.toString("utf8");
    assert.ok(text.includes(`<title>${title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</title>`), "the file keeps the title");
    const [w, h] = viewBox(text);
    const alone = await checkStandalone(site.browser, text, svg.name);

    // Opened on its own it looks like the comic on the page: the page's
    // comic drawn at the file's size and the file's screenshot agree, their
    // background included, in more than two colours.
    const pageBg = await live.evaluate((el) => getComputedStyle(el).backgroundColor);
    await live.evaluate((el, width) => Object.assign(el.style, { width: `${width}px`, maxWidth: "none" }), w);
    const inPage = await live.screenshot({ path: `${SHOTS}/${topic.id}-in-page.png` });
    await live.evaluate((el) => el.removeAttribute("style"));
    const look = await colours(page, alone);
    assert.ok(look.distinct >= 3, `text and shapes in colour: ${look.distinct} colours`);
    assert.equal(`rgb(${look.corner.join(", ")})`, pageBg, "the file's background is the comic's on the page");
    const off = await difference(page, inPage, alone);
    assert.ok(typeof off === "number" && off < 0.01, `the file looks like the page's comic: ${typeof off === "number" ? `${(off * 100).toFixed(2)}% of pixels differ` : off}`);

    // Keyboard: Download PNG, at twice the viewBox.
    await button(comic, "Download PNG").focus();
    const png = await download(page, () => page.keyboard.press("Enter"));
    assert.equal(png.name, `${topic.id}-comic.png`);
    writeFileSync(`${SHOTS}/${png.name}`, png.bytes);
    assert.deepEqual(pngSize(png.bytes), [w * 2, h * 2], `the PNG is twice the ${w}×${h} viewBox`);
    assert.ok((await colours(page, png.bytes)).distinct >= 3, "the PNG is drawn, in colour");
    assert.equal(await comic.getByRole("status").textContent(), `Saved ${topic.id}-comic.png.`);

    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a panel mounted in a shadow root (embed-example.html): a tap saves both files", async () => {
  const { page, problems, context } = await openPage(site.browser, site.server.url, { acceptDownloads: true, hasTouch: true });
  await page.goto(`${site.server.url}embed-example.html`);
  await page.waitForFunction(() => /Mounted/.test(document.getElementById("embed-status").textContent));
  const panel = page.locator("#third-panel");
  const id = await panel.locator("techshack-panel").getAttribute("data-topic");
  assert.equal(await panel.locator("techshack-panel").evaluate((el) => !!el.shadowRoot?.querySelector(".panel")), true, "the panel is in a shadow root");
  const comic = await openComic(panel, true);
  assert.equal(await comic.evaluate((el) => el.getRootNode() instanceof ShadowRoot), true, "the comic is in the shadow root");
  const svg = await download(page, () => button(comic, "Download SVG").tap());
  assert.equal(svg.name, `${id}-comic.svg`);
  const text = svg.bytes.toString("utf8");
  await checkStandalone(site.browser, text, `embed-${svg.name}`);
  const png = await download(page, () => button(comic, "Download PNG").tap());
  assert.equal(png.name, `${id}-comic.png`);
  const [w, h] = viewBox(text);
  assert.deepEqual(pngSize(png.bytes), [w * 2, h * 2]);
  await comic.locator("summary:text-is('Alt text')").tap();
  // comic-export.js writes the text in once the tap reaches it (a promise later).
  const alt = comic.locator("details p");
  await alt.filter({ hasText: /\S/ }).waitFor();
  assert.equal(await alt.textContent(), (await comic.locator("svg title").textContent()).trim());
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("when the font cannot be fetched, the comic says why in place and saves nothing", async () => {
  const topic = TOPICS[0];
  const { page, problems, context } = await site.open(topic.id, ".panel", { acceptDownloads: true });
  const comic = await openComic(page);
  // The page's own copy of the font has loaded; the export fetches it again.
  await page.evaluate(() => document.fonts.ready);
  await page.route("**/fonts/*.woff2", (r) => r.fulfill({ status: 404, body: "" }));
  let saved = 0;
  page.on("download", () => { saved += 1; });
  await button(comic, "Download SVG").click();
  await page.waitForFunction(() => /^Could not/.test(document.querySelector(".comic span[role=status]")?.textContent));
  assert.equal(await comic.getByRole("status").textContent(), "Could not save the SVG: the font answered 404.");
  await page.waitForTimeout(300);
  assert.equal(saved, 0, "no file is offered");
  // After the failure the next try works.
  await page.unroute("**/fonts/*.woff2");
  const svg = await download(page, () => button(comic, "Download SVG").click());
  assert.equal(svg.name, `${topic.id}-comic.svg`);
  assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), []);
  await context.close();
});
