// Renders the letters given on stdin ([{kind, input}, …]) in order, with the built library, in this fresh
// process; prints the last one's PDF as base64.
import { Buffer } from 'node:buffer';
import { generate } from '../../dist/index.js';

let json = '';
for await (const chunk of process.stdin) json += chunk;
let pdf = new Uint8Array();
for (const { kind, input } of JSON.parse(json)) {
  ({ pdf } = await generate(kind, input, { today: '2026-11-27', force: true }));
}
process.stdout.write(Buffer.from(pdf).toString('base64'));
