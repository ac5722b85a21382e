// Message store against sql.js 1.16 (SQLite in wasm) on the same workload:
// 1M messages over 5 000 channels (channel = floor(5000·u³)), spread over one
// year, then 2 000 "latest 50" queries walking 10-day buckets newest → oldest.
// Goals: ingest ≥ 10× sql.js, query p99 ≤ 0.1 ms, memory ≤ 2× raw payload.
import { createRequire } from "node:module";

const EPOCH = 1420070400000n;
const BUCKET = 864000000n;
const END = 1484611200000; // the reads' "now" (2017-01-17)
const YEAR = 365 * 86400000;

function workload(n, nChannels) {
  let s = 2019 >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const start = END - YEAR;
  const channelIds = new BigUint64Array(nChannels);
  for (let c = 0; c < nChannels; c++) channelIds[c] = (BigInt(start - 86400000 - c * 1000) - EPOCH) << 22n;
  const channels = new BigUint64Array(n), ids = new BigUint64Array(n), authors = new BigUint64Array(n);
  for (let i = 0; i < n; i++) {
    const u = rnd();
    channels[i] = channelIds[Math.floor(nChannels * u * u * u)];
    const t = BigInt(start + Math.floor((i * YEAR) / n));
    ids[i] = ((t - EPOCH) << 22n) | BigInt(i & 0xfff);
    authors[i] = BigInt(1 + Math.floor(rnd() * 100000));
  }
  return { channelIds, channels, ids, authors };
}

function sqljsRun(SQL, w, queries) {
  const db = new SQL.Database();
  db.run(`CREATE TABLE messages (channel_id INTEGER, bucket INTEGER, message_id INTEGER, author_id INTEGER,
          content TEXT, PRIMARY KEY (channel_id, bucket, message_id)) WITHOUT ROWID`);
  const t0 = performance.now();
  db.run("BEGIN");
  const ins = db.prepare("INSERT INTO messages VALUES (?, ?, ?, ?, ?)");
  for (let i = 0; i < w.ids.length; i++) {
    const id = w.ids[i];
    // SQLite integers are signed 64-bit; Snowflakes fit, bound as BigInt.
    ins.run([w.channels[i], (id >> 22n) / BUCKET, id, w.authors[i], `m${i}`]);
  }
  ins.free();
  db.run("COMMIT");
  const ingest = performance.now() - t0;
  const sel = db.prepare("SELECT message_id, author_id, content FROM messages WHERE channel_id = ? AND bucket = ? ORDER BY message_id DESC LIMIT ?");
  const nowBucket = (BigInt(END) - EPOCH) / BUCKET;
  const times = [];
  for (const pass of [0, 1]) for (const ch of queries) {
    const q0 = performance.now();
    const created = (ch >> 22n) / BUCKET;
    let got = 0;
    for (let b = nowBucket; b >= created && got < 50; b--) {
      sel.bind([ch, b, 50 - got]);
      while (sel.step()) { sel.get(); got++; }
      sel.reset();
    }
    if (pass) times.push(performance.now() - q0);
  }
  sel.free();
  db.close();
  return { ingest, times };
}

export async function run({ wasm, report, median, percentile }) {
  const require = createRequire(import.meta.url);
  const SQL = await require("sql.js")();
  const w = workload(1000000, 5000);
  let s = 7;
  const queries = Array.from({ length: 2000 }, () => w.channelIds[(s = (s * 48271) % 2147483647) % 5000]);

  const oursIngest = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    wasm.ms_ingest(w.channels, w.ids, w.authors);
    oursIngest.push(performance.now() - t0);
  }
  // One warm-up pass, as for the peer's prepared statement, then the timed pass.
  for (const ch of queries) wasm.ms_latest(ch, 50);
  const oursTimes = [];
  for (const ch of queries) {
    const t0 = performance.now();
    wasm.ms_latest(ch, 50);
    oursTimes.push(performance.now() - t0);
  }
  const peer = sqljsRun(SQL, w, queries);
  report("message-store", "ingest 1M messages (first call, cold wasm)", oursIngest[0], "sql.js 1.16", peer.ingest, "ms", "≤ 0.1× (10× faster), < 600 ms");
  report("message-store", "ingest 1M messages (median of 7)", median(oursIngest), "sql.js 1.16", peer.ingest, "ms", "≤ 0.1× (10× faster), < 600 ms");
  report("message-store", "latest-50 query p50", median(oursTimes), "sql.js 1.16", median(peer.times), "ms");
  report("message-store", "latest-50 query p99", percentile(oursTimes, 99), "sql.js 1.16", percentile(peer.times, 99), "ms", "≤ 0.1 ms");
  report("message-store", "memory / raw payload", wasm.ms_memory_ratio(), "goal", 2, "×", "≤ 2×");
}
