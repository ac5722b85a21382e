// IPv6 in the VPC (issue 14, item 4), used as a person would: make the VPC
// dual-stack, give a private subnet a /64 (a /60 is refused in place, as is a
// /48 for the VPC), add an egress-only internet gateway and a ::/0 route to
// it, then trace over IPv6: out through the egress-only gateway is reachable,
// in from the internet is not, with the hop and the reason named.
// Sources: AWS VPC User Guide, "IPv6 support for your VPC", "Subnet CIDR
// blocks", "Egress-only internet gateways".
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";

const open = panelPages("vpc", ".vpc-diagram");
const part = (page, name) => page.locator(`.vpc-diagram [role=button][aria-label^="${name}"]`);
const byTitle = { position: { x: 60, y: 12 } };
const button = (scope, name) => scope.getByRole("button", { name, exact: true });

test("dual-stack VPC: /56 and /64 refusals in place, eigw route, trace out and in over IPv6", async () => {
  const { page, problems, context } = await open();
  const side = page.locator(".vpc-inspector");

  // The IPv6 tools load on request (their own module), then the VPC turns
  // dual-stack from the keyboard and gets Amazon's /56.
  await part(page, "VPC vpc-123").click(byTitle);
  await button(side, "Load the IPv6 tools").click();
  // The panel is remade by the IPv6 module, the offer gone with the old one.
  await side.getByRole("button", { name: /IPv6 tools/ }).waitFor({ state: "detached" });
  await part(page, "VPC vpc-123").click(byTitle);
  await side.getByLabel("Dual-stack (IPv6)").focus();
  await page.keyboard.press("Space");
  const vpcBlock = side.getByLabel("IPv6 block (/56, Amazon-provided)");
  assert.equal(await vpcBlock.inputValue(), "2600:1f18:4a00:100::/56");

  // A /48 is refused next to the field; the typed text stays to be fixed.
  await vpcBlock.fill("2600:1f18:4a00::/48");
  await vpcBlock.press("Enter");
  const vpcAlert = side.locator("[role=alert]");
  assert.match(await vpcAlert.innerText(), /"2600:1f18:4a00::\/48" is a \/48, but VPC IPv6 blocks are always \/56/);
  assert.equal(await vpcBlock.inputValue(), "2600:1f18:4a00::/48");
  assert.equal(await vpcBlock.getAttribute("aria-invalid"), "true");
  await vpcBlock.fill("2600:1f18:4a00:100::/56");
  await vpcBlock.press("Enter");
  assert.equal(await side.locator("[role=alert]").count(), 0);

  await button(side, "Add an egress-only internet gateway").click();
  // Drawn like the IGW, smaller; its accessible name says what it is.
  await page.locator(`.vpc-diagram [role=button][aria-label*="egress-only internet gateway eigw-vpc-123 of vpc-123"]`).waitFor();

  // The private subnet: a /60 is refused, the offered /64 style is taken.
  await part(page, "Private subnet subnet-private-a").click(byTitle);
  const subnetBlock = side.getByLabel("IPv6 block (/64 from the VPC's /56)");
  assert.equal(await subnetBlock.inputValue(), "2600:1f18:4a00:100::/64", "the next free /64 is offered");
  await subnetBlock.fill("2600:1f18:4a00:104::/60");
  await button(side, "Assign").click();
  assert.match(await side.locator("[role=alert]").innerText(), /is a \/60, but subnet IPv6 blocks are always \/64/);
  await subnetBlock.fill("2600:1f18:4a00:104::/64");
  await button(side, "Assign").click();
  await button(side, "Remove the IPv6 block").waitFor();
  assert.equal(await side.locator("[role=alert]").count(), 0);

  // ::/0 to the egress-only gateway in rt-2a.
  await part(page, "RT rt-2a").click();
  await side.getByLabel("Destination", { exact: true }).fill("::/0");
  await side.getByLabel("Target", { exact: true }).selectOption({ label: "egress-only gateway eigw-vpc-123 (IPv6)" });
  await button(side, "Add route").click();
  await page.waitForFunction(() => document.querySelector(".vpc-routes6")?.textContent.includes("::/0eigw-vpc-123active"));

  // app-a's group has only IPv4 rules: an IPv6 trace says so.
  const tracer = page.locator(".vpc-tracer");
  await tracer.getByLabel("Source").selectOption({ label: "app-a (IPv6)" });
  await tracer.getByLabel("Destination").selectOption({ label: "Internet (IPv6)" });
  await tracer.getByLabel("Port").fill("443");
  await button(tracer, "Trace").click();
  await page.waitForSelector(".vpc-verdict:has-text('Blocked')");
  assert.match(await page.textContent(".vpc-verdict"), /IPv4 rules do not match IPv6 packets/);

  // Allow all IPv6 out of sg-app, then trace again: out through eigw works.
  await part(page, "app-a ").click();
  await button(side, "sg-app").click();
  await side.getByLabel("Direction", { exact: true }).selectOption({ label: "Outbound" });
  await side.getByLabel("CIDR", { exact: true }).fill("::/0");
  await button(side, "Add rule").click();
  await side.locator("td", { hasText: "::/0" }).first().waitFor();
  await button(tracer, "Trace").click();
  await page.waitForSelector(".vpc-verdict:has-text('Reachable')");
  assert.match(await page.textContent(".vpc-verdict"), /app-a \(IPv6\) → the internet \(IPv6\) \(TCP 443\)/);
  assert.match(await page.textContent(".vpc-hops"), /2600:1f18:4a00:104::a/);

  // Even with sg-app open to IPv6 on 443, nothing from the internet starts
  // a connection in: the request gets in by ig-1, but the reply would have
  // to leave by the egress-only gateway, whose hop says why it stops.
  await side.getByLabel("Direction", { exact: true }).selectOption({ label: "Inbound" });
  await side.getByLabel("CIDR", { exact: true }).fill("::/0");
  await button(side, "Add rule").click();
  await page.waitForFunction(() => document.querySelectorAll(".vpc-inspector td").length > 0
    && [...document.querySelectorAll(".vpc-inspector td")].filter((td) => td.textContent === "::/0").length === 2);
  await tracer.getByLabel("Source").selectOption({ label: "Internet (IPv6)" });
  await tracer.getByLabel("Destination").selectOption({ label: "app-a (IPv6)" });
  await button(tracer, "Trace").click();
  await page.waitForSelector(".vpc-verdict:has-text('Blocked')");
  const verdict = await page.textContent(".vpc-verdict");
  assert.match(verdict, /the internet \(IPv6\) → app-a \(IPv6\)/);
  assert.match(verdict, /eigw-vpc-123.*the request came in through ig-1, but the reply would leave through eigw-vpc-123/s);
  assert.match(verdict, /egress-only gateway carries only connections started inside the VPC/);

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
