import PDFDocument from 'pdfkit';
import { GenerationError } from '../errors.js';
import type {
  Block,
  FlowBlock,
  Inline,
  LetterDocument,
  List,
  Paragraph,
  Signature,
  Table,
} from '../markup/document.js';
import { breakLines, type Line } from './break-lines.js';
import { fonts, type FontStyle } from './fonts.js';
import { BoundedCache } from './bounded-cache.js';
import { keepNeeds } from './keep-needs.js';
import { archivalOptions, makeArchival } from './archival.js';
import { addSignatureField, type SignatureFieldInfo } from './signature-field.js';
import './patch-pdfkit.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const PAGE_WIDTH = 612; // US Letter, in points
const PAGE_HEIGHT = 792;
const MARGIN = 58; // left and right, 0.8 in: about 95 characters a line at the body size
const MARGIN_TOP = 50;
const MARGIN_BOTTOM = 54;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BODY_SIZE = 10.5;
const NOTE_SIZE = 8.5;
/** Line spacing as a multiple of the size: 10.5 on 13.65, a little under Noto Serif's own (1.362). */
const LEADING = 1.3;
const BLOCK_GAP = 4;
/** Space between the lines of the signature block (closing, signature, name and credentials). */
const SIGNATURE_GAP = 3;
const ITEM_GAP = 1.5;
const CELL_PADDING = 3;
const LIST_INDENT = 20;
const SUBJECT_LABEL_WIDTH = 36;
const TEXT_COLOR = '#111111';
const MUTED_COLOR = '#555555';
const RULE_COLOR = '#999999';
const HEADING_SIZES = { 1: 13.5, 2: 11.5, 3: BODY_SIZE } as const;
const HEADING_SPACE_BEFORE = { 1: 8, 2: 6, 3: 4 } as const;
/** The space under each kind of block; a list's items already carry ITEM_GAP each. */
const GAP_AFTER: Record<FlowBlock['kind'], number> = {
  letterhead: 0,
  heading: 2,
  paragraph: BLOCK_GAP,
  subject: BLOCK_GAP + 2,
  list: BLOCK_GAP - ITEM_GAP,
  table: BLOCK_GAP + 2,
  signature: 0,
  pagebreak: 0,
};
const LETTERHEAD = { titleSize: 15, lineSize: 8.5, logo: [96, 48] as const };
const SIGNATURE_IMAGE_HEIGHT = 48;
/** The frame of a digital signature's lines, and the field of the signature over it. */
const SEAL_WIDTH = 380;
const SEAL_PADDING = 5;
/**
 * Blocks of up to this many lines, rows or items are never split; longer ones keep two on each side of a break,
 * so that no line, row or item is ever alone on a page (a list of four splits only 2 + 2).
 */
const WHOLE_UP_TO = 3;

const lineHeight = (size: number): number => size * LEADING;

/** Which pages belong to the letter, and which to the pages printed with it. */
type Part = 'letter' | 'aside';

interface TextStyle {
  size: number;
  color?: string;
  align?: 'left' | 'center';
}

// Line breaks depend only on the content, size and width, so they are shared between letters: the
// paragraphs templates repeat. Paragraphs that carry a patient's facts rarely repeat, so a few hundred
// suffice; 4,000 kept several MB of such text live in every render thread.
const layouts = new BoundedCache<string, Line[]>(500);

function plainText(content: Inline[]): string {
  return content.map((inline) => (inline.kind === 'break' ? '\n' : inline.text)).join('');
}

/** A paragraph that introduces what follows ("Current symptoms:") stays with it. */
function introduces(block: FlowBlock): boolean {
  if (block.kind !== 'paragraph') return false;
  const last = block.content.at(-1);
  return last?.kind === 'text' && last.text.endsWith(':');
}

class Layout {
  /** The part of each page so far, by page index. */
  readonly parts: Part[] = ['letter'];
  private part: Part = 'letter';

  constructor(
    private readonly doc: Doc,
    private readonly letter: LetterDocument,
    private readonly seal?: Seal,
  ) {
    doc.on('pageAdded', () => this.parts.push(this.part));
  }

  // ---- measuring ----------------------------------------------------------------------------------------

  /** Lines already laid out for this letter, by content: the keep rules ask for the same ones several times. */
  private readonly laidOut = new WeakMap<Inline[], Map<string, Line[]>>();
  private readonly tableWidths = new WeakMap<Table, number[]>();

  private linesOf(content: Inline[], width: number, size: number, bold = false): Line[] {
    const format = `${size} ${width} ${bold ? 'b' : ''}`;
    let formats = this.laidOut.get(content);
    if (!formats) this.laidOut.set(content, (formats = new Map<string, Line[]>()));
    let lines = formats.get(format);
    if (lines) return lines;
    const key = `${format} ${JSON.stringify(content)}`;
    lines = layouts.get(key);
    if (lines === undefined) {
      const doc = this.doc;
      const widthOf = (text: string, style: FontStyle): number =>
        doc.font(style).fontSize(size).widthOfString(text);
      lines = breakLines(content, width, widthOf, bold);
      layouts.set(key, lines);
    }
    formats.set(format, lines);
    return lines;
  }

  private heightOf(content: Inline[], width: number, size: number, bold = false): number {
    return this.linesOf(content, width, size, bold).length * lineHeight(size);
  }

  private headingHeight(block: Extract<FlowBlock, { kind: 'heading' }>): number {
    const size = HEADING_SIZES[block.level];
    return HEADING_SPACE_BEFORE[block.level] + this.heightOf(block.content, CONTENT_WIDTH, size, true);
  }

  private itemHeights(block: List): number[] {
    return block.items.map((item) => this.heightOf(item, CONTENT_WIDTH - LIST_INDENT, BODY_SIZE) + ITEM_GAP);
  }

  private rowHeight(row: Inline[][], widths: number[], header: boolean): number {
    return (
      Math.max(
        ...row.map((cell, i) => this.heightOf(cell, (widths[i] ?? 0) - 2 * CELL_PADDING, BODY_SIZE, header)),
      ) +
      2 * CELL_PADDING
    );
  }

  private sealLines(): Line[][] {
    return (this.seal?.lines ?? []).map((text) =>
      this.linesOf(
        [{ kind: 'text', text, bold: false, italic: false }],
        SEAL_WIDTH - 2 * SEAL_PADDING,
        NOTE_SIZE,
      ),
    );
  }

  private sealHeight(): number {
    if (!this.seal) return 0;
    const lines = this.sealLines().reduce((sum, wrapped) => sum + wrapped.length, 0);
    return lines * lineHeight(NOTE_SIZE) + 2 * SEAL_PADDING + SIGNATURE_GAP;
  }

  private signatureHeight(block: Signature): number {
    return (
      this.sealHeight() +
      block.parts.reduce(
        (sum, part) =>
          sum +
          (part.kind === 'image'
            ? SIGNATURE_IMAGE_HEIGHT + SIGNATURE_GAP
            : this.heightOf(part.content, CONTENT_WIDTH, BODY_SIZE) + SIGNATURE_GAP),
        2 * BLOCK_GAP,
      )
    );
  }

  /** The heights of the pieces a block may be split between (lines, items, rows); one piece if it never splits. */
  private piecesOf(block: FlowBlock): number[] {
    switch (block.kind) {
      case 'heading':
        return [this.headingHeight(block)];
      case 'paragraph': {
        const size = block.style === 'note' ? NOTE_SIZE : BODY_SIZE;
        return this.linesOf(block.content, CONTENT_WIDTH, size).map(() => lineHeight(size));
      }
      case 'list':
        return this.itemHeights(block);
      case 'table': {
        const widths = this.columnWidths(block);
        const rows = block.body.map((row) => this.rowHeight(row, widths, false));
        if (block.head.length > 0 && rows.length > 0)
          rows[0] = (rows[0] ?? 0) + this.rowHeight(block.head, widths, true);
        return rows;
      }
      case 'subject':
        return [this.heightOf(block.content, CONTENT_WIDTH - SUBJECT_LABEL_WIDTH, BODY_SIZE)];
      case 'signature':
        return [this.signatureHeight(block)];
      case 'letterhead':
      case 'pagebreak':
        return [];
      default: {
        const unknown: never = block;
        throw new GenerationError(`Unknown block ${String(unknown)}`);
      }
    }
  }

  /**
   * For each piece of blocks[index], the height that must be free on the page before it is written: a short
   * block whole; otherwise never one piece alone on either side of a break; the last pieces of a heading or an
   * introducing paragraph together with the start of the block they introduce; and the signature block with
   * the end of the letter before it, never alone on a page.
   */
  private needsOf(blocks: FlowBlock[], index: number): number[] {
    const block = blocks[index];
    if (!block) return [];
    const next = blocks[index + 1];
    const keepWithNext =
      next &&
      (block.kind === 'heading' ||
        next.kind === 'signature' ||
        (introduces(block) && next.kind !== 'heading'));
    const after = keepWithNext ? GAP_AFTER[block.kind] + (this.needsOf(blocks, index + 1)[0] ?? 0) : 0;
    return keepNeeds(this.piecesOf(block), WHOLE_UP_TO, after);
  }

  // ---- writing ------------------------------------------------------------------------------------------

  private atTopOfPage(): boolean {
    return this.doc.y <= this.doc.page.margins.top + 0.5;
  }

  /** Starts a new page unless `height` fits on this one (or this one is still empty); true when it did. */
  private ensureSpace(height: number): boolean {
    const doc = this.doc;
    if (doc.y + height <= doc.page.maxY() || this.atTopOfPage()) return false;
    // Unlike addPage, this closes the tags open at the break and opens them again on the new page.
    doc.continueOnNewPage();
    return true;
  }

  private drawLine(line: Line, x: number, width: number, style: TextStyle): void {
    const doc = this.doc;
    const top = doc.y;
    const start = style.align === 'center' ? x + (width - line.width) / 2 : x;
    doc.fillColor(style.color ?? TEXT_COLOR);
    for (const piece of line.pieces) {
      doc
        .font(piece.style)
        .fontSize(style.size)
        .text(piece.text, start + piece.x, top, { lineBreak: false });
    }
    doc.x = MARGIN;
    doc.y = top + lineHeight(style.size);
  }

  private drawLines(lines: Line[], x: number, y: number, width: number, style: TextStyle): void {
    this.doc.y = y;
    for (const line of lines) this.drawLine(line, x, width, style);
  }

  private tag(
    parent: Struct,
    type: string,
    draw: () => void,
    options: PDFKit.Mixins.StructureElementOptions = {},
  ): void {
    parent.add(this.doc.struct(type, options, draw));
  }

  /** Each aside, and the letter, starts on a page of its own: on this page if nothing is written on it yet. */
  private startPart(part: Part): void {
    this.part = part;
    if (this.atTopOfPage()) this.parts[this.parts.length - 1] = part;
    else this.doc.continueOnNewPage();
  }

  writeBlocks(blocks: readonly Block[], parent: Struct): void {
    // Runs of flow blocks are laid out together, so that each can see the block that follows it.
    let run: FlowBlock[] = [];
    const flush = (): void => {
      this.startPart('letter');
      run.forEach((_, index) => this.writeFlowBlock(run, index, parent));
      run = [];
    };
    for (const block of blocks) {
      if (block.kind !== 'aside') {
        run.push(block);
        continue;
      }
      if (run.length > 0) flush();
      this.startPart('aside');
      const section = this.doc.struct('Sect', block.lang === undefined ? {} : { lang: block.lang });
      parent.add(section);
      block.blocks.forEach((_, index) => this.writeFlowBlock(block.blocks, index, section));
      section.end();
    }
    if (run.length > 0) flush();
  }

  private writeFlowBlock(blocks: FlowBlock[], index: number, parent: Struct): void {
    const block = blocks[index];
    if (!block) return;
    const needs = this.needsOf(blocks, index);
    const doc = this.doc;
    switch (block.kind) {
      case 'letterhead':
        this.writeLetterhead(block, parent);
        break;
      case 'heading': {
        const size = HEADING_SIZES[block.level];
        this.ensureSpace(needs[0] ?? 0);
        if (!this.atTopOfPage()) doc.y += HEADING_SPACE_BEFORE[block.level];
        const lines = this.linesOf(block.content, CONTENT_WIDTH, size, true);
        this.tag(parent, `H${block.level}`, () =>
          this.drawLines(lines, MARGIN, doc.y, CONTENT_WIDTH, { size }),
        );
        break;
      }
      case 'paragraph':
        this.writeParagraph(block, needs, parent);
        break;
      case 'subject':
        this.writeSubject(block, needs, parent);
        break;
      case 'list':
        this.writeList(block, needs, parent);
        break;
      case 'table':
        this.writeTable(block, needs, parent);
        break;
      case 'signature':
        this.writeSignature(block, needs, parent);
        break;
      case 'pagebreak':
        // A break at the top of a page would leave that page blank.
        if (!this.atTopOfPage()) doc.continueOnNewPage();
        break;
      default: {
        const unknown: never = block;
        throw new GenerationError(`Unknown block ${String(unknown)}`);
      }
    }
    doc.y += GAP_AFTER[block.kind];
  }

  private writeLetterhead(block: Extract<FlowBlock, { kind: 'letterhead' }>, parent: Struct): void {
    const doc = this.doc;
    const top = doc.y;
    const logo = block.logo ? this.letter.images[block.logo] : undefined;
    if (logo) {
      this.tag(
        parent,
        'Figure',
        () => doc.image(Buffer.from(logo), MARGIN, top, { fit: [...LETTERHEAD.logo] }),
        {
          alt: 'Practice logo',
        },
      );
    }
    const title = this.linesOf(block.title, CONTENT_WIDTH, LETTERHEAD.titleSize, true);
    this.tag(parent, 'P', () =>
      this.drawLines(title, MARGIN, top, CONTENT_WIDTH, { size: LETTERHEAD.titleSize, align: 'center' }),
    );
    for (const line of block.lines) {
      const lines = this.linesOf(line, CONTENT_WIDTH, LETTERHEAD.lineSize);
      this.tag(parent, 'P', () =>
        this.drawLines(lines, MARGIN, doc.y, CONTENT_WIDTH, {
          size: LETTERHEAD.lineSize,
          align: 'center',
          color: MUTED_COLOR,
        }),
      );
    }
    const ruleY = Math.max(doc.y, top + (logo ? LETTERHEAD.logo[1] : 0)) + 4;
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(MARGIN, ruleY)
      .lineTo(PAGE_WIDTH - MARGIN, ruleY)
      .lineWidth(0.75)
      .strokeColor(RULE_COLOR)
      .stroke();
    doc.endMarkedContent();
    doc.y = ruleY + 12;
  }

  /** Line by line, each after its need is met, so that a page break falls only where the keep rules allow. */
  private writeParagraph(
    block: Paragraph,
    needs: number[],
    parent: Struct,
    x = MARGIN,
    width = CONTENT_WIDTH,
  ): void {
    const size = block.style === 'note' ? NOTE_SIZE : BODY_SIZE;
    const style = { size, ...(block.style === 'note' && { color: MUTED_COLOR }) };
    const lines = this.linesOf(block.content, width, size);
    this.tag(parent, 'P', () =>
      lines.forEach((line, index) => {
        this.ensureSpace(needs[index] ?? 0);
        this.drawLine(line, x, width, style);
      }),
    );
  }

  private writeSubject(
    block: Extract<FlowBlock, { kind: 'subject' }>,
    needs: number[],
    parent: Struct,
  ): void {
    const doc = this.doc;
    this.ensureSpace(needs[0] ?? 0);
    const top = doc.y;
    const lines = this.linesOf(block.content, CONTENT_WIDTH - SUBJECT_LABEL_WIDTH, BODY_SIZE);
    // The subject line is the letter's one H1 (each page printed with it has its own, in its Sect).
    this.tag(parent, 'H1', () => {
      doc
        .font('bold')
        .fontSize(BODY_SIZE)
        .fillColor(TEXT_COLOR)
        .text('RE:', MARGIN, top, { lineBreak: false });
      this.drawLines(lines, MARGIN + SUBJECT_LABEL_WIDTH, top, CONTENT_WIDTH - SUBJECT_LABEL_WIDTH, {
        size: BODY_SIZE,
      });
    });
  }

  private writeList(block: List, needs: number[], parent: Struct): void {
    const doc = this.doc;
    const list = doc.struct('L');
    parent.add(list);
    block.items.forEach((item, index) => {
      this.ensureSpace(needs[index] ?? 0);
      const top = doc.y;
      const label = block.ordered ? `${index + 1}.` : '•';
      const lines = this.linesOf(item, CONTENT_WIDTH - LIST_INDENT, BODY_SIZE);
      list.add(
        doc.struct('LI', {}, [
          doc.struct('Lbl', {}, () =>
            doc
              .font('regular')
              .fontSize(BODY_SIZE)
              .fillColor(TEXT_COLOR)
              .text(label, MARGIN + 4, top, { lineBreak: false }),
          ),
          doc.struct('LBody', {}, () =>
            this.drawLines(lines, MARGIN + LIST_INDENT, top, CONTENT_WIDTH - LIST_INDENT, {
              size: BODY_SIZE,
            }),
          ),
        ]),
      );
      doc.y += ITEM_GAP;
    });
    list.end();
  }

  private columnWidths(block: Table): number[] {
    let widths = this.tableWidths.get(block);
    if (!widths) this.tableWidths.set(block, (widths = this.measureColumns(block)));
    return widths;
  }

  private measureColumns(block: Table): number[] {
    const doc = this.doc;
    const rows = [...(block.head.length > 0 ? [block.head] : []), ...block.body];
    const columns = Math.max(...rows.map((row) => row.length));
    const natural = Array.from({ length: columns }, (_, column) =>
      Math.max(
        ...rows.map((row) => {
          const cell = row[column];
          if (!cell) return 0;
          doc.font(row === block.head ? 'bold' : 'regular').fontSize(BODY_SIZE);
          const widest = Math.max(
            ...plainText(cell)
              .split('\n')
              .map((line) => doc.widthOfString(line)),
          );
          return widest + 2 * CELL_PADDING + 2;
        }),
      ),
    );
    // Narrow columns keep their natural width; the rest share what is left in proportion.
    const fair = CONTENT_WIDTH / columns;
    const fixed = natural.map((width) => width <= fair);
    const fixedWidth = natural.reduce((sum, width, i) => sum + (fixed[i] ? width : 0), 0);
    const flexibleNatural = natural.reduce((sum, width, i) => sum + (fixed[i] ? 0 : width), 0);
    if (flexibleNatural === 0) return natural.map((width) => (width / fixedWidth) * CONTENT_WIDTH);
    return natural.map((width, i) =>
      fixed[i] ? width : (width / flexibleNatural) * (CONTENT_WIDTH - fixedWidth),
    );
  }

  private writeTable(block: Table, needs: number[], parent: Struct): void {
    const doc = this.doc;
    const widths = this.columnWidths(block);
    const table = doc.struct('Table');
    parent.add(table);
    const writeRow = (row: Inline[][], header: boolean): void => {
      const height = this.rowHeight(row, widths, header);
      const top = doc.y;
      doc.markContent('Artifact', { type: 'Layout' });
      if (header) doc.rect(MARGIN, top, CONTENT_WIDTH, height).fillColor('#eeeeee').fill();
      doc.lineWidth(0.5).strokeColor(RULE_COLOR);
      let x = MARGIN;
      for (const width of widths) {
        doc.rect(x, top, width, height).stroke();
        x += width;
      }
      doc.endMarkedContent();
      const tableRow = doc.struct('TR');
      table.add(tableRow);
      x = MARGIN;
      row.forEach((cell, i) => {
        const cellX = x;
        const width = (widths[i] ?? 0) - 2 * CELL_PADDING;
        const lines = this.linesOf(cell, width, BODY_SIZE, header);
        tableRow.add(
          doc.struct(
            header ? 'TH' : 'TD',
            header ? ({ scope: 'Column' } as PDFKit.Mixins.StructureElementOptions) : {},
            () => this.drawLines(lines, cellX + CELL_PADDING, top + CELL_PADDING, width, { size: BODY_SIZE }),
          ),
        );
        x += widths[i] ?? 0;
      });
      tableRow.end();
      doc.y = top + height;
    };

    const hasHead = block.head.length > 0;
    if (block.body.length === 0 && hasHead) writeRow(block.head, true);
    block.body.forEach((row, index) => {
      const newPage = this.ensureSpace(needs[index] ?? 0);
      // The header row starts the table and every page the table continues on.
      if (hasHead && (index === 0 || newPage)) writeRow(block.head, true);
      writeRow(row, false);
    });
    table.end();
  }

  private writeSignature(block: Signature, needs: number[], parent: Struct): void {
    const doc = this.doc;
    this.ensureSpace(needs[0] ?? 0);
    doc.y += 2 * BLOCK_GAP;
    block.parts.forEach((part, index) => {
      if (index === 1) this.writeSeal(parent);
      if (part.kind === 'image') {
        const image = this.letter.images[part.name];
        if (!image) return;
        const top = doc.y;
        this.tag(
          parent,
          'Figure',
          () => doc.image(Buffer.from(image), MARGIN, top, { fit: [180, SIGNATURE_IMAGE_HEIGHT] }),
          { alt: 'Signature of the provider' },
        );
        doc.y = top + SIGNATURE_IMAGE_HEIGHT + SIGNATURE_GAP;
      } else {
        this.writeParagraph(part, [], parent);
        doc.y += SIGNATURE_GAP;
      }
    });
  }

  /** A letter written to be signed: under the closing, the signer's lines in a frame, the signature's field over them. */
  private writeSeal(parent: Struct): void {
    const doc = this.doc;
    if (!this.seal) return;
    const top = doc.y;
    const height = this.sealHeight() - SIGNATURE_GAP;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.rect(MARGIN, top, SEAL_WIDTH, height).lineWidth(0.75).strokeColor(RULE_COLOR).stroke();
    doc.endMarkedContent();
    doc.y = top + SEAL_PADDING;
    for (const lines of this.sealLines()) {
      this.tag(parent, 'P', () =>
        this.drawLines(lines, MARGIN + SEAL_PADDING, doc.y, SEAL_WIDTH, { size: NOTE_SIZE }),
      );
    }
    addSignatureField(doc, parent, this.seal, {
      x: MARGIN,
      y: top,
      width: SEAL_WIDTH,
      height,
    });
    doc.y = top + height + SIGNATURE_GAP;
  }
}

/**
 * Running content, written once the page count is known: on the letter's pages the continuation header (from
 * its second page) and "Page i of N" of the letter alone; on every page the footer and the DRAFT mark.
 */
function writePageFurniture(doc: Doc, letter: LetterDocument, parts: readonly Part[]): void {
  const { start, count } = doc.bufferedPageRange();
  const letterPages = parts.filter((part) => part === 'letter').length;
  let letterPage = 0;
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    doc.markContent('Artifact', { type: 'Pagination' });
    const isLetter = parts[index - start] === 'letter';
    if (isLetter) letterPage++;
    if (isLetter && letterPage > 1) {
      doc.font('regular').fontSize(8.5).fillColor(MUTED_COLOR);
      doc.text(letter.info.runningHeader, MARGIN, MARGIN_TOP - 22, {
        width: CONTENT_WIDTH,
        lineBreak: false,
      });
      doc
        .moveTo(MARGIN, MARGIN_TOP - 8)
        .lineTo(PAGE_WIDTH - MARGIN, MARGIN_TOP - 8)
        .lineWidth(0.5)
        .strokeColor(RULE_COLOR)
        .stroke();
    }
    const footerY = PAGE_HEIGHT - MARGIN_BOTTOM + 18;
    doc.font('regular').fontSize(7.5).fillColor(MUTED_COLOR);
    doc.text(letter.info.footer, MARGIN, footerY, { width: CONTENT_WIDTH - 70, lineBreak: false });
    if (isLetter) {
      doc.text(`Page ${letterPage} of ${letterPages}`, PAGE_WIDTH - MARGIN - 70, footerY, {
        width: 70,
        align: 'right',
        lineBreak: false,
      });
    }
    if (letter.info.draft) {
      doc.save();
      doc.rotate(-40, { origin: [PAGE_WIDTH / 2, PAGE_HEIGHT / 2] });
      doc.font('bold').fontSize(110).fillColor('#cc0000').fillOpacity(0.14);
      doc.text('DRAFT', 0, PAGE_HEIGHT / 2 - 70, { width: PAGE_WIDTH, align: 'center', lineBreak: false });
      doc.restore();
    }
    doc.endMarkedContent();
  }
}

function pdfDate(date: string): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** A letter written to be signed: the lines printed in its signature block, and its signature's dictionary. */
export interface Seal extends SignatureFieldInfo {
  lines: string[];
}

/** What a letter carries besides its pages. */
export interface PdfExtras {
  /** The letter's kind, named in the metadata's keywords. */
  kind?: string;
  /** The letter's data, embedded as the associated file lmnkit-letter.json. */
  data?: Uint8Array;
  /** Leaves room for a digital signature (src/sign/ signs the bytes written). */
  seal?: Seal | undefined;
}

/**
 * Lays out the document tree on US Letter pages and returns the PDF/A-3b bytes (identical for identical
 * input).
 */
export async function writePdf(letter: LetterDocument, extras: PdfExtras = {}): Promise<Uint8Array> {
  try {
    const created = pdfDate(letter.info.date);
    const archival = {
      title: letter.info.title,
      author: letter.info.author,
      subject: letter.info.subject,
      keywords: extras.kind === undefined ? 'lmnkit letter' : `lmnkit letter, ${extras.kind}`,
      date: letter.info.date,
    };
    const doc = new PDFDocument({
      size: 'LETTER',
      margins: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN, right: MARGIN },
      bufferPages: true,
      tagged: true,
      lang: 'en-US',
      displayTitle: true,
      // No default font: pdfkit would load Helvetica's metrics, and a font object passed here is opened
      // again, and compared with this one, on every later doc.font('regular').
      font: null as unknown as string,
      ...archivalOptions(archival, created),
    });
    makeArchival(doc, archival, created, extras.data);
    // Opened in a fixed order so that font names (F1…F4) never depend on which measurements were cached.
    for (const [name, font] of Object.entries(fonts))
      doc.registerFont(name, font as unknown as string).font(name);
    const chunks: Buffer[] = [];
    const finished = new Promise<void>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', resolve);
      doc.on('error', reject);
    });

    const root = doc.struct('Document');
    doc.addStructure(root);
    doc.font('regular').fontSize(BODY_SIZE).fillColor(TEXT_COLOR);
    const layout = new Layout(doc, letter, extras.seal);
    layout.writeBlocks(letter.blocks, root);
    root.end();
    writePageFurniture(doc, letter, layout.parts);
    doc.end();
    await finished;
    return new Uint8Array(Buffer.concat(chunks));
  } catch (error) {
    if (error instanceof GenerationError) throw error;
    throw new GenerationError('The PDF could not be written.', { cause: error });
  }
}
