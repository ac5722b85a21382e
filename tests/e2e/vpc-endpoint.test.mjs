// Gateway VPC endpoints (issue 14, item 3), used as a person would: add an
// S3 endpoint from the VPC's inspector, pick its route table on the
// endpoint drawn at the VPC's edge, trace a private instance to S3 through
// it, see a second S3 endpoint on the same table refused in place, remove
// the endpoint and watch the same trace go through the NAT gateway again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";

const open = panelPages("vpc", ".vpc-diagram");

const part = (page, name) => page.locator(`.vpc-diagram [role=button][aria-label^="${name}"]`);
const inspector = (page) => page.locator(".vpc-inspector");
const side = (page, name) => inspector(page).getByRole("button", { name, exact: true });
const hops = (page) => page.locator(".vpc-hoplist").textContent();
const byTitle = { position: { x: 60, y: 12 } };

async function traceToS3(page) {
  const form = page.locator(".vpc-tracer");
  await form.getByLabel("Source").selectOption({ label: "app-a" });
  await form.getByLabel("Destination").selectOption({ label: "S3, us-east-1 (52.216.8.10)" });
  await form.getByLabel("Port").fill("443");
  await page.getByRole("button", { name: "Trace", exact: true }).click();
  await page.waitForSelector(".vpc-verdict:has-text('52.216.8.10')");
}

test("an S3 endpoint carries a private subnet's S3 traffic past the NAT, until it is removed", async () => {
  const { page, problems, context } = await open();
  await part(page, "VPC vpc-123").click(byTitle);
  await side(page, "Add Amazon S3 endpoint").click();

  // The endpoint is drawn on the VPC's edge; from the keyboard it opens its inspector.
  await part(page, "VPCE vpce-s3").focus();
  await page.keyboard.press("Enter");
  assert.match(await inspector(page).locator("h2").textContent(), /^Gateway endpoint vpce-s3/);
  assert.match(await inspector(page).textContent(), /com\.amazonaws\.us-east-1\.s3 in vpc-123, prefix list pl-63a5400a/);
  await side(page, "Associate rt-2a").click();
  await side(page, "Dissociate rt-2a").waitFor();

  // rt-2a now holds the prefix-list route, managed by the endpoint.
  await part(page, "RT rt-2a").click();
  assert.match(await inspector(page).locator(".vpc-routes").textContent(), /52\.216\.0\.0\/15vpce-s3activeimplicit/);

  await traceToS3(page);
  assert.match(await page.textContent(".vpc-verdict"), /✓ Reachable/);
  let path = await hops(page);
  assert.match(path, /vpce-s3 gateway endpoint/);
  assert.match(path, /52\.216\.0\.0\/15/);
  assert.match(path, /more specific than 0\.0\.0\.0\/0 -> nat-a/);
  assert.doesNotMatch(path, /nat-a NAT gateway/);
  assert.match(await part(page, "VPCE vpce-s3").getAttribute("class"), /on-path/);

  // A second S3 endpoint may not route the same table: refused where it was asked.
  await part(page, "VPC vpc-123").click(byTitle);
  await side(page, "Add Amazon S3 endpoint").click();
  await part(page, "VPCE vpce-s3-2").click();
  await side(page, "Associate rt-2a").click();
  assert.match(
    await inspector(page).locator("[role=alert]").textContent(),
    /vpce-s3-2: a route table can hold only one endpoint route to the same service/,
  );
  await side(page, "Remove this endpoint").click();

  // Removing the first endpoint takes its route away: the trace goes through NAT again.
  await part(page, "VPCE vpce-s3").click();
  await side(page, "Remove this endpoint").click();
  assert.equal(await part(page, "VPCE").count(), 0);
  await traceToS3(page);
  assert.match(await page.textContent(".vpc-verdict"), /✓ Reachable/);
  path = await hops(page);
  assert.match(path, /nat-a NAT gateway/);
  assert.doesNotMatch(path, /vpce-s3/);

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("S3 in another Region goes through NAT even with the endpoint, on a phone", async () => {
  const { page, problems, context } = await open({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await part(page, "VPC vpc-123").tap(byTitle);
  await side(page, "Add Amazon S3 endpoint").tap();
  await part(page, "VPCE vpce-s3").tap();
  await side(page, "Associate rt-2a").tap();
  const form = page.locator(".vpc-tracer");
  await form.getByLabel("Source").selectOption({ label: "app-a" });
  await form.getByLabel("Destination").selectOption({ label: "S3, us-west-2 (52.218.128.10)" });
  await page.getByRole("button", { name: "Trace", exact: true }).tap();
  await page.waitForSelector(".vpc-verdict:has-text('52.218.128.10')");
  const path = await hops(page);
  assert.match(path, /nat-a NAT gateway/);
  assert.doesNotMatch(path, /vpce-s3/);
  assert.deepEqual(problems, []);
  await context.close();
});
