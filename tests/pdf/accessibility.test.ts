// PDF/UA-1 as far as the tools here can check it: the structure tree as pdfjs reads it, and the few entries
// pdfjs does not expose (table header scope, DisplayDocTitle, the pdfuaid claim) read from the file itself.
// Not checked, for lack of a validator (no veraPDF or PAC here): README "Trust: what a receiver can check".
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/index.js';
import { loadExample, TODAY } from '../support/pdf.js';

interface Node {
  role?: string;
  alt?: string;
  lang?: string;
  children?: (Node | { type: string })[];
}

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The structure nodes of every page, depth first (a node spanning pages appears once per page). */
async function structure(pdf: Uint8Array): Promise<Node[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false })
    .promise;
  const nodes: Node[] = [];
  const visit = (node: Node | { type: string }): void => {
    if (!('role' in node)) return;
    nodes.push(node);
    node.children?.forEach(visit);
  };
  for (let number = 1; number <= document.numPages; number++)
    visit(await (await document.getPage(number)).getStructTree());
  await document.destroy();
  return nodes;
}

const text = (pdf: Uint8Array): string => Buffer.from(pdf).toString('latin1');

describe('a letter for PDF/UA-1', () => {
  it('has one H1, the subject line, and header cells that say what they head', async () => {
    const input = loadExample('lmn-insurance');
    input.provider.practice.logo = PNG;
    const { pdf } = await generate<string>('lmn', input, { today: TODAY });
    const nodes = await structure(pdf);
    expect(nodes.filter((node) => node.role === 'H1')).toHaveLength(1);
    expect(nodes.filter((node) => node.role === 'TH').length).toBeGreaterThan(0);
    // pdfjs does not expose attributes: every TH element in the file carries /Scope /Column.
    const headers = text(pdf).match(/<<\n\/S \/TH\n[\s\S]*?>>/g) ?? [];
    expect(headers.length).toBeGreaterThan(0);
    for (const header of headers) expect(header).toMatch(/\/Scope \/Column/);
    expect(nodes.filter((node) => node.role === 'Figure').map((node) => node.alt)).toEqual(['Practice logo']);
    expect(text(pdf)).toMatch(/\/DisplayDocTitle true/);
    expect(text(pdf)).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(text(pdf)).toMatch(/\/Lang \(en-US\)/);
  });

  it('gives the signature image its alternate text', async () => {
    const input = loadExample('lmn-insurance');
    input.provider.signature.image = PNG;
    const nodes = await structure((await generate<string>('lmn', input, { today: TODAY })).pdf);
    expect(nodes.filter((node) => node.role === 'Figure').map((node) => node.alt)).toEqual([
      'Signature of the provider',
    ]);
  });

  it('tags the Spanish cover page es; the claim packet, in English, keeps the letter’s en-US', async () => {
    const input = loadExample('lmn-hsa-fsa-via-benefits');
    const { pdf } = await generate<string>('lmn', input, { today: TODAY });
    const sections = (await structure(pdf)).filter((node) => node.role === 'Sect');
    expect(sections.map((node) => node.lang)).toEqual(['es', undefined]);
  });
});
