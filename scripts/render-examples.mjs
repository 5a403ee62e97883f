// Regenerates examples/*.pdf from examples/*.json with the built library (npm run examples).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { generate, kinds } from '../dist/index.js';

const folder = new URL('../examples/', import.meta.url);
const names = kinds()
  .map((kind) => kind.kind)
  .sort((a, b) => b.length - a.length);

for (const file of (await readdir(folder)).filter((name) => name.endsWith('.json')).sort()) {
  const base = file.slice(0, -5);
  const kind = names.find((name) => base === name || base.startsWith(`${name}-`));
  if (!kind) throw new Error(`${file}: no letter kind matches the file name`);
  const input = JSON.parse(await readFile(new URL(file, folder), 'utf8'));
  const { pdf, findings } = await generate(kind, input);
  await writeFile(new URL(`${base}.pdf`, folder), pdf);
  const summary = findings.map((finding) => `${finding.level} ${finding.code}`).join(', ');
  process.stdout.write(`examples/${base}.pdf (${pdf.length} bytes)${summary ? ` — ${summary}` : ''}\n`);
}
