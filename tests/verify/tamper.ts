// Ways a received letter may have been changed: an incremental update that adds objects after the signed
// bytes (a page, or a catalog without the signature), as any PDF editor appends them, or a changed byte.
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** The text of object `id` as the file holds it (its last definition). */
export function objectText(pdf: Uint8Array, id: number): string {
  const matches = [...latin1(pdf).matchAll(new RegExp(`\\n${id} 0 obj\\n([\\s\\S]*?)\\nendobj`, 'g'))];
  const text = matches.at(-1)?.[1];
  if (text === undefined) throw new Error(`no object ${id}`);
  return text;
}

export function trailerNumber(pdf: Uint8Array, key: 'Root' | 'Size'): number {
  const text = latin1(pdf);
  const found = new RegExp(`/${key} (\\d+)`).exec(text.slice(text.lastIndexOf('trailer')));
  if (!found) throw new Error(`no /${key}`);
  return Number(found[1]);
}

/** Appends an incremental update holding these objects (new or replacing), with its xref and trailer. */
export function appendUpdate(pdf: Uint8Array, objects: Map<number, string>): Uint8Array {
  const previous = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(pdf))?.[1]);
  const size = Math.max(trailerNumber(pdf, 'Size'), ...[...objects.keys()].map((id) => id + 1));
  let update = '\n';
  const offsets = new Map<number, number>();
  for (const [id, body] of objects) {
    offsets.set(id, pdf.length + update.length);
    update += `${id} 0 obj\n${body}\nendobj\n`;
  }
  const xref = pdf.length + update.length;
  update += 'xref\n0 1\n0000000000 65535 f \n';
  for (const [id, offset] of [...offsets].sort(([a], [b]) => a - b))
    update += `${id} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  update += `trailer\n<<\n/Size ${size}\n/Root ${trailerNumber(pdf, 'Root')} 0 R\n/Prev ${previous}\n>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/** The signed letter with a blank page added after its last one. */
export function withPageAppended(pdf: Uint8Array): Uint8Array {
  const catalog = objectText(pdf, trailerNumber(pdf, 'Root'));
  const pagesId = Number(/\/Pages (\d+) 0 R/.exec(catalog)?.[1]);
  const pages = objectText(pdf, pagesId);
  const pageId = trailerNumber(pdf, 'Size');
  const updated = pages
    .replace(/\/Count (\d+)/, (_, count: string) => `/Count ${Number(count) + 1}`)
    .replace(/\/Kids \[([^\]]*)\]/, (_, kids: string) => `/Kids [${kids} ${pageId} 0 R]`);
  return appendUpdate(
    pdf,
    new Map([
      [pagesId, updated],
      [pageId, `<<\n/Type /Page\n/Parent ${pagesId} 0 R\n/MediaBox [0 0 612 792]\n>>`],
    ]),
  );
}

/** The signed letter with the signature field taken out of its catalog and its page. */
export function withSignatureStripped(pdf: Uint8Array): Uint8Array {
  const rootId = trailerNumber(pdf, 'Root');
  const catalog = objectText(pdf, rootId).replace(/\/AcroForm \d+ 0 R\n?/, '');
  const [, pageId = '', page = ''] =
    /\n(\d+) 0 obj\n(<<\n\/Type \/Page\n(?:(?!endobj)[\s\S])*?\/Annots[\s\S]*?)\nendobj/.exec(latin1(pdf)) ??
    [];
  const unsigned = page.replace(/\/Annots \[[^\]]*\]\n?/, '');
  return appendUpdate(
    pdf,
    new Map([
      [rootId, catalog],
      [Number(pageId), unsigned],
    ]),
  );
}

/** The letter with one byte of its signed metadata changed (a keyword's last letter). */
export function withByteChanged(pdf: Uint8Array): Uint8Array {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('<pdf:Keywords>lmnkit letter', 0, 'latin1') + '<pdf:Keywords>lmnkit lette'.length;
  copy[at] = 0x73; // 'r' → 's'
  return copy;
}
