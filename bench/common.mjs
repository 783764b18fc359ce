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

export function readTexts(path) {
  if (!path) {
    console.error('usage: node ' + process.argv[1] + ' FILE.jsonl');
    process.exit(2);
  }
  const texts = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const obj = JSON.parse(line);
    if (typeof obj.text === 'string') texts.push(obj.text);
  }
  return texts;
}

// Warm up on the first 50 articles, then time one pass over all of them.
export function run(tool, texts, processOne) {
  let words = 0;
  for (const t of texts) words += countWords(t);
  let sink = 0;
  for (const t of texts.slice(0, 50)) sink += processOne(t);
  const t0 = process.hrtime.bigint();
  for (const t of texts) sink += processOne(t);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({
    tool,
    articles: texts.length,
    words,
    seconds: Number(seconds.toFixed(4)),
    words_per_second: Math.round(words / seconds),
    items: sink,
  }));
}
