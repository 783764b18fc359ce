// Shared helpers for the throughput harnesses (wink.mjs, compromise.mjs).
import { readFileSync } from 'node:fs';

// Same whitespace set as Python's str.split() with no argument, so every
// tool (and scripts/bench.sh) counts words identically.
const WS = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

export function countWords(text) {
  let n = 0;
  for (const t of text.split(WS)) if (t.length > 0) n++;
  return n;
}

// argv: FILE.jsonl [--sample K]  (--sample K keeps every K-th article,
// starting with the first; used to keep slow tools within a time budget).
export function readTexts(argv) {
  const args = argv.slice(2);
  let path = null;
  let sample = 1;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--sample' && i + 1 < args.length) sample = parseInt(args[++i], 10);
    else if (path === null) path = args[i];
  }
  if (!path || !(sample >= 1)) {
    console.error('usage: node ' + argv[1] + ' FILE.jsonl [--sample K]');
    process.exit(2);
  }
  const texts = [];
  let n = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const obj = JSON.parse(line);
    if (typeof obj.text !== 'string') continue;
    if (n++ % sample === 0) texts.push(obj.text);
  }
  return { texts, sample };
}

// Warm up on the first 50 articles, then time one pass over all of them.
export function run(tool, { texts, sample }, processOne) {
  let words = 0;
  for (const t of texts) words += countWords(t);
  let warm = 0;
  for (const t of texts.slice(0, 50)) warm += processOne(t);
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (const t of texts) sink += processOne(t);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({
    tool,
    articles: texts.length,
    sample,
    words,
    seconds: Number(seconds.toFixed(4)),
    words_per_second: Math.round(words / seconds),
    entities: sink,
    warmup_entities: warm,
  }));
}
