// FHIR R4 bodies on POST /v1/letters/:kind (and /check, /preview): `application/fhir+json` is a
// Bundle; `application/vnd.lmnkit.fhir+json` is {bundle, overlay}. The Bundle is mapped on the event
// loop (linear in its entries, and the body is at most 1 MB), then the letter takes the usual path.
import { performance } from 'node:perf_hooks';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import {
  check,
  FhirMappingError,
  fromFhir,
  locateFindings,
  locateIssues,
  RuleError,
  ValidationError,
  type FhirMapping,
  type GenerateOptions,
} from '../index.js';

export const FHIR_BUNDLE = 'application/fhir+json';
export const FHIR_ENVELOPE = 'application/vnd.lmnkit.fhir+json';

/** The request bodies the letter routes take besides the letter input itself (for the OpenAPI document). */
export const FHIR_REQUEST_CONTENT = {
  [FHIR_BUNDLE]: {
    schema: {
      type: 'object',
      description: 'A FHIR R4 Bundle (type collection, document or transaction) holding the case.',
      required: ['resourceType'],
      properties: { resourceType: { const: 'Bundle' } },
    },
  },
  [FHIR_ENVELOPE]: {
    schema: {
      type: 'object',
      description:
        "A FHIR R4 Bundle and an overlay in the letter input's shape, merged over what the Bundle gives.",
      required: ['bundle'],
      additionalProperties: false,
      properties: { bundle: { type: 'object' }, overlay: { type: 'object' } },
    },
  },
};

const CHECK_ROUTE = '/v1/letters/:kind/check';

/** The Bundle and overlay of a request, or the envelope's problems. */
function readEnvelope(req: Request): { bundle: unknown; overlay: unknown } {
  if (!req.is(FHIR_ENVELOPE)) return { bundle: req.body, overlay: {} };
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new FhirMappingError([
      {
        path: '',
        code: 'FHIR_INVALID_ENVELOPE',
        message: 'must be a JSON object {"bundle": {…}, "overlay": {…}}',
      },
    ]);
  }
  const extra = Object.keys(body).filter((key) => key !== 'bundle' && key !== 'overlay');
  if (extra.length > 0) {
    throw new FhirMappingError(
      extra.map((key) => ({
        path: key,
        code: 'FHIR_INVALID_ENVELOPE',
        message: 'is not a member of the envelope (bundle, overlay)',
      })),
    );
  }
  const { bundle, overlay = {} } = body as { bundle?: unknown; overlay?: unknown };
  return { bundle, overlay };
}

function mappingOf(res: { locals: Record<string, unknown> }): FhirMapping | undefined {
  return res.locals.fhirMapping as FhirMapping | undefined;
}

/**
 * `mapBody` goes after the JSON body parser of the letter routes: a FHIR body becomes the letter
 * input (a check is answered at once, with Bundle paths); `locateProblems` goes before the error
 * handler and gives a mapped letter's problems their Bundle paths.
 */
export function createFhirBody(letterOptions: Omit<GenerateOptions, 'force'>): {
  mapBody: RequestHandler;
  locateProblems: ErrorRequestHandler;
} {
  const mapBody: RequestHandler = (req, res, next) => {
    if (!req.is([FHIR_BUNDLE, FHIR_ENVELOPE])) {
      next();
      return;
    }
    const started = performance.now();
    const { bundle, overlay } = readEnvelope(req);
    const mapping = fromFhir(String(req.params.kind), bundle, overlay);
    if ((req.route as { path?: unknown } | undefined)?.path === CHECK_ROUTE) {
      const report = check(mapping.kind, mapping.input, letterOptions);
      res.set('Server-Timing', `check;dur=${(performance.now() - started).toFixed(1)}`).json({
        ok: report.ok,
        issues: locateIssues(mapping, report.issues),
        findings: locateFindings(mapping, report.findings),
        unmapped: mapping.unmapped,
      });
      return;
    }
    res.locals.fhirMapping = mapping;
    req.body = mapping.input;
    next();
  };

  const locateProblems: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    const mapping = mappingOf(res);
    if (mapping !== undefined && error instanceof ValidationError && !(error instanceof FhirMappingError)) {
      next(new ValidationError(locateIssues(mapping, error.issues)));
    } else if (mapping !== undefined && error instanceof RuleError) {
      next(new RuleError(locateFindings(mapping, error.findings)));
    } else next(error);
  };

  return { mapBody, locateProblems };
}
