import { Parser } from 'htmlparser2';
import { TemplateError } from '../errors.js';
import type { Block, FlowBlock, Inline, Letterhead, Paragraph, Signature, Table } from './document.js';

/** An element of the markup, checked against the vocabulary when it opens, turned into a block when done. */
interface Element {
  name: string;
  attributes: Record<string, string>;
  /** Index of its `<` in the markup, for error positions. */
  at: number;
  /** Text, breaks and the runs of closed strong/em children, not yet normalized. */
  content: Inline[];
  /** Closed children other than strong, em and br. */
  children: Element[];
}

const INLINE = ['strong', 'em', 'br'];
/** The elements whose content is text and inline elements. */
const HOLDS_TEXT = new Set(['h1', 'h2', 'h3', 'p', 'subject', 'li', 'th', 'td', 'strong', 'em']);

/** What each element may contain; '' is the top level. */
const FLOW = ['letterhead', 'h1', 'h2', 'h3', 'p', 'subject', 'ul', 'ol', 'table', 'signature', 'pagebreak'];
const CONTENT = new Map<string, readonly string[]>([
  ['', [...FLOW, 'aside']],
  ['aside', FLOW],
  ['letterhead', ['h1', 'p', 'img']],
  ['signature', ['p', 'img']],
  ['ul', ['li']],
  ['ol', ['li']],
  ['table', ['thead', 'tbody']],
  ['thead', ['tr']],
  ['tbody', ['tr']],
  ['tr', ['th', 'td']],
  ...[...HOLDS_TEXT].map((name) => [name, INLINE] as const),
  ['br', []],
  ['img', []],
  ['pagebreak', []],
]);

// htmlparser2 does not know <pagebreak> is void; it closes it implicitly, and implied closes are ignored here.
const VOID = new Set(['br', 'img', 'pagebreak']);
const HEADING_LEVELS = { h1: 1, h2: 2, h3: 3 } as const;
// HTML's whitespace; U+00A0 is deliberately not in it.
const WHITESPACE = /[ \t\n\f\r]+/g;

/** A problem at an index of the markup; parseMarkup turns it into a TemplateError with line and column. */
class MarkupProblem extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses template output (the closed HTML subset) into document blocks.
 * Throws TemplateError, with the line and column of the offending tag, for anything outside the vocabulary.
 * @example
 * const blocks = parseMarkup('<p>Dear <strong>Dr. Lee</strong>,</p>', 'lmn');
 */
export function parseMarkup(markup: string, template: string): Block[] {
  try {
    return parseElements(markup).children.map(toBlock);
  } catch (error) {
    if (!(error instanceof MarkupProblem)) throw error;
    const before = markup.slice(0, error.at);
    const line = before.split('\n').length;
    const column = error.at - before.lastIndexOf('\n');
    throw new TemplateError(template, line, column, error.message);
  }
}

function parseElements(markup: string): Element {
  const root = newElement('', {}, 0);
  const stack = [root];
  const top = (): Element => stack.at(-1) ?? root;
  // htmlparser2 drops an end tag that closes nothing without an event, so every event must start where the
  // last one ended: a gap is such a tag.
  let next = 0;
  const cover = (): void => {
    if (parser.startIndex !== next) throw new MarkupProblem(next, describeSkipped(markup, next));
    next = parser.endIndex + 1;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes, isImplied) {
        // htmlparser2 invents an opening tag for a stray </p> or </br>.
        if (isImplied) throw new MarkupProblem(parser.startIndex, `</${name}> has no matching opening tag`);
        cover();
        const element = newElement(name, attributes, parser.startIndex);
        checkOpening(element, top());
        if (VOID.has(name)) attach(element, top());
        else stack.push(element);
      },
      ontext(text) {
        cover();
        const parent = top();
        if (HOLDS_TEXT.has(parent.name)) {
          parent.content.push({ kind: 'text', text, bold: false, italic: false });
          return;
        }
        const offset = text.search(/[^ \t\n\f\r]/);
        if (offset !== -1) {
          throw new MarkupProblem(parser.startIndex + offset, `text is not allowed ${placeOf(parent)}`);
        }
      },
      onclosetag(name, isImplied) {
        // Implied closes (void elements, or HTML's rules such as <h1> closing an open <p>) are left to the
        // stack: the next tag, end tag or the end of the markup then fails against it.
        if (isImplied) return;
        cover();
        const element = stack.length > 1 ? stack.pop() : undefined;
        if (element?.name !== name) {
          const open = element ? `the open <${element.name}>` : 'an open tag';
          throw new MarkupProblem(parser.startIndex, `</${name}> does not close ${open}`);
        }
        attach(element, top());
      },
      oncomment() {
        throw new MarkupProblem(parser.startIndex, 'comments are not allowed');
      },
      onprocessinginstruction(name) {
        throw new MarkupProblem(parser.startIndex, `<${name}> is not allowed`);
      },
      onend() {
        if (next < markup.length) throw new MarkupProblem(next, describeSkipped(markup, next));
        const open = top();
        if (open !== root) throw new MarkupProblem(open.at, `<${open.name}> is not closed`);
      },
    },
    { decodeEntities: true },
  );
  parser.end(markup);
  return root;
}

function newElement(name: string, attributes: Record<string, string>, at: number): Element {
  return { name, attributes, at, content: [], children: [] };
}

function placeOf(parent: Element): string {
  return parent.name === '' ? 'at the top level' : `inside <${parent.name}>`;
}

function describeSkipped(markup: string, at: number): string {
  const endTag = /^<\/([a-z][^\s/>]*)[^>]*>/i.exec(markup.slice(at));
  return endTag ? `</${endTag[1] ?? ''}> has no matching opening tag` : 'incomplete tag';
}

/** The attributes a tag accepts and their values; which image an img may show depends on where it is. */
function acceptedAttributes(name: string, parent: string): Map<string, readonly string[]> {
  switch (name) {
    case 'p':
      return new Map(parent === 'letterhead' ? [] : [['class', ['note']]]);
    case 'img':
      return new Map([['src', [parent === 'letterhead' ? 'logo' : 'signature']]]);
    case 'aside':
      return new Map([['lang', ['es']]]);
    default:
      return new Map();
  }
}

function checkOpening(element: Element, parent: Element): void {
  const { name, attributes, at } = element;
  if (!CONTENT.has(name)) throw new MarkupProblem(at, `<${name}> is not in the markup vocabulary`);
  if (!CONTENT.get(parent.name)?.includes(name)) {
    throw new MarkupProblem(at, `<${name}> is not allowed ${placeOf(parent)}`);
  }
  const accepted = acceptedAttributes(name, parent.name);
  for (const [attribute, value] of Object.entries(attributes)) {
    const values = accepted.get(attribute);
    if (!values)
      throw new MarkupProblem(at, `<${name}> ${placeOf(parent)} takes no "${attribute}" attribute`);
    if (!values.includes(value)) {
      const expected = values.map((allowed) => `"${allowed}"`).join(' or ');
      throw new MarkupProblem(at, `<${name} ${attribute}> ${placeOf(parent)} must be ${expected}`);
    }
  }
  if (name === 'img' && attributes.src === undefined)
    throw new MarkupProblem(at, '<img> needs a src attribute');
}

/** Hands a finished element to its parent: strong/em and br as inline content, the rest as children. */
function attach(element: Element, parent: Element): void {
  switch (element.name) {
    case 'strong':
    case 'em': {
      const bold = element.name === 'strong';
      const runs = element.content.map((run) =>
        run.kind === 'text' ? { ...run, bold: run.bold || bold, italic: run.italic || !bold } : run,
      );
      parent.content.push(...runs);
      return;
    }
    case 'br':
      parent.content.push({ kind: 'break' });
      return;
    default:
      parent.children.push(element);
  }
}

function toBlock(element: Element): Block {
  switch (element.name) {
    case 'letterhead':
      return toLetterhead(element);
    case 'h1':
    case 'h2':
    case 'h3':
      return { kind: 'heading', level: HEADING_LEVELS[element.name], content: inlineOf(element) };
    case 'p':
      return toParagraph(element);
    case 'subject':
      return { kind: 'subject', content: inlineOf(element) };
    case 'ul':
    case 'ol':
      return { kind: 'list', ordered: element.name === 'ol', items: element.children.map(inlineOf) };
    case 'table':
      return toTable(element);
    case 'signature':
      return toSignature(element);
    case 'pagebreak':
      return { kind: 'pagebreak' };
    case 'aside':
      return {
        kind: 'aside',
        blocks: element.children.map(toFlowBlock),
        ...(element.attributes.lang === 'es' && { lang: 'es' as const }),
      };
    default:
      // Unreachable: the vocabulary check lets only the tags above reach the top level.
      throw new MarkupProblem(element.at, `<${element.name}> is not a block`);
  }
}

function toFlowBlock(element: Element): FlowBlock {
  const block = toBlock(element);
  // Unreachable: the vocabulary check keeps <aside> out of <aside>.
  if (block.kind === 'aside') throw new MarkupProblem(element.at, '<aside> is not allowed inside <aside>');
  return block;
}

function toParagraph(element: Element): Paragraph {
  const style = element.attributes.class === 'note' ? 'note' : 'body';
  return { kind: 'paragraph', style, content: inlineOf(element) };
}

function toLetterhead(element: Element): Letterhead {
  const [title, extraTitle] = element.children.filter((child) => child.name === 'h1');
  const [logo, extraLogo] = element.children.filter((child) => child.name === 'img');
  const lines = element.children.filter((child) => child.name === 'p');
  if (!title) throw new MarkupProblem(element.at, '<letterhead> needs an <h1> title');
  if (extraTitle) throw new MarkupProblem(extraTitle.at, '<letterhead> takes one <h1>');
  if (extraLogo) throw new MarkupProblem(extraLogo.at, '<letterhead> takes one <img>');
  const early = lines.find((line) => line.at < title.at);
  if (early) throw new MarkupProblem(early.at, '<p> comes before the <h1> in <letterhead>');
  return {
    kind: 'letterhead',
    title: inlineOf(title),
    lines: lines.map(inlineOf),
    logo: logo ? 'logo' : null,
  };
}

function toTable(element: Element): Table {
  const sections = element.children.map((child) => child.name).join(' ');
  if (sections !== 'tbody' && sections !== 'thead tbody') {
    throw new MarkupProblem(element.at, '<table> takes an optional <thead>, then one <tbody>');
  }
  const [head, body] = element.children.length === 2 ? element.children : [undefined, element.children[0]];
  if (head && head.children.length !== 1) throw new MarkupProblem(head.at, '<thead> takes exactly one <tr>');
  const headRow = head?.children[0];
  const headCells = headRow ? cellsOf(headRow, 'th') : [];
  const rows = (body?.children ?? []).map((row) => {
    const cells = cellsOf(row, 'td');
    if (headRow && cells.length !== headCells.length) {
      throw new MarkupProblem(
        row.at,
        `<tr> has ${cells.length} cells but the <thead> has ${headCells.length}`,
      );
    }
    return cells;
  });
  return { kind: 'table', head: headCells, body: rows };
}

function cellsOf(row: Element, cell: 'th' | 'td'): Inline[][] {
  const wrong = row.children.find((child) => child.name !== cell);
  const section = cell === 'th' ? 'thead' : 'tbody';
  if (wrong)
    throw new MarkupProblem(wrong.at, `<${wrong.name}> is not allowed in a <${section}> row; use <${cell}>`);
  return row.children.map(inlineOf);
}

function toSignature(element: Element): Signature {
  const parts = element.children.map((child) =>
    child.name === 'img' ? { kind: 'image' as const, name: 'signature' as const } : toParagraph(child),
  );
  return { kind: 'signature', parts };
}

/** HTML's whitespace rules: collapse runs, trim the ends of each line, merge neighbouring runs of one style. */
function inlineOf(element: Element): Inline[] {
  const result: Inline[] = [];
  const trimEnd = (): void => {
    const last = result.at(-1);
    if (last?.kind !== 'text' || !last.text.endsWith(' ')) return;
    const text = last.text.slice(0, -1);
    if (text) result[result.length - 1] = { ...last, text };
    else result.pop();
  };
  for (const inline of element.content) {
    if (inline.kind === 'break') {
      trimEnd();
      result.push({ kind: 'break' });
      continue;
    }
    const last = result.at(-1);
    let text = inline.text.replace(WHITESPACE, ' ');
    // At the start of a line, or after a space, a space collapses away.
    if (last?.kind !== 'text' || last.text.endsWith(' ')) text = text.replace(/^ /, '');
    if (!text) continue;
    if (last?.kind === 'text' && last.bold === inline.bold && last.italic === inline.italic) {
      result[result.length - 1] = { ...last, text: last.text + text };
    } else {
      result.push({ ...inline, text });
    }
  }
  trimEnd();
  return result;
}
