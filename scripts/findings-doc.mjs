// Writes docs/findings.md from the built catalogue: `npm run docs`.
import { writeFileSync } from 'node:fs';
import { renderFindingsPage } from '../dist/letters/findings/render-page.js';

writeFileSync(new URL('../docs/findings.md', import.meta.url), renderFindingsPage());
