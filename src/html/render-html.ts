import type { Block, FlowBlock, ImageName, Inline, LetterDocument, Paragraph } from '../markup/document.js';

type Images = LetterDocument['images'];

// Matches the PDF: US Letter, its margins (0.7in top, 0.8in sides, 0.75in bottom), the same sizes in points.
const STYLESHEET = `
@page { size: letter; margin: 0.7in 0.8in 0.75in; }
body { margin: 0; background: #e9e9e6; color: #111; font: 10.5pt/1.3 Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, 'Times New Roman', serif; }
.letter { position: relative; box-sizing: border-box; display: flex; flex-direction: column; max-width: 8.5in; min-height: 11in; margin: 0.5in auto; padding: 0.7in 0.8in 0.75in; background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 0.3); }
.letter > :first-child { margin-top: 0; }
.letterhead { position: relative; min-height: 0.67in; margin: 0 0 1.5em; padding-bottom: 0.5em; border-bottom: 0.75pt solid #999; text-align: center; }
.letterhead .logo { position: absolute; top: 0; left: 0; max-width: 1.33in; max-height: 0.67in; }
.letterhead .title { margin: 0; font-size: 15pt; font-weight: bold; }
.letterhead .line { margin: 0; font-size: 8.5pt; color: #555; }
h1, h2, h3 { margin: 1em 0 0.3em; line-height: 1.25; break-after: avoid; }
h1, .page-title { font-size: 14pt; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
h2 { font-size: 11.5pt; }
h3 { font-size: 10.5pt; }
p { margin: 0 0 0.75em; }
.note { font-size: 8.5pt; color: #555; }
.subject { display: flex; margin: 0 0 1em; }
.subject .label { flex: 0 0 0.5in; font-weight: bold; }
.subject .content { flex: 1; }
ul, ol { margin: 0 0 0.75em; padding-left: 1.5em; }
li { margin-bottom: 0.15em; break-inside: avoid; }
table { width: 100%; margin: 0 0 1em; border-collapse: collapse; }
th, td { padding: 4pt; border: 0.5pt solid #999; text-align: left; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; }
.signature { margin-top: 1.5em; break-inside: avoid; }
.signature .image { display: block; max-width: 2.5in; max-height: 0.67in; margin-bottom: 0.3em; }
.pagebreak { height: 0.5in; margin: 0.75in -0.8in 0.7in; border: 0; background: #e9e9e6; break-after: page; }
.footer { margin-top: auto; padding-top: 2em; font-size: 7.5pt; color: #555; }
.draft { position: fixed; top: 50%; left: 50%; z-index: 1; transform: translate(-50%, -50%) rotate(-40deg); font: bold 110pt sans-serif; color: #c00; opacity: 0.14; pointer-events: none; user-select: none; }
@media (max-width: 8.5in) { .letter { margin: 0; padding: 0.5in; } .pagebreak { margin: 0.5in -0.5in; } }
@media print { body { background: none; } .letter { max-width: none; min-height: 0; margin: 0; padding: 0; box-shadow: none; } .pagebreak { height: 0; margin: 0; visibility: hidden; } }
`.trim();

// Defence in depth: even a defect in escaping cannot run a script or fetch anything.
const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** The gap between two sheets on screen; a page break in print. */
const PAGE_SEPARATOR = '<hr class="pagebreak">';

const IMAGE_ALT: Record<ImageName, string> = {
  logo: 'Practice logo',
  signature: 'Signature of the provider',
};

/**
 * The letter as a standalone HTML page (inline styles and images, no scripts): the preview of the PDF.
 * @example
 * const html = renderHtml({ info, blocks: parseMarkup(markup, 'lmn'), images: {} });
 */
export function renderHtml(doc: LetterDocument): string {
  const { info } = doc;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(info.title)}</title>`,
    `<style>\n${STYLESHEET}\n</style>`,
    '</head>',
    '<body>',
    '<main class="letter">',
    // The page's one h1 names the letter; the cover and packet pages' own titles are h2 here.
    `<h1 class="visually-hidden">${escapeHtml(info.title)}</h1>`,
    ...(info.draft ? ['<div class="draft" aria-hidden="true">DRAFT</div>'] : []),
    renderHtmlFragment(doc.blocks, doc.images),
    ...(info.footer ? [`<footer class="footer">${escapeHtml(info.footer)}</footer>`] : []),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The blocks alone, as HTML elements styled by the page's stylesheet (for embedding in the web form). */
export function renderHtmlFragment(blocks: readonly Block[], images: Images = {}): string {
  return blocks
    .flatMap((block, index) => {
      const html = renderBlock(block, images);
      // An aside has pages of its own: the rule that separates sheets comes between it and the letter.
      const previous = blocks[index - 1];
      const separate = previous && (block.kind === 'aside' || previous.kind === 'aside');
      return separate ? [PAGE_SEPARATOR, html] : [html];
    })
    .join('\n');
}

function renderBlock(block: Block, images: Images): string {
  if (block.kind === 'aside') {
    const blocks = block.blocks.map((child) => renderFlowBlock(child, images));
    return ['<section class="aside">', ...blocks, '</section>'].join('\n');
  }
  return renderFlowBlock(block, images);
}

function renderFlowBlock(block: FlowBlock, images: Images): string {
  switch (block.kind) {
    case 'letterhead':
      return [
        '<header class="letterhead">',
        ...(block.logo ? [renderImage(block.logo, images, 'logo')] : []),
        `<p class="title">${renderInline(block.title)}</p>`,
        ...block.lines.map((line) => `<p class="line">${renderInline(line)}</p>`),
        '</header>',
      ]
        .filter(Boolean)
        .join('\n');
    case 'heading':
      return block.level === 1
        ? `<h2 class="page-title">${renderInline(block.content)}</h2>`
        : `<h${block.level}>${renderInline(block.content)}</h${block.level}>`;
    case 'paragraph':
      return renderParagraph(block);
    case 'subject':
      return `<div class="subject"><span class="label">RE:</span><div class="content">${renderInline(block.content)}</div></div>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => `<li>${renderInline(item)}</li>`);
      return [`<${tag}>`, ...items, `</${tag}>`].join('\n');
    }
    case 'table': {
      const row = (cells: Inline[][], tag: 'th' | 'td'): string =>
        `<tr>${cells.map((cell) => `<${tag}>${renderInline(cell)}</${tag}>`).join('')}</tr>`;
      return [
        '<table>',
        ...(block.head.length > 0 ? [`<thead>${row(block.head, 'th')}</thead>`] : []),
        '<tbody>',
        ...block.body.map((cells) => row(cells, 'td')),
        '</tbody>',
        '</table>',
      ].join('\n');
    }
    case 'signature': {
      const parts = block.parts.map((part) =>
        part.kind === 'image' ? renderImage(part.name, images, 'image') : renderParagraph(part),
      );
      return ['<section class="signature">', ...parts, '</section>'].filter(Boolean).join('\n');
    }
    case 'pagebreak':
      return PAGE_SEPARATOR;
    default: {
      const unknown: never = block;
      throw new TypeError(`Unknown block ${String(unknown)}`);
    }
  }
}

function renderParagraph(paragraph: Paragraph): string {
  const attributes = paragraph.style === 'note' ? ' class="note"' : '';
  return `<p${attributes}>${renderInline(paragraph.content)}</p>`;
}

function renderInline(content: Inline[]): string {
  return content
    .map((inline) => {
      if (inline.kind === 'break') return '<br>';
      const text = escapeHtml(inline.text);
      const italic = inline.italic ? `<em>${text}</em>` : text;
      return inline.bold ? `<strong>${italic}</strong>` : italic;
    })
    .join('');
}

/** An image as an inline data: URI, or nothing when it is absent or neither PNG nor JPEG. */
function renderImage(name: ImageName, images: Images, className: string): string {
  const bytes = images[name];
  const type = bytes && imageType(bytes);
  if (!bytes || !type) return '';
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return `<img class="${className}" src="data:${type};base64,${data}" alt="${IMAGE_ALT[name]}">`;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

function imageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | undefined {
  const startsWith = (signature: number[]): boolean =>
    signature.every((byte, index) => bytes[index] === byte);
  if (startsWith(PNG_SIGNATURE)) return 'image/png';
  if (startsWith(JPEG_SIGNATURE)) return 'image/jpeg';
  return undefined;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}
