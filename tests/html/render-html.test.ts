import { describe, expect, it } from 'vitest';
import { renderHtml, renderHtmlFragment } from '../../src/html/render-html.js';
import type { Block, DocumentInfo, Inline, LetterDocument } from '../../src/markup/document.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
const HOSTILE = `<script>alert("x")</script> & 'y'`;
const HOSTILE_ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;';

const info: DocumentInfo = {
  title: 'Letter of Medical Necessity',
  author: 'Dr. A. Lee, DC',
  subject: 'Medical massage therapy',
  date: '2026-01-05',
  runningHeader: 'A. Patient, born March 14, 1980',
  footer: 'Confidential: contains protected health information.',
  draft: false,
};

function text(value: string, bold = false, italic = false): Inline {
  return { kind: 'text', text: value, bold, italic };
}

function letter(blocks: Block[], overrides: Partial<LetterDocument> = {}): LetterDocument {
  return { info, blocks, images: {}, ...overrides };
}

const signature: Block = {
  kind: 'signature',
  parts: [
    { kind: 'paragraph', style: 'body', content: [text('Sincerely,')] },
    { kind: 'image', name: 'signature' },
    { kind: 'paragraph', style: 'body', content: [text('Dr. A. Lee', true)] },
  ],
};

describe('renderHtml', () => {
  it('writes a standalone HTML5 document titled after the letter', () => {
    const html = renderHtml(letter([]));
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Letter of Medical Necessity</title>');
    expect(html).toContain('<style>');
    expect(html).toContain(
      '<footer class="footer">Confidential: contains protected health information.</footer>',
    );
  });

  it('loads nothing external and runs no script', () => {
    const html = renderHtml(letter([signature], { images: { signature: PNG } }));
    expect(html).not.toMatch(/<script|<link|https?:|url\(/i);
    expect(html).not.toMatch(/src="(?!data:)/);
    expect(html).toContain("default-src 'none'");
  });

  it('renders every kind of block', () => {
    const blocks: Block[] = [
      { kind: 'letterhead', title: [text('Bayside Clinic')], lines: [[text('12 Harbor Way')]], logo: null },
      { kind: 'heading', level: 2, content: [text('Diagnosis')] },
      {
        kind: 'paragraph',
        style: 'body',
        content: [text('Dear '), text('Dr.', true, true), { kind: 'break' }],
      },
      { kind: 'paragraph', style: 'note', content: [text('Small print')] },
      { kind: 'subject', content: [text('Patient: A. Patient')] },
      { kind: 'list', ordered: true, items: [[text('one')], [text('two')]] },
      { kind: 'list', ordered: false, items: [[text('item')]] },
      { kind: 'table', head: [[text('Code')]], body: [[[text('97124')]]] },
      { kind: 'table', head: [], body: [[[text('Patient')], [text('A. Patient')]]] },
      signature,
    ];
    const html = renderHtml(letter(blocks));
    expect(html).toContain(
      '<header class="letterhead">\n<p class="title">Bayside Clinic</p>\n<p class="line">12 Harbor Way</p>',
    );
    expect(html).toContain('<h2>Diagnosis</h2>');
    expect(html).toContain('<p>Dear <strong><em>Dr.</em></strong><br></p>');
    expect(html).toContain('<p class="note">Small print</p>');
    expect(html).toContain('<span class="label">RE:</span><div class="content">Patient: A. Patient</div>');
    expect(html).toContain('<ol>\n<li>one</li>\n<li>two</li>\n</ol>');
    expect(html).toContain('<ul>\n<li>item</li>\n</ul>');
    expect(html).toContain('<thead><tr><th>Code</th></tr></thead>\n<tbody>\n<tr><td>97124</td></tr>');
    expect(html).toContain('<table>\n<tbody>\n<tr><td>Patient</td><td>A. Patient</td></tr>');
    expect(html).toContain(
      '<section class="signature">\n<p>Sincerely,</p>\n<p><strong>Dr. A. Lee</strong></p>\n</section>',
    );
  });

  it('has exactly one h1, naming the letter; level-1 headings of the pages are h2', () => {
    const html = renderHtml({
      info: { ...info, title: 'Letter of Medical Necessity' },
      blocks: [{ kind: 'heading', level: 1, content: [text('Claim packet')] }],
      images: {},
    });
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<h1 class="visually-hidden">Letter of Medical Necessity</h1>');
    expect(html).toContain('<h2 class="page-title">Claim packet</h2>');
  });

  it('escapes hostile text everywhere it appears', () => {
    const hostile = [text(HOSTILE)];
    const html = renderHtml({
      info: { ...info, title: HOSTILE, footer: HOSTILE },
      blocks: [
        { kind: 'letterhead', title: hostile, lines: [hostile], logo: null },
        { kind: 'heading', level: 1, content: hostile },
        { kind: 'paragraph', style: 'body', content: [text(HOSTILE, true, true)] },
        { kind: 'subject', content: hostile },
        { kind: 'list', ordered: false, items: [hostile] },
        { kind: 'table', head: [hostile], body: [[hostile]] },
        { kind: 'signature', parts: [{ kind: 'paragraph', style: 'note', content: hostile }] },
      ],
      images: {},
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain(`'y'`);
    // Title (and the page's h1), footer and the 9 blocks' texts.
    expect(html.split(HOSTILE_ESCAPED)).toHaveLength(13);
  });

  it('embeds images as data URIs by their magic bytes and leaves out missing ones', () => {
    const blocks: Block[] = [
      { kind: 'letterhead', title: [text('Clinic')], lines: [], logo: 'logo' },
      signature,
    ];
    const both = renderHtml(letter(blocks, { images: { logo: PNG, signature: JPEG } }));
    expect(both).toContain(
      '<img class="logo" src="data:image/png;base64,iVBORw0KGgoAAAAA" alt="Practice logo">',
    );
    expect(both).toContain(
      '<img class="image" src="data:image/jpeg;base64,/9j/4A==" alt="Signature of the provider">',
    );

    const none = renderHtml(letter(blocks));
    expect(none).not.toContain('<img');
    const unknown = renderHtml(letter(blocks, { images: { logo: new Uint8Array([1, 2, 3]) } }));
    expect(unknown).not.toContain('<img');
  });

  it('marks a draft, and only a draft', () => {
    const mark = '<div class="draft" aria-hidden="true">DRAFT</div>';
    expect(renderHtml(letter([], { info: { ...info, draft: true } }))).toContain(mark);
    expect(renderHtml(letter([]))).not.toContain('DRAFT');
  });

  it('gives the same output for the same letter', () => {
    const doc = letter([signature], { images: { signature: PNG } });
    expect(renderHtml(doc)).toBe(renderHtml(structuredClone(doc)));
  });

  it('does not change the document', () => {
    const doc = letter([signature], { images: { signature: PNG } });
    const copy = structuredClone(doc);
    renderHtml(doc);
    expect(doc).toEqual(copy);
  });
});

describe('renderHtmlFragment', () => {
  it('separates pages with a rule that breaks the page in print', () => {
    const html = renderHtml(
      letter([
        { kind: 'paragraph', style: 'body', content: [text('Cover')] },
        { kind: 'pagebreak' },
        { kind: 'paragraph', style: 'body', content: [text('Letter')] },
      ]),
    );
    expect(html).toContain('<p>Cover</p>\n<hr class="pagebreak">\n<p>Letter</p>');
    expect(html).toMatch(/\.pagebreak \{[^}]*break-after: page/);
  });

  it('puts an aside in a section of its own, separated from the letter like a page', () => {
    const html = renderHtmlFragment([
      { kind: 'aside', blocks: [{ kind: 'paragraph', style: 'body', content: [text('Cover')] }] },
      { kind: 'paragraph', style: 'body', content: [text('Letter')] },
      { kind: 'paragraph', style: 'body', content: [text('Closing')] },
      { kind: 'aside', blocks: [{ kind: 'paragraph', style: 'body', content: [text('Packet')] }] },
    ]);
    expect(html).toBe(
      [
        '<section class="aside">',
        '<p>Cover</p>',
        '</section>',
        '<hr class="pagebreak">',
        '<p>Letter</p>',
        '<p>Closing</p>',
        '<hr class="pagebreak">',
        '<section class="aside">',
        '<p>Packet</p>',
        '</section>',
      ].join('\n'),
    );
  });

  it('renders blocks without the page around them', () => {
    const html = renderHtmlFragment([{ kind: 'heading', level: 3, content: [text('Goals')] }]);
    expect(html).toBe('<h3>Goals</h3>');
  });
});
