import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors.js';
import { findKind, listKinds } from '../../src/letters/registry.js';
import { parseMarkup } from '../../src/markup/parse-markup.js';
import { listTemplates, renderTemplate } from '../../src/template/render-template.js';
import { loadExample } from '../support/pdf.js';

const examples = readdirSync(new URL('../../examples/', import.meta.url))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -5));

function kindOf(example: string): string {
  const names = listKinds()
    .map((kind) => kind.name)
    .sort((a, b) => b.length - a.length);
  const name = names.find((candidate) => example === candidate || example.startsWith(`${candidate}-`));
  if (!name) throw new Error(`no kind for example ${example}`);
  return name;
}

describe('templates', () => {
  it('has a template for every kind and a kind for every template', () => {
    expect(
      listKinds()
        .map((kind) => kind.template)
        .sort(),
    ).toEqual(listTemplates().sort());
  });

  it('has an example for every kind', () => {
    expect(new Set(examples.map(kindOf))).toEqual(new Set(listKinds().map((kind) => kind.name)));
  });

  it.each(examples)('renders %s into markup inside the closed vocabulary', (example) => {
    const kind = findKind(kindOf(example));
    const data = kind.schema.parse(loadExample(example));
    const blocks = parseMarkup(renderTemplate(kind.template, kind.view(data).context), kind.template);
    expect(blocks.map((block) => block.kind)).toEqual(
      expect.arrayContaining(['letterhead', 'subject', 'signature']),
    );
  });

  it.each(examples)(
    'starts the letter of %s with its letterhead, with any cover page and claim packet in asides',
    (example) => {
      const kind = findKind(kindOf(example));
      const input = loadExample(example);
      const data = kind.schema.parse(input);
      const blocks = parseMarkup(renderTemplate(kind.template, kind.view(data).context), kind.template);
      const letter = blocks.filter((block) => block.kind !== 'aside');
      expect(letter[0]?.kind).toBe('letterhead');
      expect(letter.some((block) => block.kind === 'pagebreak')).toBe(false);
      const asides = blocks.flatMap((block, index) => (block.kind === 'aside' ? [index] : []));
      const cover = input.coverPage === true || (input.language !== undefined && input.coverPage !== false);
      const expected = [...(cover ? [0] : []), ...(input.packet === true ? [blocks.length - 1] : [])];
      expect(asides).toEqual(expected);
    },
  );

  it('reports a template defect with the template name and line', () => {
    expect(() => parseMarkup('<p>fine</p>\n<blink>no</blink>', 'broken')).toThrow(TemplateError);
    expect(() => renderTemplate('lmn', {})).toThrow(TemplateError);
  });
});
