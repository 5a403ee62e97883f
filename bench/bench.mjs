// npm run bench: letters per second and milliseconds per letter, one JSON line per scenario.
import { readFileSync } from 'node:fs';
import { generate } from '../dist/index.js';

const example = (name) =>
  JSON.parse(readFileSync(new URL(`../examples/${name}.json`, import.meta.url), 'utf8'));

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function scenario(name, kind, input, count) {
  for (let i = 0; i < 20; i++) await generate(kind, input, { force: true }); // warm-up
  const times = [];
  let peakRss = process.memoryUsage.rss();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await generate(kind, input, { force: true });
    times.push(performance.now() - t0);
    if (i % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return {
    scenario: name,
    letters: count,
    medianMs: Number(percentile(times, 50).toFixed(2)),
    p95Ms: Number(percentile(times, 95).toFixed(2)),
    lettersPerSecond: Number(((count / total) * 1000).toFixed(1)),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  };
}

const results = [await scenario('one-page LMN (hsa-fsa), one process', 'lmn', example('lmn-hsa-fsa'), 300)];
results.push(await scenario('two-page LMN (insurance), one process', 'lmn', example('lmn-insurance'), 300));

for (const result of results) process.stdout.write(`${JSON.stringify(result)}\n`);
console.table(results);
