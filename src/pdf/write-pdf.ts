import PDFDocument from 'pdfkit';
import { GenerationError } from '../errors.js';
import type { Block, Inline, LetterDocument, List, Paragraph, Signature, Table } from '../markup/document.js';
import { fonts, type FontStyle } from './fonts.js';
import { BoundedCache } from './bounded-cache.js';
import './patch-pdfkit.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const PAGE_WIDTH = 612; // US Letter, in points
const PAGE_HEIGHT = 792;
const MARGIN = 72;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BODY_SIZE = 10.5;
const NOTE_SIZE = 8.5;
const LINE_GAP = 2;
const BLOCK_GAP = 8;
const TEXT_COLOR = '#111111';
const MUTED_COLOR = '#555555';
const RULE_COLOR = '#999999';
const HEADING_SIZES = { 1: 14, 2: 11.5, 3: BODY_SIZE } as const;

interface Segment {
  text: string;
  style: FontStyle;
}

function styleOf(bold: boolean, italic: boolean): FontStyle {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

/** Runs → lines of styled segments: pdfkit's `continued` text mishandles newlines, so each line is written alone. */
function toLines(content: Inline[], bold = false): Segment[][] {
  const lines: Segment[][] = [[]];
  for (const inline of content) {
    if (inline.kind === 'break') lines.push([]);
    else lines.at(-1)?.push({ text: inline.text, style: styleOf(bold || inline.bold, inline.italic) });
  }
  return lines;
}

function plainText(content: Inline[]): string {
  return content.map((inline) => (inline.kind === 'break' ? '\n' : inline.text)).join('');
}

// A height depends only on the text, style, size and width, so it is shared between letters.
const heights = new BoundedCache<string, number>(4000);

/** Mostly bold text is measured in bold, the rest in regular (a bold code before a long description). */
function measuringStyle(content: Inline[], bold: boolean): FontStyle {
  if (bold) return 'bold';
  let balance = 0;
  for (const inline of content)
    if (inline.kind === 'text') balance += inline.bold ? inline.text.length : -inline.text.length;
  return balance > 0 ? 'bold' : 'regular';
}

/** Height of the runs at a width. */
function measure(doc: Doc, content: Inline[], width: number, size: number, bold = false): number {
  const style = measuringStyle(content, bold);
  const text = plainText(content) || ' ';
  const key = `${style} ${size} ${width} ${text}`;
  let height = heights.get(key);
  if (height === undefined) {
    doc.font(style).fontSize(size);
    height = doc.heightOfString(text, { width, lineGap: LINE_GAP });
    heights.set(key, height);
  }
  return height;
}

function writeLines(
  doc: Doc,
  lines: Segment[][],
  x: number,
  y: number | undefined,
  options: PDFKit.Mixins.TextOptions & { size: number; color?: string },
): void {
  doc.fillColor(options.color ?? TEXT_COLOR).fontSize(options.size);
  if (y !== undefined) doc.y = y;
  for (const segments of lines) {
    if (segments.length === 0) {
      doc.font('regular').text(' ', x, doc.y, { ...options, lineGap: LINE_GAP });
      continue;
    }
    segments.forEach((segment, index) => {
      doc.font(segment.style);
      const textOptions = { ...options, lineGap: LINE_GAP, continued: index < segments.length - 1 };
      if (index === 0) doc.text(segment.text, x, doc.y, textOptions);
      else doc.text(segment.text, textOptions);
    });
  }
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.maxY() && doc.y > doc.page.margins.top) doc.addPage();
}

class Layout {
  constructor(
    private readonly doc: Doc,
    private readonly letter: LetterDocument,
    private readonly root: Struct,
  ) {}

  private tag(type: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
    this.root.add(this.doc.struct(type, options, draw));
  }

  writeBlock(block: Block): void {
    const doc = this.doc;
    switch (block.kind) {
      case 'letterhead': {
        const top = doc.y;
        const logo = block.logo ? this.letter.images[block.logo] : undefined;
        if (logo) {
          this.tag('Figure', () => doc.image(Buffer.from(logo), MARGIN, top, { fit: [96, 48] }), {
            alt: 'Practice logo',
          });
        }
        this.tag('P', () =>
          writeLines(doc, toLines(block.title, true), MARGIN, top, {
            size: 15,
            width: CONTENT_WIDTH,
            align: 'center',
          }),
        );
        for (const line of block.lines) {
          this.tag('P', () =>
            writeLines(doc, toLines(line), MARGIN, undefined, {
              size: 8.5,
              width: CONTENT_WIDTH,
              align: 'center',
              color: MUTED_COLOR,
            }),
          );
        }
        const ruleY = Math.max(doc.y, top + 48) + 6;
        doc.markContent('Artifact', { type: 'Layout' });
        doc
          .moveTo(MARGIN, ruleY)
          .lineTo(PAGE_WIDTH - MARGIN, ruleY)
          .lineWidth(0.75)
          .strokeColor(RULE_COLOR)
          .stroke();
        doc.endMarkedContent();
        doc.y = ruleY + 18;
        return;
      }
      case 'heading': {
        const size = HEADING_SIZES[block.level];
        doc.y += block.level === 1 ? 6 : 4;
        // Keep a heading with at least three lines of what follows it.
        ensureSpace(
          doc,
          measure(doc, block.content, CONTENT_WIDTH, size, true) + 3 * (BODY_SIZE + LINE_GAP + 3),
        );
        this.tag(`H${block.level}`, () =>
          writeLines(doc, toLines(block.content, true), MARGIN, doc.y, { size, width: CONTENT_WIDTH }),
        );
        doc.y += 3;
        return;
      }
      case 'paragraph':
        this.writeParagraph(block, MARGIN, CONTENT_WIDTH);
        doc.y += BLOCK_GAP;
        return;
      case 'subject': {
        const labelWidth = 36;
        const height = measure(doc, block.content, CONTENT_WIDTH - labelWidth, BODY_SIZE);
        ensureSpace(doc, height);
        const top = doc.y;
        this.tag('P', () => {
          doc
            .font('bold')
            .fontSize(BODY_SIZE)
            .fillColor(TEXT_COLOR)
            .text('RE:', MARGIN, top, { lineBreak: false });
          writeLines(doc, toLines(block.content), MARGIN + labelWidth, top, {
            size: BODY_SIZE,
            width: CONTENT_WIDTH - labelWidth,
          });
        });
        doc.x = MARGIN;
        doc.y += BLOCK_GAP + 2;
        return;
      }
      case 'list':
        this.writeList(block);
        doc.y += BLOCK_GAP - 3;
        return;
      case 'table':
        this.writeTable(block);
        doc.y += BLOCK_GAP + 2;
        return;
      case 'signature':
        this.writeSignature(block);
        return;
      case 'pagebreak':
        // A break at the top of a page would leave that page blank.
        if (doc.y > doc.page.margins.top) doc.addPage();
        return;
      default: {
        const unknown: never = block;
        throw new GenerationError(`Unknown block ${String(unknown)}`);
      }
    }
  }

  private writeParagraph(block: Paragraph, x: number, width: number): void {
    const doc = this.doc;
    const size = block.style === 'note' ? NOTE_SIZE : BODY_SIZE;
    // Never leave a paragraph's first line alone at the bottom of a page.
    ensureSpace(doc, Math.min(measure(doc, block.content, width, size), 2 * (size + LINE_GAP + 3)));
    this.tag('P', () =>
      writeLines(doc, toLines(block.content), x, doc.y, {
        size,
        width,
        ...(block.style === 'note' && { color: MUTED_COLOR }),
      }),
    );
    doc.x = MARGIN;
  }

  private writeList(block: List): void {
    const doc = this.doc;
    const indent = 16;
    const list = doc.struct('L');
    this.root.add(list);
    block.items.forEach((item, index) => {
      ensureSpace(doc, BODY_SIZE + LINE_GAP + 4);
      const top = doc.y;
      const label = block.ordered ? `${index + 1}.` : '•';
      list.add(
        doc.struct('LI', {}, [
          doc.struct('Lbl', {}, () =>
            doc
              .font('regular')
              .fontSize(BODY_SIZE)
              .fillColor(TEXT_COLOR)
              .text(label, MARGIN + 4, top, {
                lineBreak: false,
              }),
          ),
          doc.struct('LBody', {}, () =>
            writeLines(doc, toLines(item), MARGIN + indent + 4, top, {
              size: BODY_SIZE,
              width: CONTENT_WIDTH - indent - 4,
            }),
          ),
        ]),
      );
      doc.y += 3;
    });
    list.end();
    doc.x = MARGIN;
  }

  private columnWidths(block: Table): number[] {
    const doc = this.doc;
    const rows = [...(block.head.length > 0 ? [block.head] : []), ...block.body];
    const columns = Math.max(...rows.map((row) => row.length));
    const padding = 10;
    const natural = Array.from({ length: columns }, (_, column) =>
      Math.max(
        ...rows.map((row) => {
          const cell = row[column];
          if (!cell) return 0;
          doc.font(row === block.head ? 'bold' : 'regular').fontSize(BODY_SIZE);
          return (
            Math.max(
              ...plainText(cell)
                .split('\n')
                .map((line) => doc.widthOfString(line)),
            ) + padding
          );
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

  private writeTable(block: Table): void {
    const doc = this.doc;
    const widths = this.columnWidths(block);
    const pad = 4;
    const table = doc.struct('Table');
    this.root.add(table);

    const rowHeight = (row: Inline[][], header: boolean): number =>
      Math.max(...row.map((cell, i) => measure(doc, cell, (widths[i] ?? 0) - 2 * pad, BODY_SIZE, header))) +
      2 * pad;
    const writeRow = (row: Inline[][], header: boolean): void => {
      const height = rowHeight(row, header);
      if (doc.y + height > doc.page.maxY()) {
        doc.addPage();
        if (!header && block.head.length > 0) writeRow(block.head, true);
      }
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
        tableRow.add(
          doc.struct(header ? 'TH' : 'TD', {}, () =>
            writeLines(doc, toLines(cell, header), cellX + pad, top + pad, {
              size: BODY_SIZE,
              width: (widths[i] ?? 0) - 2 * pad,
            }),
          ),
        );
        x += widths[i] ?? 0;
      });
      tableRow.end();
      doc.x = MARGIN;
      doc.y = top + height;
    };

    if (block.head.length > 0) {
      // Never leave the header row alone at the bottom of a page.
      const first = block.body[0];
      ensureSpace(doc, rowHeight(block.head, true) + (first ? rowHeight(first, false) : 0));
      writeRow(block.head, true);
    }
    for (const row of block.body) writeRow(row, false);
    table.end();
  }

  private writeSignature(block: Signature): void {
    const doc = this.doc;
    const imageHeight = 48;
    const height = block.parts.reduce(
      (sum, part) =>
        sum +
        (part.kind === 'image' ? imageHeight + 4 : measure(doc, part.content, CONTENT_WIDTH, BODY_SIZE) + 6),
      0,
    );
    ensureSpace(doc, height + BLOCK_GAP);
    doc.y += BLOCK_GAP;
    for (const part of block.parts) {
      if (part.kind === 'image') {
        const image = this.letter.images[part.name];
        if (!image) continue;
        const top = doc.y;
        this.tag('Figure', () => doc.image(Buffer.from(image), MARGIN, top, { fit: [180, imageHeight] }), {
          alt: 'Signature of the provider',
        });
        doc.x = MARGIN;
        doc.y = top + imageHeight + 4;
      } else {
        this.writeParagraph(part, MARGIN, CONTENT_WIDTH);
        doc.y += 6;
      }
    }
  }
}

/** Running content, written once the page count is known: continuation header, footer, DRAFT mark. */
function writePageFurniture(doc: Doc, letter: LetterDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    doc.markContent('Artifact', { type: 'Pagination' });
    if (index > start) {
      doc.font('regular').fontSize(8.5).fillColor(MUTED_COLOR);
      doc.text(letter.info.runningHeader, MARGIN, 40, { width: CONTENT_WIDTH, lineBreak: false });
      doc
        .moveTo(MARGIN, 54)
        .lineTo(PAGE_WIDTH - MARGIN, 54)
        .lineWidth(0.5)
        .strokeColor(RULE_COLOR)
        .stroke();
    }
    doc.font('regular').fontSize(7.5).fillColor(MUTED_COLOR);
    doc.text(letter.info.footer, MARGIN, PAGE_HEIGHT - 50, { width: CONTENT_WIDTH - 70, lineBreak: false });
    doc.text(`Page ${index - start + 1} of ${count}`, PAGE_WIDTH - MARGIN - 70, PAGE_HEIGHT - 50, {
      width: 70,
      align: 'right',
      lineBreak: false,
    });
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

/** Lays out the document tree on US Letter pages and returns the PDF bytes (identical for identical input). */
export async function writePdf(letter: LetterDocument): Promise<Uint8Array> {
  try {
    const created = pdfDate(letter.info.date);
    const doc = new PDFDocument({
      size: 'LETTER',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      tagged: true,
      lang: 'en-US',
      displayTitle: true,
      pdfVersion: '1.7',
      // No default font: pdfkit would load Helvetica's metrics, and a font object passed here is opened
      // again, and compared with this one, on every later doc.font('regular').
      font: null as unknown as string,
      info: {
        Title: letter.info.title,
        Author: letter.info.author,
        Subject: letter.info.subject,
        Creator: 'lmnkit',
        Producer: 'lmnkit',
        CreationDate: created,
        ModDate: created,
      },
    });
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
    const layout = new Layout(doc, letter, root);
    for (const block of letter.blocks) layout.writeBlock(block);
    root.end();
    writePageFurniture(doc, letter);
    doc.end();
    await finished;
    return new Uint8Array(Buffer.concat(chunks));
  } catch (error) {
    if (error instanceof GenerationError) throw error;
    throw new GenerationError('The PDF could not be written.', { cause: error });
  }
}
