// What makes a letter an archival PDF/A-3b and PDF/UA-1 file that carries its own data: the XMP metadata
// (pdfkit writes Info values into XML unescaped, and no ModifyDate, so lmnkit writes the packet itself), the
// embedded letter data as an associated file (AFRelationship /Data), and a file /ID derived from that data.
// pdfkit's own PDF/A support adds the pdfaid identifier and the sRGB output intent (the ICC profile it ships).
import { createHash } from 'node:crypto';

type Doc = PDFKit.PDFDocument;

/** The name of the embedded letter data, as `pdfdetach -list` and `lmnkit extract` show it. */
export const LETTER_DATA_NAME = 'lmnkit-letter.json';

/** The PDF/A and PDF/UA parts every letter claims. */
export const CONFORMANCE = { pdfa: { part: 3, conformance: 'B' }, pdfua: { part: 1 } } as const;

/** pdfkit's document members this module replaces or sets (checked by patch-pdfkit's shape check). */
interface ArchivalInternals {
  _addInfo: () => void;
  appendXML: (xml: string, newline?: boolean) => void;
  _id: Uint8Array;
}

export interface ArchivalInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** The letter's calendar date (YYYY-MM-DD): creation, modification and metadata date alike. */
  date: string;
}

/** The document options that make pdfkit write PDF/A-3b (output intent, pdfaid) with fixed dates. */
export function archivalOptions(info: ArchivalInfo, created: Date) {
  return {
    subset: 'PDF/A-3b' as const,
    pdfVersion: '1.7' as const,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords,
      Creator: 'lmnkit',
      Producer: 'lmnkit',
      CreationDate: created,
      ModDate: created,
      // What poppler's pdfinfo reads the conformance from (it does not read the XMP identifiers).
      GTS_PDFA1Version: `PDF/A-${CONFORMANCE.pdfa.part}${CONFORMANCE.pdfa.conformance.toLowerCase()}`,
    },
  };
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[character] ?? character,
  );
}

/** PDF/A allows XMP properties outside its predefined schemas only when an extension schema describes them. */
const PDFUA_EXTENSION = `
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`;

/** The XMP properties that mirror the Info dictionary (PDF/A requires them to agree), and the PDF/UA part. */
function xmpOf(info: ArchivalInfo): string {
  const date = `${info.date}T00:00:00Z`;
  const [title, author, subject, keywords] = [info.title, info.author, info.subject, info.keywords].map(
    escapeXml,
  );
  return `
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<xmp:CreatorTool>lmnkit</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${subject}</rdf:li></rdf:Alt></dc:description>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>lmnkit</pdf:Producer>
<pdf:Keywords>${keywords}</pdf:Keywords>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>${CONFORMANCE.pdfua.part}</pdfuaid:part>
</rdf:Description>${PDFUA_EXTENSION}`;
}

/**
 * Writes lmnkit's XMP packet instead of pdfkit's, embeds the letter data as an associated file and derives
 * the file /ID from it (so two letters share an /ID only when they share their data).
 */
export function makeArchival(
  doc: Doc,
  info: ArchivalInfo,
  created: Date,
  data: Uint8Array | undefined,
): void {
  const internals = doc as unknown as ArchivalInternals;
  internals._addInfo = () => internals.appendXML(xmpOf(info));
  if (data === undefined) return;
  internals._id = createHash('sha256').update(data).digest().subarray(0, 16);
  doc.file(Buffer.from(data), {
    // @types/pdfkit lacks `relationship`, which pdfkit 0.20 writes as the file's /AFRelationship.
    name: LETTER_DATA_NAME,
    type: 'application/json',
    relationship: 'Data',
    description: 'The letter data: the validated input this letter was written from',
    creationDate: created,
    modifiedDate: created,
  } as PDFKit.Mixins.PDFAttachmentOptions);
}
