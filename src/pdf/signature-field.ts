// The empty signature a signed letter is written with: a signature dictionary whose /ByteRange and /Contents
// are placeholders of fixed width (src/sign/ fills them in place, so no offset moves), and the widget of the
// signature field over the printed "Digitally signed by" lines of the signature block. The widget's own
// appearance is empty: the visible signature is page text, in the structure tree like the rest of the letter.

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Bytes reserved for the CMS signature (certificate chain included); written as twice as many hex digits. */
export const SIGNATURE_BYTES = 16_384;
/** Written as the /ByteRange until the signer knows the offsets; the real numbers are padded to its width. */
export const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 9999999999 9999999999 9999999999]';
const PLACEHOLDER_NUMBER = 9_999_999_999;

/** What the signature dictionary says besides the signature itself. */
export interface SignatureFieldInfo {
  /** The signer's name as the letter prints it. */
  name: string;
  reason: string;
  location: string;
  signedAt: Date;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** pdfkit's AcroForm, as initForm() makes it (pdfkit writes it, and the fields in it, when the document ends). */
interface FormInternals {
  _root: {
    data: { AcroForm: { data: { Fields: unknown[]; NeedAppearances?: boolean; SigFlags?: number } } };
  };
}

/** Adds the unsigned signature dictionary and its field's widget, in the document's AcroForm. */
export function addSignatureField(doc: Doc, parent: Struct, info: SignatureFieldInfo, rect: Rect): void {
  const signature = doc.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [0, PLACEHOLDER_NUMBER, PLACEHOLDER_NUMBER, PLACEHOLDER_NUMBER],
    Contents: new Uint8Array(SIGNATURE_BYTES),
    Name: new String(info.name),
    Reason: new String(info.reason),
    Location: new String(info.location),
    M: info.signedAt,
  });
  signature.end(undefined);
  const appearance = doc.ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, rect.width, rect.height],
    Resources: {},
  });
  appearance.write('');
  appearance.end(undefined);
  doc.initForm();
  const acroForm = (doc as unknown as FormInternals)._root.data.AcroForm;
  delete acroForm.data.NeedAppearances; // PDF/A forbids it; the widget has its appearance
  acroForm.data.SigFlags = 3; // signatures exist; append only
  const form = doc.struct('Form', { alt: `Digital signature of ${info.name}` });
  parent.add(form);
  doc.annotate(rect.x, rect.y, rect.width, rect.height, {
    Subtype: 'Widget',
    FT: 'Sig',
    T: new String('Signature1'),
    TU: new String(`Digital signature of ${info.name}`),
    V: signature,
    F: 4, // printed, as PDF/A requires of every annotation
    P: doc.page.dictionary,
    AP: { N: appearance },
    structParent: form,
  } as unknown as PDFKit.Mixins.AnnotationOption);
  form.end();
  const annotations = (doc.page as unknown as { annotations: unknown[] }).annotations;
  acroForm.data.Fields.push(annotations.at(-1));
}
