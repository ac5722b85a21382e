// The VPC's IPv6 tools come as the topic's upgrade module (issue 14, item 4,
// within issue 11's 300 KB first-visit budget): a first visit does not fetch
// them; the VPC's inspector offers them; loading them swaps the panel for
// the dual-stack one with the reader's layout kept; a link whose state has
// IPv6 in it opens the dual-stack panel at once, on the site and in an
// embed; a module that cannot load says so in place and the panel stays.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";

const open = panelPages("vpc", ".vpc-diagram");
const UPGRADE = /topic-vpc-ipv6(_bg\.wasm|\.js)$/;
const part = (page, name) => page.locator(`.vpc-diagram [role=button][aria-label^="${name}"]`);
const byTitle = { position: { x: 60, y: 12 } };
const side = (page) => page.locator(".vpc-inspector");
const button = (scope, name) => scope.getByRole("button", { name, exact: true });

function requests(page) {
  const seen = [];
  page.on("request", (r) => seen.push(r.url()));
  return seen;
}

/// Opens the VPC's inspector, adds a secondary block (the reader's own
/// change, which the swap must keep) and asks for the IPv6 tools.
async function upgrade(page) {
  await part(page, "VPC vpc-123").click(byTitle);
  const field = side(page).getByLabel("Add a secondary CIDR block");
  await field.fill("10.1.0.0/16");
  await button(side(page), "Add").click();
  await side(page).getByText("10.1.0.0/16").first().waitFor();
  assert.equal(await side(page).locator("h3", { hasText: "IPv6" }).count(), 1);
  await button(side(page), "Load the IPv6 tools").click();
}

test("the IPv6 tools load on request, keep the layout, and a link with IPv6 opens them at once", async () => {
  const { page, problems, context } = await open();
  const seen = requests(page);
  await page.waitForLoadState("networkidle");
  assert.equal(seen.filter((u) => UPGRADE.test(u)).length, 0, "a first visit does not fetch the IPv6 module");

  await upgrade(page);
  // The dual-stack panel takes the IPv4 one's place; the offer is gone.
  await side(page).getByRole("button", { name: /IPv6 tools/ }).waitFor({ state: "detached" });
  await part(page, "VPC vpc-123").click(byTitle);
  const dual = side(page).getByLabel("Dual-stack (IPv6)");
  await dual.waitFor();
  assert.ok(seen.some((u) => UPGRADE.test(u)), "the IPv6 module was fetched");
  assert.equal(await button(side(page), "Load the IPv6 tools").count(), 0);
  assert.match(await side(page).textContent(), /10\.1\.0\.0\/16/, "the reader's secondary block survived the swap");
  assert.equal(await page.locator(".panel").count(), 1, "one panel, not two");

  // Dual stack on; the address keeps the state, and opening it again goes
  // straight to the dual-stack panel with the /56 in place.
  await dual.check();
  const block = side(page).getByLabel("IPv6 block (/56, Amazon-provided)");
  await block.waitFor();
  const cidr = await block.inputValue();
  await page.waitForFunction(() => location.hash.includes("s="));
  await page.waitForTimeout(400);
  const hash = new URL(page.url()).hash;
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();

  for (const route of [hash, hash.replace("#/vpc", "#/embed/vpc")]) {
    const again = await open({}, route);
    await part(again.page, "VPC vpc-123").click(byTitle);
    assert.equal(await side(again.page).getByLabel("Dual-stack (IPv6)").isChecked(), true, `${route.slice(0, 12)}: dual stack restored`);
    assert.equal(await side(again.page).getByLabel("IPv6 block (/56, Amazon-provided)").inputValue(), cidr);
    assert.deepEqual(again.problems, []);
    await again.context.close();
  }

  // A blog's script mount with that state gets the dual-stack panel too.
  const blog = await open();
  const state = new URLSearchParams(hash.split("?")[1]).get("s");
  const checked = await blog.page.evaluate(async (s) => {
    const { mount } = await import("./techshack-live.js");
    const el = document.createElement("div");
    document.body.append(el);
    await mount(el, "vpc", { state: s, view: "full" }).ready;
    const root = el.querySelector("techshack-panel").shadowRoot;
    const vpc = root.querySelector('.vpc-diagram [role=button][aria-label^="VPC vpc-123"]');
    vpc.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    await new Promise((ok) => setTimeout(ok, 300));
    const box = [...root.querySelectorAll(".vpc-inspector input[type=checkbox]")]
      .find((i) => root.querySelector(`label[for="${i.id}"]`)?.textContent.includes("Dual-stack"));
    return box?.checked ?? null;
  }, state);
  assert.equal(checked, true, "mount() with an IPv6 state shows the dual-stack panel");
  assert.deepEqual(blog.problems, []);
  await blog.context.close();
});

test("an IPv6 module that cannot load: the reason in place, the panel unchanged, and Try again works", async () => {
  const { page, problems, context } = await open();
  let refuse = true;
  // A slow refusal, so the wait is seen too.
  await page.route(UPGRADE, async (r) => {
    if (!refuse) return r.continue();
    await new Promise((ok) => setTimeout(ok, 600));
    return r.fulfill({ status: 503, contentType: "text/plain", body: "busy" });
  });
  await upgrade(page);
  const busy = button(side(page), "Loading the IPv6 tools…");
  await busy.waitFor();
  assert.equal(await busy.getAttribute("aria-busy"), "true");
  const alert = side(page).locator("[role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /^The IPv6 tools could not load: .+\. Try again\.$/);
  // Still the IPv4 panel, with the reader's block, and still usable.
  assert.match(await side(page).textContent(), /10\.1\.0\.0\/16/);
  await button(side(page), "Load the IPv6 tools").waitFor();

  refuse = false;
  await button(side(page), "Load the IPv6 tools").click();
  await side(page).getByRole("button", { name: /IPv6 tools/ }).waitFor({ state: "detached" });
  await part(page, "VPC vpc-123").click(byTitle);
  await side(page).getByLabel("Dual-stack (IPv6)").waitFor();
  assert.match(await side(page).textContent(), /10\.1\.0\.0\/16/);
  // The refused fetches are the only console errors.
  assert.deepEqual(problems.filter((p) => !/Failed to load resource.*503|Failed to fetch dynamically imported module|WebAssembly|503/.test(p)), []);
  await context.close();
});
