// The VPC diagram, driven as a person would: every component explains itself
// (by mouse and keyboard), packet traces through the IGW and a NAT gateway,
// an AZ failure under the single-NAT preset, in-place CIDR validation, the
// reachability matrix, tours, Terraform export, shared links, console errors
// and axe-core in light and dark.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";

const open = panelPages("vpc", ".vpc-diagram");

const button = (page, name) => page.getByRole("button", { name, exact: true });
/// A diagram component by the start of its accessible name.
const part = (page, name) => page.locator(`.vpc-diagram [role=button][aria-label^="${name}"]`);
const inspector = (page) => page.locator(".vpc-inspector");
const verdict = (page) => page.textContent(".vpc-verdict");
/// Boxes (the VPC, subnets) hold other components: click their title line.
const byTitle = { position: { x: 60, y: 12 } };

async function traceWith(page, { src, dst, port = "443", protocol = "TCP" }) {
  const form = page.locator(".vpc-tracer");
  await form.getByLabel("Source").selectOption({ label: src });
  await form.getByLabel("Destination").selectOption({ label: dst });
  await form.getByLabel("Protocol").selectOption({ label: protocol });
  await form.getByLabel("Port").fill(port);
  await button(page, "Trace").click();
}

test("every component type is a focusable button that explains itself", async () => {
  const { page, problems, context } = await open();
  const all = await page.$$eval(".vpc-diagram [role=button]", (els) => els.map((e) => [e.getAttribute("tabindex"), e.getAttribute("aria-label")]));
  assert.equal(all.length, 37, "VPC, 6 subnets with RT and ACL tags, 6 instances with SG tags, 3 NATs, IGW, internet, rt-main");
  for (const [tabindex, label] of all) {
    assert.equal(tabindex, "0", label);
    assert.ok(label && label.length > 3);
  }
  const cases = [
    ["VPC vpc-123", /^VPC vpc-123/, /your own private network/],
    ["Public subnet subnet-public-a", /^Public subnet subnet-public-a/, /route table sends 0\.0\.0\.0\/0 to the internet gateway/],
    ["Private subnet subnet-private-b", /^Private subnet subnet-private-b/, /no route to the internet gateway/],
    ["RT rt-2a, route table of subnet-private-a", /^Route table rt-2a/, /longest matching destination wins/],
    ["IGW ig-1", /^Internet gateway ig-1/, /connects the VPC to the internet/],
    ["NAT nat-b", /^NAT gateway nat-b/, /rewriting their source address/],
    ["app-c ", /^Instance app-c/, /virtual machine/],
    ["SG sg-web, security group of instance web-a", /^Security group sg-web/, /stateful firewall/],
    ["ACL acl-default, network ACL of subnet-public-a", /^Network ACL acl-default/, /stateless/],
  ];
  for (const [label, title, text] of cases) {
    await part(page, label).first().click(/subnet|VPC/.test(label) ? byTitle : {});
    assert.match(await inspector(page).locator("h2").textContent(), title, label);
    assert.match(await inspector(page).locator(".vpc-explain").textContent(), text, label);
  }
  // Live settings: the route table's routes with their state, the subnet's usable count.
  await part(page, "RT rt-2a").click();
  const routes = inspector(page).locator(".vpc-routes");
  assert.match(await routes.textContent(), /10\.0\.0\.0\/16local.*active/);
  assert.match(await routes.textContent(), /0\.0\.0\.0\/0nat-aactive/);
  await part(page, "Public subnet subnet-public-b").click(byTitle);
  assert.match(await inspector(page).textContent(), /Usable addresses251/);

  // Keyboard: Tab reaches the diagram, Enter and Space activate.
  await part(page, "web-b ").focus();
  await page.keyboard.press("Enter");
  assert.match(await inspector(page).locator("h2").textContent(), /^Instance web-b/);
  await part(page, "NAT nat-c").focus();
  await page.keyboard.press(" ");
  assert.match(await inspector(page).locator("h2").textContent(), /^NAT gateway nat-c/);
  // Deleting it leaves rt-2c's route behind as a blackhole.
  await button(page, "Delete this NAT gateway").click();
  await part(page, "RT rt-2c").click();
  assert.match(await inspector(page).locator(".vpc-routes").textContent(), /0\.0\.0\.0\/0nat-cblackhole/);

  await button(page, "Peering").click();
  await part(page, "pcx-ab").click();
  assert.match(await inspector(page).locator("h2").textContent(), /^Peering connection pcx-ab/);
  assert.match(await inspector(page).locator(".vpc-explain").textContent(), /not transitive/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the internet reaches a public instance through the IGW", async () => {
  const { page, problems, context } = await open();
  await traceWith(page, { src: "Internet", dst: "web-b", port: "443" });
  await page.waitForSelector(".vpc-verdict:has-text('web-b (TCP 443)')");
  assert.match(await verdict(page), /✓ Reachable the internet → web-b \(TCP 443\)/);
  const hops = page.locator(".vpc-hoplist");
  assert.match(await hops.textContent(), /ig-1 internet gateway.*rewrites 198\.51\.100\.12 → 10\.0\.2\.10/);
  assert.match(await part(page, "web-b ").getAttribute("class"), /on-path/);
  assert.match(await part(page, "IGW ig-1").getAttribute("aria-label"), /on the traced path/);
  assert.equal(await page.locator(".vpc-diagram .vpc-path.ok").count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a private instance reaches the internet through its NAT, source rewritten", async () => {
  const { page, problems, context } = await open();
  await traceWith(page, { src: "app-a", dst: "Internet", port: "443" });
  await page.waitForSelector(".vpc-verdict:has-text('app-a → the internet')");
  assert.match(await verdict(page), /✓ Reachable app-a → the internet \(TCP 443\)/);
  const request = page.locator(".vpc-path-list").first();
  const nat = request.locator(".vpc-hop", { hasText: "NAT gateway" });
  assert.match(await nat.textContent(), /rewrites 10\.0\.4\.10 → 10\.0\.1\.5/);
  assert.equal(await nat.locator("mark.vpc-rewrite").textContent(), "10.0.1.5:49152");
  assert.match(await nat.textContent(), /source rewritten/);
  assert.match(await nat.textContent(), /NGW_SOURCE_ADDRESS_REASSIGN/);
  const igw = request.locator(".vpc-hop", { hasText: "internet gateway" });
  assert.equal(await igw.locator("mark.vpc-rewrite").textContent(), "198.51.100.1:49152");
  assert.match(await part(page, "NAT nat-a").getAttribute("class"), /on-path/);
  // Invalid ports are refused next to the field.
  await page.locator(".vpc-tracer").getByLabel("Port").fill("44x");
  await button(page, "Trace").click();
  assert.match(await page.textContent(".vpc-tracer .field-error"), /"44x" is not a whole number/);
  assert.equal(await page.locator(".vpc-tracer").getByLabel("Port").getAttribute("aria-invalid"), "true");
  assert.deepEqual(problems, []);
  await context.close();
});

test("single NAT: when AZ a fails, app-b loses the internet and the NAT is marked", async () => {
  const { page, problems, context } = await open();
  await button(page, "Single NAT").click();
  await page.getByLabel("us-east-1a failed").check();
  await page.waitForSelector(".vpc-col.failed");
  assert.match(await page.textContent(".vpc-col.failed"), /us-east-1a — FAILED/);
  // Pick the trace on the diagram: source, then destination.
  await button(page, "Pick on the diagram").click();
  await part(page, "app-b ").click();
  assert.match(await page.textContent(".vpc-diagram-box .vpc-hint"), /source is app-b/);
  await part(page, "Internet 203").click();
  await page.waitForSelector(".vpc-verdict:has-text('Blocked')");
  assert.match(await verdict(page), /✗ Blocked app-b → the internet \(TCP 443\)/);
  const blockers = page.locator(".vpc-blockers li");
  assert.ok(await blockers.count() >= 1);
  assert.match(await blockers.first().textContent(), /nat-a BAD_STATE availability zone us-east-1a has failed/);
  const nat = part(page, "NAT nat-a");
  assert.match(await nat.getAttribute("class"), /blocked/);
  assert.match(await nat.getAttribute("aria-label"), /in a failed AZ, blocks the trace/);
  assert.match(await page.textContent(".vpc-hoplist"), /⇄ crosses AZ/);
  assert.match(await part(page, "app-b ").getAttribute("class"), /on-path/);
  assert.doesNotMatch(await part(page, "app-b ").getAttribute("class"), /down/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a bad subnet CIDR is refused next to its field and the layout stays", async () => {
  const { page, problems, context } = await open();
  await part(page, "Public subnet subnet-public-a").click(byTitle);
  const field = inspector(page).getByLabel("CIDR block (/16 to /28)");
  for (const [input, message] of [
    ["10.0.1.0/33", /subnet-public-a CIDR: "10\.0\.1\.0\/33" is not an IPv4 CIDR/],
    ["10.9.0.0/24", /subnet-public-a: 10\.9\.0\.0\/24 is not inside any CIDR block of vpc-123/],
    ["10.0.4.0/24", /overlaps/],
  ]) {
    await field.fill(input);
    await field.press("Enter");
    const error = inspector(page).locator(".vpc-field .field-error");
    await error.waitFor();
    assert.match(await error.textContent(), message);
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    assert.equal(await field.getAttribute("aria-describedby"), await error.getAttribute("id"));
    assert.equal(await field.inputValue(), input, "the rejected text stays for fixing");
    assert.match(await part(page, "Public subnet subnet-public-a").textContent(), /10\.0\.1\.0\/24 · 251 usable/);
  }
  await field.fill("10.0.1.0/25");
  await inspector(page).getByRole("button", { name: "Apply" }).first().click();
  await page.waitForSelector(".vpc-diagram :text('10.0.1.0/25 · 123 usable')");
  assert.equal(await inspector(page).locator(".vpc-field .field-error").count(), 0);
  assert.equal(await field.getAttribute("aria-invalid"), "false");
  assert.match(await page.textContent(".vpc-cidr"), /10\.0\.1\.0\/25/);

  // The VPC's CIDR: host bits are rounded away, with a notice by the field.
  await part(page, "VPC vpc-123").click(byTitle);
  const vpc = inspector(page).getByLabel("Primary CIDR block (/16 to /28)");
  await vpc.fill("10.0.99.0/16");
  await vpc.press("Enter");
  assert.match(await inspector(page).locator(".vpc-notice").textContent(), /10\.0\.99\.0\/16 was rounded to its network address 10\.0\.0\.0\/16/);
  assert.equal(await vpc.inputValue(), "10.0.0.0/16");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the inspector adds subnets, instances, routes and rules in place", async () => {
  const { page, problems, context } = await open();
  const side = inspector(page);
  const field = (name) => side.getByLabel(name, { exact: true });
  await part(page, "VPC vpc-123").click(byTitle);
  await field("Id").fill("subnet-d");
  await field("CIDR").fill("10.0.7.0/24");
  await field("AZ").selectOption("us-east-1b");
  await button(page, "Add subnet").click();
  await part(page, "Private subnet subnet-d").waitFor();

  await part(page, "Private subnet subnet-d").click(byTitle);
  await field("Id").fill("db-b");
  await field("Private IP").fill("10.0.8.4");
  await button(page, "Add instance").click();
  assert.match(await side.locator(".vpc-add .field-error").textContent(), /db-b: IP 10\.0\.8\.4 is outside its subnet subnet-d \(10\.0\.7\.0\/24\)/);
  assert.equal(await field("Private IP").getAttribute("aria-invalid"), "true");
  await field("Private IP").fill("10.0.7.4");
  await button(page, "Add instance").click();
  await part(page, "db-b 10.0.7.4").waitFor();

  // subnet-d uses the main table, which has no way out yet.
  await traceWith(page, { src: "db-b", dst: "Internet" });
  await page.waitForSelector(".vpc-verdict:has-text('db-b → the internet')");
  assert.match(await verdict(page), /✗ Blocked.*rt-main NO_ROUTE_TO_DESTINATION/);
  await part(page, "RT rt-main, route table of subnet-d").click();
  await field("Destination").fill("0.0.0.0/0");
  await field("Target").selectOption({ label: "NAT gateway nat-b" });
  await button(page, "Add route").click();
  await page.waitForSelector(".vpc-verdict:has-text('Reachable')");
  assert.match(await side.locator(".vpc-routes").textContent(), /0\.0\.0\.0\/0nat-bactive/);

  // A security group rule opens app-a to web-a on 443.
  await part(page, "SG sg-app, security group of instance app-a").click();
  await field("From port").fill("443");
  await field("To port").fill("443");
  await field("CIDR").fill("10.0.0.0/16");
  await button(page, "Add rule").click();
  await side.locator("table", { hasText: "10.0.0.0/16" }).waitFor();
  await page.locator(".vpc-matrix").getByRole("button", { name: /^web-a to app-a: reachable/ }).waitFor();

  // A network ACL deny rule, refused first for a bad number.
  await part(page, "ACL acl-default, network ACL of subnet-public-a").click();
  await field("Rule #").fill("abc");
  await button(page, "Add rule").click();
  assert.match(await side.locator(".vpc-add .field-error").textContent(), /rule number: "abc" is not a whole number/);
  await field("Rule #").fill("40000");
  await button(page, "Add rule").click();
  assert.match(await side.locator(".vpc-add .field-error").textContent(), /rule number 40000 is out of range; use 1 to 32766/);
  await field("Rule #").fill("90");
  await field("Direction").selectOption("Inbound");
  await field("Action").selectOption("Deny");
  await field("From port").fill("80");
  await field("To port").fill("80");
  await button(page, "Add rule").click();
  await side.locator("tr", { hasText: /^90tcp80/ }).waitFor();
  await traceWith(page, { src: "Internet", dst: "web-a", port: "80" });
  await page.waitForSelector(".vpc-verdict:has-text('web-a (TCP 80)')");
  assert.match(await verdict(page), /✗ Blocked.*acl-default SUBNET_ACL_RESTRICTION acl-default: rule 90 denies tcp port 80/);
  assert.match(await part(page, "ACL acl-default, network ACL of subnet-public-a").getAttribute("class"), /blocked/);

  // Deleting the internet gateway leaves blackholes behind.
  await part(page, "IGW ig-1").click();
  await button(page, "Delete this internet gateway").click();
  await part(page, "RT rt-1b").click();
  assert.match(await side.locator(".vpc-routes").textContent(), /0\.0\.0\.0\/0ig-1blackhole/);
  assert.match(await page.textContent(".vpc-stats"), /Blackhole routes3/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the CIDR explorer shows bits, reserved addresses and halves", async () => {
  const { page, problems, context } = await open();
  await part(page, "app-b ").click();
  const x = page.locator(".vpc-cidr");
  assert.equal(await x.getByLabel("Subnet").inputValue(), "subnet-private-b");
  assert.equal(await x.locator(".vpc-bits .vpc-bit.net").count(), 24);
  assert.equal(await x.locator(".vpc-bits .vpc-bit.host").count(), 8);
  const reserved = await x.locator(".vpc-reserved tbody tr").allTextContents();
  assert.deepEqual(reserved, ["10.0.5.0network address", "10.0.5.1VPC router", "10.0.5.2Amazon DNS",
    "10.0.5.3reserved for future use", "10.0.5.255broadcast (AWS has none, so it is kept)"]);
  assert.match(await x.textContent(), /Usable251/);
  assert.match(await x.textContent(), /10\.0\.5\.0\/25 and 10\.0\.5\.128\/25, 123 usable addresses each/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the reachability matrix renders and a cell opens its trace", async () => {
  const { page, problems, context } = await open();
  const m = page.locator(".vpc-matrix");
  assert.equal(await m.locator("button.vpc-cell").count(), 30);
  const cell = m.getByRole("button", { name: /^web-a to app-a: blocked \(ENI_SG_RULES_MISMATCH\)/ });
  await cell.click();
  await page.waitForSelector(".vpc-verdict:has-text('web-a → app-a (TCP 443)')");
  assert.match(await verdict(page), /✗ Blocked.*sg-app ENI_SG_RULES_MISMATCH/);
  await m.getByLabel("Port").fill("8080");
  await button(page, "Show matrix").click();
  await m.getByRole("button", { name: /^web-a to app-a: reachable/ }).click();
  await page.waitForSelector(".vpc-verdict:has-text('web-a → app-a (TCP 8080)')");
  assert.match(await verdict(page), /✓ Reachable/);
  await m.getByLabel("Port").fill("99999");
  await button(page, "Show matrix").click();
  assert.match(await m.locator(".field-error").textContent(), /port 99999 is out of range/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a tour step's failed AZ and trace show on the diagram", async () => {
  const { page, problems, context } = await open();
  await page.click(".tour-menu summary");
  await page.getByRole("link", { name: "One NAT gateway, or one per AZ?" }).click();
  await page.waitForSelector(".tour");
  // Each step's question is a bet: its trace or failure shows once the reader has bet.
  const showMe = () => page.getByRole("group", { name: "Your bet" }).getByRole("button", { name: "Show me" }).click();
  await showMe();
  await page.waitForSelector(".vpc-verdict:has-text('app-b → the internet')");
  await button(page, "Next →").click();
  await page.locator(".tour-count", { hasText: /^Step 2 of/ }).waitFor();
  await showMe();
  await page.waitForSelector(".vpc-col.failed");
  assert.match(await page.textContent(".vpc-col.failed"), /us-east-1a/);
  assert.equal(await page.getByLabel("us-east-1a failed").isChecked(), true);
  assert.match(await verdict(page), /✓ Reachable app-b/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the layout exports as Terraform to copy or download", async () => {
  const { page, problems, context } = await open();
  await button(page, "Show Terraform").click();
  const tf = await page.inputValue(".vpc-tf");
  assert.match(tf, /resource "aws_vpc" "vpc_123"/);
  assert.match(tf, /resource "aws_nat_gateway"/);
  assert.equal(await page.$eval(".vpc-tf", (t) => t.readOnly), true);
  await button(page, "Copy").click();
  await page.waitForSelector("text=Terraform copied");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), tf);
  const [download] = await Promise.all([page.waitForEvent("download"), button(page, "Download vpc.tf").click()]);
  assert.equal(download.suggestedFilename(), "vpc.tf");
  const { readFile } = await import("node:fs/promises");
  assert.equal(await readFile(await download.path(), "utf8"), tf);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a copied link reloads into the same layout, failed AZ and trace", async () => {
  const { page, problems, context } = await open();
  await button(page, "Single NAT").click();
  await page.getByLabel("us-east-1b failed").check();
  await part(page, "Public subnet subnet-public-c").click(byTitle);
  await inspector(page).getByLabel("CIDR block (/16 to /28)").fill("10.0.3.0/25");
  await inspector(page).getByLabel("CIDR block (/16 to /28)").press("Enter");
  await traceWith(page, { src: "app-c", dst: "Internet", port: "443" });
  await page.waitForSelector(".vpc-verdict:has-text('app-c → the internet')");
  const before = await verdict(page);
  await page.click("text=Copy link");
  const link = await page.inputValue(".link-out");
  assert.match(link, /#\/vpc\?s=2\./);

  const fresh = await context.newPage();
  await fresh.goto(link);
  await fresh.waitForSelector(".vpc-diagram");
  assert.equal(await fresh.locator(".notice").count(), 0);
  assert.equal(await fresh.getByLabel("us-east-1b failed").isChecked(), true);
  assert.match(await fresh.textContent(".vpc-col.failed"), /us-east-1b/);
  assert.equal(await fresh.getByRole("button", { name: "Single NAT", exact: true }).getAttribute("aria-pressed"), "true");
  assert.match(await part(fresh, "Public subnet subnet-public-c").textContent(), /10\.0\.3\.0\/25/);
  assert.equal(await part(fresh, "NAT nat-b").count(), 0);
  assert.equal(await verdict(fresh), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core finds no violations on the busy panel, light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } = await open({ colorScheme });
    await button(page, "Single NAT").click();
    await page.getByLabel("us-east-1a failed").check();
    await page.waitForSelector(".vpc-verdict:has-text('Blocked')");
    await part(page, "Public subnet subnet-public-a").click(byTitle);
    const field = inspector(page).getByLabel("CIDR block (/16 to /28)");
    await field.fill("nope");
    await field.press("Enter");
    await inspector(page).locator(".field-error").waitFor();
    await button(page, "Show Terraform").click();
    await button(page, "Comic").click();
    await page.waitForSelector(".comic svg");
    assert.match(await page.textContent(".comic"), /0 of 3 private instances reach the internet/);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], colorScheme);
    await part(page, "RT rt-2b").click();
    await part(page, "ACL acl-default, network ACL of subnet-private-b").click();
    await part(page, "SG sg-app, security group of instance app-b").click();
    assert.deepEqual(await axeViolations(page), [], `${colorScheme}, rule tables`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
