import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors.js';
import type { Inline } from '../../src/markup/document.js';
import { parseMarkup } from '../../src/markup/parse-markup.js';

const parse = (markup: string) => parseMarkup(markup, 'test-template');

function run(text: string, style: { bold?: boolean; italic?: boolean } = {}): Inline {
  return { kind: 'text', text, bold: style.bold ?? false, italic: style.italic ?? false };
}

const br: Inline = { kind: 'break' };

/** The inline content of a single paragraph. */
function inline(markup: string): Inline[] {
  const [block] = parse(`<p>${markup}</p>`);
  if (block?.kind !== 'paragraph') throw new Error('expected one paragraph');
  return block.content;
}

describe('parseMarkup: blocks', () => {
  it('parses a letterhead: title, lines and logo', () => {
    const markup = `<letterhead>
      <img src="logo">
      <h1>Bayside <em>Spine</em> Clinic</h1>
      <p>12 Harbor Way</p>
      <p>Phone 555-0100</p>
    </letterhead>`;
    expect(parse(markup)).toEqual([
      {
        kind: 'letterhead',
        title: [run('Bayside '), run('Spine', { italic: true }), run(' Clinic')],
        lines: [[run('12 Harbor Way')], [run('Phone 555-0100')]],
        logo: 'logo',
      },
    ]);
  });

  it('parses a letterhead without a logo or lines', () => {
    expect(parse('<letterhead><h1>Clinic</h1></letterhead>')).toEqual([
      { kind: 'letterhead', title: [run('Clinic')], lines: [], logo: null },
    ]);
  });

  it('parses headings of three levels', () => {
    expect(parse('<h1>One</h1><h2>Two</h2><h3>Three</h3>')).toEqual([
      { kind: 'heading', level: 1, content: [run('One')] },
      { kind: 'heading', level: 2, content: [run('Two')] },
      { kind: 'heading', level: 3, content: [run('Three')] },
    ]);
  });

  it('parses body paragraphs and notes', () => {
    expect(parse('<p>Body</p><p class="note">Small print</p>')).toEqual([
      { kind: 'paragraph', style: 'body', content: [run('Body')] },
      { kind: 'paragraph', style: 'note', content: [run('Small print')] },
    ]);
  });

  it('keeps an empty paragraph', () => {
    expect(parse('<p> </p>')).toEqual([{ kind: 'paragraph', style: 'body', content: [] }]);
  });

  it('parses the subject block', () => {
    expect(
      parse('<subject><strong>Letter of Medical Necessity</strong><br>Patient: A. Lee</subject>'),
    ).toEqual([
      {
        kind: 'subject',
        content: [run('Letter of Medical Necessity', { bold: true }), br, run('Patient: A. Lee')],
      },
    ]);
  });

  it('parses unordered and ordered lists', () => {
    const markup = '<ul>\n  <li>one</li>\n  <li><em>two</em></li>\n</ul>\n<ol><li>first</li></ol>';
    expect(parse(markup)).toEqual([
      { kind: 'list', ordered: false, items: [[run('one')], [run('two', { italic: true })]] },
      { kind: 'list', ordered: true, items: [[run('first')]] },
    ]);
  });

  it('parses a table with a head', () => {
    const markup = `<table>
      <thead><tr><th>Code</th><th>Minutes</th></tr></thead>
      <tbody>
        <tr><td>97124</td><td>60</td></tr>
        <tr><td>97140</td><td></td></tr>
      </tbody>
    </table>`;
    expect(parse(markup)).toEqual([
      {
        kind: 'table',
        head: [[run('Code')], [run('Minutes')]],
        body: [
          [[run('97124')], [run('60')]],
          [[run('97140')], []],
        ],
      },
    ]);
  });

  it('parses a table without a head, and one without rows', () => {
    expect(parse('<table><tbody><tr><td>Patient</td><td>A. Lee</td></tr></tbody></table>')).toEqual([
      { kind: 'table', head: [], body: [[[run('Patient')], [run('A. Lee')]]] },
    ]);
    expect(parse('<table><tbody> </tbody></table>')).toEqual([{ kind: 'table', head: [], body: [] }]);
  });

  it('parses a signature with paragraphs and the image in any order', () => {
    const markup = `<signature>
      <p>Sincerely,</p>
      <img src="signature">
      <p><strong>Dr. Lee</strong><br>NPI 1234567893</p>
      <p class="note">Signed electronically</p>
    </signature>`;
    expect(parse(markup)).toEqual([
      {
        kind: 'signature',
        parts: [
          { kind: 'paragraph', style: 'body', content: [run('Sincerely,')] },
          { kind: 'image', name: 'signature' },
          {
            kind: 'paragraph',
            style: 'body',
            content: [run('Dr. Lee', { bold: true }), br, run('NPI 1234567893')],
          },
          { kind: 'paragraph', style: 'note', content: [run('Signed electronically')] },
        ],
      },
    ]);
    expect(parse('<signature><img src="signature"><p>Dr. Lee</p></signature>')).toEqual([
      {
        kind: 'signature',
        parts: [
          { kind: 'image', name: 'signature' },
          { kind: 'paragraph', style: 'body', content: [run('Dr. Lee')] },
        ],
      },
    ]);
  });

  it('parses page breaks between blocks, with or without a slash', () => {
    expect(parse('<p>Cover</p>\n<pagebreak>\n<h1>Letter</h1><pagebreak/><P>Packet</P>')).toEqual([
      { kind: 'paragraph', style: 'body', content: [run('Cover')] },
      { kind: 'pagebreak' },
      { kind: 'heading', level: 1, content: [run('Letter')] },
      { kind: 'pagebreak' },
      { kind: 'paragraph', style: 'body', content: [run('Packet')] },
    ]);
  });

  it('parses asides: pages printed with the letter, outside its numbering', () => {
    expect(
      parse('<aside><h1>Cover</h1><p>What to do</p></aside>\n<p>Letter</p>\n<aside><p>Packet</p></aside>'),
    ).toEqual([
      {
        kind: 'aside',
        blocks: [
          { kind: 'heading', level: 1, content: [run('Cover')] },
          { kind: 'paragraph', style: 'body', content: [run('What to do')] },
        ],
      },
      { kind: 'paragraph', style: 'body', content: [run('Letter')] },
      { kind: 'aside', blocks: [{ kind: 'paragraph', style: 'body', content: [run('Packet')] }] },
    ]);
  });

  it('returns nothing for empty or whitespace-only markup', () => {
    expect(parse('')).toEqual([]);
    expect(parse(' \n\t ')).toEqual([]);
  });

  it('accepts tag and attribute names in any case', () => {
    expect(parse('<P CLASS="note">x</P>')).toEqual([
      { kind: 'paragraph', style: 'note', content: [run('x')] },
    ]);
  });
});

describe('parseMarkup: inline content', () => {
  it('collapses whitespace runs and trims the ends of a block', () => {
    expect(inline('\n   Dear \t Dr.\n\n  Lee,   ')).toEqual([run('Dear Dr. Lee,')]);
  });

  it('trims whitespace around line breaks but keeps consecutive breaks', () => {
    expect(inline('  one  <br>\n  two <br><br>  three ')).toEqual([
      run('one'),
      br,
      run('two'),
      br,
      br,
      run('three'),
    ]);
  });

  it('collapses whitespace across runs of different styles', () => {
    expect(inline('a <strong> b </strong> c')).toEqual([run('a '), run('b ', { bold: true }), run('c')]);
    expect(inline('<strong>a </strong> <em> </em>')).toEqual([run('a', { bold: true })]);
  });

  it('merges neighbouring runs of the same style and drops empty ones', () => {
    expect(inline('a<strong></strong>b<em>c</em><em>d</em>')).toEqual([
      run('ab'),
      run('cd', { italic: true }),
    ]);
  });

  it('nests bold and italic', () => {
    expect(inline('<strong>bold <em>both</em></strong> <em>italic <strong>both</strong></em>')).toEqual([
      run('bold ', { bold: true }),
      run('both', { bold: true, italic: true }),
      run(' '),
      run('italic ', { italic: true }),
      run('both', { bold: true, italic: true }),
    ]);
  });

  it('keeps non-breaking spaces', () => {
    expect(inline('60\u00a0 min &nbsp; x')).toEqual([run('60\u00a0 min \u00a0 x')]);
  });

  it('decodes the entities Handlebars escapes with into literal characters', () => {
    const escaped = '&lt;/p&gt;&lt;h1&gt;x&lt;/h1&gt;{{y}} &amp; Zoë Nguyễn';
    expect(inline(escaped)).toEqual([run('</p><h1>x</h1>{{y}} & Zoë Nguyễn')]);
    expect(inline('O&#x27;Brien &#x3D; &#x60;x&#x60; &quot;q&quot;')).toEqual([run('O\'Brien = `x` "q"')]);
  });

  it('returns fresh objects on every call', () => {
    const first = parse('<p>a</p>');
    const second = parse('<p>a</p>');
    expect(second).toEqual(first);
    expect(second[0]).not.toBe(first[0]);
  });
});

describe('parseMarkup: errors', () => {
  const cases: [string, string, number, number, RegExp][] = [
    ['an unknown tag', '<p>ok</p>\n  <blink>no</blink>', 2, 3, /<blink>/],
    ['an unknown inline tag', '<p>a <u>b</u></p>', 1, 6, /<u>/],
    ['an unknown attribute', '<h2>a</h2>\n<p style="color: red">b</p>', 2, 1, /"style"/],
    ['a class other than note', '<p class="big">b</p>', 1, 1, /<p class>.*"note"/],
    ['an attribute on a tag that takes none', '<ul><li id="x">a</li></ul>', 1, 5, /"id"/],
    [
      'a class on a letterhead line',
      '<letterhead><h1>A</h1><p class="note">b</p></letterhead>',
      1,
      23,
      /"class"/,
    ],
    ['an extra attribute on img', '<signature><img src="signature" alt="x"></signature>', 1, 12, /"alt"/],
    ['an img without src', '<signature>\n<img></signature>', 2, 1, /src/],
    ['an unknown img src', '<signature><img src="photo"></signature>', 1, 12, /<img src>.*"signature"/],
    [
      'a signature image in the letterhead',
      '<letterhead><img src="signature"><h1>A</h1></letterhead>',
      1,
      13,
      /"logo"/,
    ],
    ['an img inside a paragraph', '<p>a <img src="logo"></p>', 1, 6, /<img> is not allowed inside <p>/],
    ['a heading inside a paragraph', '<p>\n  a\n  <h1>x</h1>\n</p>', 3, 3, /<h1> is not allowed inside <p>/],
    ['a paragraph inside a paragraph', '<p>a<p>b</p></p>', 1, 5, /<p> is not allowed inside <p>/],
    [
      'a list inside a list item',
      '<ul><li>a<ul><li>b</li></ul></li></ul>',
      1,
      10,
      /<ul> is not allowed inside <li>/,
    ],
    ['a list item inside a list item', '<ol><li>a<li>b</li></ol>', 1, 10, /<li> is not allowed inside <li>/],
    ['a paragraph inside a cell', '<table><tbody><tr><td><p>a</p></td></tr></tbody></table>', 1, 23, /<p>/],
    ['a list inside the subject', '<subject><ul><li>a</li></ul></subject>', 1, 10, /<ul>/],
    ['a list item at the top level', '<li>a</li>', 1, 1, /<li> is not allowed at the top level/],
    ['inline markup at the top level', '<p>a</p><strong>b</strong>', 1, 9, /<strong>/],
    ['a line break at the top level', '<p>a</p>\n<br>', 2, 1, /<br>/],
    ['a heading in the signature', '<signature><h2>x</h2></signature>', 1, 12, /<h2>/],
    ['a page break inside a paragraph', '<p>a<pagebreak></p>', 1, 5, /<pagebreak> is not allowed inside <p>/],
    ['a page break in the signature', '<signature><pagebreak></signature>', 1, 12, /<pagebreak>/],
    ['an attribute on a page break', '<p>a</p><pagebreak class="note">', 1, 9, /takes no "class" attribute/],
    ['an end tag for a page break', '<pagebreak></pagebreak>', 1, 12, /<\/pagebreak> does not close/],
    [
      'an aside inside an aside',
      '<aside><aside><p>a</p></aside></aside>',
      1,
      8,
      /<aside> is not allowed inside <aside>/,
    ],
    ['an aside inside a paragraph', '<p>a<aside></aside></p>', 1, 5, /<aside> is not allowed inside <p>/],
    ['text directly in an aside', '<aside>loose</aside>', 1, 8, /text is not allowed inside <aside>/],
    ['an attribute on an aside', '<aside class="note"></aside>', 1, 1, /takes no "class" attribute/],
    ['text at the top level', '<p>a</p>\n  stray text', 2, 3, /text is not allowed at the top level/],
    [
      'text directly in a list',
      '<ul>\n  <li>a</li>\n    oops\n</ul>',
      3,
      5,
      /text is not allowed inside <ul>/,
    ],
    ['text directly in a table', '<table> x<tbody></tbody></table>', 1, 9, /inside <table>/],
    ['text directly in a row', '<table><tbody><tr>x<td>a</td></tr></tbody></table>', 1, 19, /inside <tr>/],
    ['text directly in the signature', '<signature>Sincerely</signature>', 1, 12, /inside <signature>/],
    ['text directly in the letterhead', '<letterhead><h1>A</h1>x</letterhead>', 1, 23, /inside <letterhead>/],
    ['an unclosed paragraph', '<h1>a</h1>\n<p>b', 2, 1, /<p> is not closed/],
    ['an unclosed inline tag', '<p>a <strong>b', 1, 6, /<strong> is not closed/],
    ['a mismatched end tag', '<p><strong>a</p></strong>', 1, 13, /<\/p> does not close the open <strong>/],
    [
      'an end tag that closes nothing',
      '<p><em>a</strong></em></p>',
      1,
      9,
      /<\/strong> has no matching opening tag/,
    ],
    ['a stray end tag at the end', '<p>a</p>\n</li>', 2, 1, /<\/li> has no matching opening tag/],
    ['a stray </p>', '<p>a</p></p>', 1, 9, /<\/p> has no matching opening tag/],
    ['a stray </br>', '<p>a</br></p>', 1, 5, /<\/br>/],
    ['an incomplete end tag', '<p>a</p', 1, 5, /incomplete tag/],
    ['a comment', '<p>a</p><!-- note -->', 1, 9, /comment/],
    ['a doctype', '<!doctype html><p>a</p>', 1, 1, /<!doctype>/],
    ['a letterhead without a title', '<letterhead><p>a</p></letterhead>', 1, 1, /needs an <h1>/],
    ['a letterhead with two titles', '<letterhead><h1>a</h1>\n<h1>b</h1></letterhead>', 2, 1, /one <h1>/],
    [
      'a letterhead line before the title',
      '<letterhead><p>a</p><h1>b</h1></letterhead>',
      1,
      13,
      /before the <h1>/,
    ],
    [
      'a letterhead with two logos',
      '<letterhead><img src="logo"><h1>A</h1><img src="logo"></letterhead>',
      1,
      39,
      /one <img>/,
    ],
    [
      'a table row outside tbody',
      '<table><tr><td>a</td></tr></table>',
      1,
      8,
      /<tr> is not allowed inside <table>/,
    ],
    ['a table without tbody', '<table><thead><tr><th>a</th></tr></thead></table>', 1, 1, /<tbody>/],
    ['a table with thead after tbody', '<table><tbody></tbody><thead></thead></table>', 1, 1, /<thead>/],
    [
      'a thead with two rows',
      '<table><thead><tr></tr><tr></tr></thead><tbody></tbody></table>',
      1,
      8,
      /one <tr>/,
    ],
    [
      'a td in the head',
      '<table><thead><tr><th>a</th><td>b</td></tr></thead><tbody></tbody></table>',
      1,
      29,
      /use <th>/,
    ],
    ['a th in the body', '<table><tbody><tr><th>a</th></tr></tbody></table>', 1, 19, /use <td>/],
    [
      'a body row with a different number of cells than the head',
      '<table>\n<thead><tr><th>a</th><th>b</th></tr></thead>\n<tbody>\n<tr><td>1</td><td>2</td></tr>\n<tr><td>3</td></tr>\n</tbody></table>',
      5,
      1,
      /<tr> has 1 cells but the <thead> has 2/,
    ],
  ];

  it.each(cases)('rejects %s', (_, markup, line, column, message) => {
    expect(() => parse(markup)).toThrow(TemplateError);
    expect(() => parse(markup)).toThrow(expect.objectContaining({ template: 'test-template', line, column }));
    expect(() => parse(markup)).toThrow(message);
  });

  it('puts the template name, line and column in the message', () => {
    expect(() => parse('<p>a</p>\n<div>b</div>')).toThrow(
      /^test-template:2:1: <div> is not in the markup vocabulary$/,
    );
  });

  const secret = 'Zoë Q. Secretpatient 1980-03-14';
  it.each([
    `<p>${secret}<h1>x</h1></p>`,
    `<p>a</p>${secret}`,
    `<ul>${secret}</ul>`,
    `<p>${secret}`,
    `<p>${secret}</strong></p>`,
    `<p class="${secret}">a</p>`,
    `<signature><img src="${secret}"></signature>`,
    `<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>${secret}</td><td>b</td></tr></tbody></table>`,
  ])('never puts text or attribute values in the message (%#)', (markup) => {
    expect(() => parse(markup)).toThrow(TemplateError);
    expect(() => parse(markup)).not.toThrow(/Secretpatient|Zoë|1980/);
  });
});
