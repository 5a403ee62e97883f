import { describe, expect, it } from 'vitest';
import { formLayout, kinds, searchIcd10cm } from '../../src/index.js';
import { FIELD_HINTS, formHints, listFieldPaths } from '../../src/letters/form-hints.js';

interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  enum?: string[];
  anyOf?: Schema[];
  const?: string;
}

/** The schemas at a path, rows written `*`, one per union variant that has it. */
function schemasAt(schema: Schema, path: string): Schema[] {
  const [key = '', ...rest] = path.split('.');
  return (schema.oneOf ?? [schema]).flatMap((variant) => {
    const child = key === '*' ? variant.items : variant.properties?.[key];
    if (child === undefined) return [];
    return rest.length === 0 ? [child] : schemasAt(child, rest.join('.'));
  });
}

const layouts = kinds().map(({ kind }) => formLayout(kind));

describe('form layout hints', () => {
  it('places every top-level field of every kind in exactly one section', () => {
    for (const { schema, hints } of layouts) {
      const topLevel = listFieldPaths(schema).filter((path) => !path.includes('.'));
      const placed = hints.sections.flatMap((section) => section.fields);
      expect(placed.sort()).toEqual([...topLevel].sort());
      expect(hints.sections.map((section) => section.id)).not.toContain('other');
    }
  });

  it('puts a field no section names in "Other details"', () => {
    const schema = { type: 'object', properties: { date: { type: 'string' }, mood: { type: 'string' } } };
    const hints = formHints({ name: 'new-kind', purposes: [] }, schema);
    expect(hints.sections).toEqual([
      { id: 'letter', title: 'Letter and recipient', fields: ['date'] },
      { id: 'other', title: 'Other details', fields: ['mood'] },
    ]);
    expect(Object.keys(hints.fields)).toEqual(['date']);
    expect(hints.patientMode).toBeUndefined();
  });

  it('has no hint that no kind uses', () => {
    const used = new Set(layouts.flatMap(({ hints }) => Object.keys(hints.fields)));
    expect(Object.keys(FIELD_HINTS).filter((key) => !used.has(key))).toEqual([]);
  });

  it('names exactly the values each enum takes', () => {
    for (const { schema, hints } of layouts) {
      for (const [path, hint] of Object.entries(hints.fields)) {
        if (hint.options === undefined) continue;
        for (const field of schemasAt(schema, path)) {
          // The discriminator of a union is a const in each variant; an enumeration accepting other
          // spellings lists its values as the first form of an anyOf.
          const values =
            field.enum ??
            field.anyOf?.[0]?.enum ??
            (schema as Schema).oneOf?.map((variant) => variant.properties?.[path]?.const);
          expect(Object.keys(hint.options).sort(), path).toEqual([...(values ?? [])].sort());
        }
      }
    }
  });

  it('reads the union of an LMN: both purposes’ coverage fields and the purpose to start from', () => {
    const lmn = formLayout('lmn');
    const paths = listFieldPaths(lmn.schema);
    expect(paths).toEqual(
      expect.arrayContaining(['coverage.payer', 'coverage.administrator', 'diagnoses.*.code']),
    );
    expect(lmn.hints.sections[0]?.fields[0]).toBe('purpose');
    expect(lmn.hints.patientMode).toEqual({ purpose: 'hsa-fsa' });
    expect(formLayout('appeal').hints.patientMode).toBeUndefined();
  });

  it('offers the built-in ICD-10-CM table for a type-ahead', () => {
    expect(searchIcd10cm('low back', 3)).toEqual([
      { code: 'M54.50', title: 'Low back pain, unspecified', billable: true },
      { code: 'M54.51', title: 'Vertebrogenic low back pain', billable: true },
      { code: 'M54.59', title: 'Other low back pain', billable: true },
    ]);
    expect(searchIcd10cm('')).toEqual([]);
  });
});
