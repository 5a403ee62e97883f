// Issue 11, defects 4 and 10: dates that would overflow date arithmetic, and text that would
// mislead (line separators, stacked combining marks, bidi controls), are refused as input
// problems by the library, the service (422) and the CLI (exit 3), never a crash.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { check, generate, ValidationError, type AppealInput } from '../src/index.js';
import { CalendarDate, LineText, LongText } from '../src/letters/fields.js';
import { createApp } from '../src/server/app.js';
import { loadExample, readPdf, TODAY } from './support/pdf.js';

const BIN = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));
const OUT_OF_RANGE = 'must be a date in the years 1900 to 2100';

function lmnStarting(startDate: string) {
  const input = loadExample('lmn-insurance');
  input.treatment.startDate = startDate;
  return input;
}

/** The appeal moved to a year, every date in it. */
function appealIn(year: string): AppealInput {
  const text = JSON.stringify(loadExample('appeal')).replace(/"2026-(\d\d-\d\d)"/g, `"${year}-$1"`);
  return JSON.parse(text) as AppealInput;
}

function messagesOf(schema: typeof LineText, value: string): string[] {
  return schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];
}

describe('calendar dates stay in 1900–2100', () => {
  it('accepts the ends of the range and refuses the years beyond', () => {
    expect(CalendarDate.safeParse('1900-01-01').success).toBe(true);
    expect(CalendarDate.safeParse('2100-12-31').success).toBe(true);
    for (const date of ['1899-12-31', '2101-01-01', '9999-12-31', '0100-01-01', '0999-06-15']) {
      expect(CalendarDate.safeParse(date).error?.issues, date).toEqual([
        expect.objectContaining({ message: OUT_OF_RANGE, params: { code: 'DATE_OUT_OF_RANGE' } }),
      ]);
    }
  });

  it('refuses a course starting in 9999 as an input problem, in check and generate', async () => {
    expect(check('lmn', lmnStarting('9999-06-01'), { today: TODAY }).issues).toEqual([
      { path: 'treatment.startDate', code: 'DATE_OUT_OF_RANGE', message: OUT_OF_RANGE },
    ]);
    await expect(generate<string>('lmn', lmnStarting('9999-06-01'), { today: TODAY })).rejects.toThrow(
      ValidationError,
    );
  });

  it('refuses an appeal in year 9999 and dates of service in 0100–0999', async () => {
    await expect(generate('appeal', appealIn('9999'), { today: TODAY })).rejects.toThrow(ValidationError);
    const appeal = loadExample('appeal');
    appeal.denial.datesOfService = ['0100-10-05', '0999-10-07'];
    expect(check('appeal', appeal, { today: TODAY }).issues).toEqual([
      { path: 'denial.datesOfService.0', code: 'DATE_OUT_OF_RANGE', message: OUT_OF_RANGE },
      { path: 'denial.datesOfService.1', code: 'DATE_OUT_OF_RANGE', message: OUT_OF_RANGE },
    ]);
  });

  it('writes the letter for the longest course from the last day of the range', async () => {
    const input = lmnStarting('2100-12-31');
    input.date = '2100-12-01';
    input.treatment.duration = { months: 24 };
    const { pdf } = await generate<string>('lmn', input, { today: '2100-12-01', force: true });
    expect((await readPdf(pdf)).text).toContain('December 31, 2100');
  });

  it('refuses a date of birth after today, and accepts one of today', () => {
    const born = (dateOfBirth: string) => {
      const input = loadExample('lmn-insurance');
      input.patient.dateOfBirth = dateOfBirth;
      return check('lmn', input, { today: TODAY }).issues;
    };
    expect(born('2026-11-28')).toEqual([
      { path: 'patient.dateOfBirth', code: 'DATE_IN_FUTURE', message: 'must not be after today' },
    ]);
    expect(born(TODAY)).toEqual([]);
  });

  it('answers 422 for the PDF and preview over HTTP, and check reports the issue', async () => {
    const app = createApp({ letterOptions: { today: TODAY } });
    for (const route of ['/v1/letters/lmn', '/v1/letters/lmn/preview']) {
      const response = await request(app).post(route).send(lmnStarting('9999-06-01'));
      expect(response.status, route).toBe(422);
      expect(JSON.stringify(response.body)).toContain(OUT_OF_RANGE);
    }
    expect((await request(app).post('/v1/letters/appeal').send(appealIn('9999'))).status).toBe(422);
    const checked = await request(app).post('/v1/letters/lmn/check').send(lmnStarting('9999-06-01'));
    expect(checked.body).toMatchObject({
      ok: false,
      issues: [{ path: 'treatment.startDate', code: 'DATE_OUT_OF_RANGE', message: OUT_OF_RANGE }],
    });
  });

  it('exits 3 from the CLI, naming the field', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lmnkit-dates-')), 'input.json');
    writeFileSync(path, JSON.stringify(lmnStarting('9999-06-01')));
    for (const command of ['check', 'render']) {
      const result = spawnSync(process.execPath, [BIN, command, 'lmn', path, '-o', `${path}.pdf`], {
        encoding: 'utf8',
        env: { ...process.env, LMNKIT_ICD10CM: undefined },
      });
      expect(result.status, command).toBe(3);
      expect(result.stderr).toContain(`treatment.startDate: ${OUT_OF_RANGE}`);
    }
  });
});

describe('text that would mislead is refused with a clear message', () => {
  it('refuses line and paragraph separators in single-line fields, like a newline', () => {
    for (const separator of ['\u2028', '\u2029', '\n']) {
      expect(messagesOf(LineText, `Blue${separator}Shield`)).toEqual([
        'must be a single line (no line breaks, tabs or line separators)',
      ]);
    }
  });

  it('turns separators and Windows line endings into newlines in multi-line fields', () => {
    expect(LongText.parse('First.\u2028Second.\r\nThird.\u2029Fourth.')).toBe(
      'First.\nSecond.\nThird.\nFourth.',
    );
  });

  it('refuses stacked combining marks and keeps the marks real words use', () => {
    expect(messagesOf(LineText, `Ma${'\u0301'.repeat(30)}ria`)).toEqual([
      'has more than 3 combining marks on one character, which would print over the lines around it',
    ]);
    // Vietnamese ệ typed as e + dot below + circumflex.
    expect(LineText.parse('Nguye\u0323\u0302n')).toBe('Nguyệ\u006e');
  });

  it('refuses bidirectional controls, which make the preview and the PDF read differently', () => {
    for (const control of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      for (const schema of [LineText, LongText]) {
        expect(messagesOf(schema, `Maria${control}airaM`)).toEqual([
          'contains a bidirectional control character (U+202A–U+202E, U+2066–U+2069), which can make the letter show other text than was typed; remove it',
        ]);
      }
    }
    const input = loadExample('lmn-insurance');
    input.clinical.history = 'Pain \u202Efor 3 weeks';
    expect(check('lmn', input, { today: TODAY }).issues).toEqual([
      { path: 'clinical.history', code: 'INVALID_TEXT', message: expect.stringContaining('bidirectional') },
    ]);
  });
});
