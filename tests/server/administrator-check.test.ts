import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { loadExample, TODAY } from '../support/pdf.js';

const app = createApp({ letterOptions: { today: TODAY } });

function fsafedsWithoutEmployer() {
  const input = loadExample('lmn-hsa-fsa-fsafeds');
  delete input.coverage.employer;
  return input;
}

describe('HTTP: administrator profiles', () => {
  it('shows profile findings from the check endpoint', async () => {
    const response = await request(app).post('/v1/letters/lmn/check').send(fsafedsWithoutEmployer());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ok: false,
      issues: [],
      findings: [
        {
          code: 'ADMINISTRATOR_FIELD_MISSING',
          level: 'error',
          path: 'coverage.employer',
          message:
            "FSAFEDS requires the account holder's employer in the letter: the Federal FSA Program may deny a letter that is missing any item on its list.",
          source: expect.stringMatching(
            /^FSAFEDS: .*\(checked \d{4}-\d{2}-\d{2}\) <https:\/\/www\.fsafeds\.com\//,
          ),
        },
      ],
    });
    const unknown = loadExample('lmn-hsa-fsa-fsafeds');
    unknown.coverage.administrator = 'Acme Benefits';
    const info = await request(app).post('/v1/letters/lmn/check').send(unknown);
    expect(info.body).toMatchObject({
      ok: true,
      findings: [{ code: 'ADMINISTRATOR_UNKNOWN', level: 'info', path: 'coverage.administrator' }],
    });
  });

  it('refuses to write the letter with 422 and the finding as an issue', async () => {
    const response = await request(app).post('/v1/letters/lmn').send(fsafedsWithoutEmployer());
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.issues).toEqual([
      {
        path: 'coverage.employer',
        code: 'ADMINISTRATOR_FIELD_MISSING',
        message: expect.stringContaining('FSAFEDS'),
      },
    ]);
  });
});
