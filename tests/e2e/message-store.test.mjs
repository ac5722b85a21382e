// The message-store playground, driven as a person would: every scenario
// through its tour, queries and their stats, hostile message content, bad
// inputs, the ring, shared links, the .cql export, the comic, console errors
// and axe-core in light and dark. The big-data cases (a million generated
// messages, the incident tour's 120 000 deletes) are in
// message-store-scale.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";

const open = panelPages("message-store", ".ms");

import { button, card, stat, num, fieldError, writeMessage, runQuery, OPENING_ROWS, SPARE_CHANNEL } from "./message-store.helpers.mjs";

// What each scenario should leave visible in the panel after its last step.
const effects = {
  "A busy channel versus a quiet one": async (page) => {
    assert.equal(num(await stat(page, "skipped")), 37);
    assert.equal(num(await stat(page, "buckets")), 3);
    assert.match(await card(page, "timeline").textContent(), /skipped \(empty-bucket cache\)/);
  },
  "The null-column tombstones": async (page) => {
    assert.equal(num(await stat(page, "tombstones")), 0);
    assert.match(await card(page, "partition").textContent(), /100 rows/);
  },
  "Edit races delete": async (page) => {
    assert.equal(num(await stat(page, "corrupt")), 1);
  },
  "One live message after millions deleted": async (page) => {
    assert.equal(num(await stat(page, "skipped")), 32);
    assert.match(await card(page, "query").textContent(), /1 rows from 1 buckets/);
  },
  "Hot partition at QUORUM": async (page) => {
    assert.match(await card(page, "cluster").textContent(), /1 000 requests/);
    assert.match(await page.textContent(".ms-ineq"), /^1 \+ 2 > 3 ✗/);
  },
  "2023: request coalescing": async (page) => {
    assert.match(await card(page, "services").textContent(), /100 requests → 1 database queries/);
  },
  "Zombie messages": async (page) => {
    assert.match(await card(page, "cluster").textContent(), /this will come back/);
  },
  "Your turn: make the read warn, then skip": async (page) => {
    assert.ok(num(await stat(page, "skipped")) > 0, "the last read skipped empty buckets");
  },
  "From a message ID to the buckets a read walks": async (page) => {
    assert.equal(num(await stat(page, "buckets")), 1);
    assert.equal(num(await stat(page, "skipped")), 59);
  },
};

/// Skips a step's bet with "Show me": the reveal runs; the answer and why.
async function showMe(page) {
  await button(page.getByRole("group", { name: "Your bet" }), "Show me").click();
  return (await page.locator(".tour .bet-result").textContent()).trim();
}

test("every scenario runs through its tour, each bet shown, effects visible", async () => {
  const { page, problems, context } = await open();
  await page.click(".tour-menu summary");
  const titles = await page.locator(".tour-menu li a").allTextContents();
  assert.deepEqual([...titles].sort(), Object.keys(effects).sort());
  await context.close();

  for (const [i, title] of titles.entries()) {
    const { page, problems, context } = await open();
    await page.click(".tour-menu summary");
    await page.click(`.tour-menu li a >> nth=${i}`);
    await page.waitForSelector(".tour");
    if (await page.locator(".tour-menu[open]").count()) await page.click(".tour-menu summary");
    const total = Number((await page.textContent(".tour-count")).match(/of (\d+)/)[1]);
    for (let step = 1; step <= total; step++) {
      assert.match(await page.textContent(".tour-count"), new RegExp(`Step ${step} of ${total}`));
      if (await page.locator(".tour .task").count()) {
        // A task: the reader's own work is another test's; here the solution.
        await button(page.locator(".tour .task"), "Do it for me").click();
        await page.locator(".tour .task.done").waitFor();
      } else if (title.startsWith("Your turn") && step === total) {
        // The task tour's closing step only tells.
      } else {
        const answer = await showMe(page);
        assert.match(answer, /^The answer: .{3,}/, `${title} step ${step} has an answer`);
      }
      if (step < total) await button(page.locator(".tour-nav"), "Next →").click();
    }
    // The model's answer and the panel agree on the first scenario's numbers.
    if (title.startsWith("A busy")) {
      await button(page.locator(".tour-nav"), "← Back").click();
      await button(page.locator(".tour-nav"), "← Back").click();
      assert.match(await showMe(page), /^The answer: More than 20\. 40 buckets, 37 of them empty, to find 3 messages/);
      assert.equal(num(await stat(page, "buckets")), 40);
      assert.equal(num(await stat(page, "empty")), 37);
      await button(page.locator(".tour-nav"), "Next →").click();
      await button(page.locator(".tour-nav"), "Next →").click();
      await showMe(page);
    }
    await effects[title](page);
    await button(page.locator(".tour-nav"), "Finish").click();
    assert.equal(await page.locator(".tour").count(), 0);
    assert.deepEqual(problems, [], title);
    await context.close();
  }
});

test("a query pages through messages, animates the walk and prints its cost", async () => {
  const { page, problems, context } = await open();
  for (const content of ["first", "second", "third"]) await writeMessage(page, { content });
  const channel = await card(page, "compose").getByLabel("Channel ID", { exact: true }).inputValue();
  await runQuery(page, { channel, n: "3", pageSize: "2" });
  await page.locator(".ms-query .ms-result-head").waitFor();
  assert.match(await page.textContent(".ms-query .ms-result-head"), /2 rows from 1 buckets/);
  assert.equal(num(await stat(page, "live")), 2);
  assert.equal(num(await stat(page, "tombstones")), 0);
  assert.deepEqual(await page.locator(".ms-query .ms-page-rows .ms-content").allTextContents(), ["third", "second"]);
  // The walk is replayed over the timeline: the read bucket lights up.
  await page.waitForSelector(".ms-timeline .ms-bucket.walk-read");
  await page.waitForSelector(".ms-walk-note:has-text('Walk done')");
  assert.match(await page.textContent(".ms-query .ms-result-head"), /more pages/);
  await button(card(page, "query"), "Next page").click();
  await page.waitForFunction(() => document.querySelector(".ms-query .ms-result-head")?.textContent.startsWith("1 rows"));
  assert.deepEqual(await page.locator(".ms-query .ms-page-rows .ms-content").allTextContents(), ["first"]);
  // The CQL mirror shows the SELECT of the last action.
  assert.match(await page.textContent(".ms-cql-last"), new RegExp(`SELECT \\* FROM discord\\.messages WHERE channel_id = ${channel} AND bucket = \\d+ AND message_id < \\d+ LIMIT 1;`));
  // Deleting a message leaves a greyed tombstone with its age against grace.
  await page.locator(".ms-partition button[aria-label^='Delete message']").first().click();
  await page.waitForSelector(".ms-partition tr.ms-dead");
  assert.match(await page.textContent(".ms-partition tr.ms-dead"), /🪦 deleted · 0 s of 10 d grace/);
  await button(card(page, "upkeep"), "+1 day").click();
  await page.waitForFunction(() => /1 d of 10 d grace/.test(document.querySelector(".ms-partition tr.ms-dead")?.textContent));
  assert.match(await page.textContent(".ms-cql-last"), /^-- 86400 seconds pass/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("hostile, long, right-to-left and emoji content is shown as text", async () => {
  const { page, problems, context } = await open();
  const hostile = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><b>bold?</b>`;
  // A channel of their own: #playground opens with the scenario's messages.
  const channel = SPARE_CHANNEL;
  await writeMessage(page, { channel, content: hostile });
  await writeMessage(page, { channel, content: "مرحبا بالعالم 👋🏽 שלום" });
  const long = "long ".repeat(300).trim();
  await writeMessage(page, { channel, content: long });
  const contents = page.locator(".ms-partition .ms-content");
  await page.waitForFunction(() => document.querySelectorAll(".ms-partition .ms-content").length === 3);
  const texts = await contents.allTextContents();
  assert.equal(texts[2], hostile, "markup is shown character for character");
  assert.equal(texts[1], "مرحبا بالعالم 👋🏽 שלום");
  assert.equal(await page.locator(".ms-partition .ms-content img, .ms-partition .ms-content script, .ms-partition .ms-content b").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // Long text is cut, and opens on request.
  assert.ok(texts[0].endsWith("…") && texts[0].length < 250);
  const more = page.locator(".ms-partition button:text('Show all 1499 characters')");
  await more.click();
  assert.equal(await contents.first().textContent(), long);
  await button(page.locator(".ms-partition"), "Show less").click();
  // Too long for Discord: the model's message, next to the content field.
  const content = card(page, "compose").getByLabel("Content", { exact: true });
  await content.fill("x".repeat(4001));
  await button(card(page, "compose"), "Write message").click();
  assert.match(await fieldError(content), /content: is 4001 characters; messages are limited to 4000/);
  // The query result shows the same text safely.
  await runQuery(page, { channel });
  await page.locator(".ms-query .ms-page-rows").waitFor();
  assert.ok((await page.locator(".ms-query .ms-page-rows .ms-content").allTextContents()).includes(hostile));
  // The CQL mirror quotes it inside a string literal.
  await page.click(".ms-cql-session summary");
  assert.match(await page.textContent(".ms-cql-all"), /'<script>window\.__pwned = 1<\/script><img src=x onerror="window\.__pwned = 2"><b>bold\?<\/b>'/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

test("bad inputs get a clear message next to the field and nothing breaks", async () => {
  const { page, problems, context } = await open();
  const q = card(page, "query");
  const cases = [
    [q.getByLabel("Channel ID", { exact: true }), "-5", /Channel ID: Snowflake IDs are never negative \(got -5\)/],
    [q.getByLabel("Before ID (empty: now)", { exact: true }), "abc", /Before ID: Snowflake ID must contain only digits \(got "abc"\)/],
    [q.getByLabel("Before ID (empty: now)", { exact: true }), "99999999999999999999", /does not fit Cassandra's signed bigint/],
    [q.getByLabel("N (limit)", { exact: true }), "0", /Limit must be between 1 and 1000000 \(got 0\)/],
    [q.getByLabel("N (limit)", { exact: true }), "ten", /N must be a whole number \(got "ten"\)/],
    [q.getByLabel("Page size", { exact: true }), "0", /Page size must be between 1 and 5000 \(got 0\)/],
    [q.getByLabel("Page size", { exact: true }), "99999999999", /Page size must be between 1 and 5000 \(got 99999999999\)/],
    [q.getByLabel("Page size", { exact: true }), "999999", /Page size must be between 1 and 5000 \(got 999999\)/],
  ];
  for (const [input, value, message] of cases) {
    await q.getByLabel("Channel ID", { exact: true }).fill("175928847299117063");
    await q.getByLabel("N (limit)", { exact: true }).fill("50");
    await q.getByLabel("Before ID (empty: now)", { exact: true }).fill("");
    await q.getByLabel("Page size", { exact: true }).fill("50");
    await input.fill(value);
    await button(q, "Run query").click();
    assert.match(await fieldError(input), message, value);
  }
  // A fixed input clears the message.
  await q.getByLabel("Page size", { exact: true }).fill("50");
  await button(q, "Run query").click();
  assert.equal(await q.getByLabel("Page size", { exact: true }).getAttribute("aria-invalid"), "false");

  const tl = card(page, "timeline");
  const days = tl.getByLabel("Days", { exact: true });
  await days.fill("0");
  await button(tl, "Set size").click();
  assert.match(await fieldError(days), /Bucket size must be at least 1 \(got 0\)/);
  await days.fill("ten");
  await button(tl, "Set size").click();
  assert.match(await fieldError(days), /must be a whole number/);
  await days.fill("5000");
  await button(tl, "Set size").click();
  assert.match(await fieldError(days), /Bucket size must be at most 3650 days \(got 5000 days\)/);
  // The slider commits on release; 0 is refused the same way.
  await tl.locator("input[type=range]").fill("0");
  assert.match(await fieldError(days), /Bucket size must be at least 1 \(got 0\)/);
  await tl.locator("input[type=range]").fill("7");
  await page.waitForFunction(() => document.querySelector(".ms-timeline label")?.textContent && /7 days/.test(document.querySelector(".ms-timeline").textContent));
  assert.equal(await days.getAttribute("aria-invalid"), "false");

  const cl = card(page, "cluster");
  const rf = cl.getByLabel("Replication factor", { exact: true });
  await rf.fill("9");
  await button(cl, "Set RF").click();
  assert.match(await fieldError(rf), /Replication factor 9 needs at least 9 nodes, but the cluster has 6/);
  const nodes = cl.getByLabel("Nodes", { exact: true });
  await nodes.fill("2");
  await button(cl, "Set nodes").click();
  assert.match(await fieldError(nodes), /Replication factor 3 needs at least 3 nodes, but the cluster has 2/);
  await nodes.fill("many");
  await button(cl, "Set nodes").click();
  assert.match(await fieldError(nodes), /Nodes must be a whole number \(got "many"\)/);

  const compose = card(page, "compose");
  const msg = compose.getByLabel("Message ID (edit or delete)", { exact: true });
  await msg.fill("-1");
  await button(compose, "Delete message").click();
  assert.match(await fieldError(msg), /Message ID: Snowflake IDs are never negative \(got -1\)/);
  const ch = compose.getByLabel("Channel ID", { exact: true });
  await ch.fill("12a");
  await button(compose, "Write message").click();
  assert.match(await fieldError(ch), /Channel ID: Snowflake ID must contain only digits/);

  const wl = card(page, "workload");
  await wl.getByLabel("Messages", { exact: true }).fill("0");
  await button(wl, "Generate").click();
  assert.match(await fieldError(wl.getByLabel("Messages", { exact: true })), /Messages must be between 1 and 5000000 \(got 0\)/);
  await wl.getByLabel("Messages", { exact: true }).fill("1000000");
  await wl.getByLabel("Channels", { exact: true }).fill("-3");
  await button(wl, "Generate").click();
  assert.match(await fieldError(wl.getByLabel("Channels", { exact: true })), /Channels cannot be negative \(got -3\)/);

  await button(card(page, "query"), "Next page (none yet)").click();
  assert.match(await page.textContent(".ms-query .field-error"), /There is no next page/);

  // With two of a partition's three replicas down, QUORUM is unavailable
  // for reads and writes alike, and the refusal shows where it happened.
  await ch.fill("175928847299117063");
  await writeMessage(page, { content: "before the outage" });
  const replicas = page.locator(".ms-node.replica");
  assert.equal(await replicas.count(), 3);
  await replicas.nth(0).click();
  await replicas.nth(1).click();
  await button(cl, "Read channel at QUORUM").click();
  assert.match(await page.textContent(".ms-cluster p.field-error[id$='cl-read-error']"), /Cannot achieve consistency level QUORUM: 2 replicas required, 1 alive/);
  await compose.getByLabel("Content", { exact: true }).fill("during the outage");
  await button(compose, "Write message").click();
  assert.match(await page.textContent(".ms-compose p.field-error[id$='compose-error']"), /Cannot achieve consistency level QUORUM: 2 replicas required, 1 alive/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the cluster ring: consistency as a live inequality, nodes down and back", async () => {
  const { page, problems, context } = await open();
  assert.equal(await page.textContent(".ms-ineq"), "2 + 2 > 3 ✓ strong");
  await page.selectOption(".ms-cluster select >> nth=0", "ONE");
  assert.match(await page.textContent(".ms-ineq"), /^1 \+ 2 > 3 ✗ not strong/);
  await page.selectOption(".ms-cluster select >> nth=1", "ALL");
  assert.equal(await page.textContent(".ms-ineq"), "1 + 3 > 3 ✓ strong");
  assert.equal(await page.locator(".ms-node").count(), 6);
  assert.equal(await page.locator(".ms-arc").count(), 96, "16 vnodes for each of 6 nodes");
  const node = page.locator(".ms-node >> nth=0");
  await node.click();
  assert.match(await node.textContent(), /^N0 down\. Node 0 is down/);
  assert.match(await node.getAttribute("class"), /\bdown\b/);
  await node.click();
  assert.match(await node.textContent(), /^N0 up\. Node 0 is up/);
  const cl = card(page, "cluster");
  await cl.getByLabel("Nodes", { exact: true }).fill("8");
  await button(cl, "Set nodes").click();
  await page.waitForFunction(() => document.querySelectorAll(".ms-node").length === 8);
  assert.equal(await page.locator(".ms-arc").count(), 128);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a copied link reloads into the same state", async () => {
  const { page, problems, context } = await open();
  // A channel of its own: #playground opens with the scenario's messages.
  await writeMessage(page, { channel: SPARE_CHANNEL, content: "kept by the link" });
  await page.selectOption(".ms-upkeep select", "172800");
  await button(card(page, "upkeep"), "+1 hour").click();
  await page.selectOption(".ms-cluster select >> nth=0", "ONE");
  await runQuery(page, { channel: SPARE_CHANNEL });
  await page.locator(".ms-query .ms-result-head").waitFor();
  const clock = await page.textContent(".ms-clock");
  const head = await page.textContent(".ms-query .ms-result-head");
  assert.match(head, /^1 rows from \d+ buckets/);
  await page.click("text=Copy link");
  const link = await page.inputValue(".link-out");
  assert.match(link, /#\/message-store\?s=2\./);

  const fresh = await context.newPage();
  await fresh.goto(link);
  await fresh.waitForSelector(".ms");
  assert.equal(await fresh.locator(".notice").count(), 0);
  assert.equal(await fresh.textContent(".ms-clock"), clock);
  assert.equal(await fresh.inputValue(".ms-upkeep select"), "172800");
  assert.equal(await fresh.inputValue(".ms-cluster select >> nth=0"), "ONE");
  assert.equal(num(await fresh.textContent(".ms-total-rows")), OPENING_ROWS + 1);
  assert.deepEqual(await fresh.locator(".ms-partition .ms-content").allTextContents(), ["kept by the link"]);
  assert.equal(await fresh.textContent(".ms-query .ms-result-head"), head);
  await fresh.reload();
  await fresh.waitForSelector(".ms");
  assert.equal(await fresh.textContent(".ms-clock"), clock);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the session exports as a .cql file with the table's schema", async () => {
  const { page, problems, context } = await open();
  await writeMessage(page, { content: "it's exported" });
  assert.match(await page.textContent(".ms-cql-last"), /^INSERT INTO discord\.messages \(channel_id, bucket, message_id, author_id, content\) VALUES \(175928847299117063, \d+, \d+, 80351110224678912, 'it''s exported'\) USING TIMESTAMP \d+;$/);
  const download = page.waitForEvent("download");
  await button(card(page, "cql"), "Export as .cql").click();
  assert.equal((await download).suggestedFilename(), "session.cql");
  const text = await page.inputValue(".ms-cql-text");
  assert.match(text, /CREATE TABLE IF NOT EXISTS discord\.messages \([\s\S]*PRIMARY KEY \(\(channel_id, bucket\), message_id\)[\s\S]*CLUSTERING ORDER BY \(message_id DESC\)/);
  assert.match(text, /CREATE KEYSPACE IF NOT EXISTS discord/);
  assert.match(text, /'it''s exported'/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the comic draws the live bucket count and tombstones", async () => {
  const { page, problems, context } = await open();
  await page.click(".tour-menu summary");
  await page.click(".tour-menu li a:text-is('The null-column tombstones')");
  await page.waitForSelector(".tour");
  await showMe(page);
  await page.click("text=Comic");
  await page.waitForSelector(".comic svg");
  const comic = await page.textContent(".comic svg");
  assert.match(comic, /stepped over 1 200 of us/);
  assert.match(comic, /Bucket/);
  assert.match(comic, /Tombstone/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core finds no violations in a busy panel, light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } = await open({ colorScheme });
    await writeMessage(page, { content: "hello" });
    await runQuery(page, {});
    await page.locator(".ms-query .ms-result-head").waitFor();
    await page.locator(".ms-partition button[aria-label^='Delete message']").first().click();
    await page.fill(".ms-query input >> nth=1", "0");
    await button(card(page, "query"), "Run query").click();
    await button(card(page, "cql"), "Export as .cql").click();
    await button(card(page, "cluster"), "3 000 hot reads").click();
    await page.click(".ms-walk summary");
    await page.waitForTimeout(300);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], colorScheme);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
