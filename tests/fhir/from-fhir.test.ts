import { describe, expect, it } from 'vitest';
import {
  check,
  FhirMappingError,
  fromFhir,
  generate,
  locateFindings,
  locateIssues,
  type Issue,
} from '../../src/index.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';
import {
  bundleOf,
  exampleCase,
  firstOfType,
  fixture,
  FIXTURE_FILES,
  KINDS,
  MIRRORED_EXAMPLE,
  pathOf,
  resourceIn,
  type Json,
} from './support.js';

/** The issues of the FhirMappingError that `run` must throw. */
function mappingIssues(run: () => unknown): Issue[] {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FhirMappingError);
  return [...(caught as FhirMappingError).issues];
}

function checkMapped(kind: string, bundle: Json, overlay: Json = {}) {
  const mapping = fromFhir(kind, bundle, overlay);
  const report = check(kind, mapping.input, { today: TODAY });
  return {
    mapping,
    issues: locateIssues(mapping, report.issues),
    findings: locateFindings(mapping, report.findings),
  };
}

const practitioner = (id: string, npi?: string): Json => ({
  ...fixture('Practitioner-example'),
  id,
  identifier: npi === undefined ? [] : [{ system: 'http://hl7.org/fhir/sid/us-npi', value: npi }],
});

describe('the case Bundles in examples/fhir', () => {
  it.each(KINDS)('%s: the Bundle and its overlay give the letter input the Bundle was built from', (kind) => {
    const { bundle, overlay } = exampleCase(kind);
    const expected = loadExample(MIRRORED_EXAMPLE[kind] ?? kind);
    // The prior-auth Bundle bounds the course by a period: it ends on a date rather than after 6 weeks.
    if (kind === 'prior-auth') expected.treatment.duration = { endDate: '2027-01-17' };
    // The Bundle gives the CARC as X12 lists it; the schema then writes 50 as CO-50.
    if (kind === 'appeal') expected.denial.reasonCode = '50';
    const mapping = fromFhir(kind, bundle, overlay);
    expect(mapping.input).toEqual(expected);
    expect(check(kind, mapping.input, { today: TODAY }).issues).toEqual([]);
  });

  it.each(KINDS)('%s: a letter renders from the Bundle with what it says', async (kind) => {
    const { bundle, overlay } = exampleCase(kind);
    const { input } = fromFhir(kind, bundle, overlay);
    const { pdf } = await generate<string>(kind, input, { today: TODAY });
    const { text } = await readPdf(pdf);
    const patient = firstOfType(bundle, 'Patient');
    const condition = firstOfType(bundle, 'Condition');
    expect(text).toContain(`${patient.name[0].given[0]} ${patient.name[0].family}`);
    expect(text).toContain(condition.code.coding[0].code);
  });

  it('says where each value came from: the Bundle element, or the overlay', () => {
    const { bundle, overlay } = exampleCase('lmn');
    const { sources } = fromFhir('lmn', bundle, overlay);
    expect(sources['diagnoses.0.code']).toBe(`${pathOf(bundle, 'a1f3-condition-1')}.code.coding[0].code`);
    expect(sources['provider.npi']).toBe(`${pathOf(bundle, 'a1f3-practitioner')}.identifier[0].value`);
    expect(sources['treatment.frequency.count']).toBe(
      `${pathOf(bundle, 'a1f3-order')}.occurrenceTiming.repeat.frequency`,
    );
    expect(sources['treatment.procedures.1.code']).toBe(
      `${pathOf(bundle, 'a1f3-order')}.orderDetail[0].coding[0].code`,
    );
    expect(sources['treatment.procedures.1.minutes']).toBe('overlay.treatment.procedures.1.minutes');
    expect(sources['date']).toBe('overlay.date');
  });

  it('resolves urn:uuid references of a transaction Bundle', () => {
    const { bundle, overlay } = exampleCase('prior-auth');
    expect(bundle.type).toBe('transaction');
    const { input } = fromFhir('prior-auth', bundle, overlay);
    expect(input).toMatchObject({
      provider: { specialty: 'Physical Medicine and Rehabilitation' },
      coverage: { payer: 'Health Net of California' },
    });
  });
});

describe('the HL7 R4 example resources', () => {
  it.each(FIXTURE_FILES)('%s maps without error for every kind', (file) => {
    const resource = fixture(file);
    const bundle = resource.resourceType === 'Bundle' ? resource : bundleOf(resource);
    for (const kind of KINDS) expect(() => fromFhir(kind, bundle)).not.toThrow();
  });

  it('reads the names, NPI and coverage of the PAS referral Bundle', () => {
    const { input, sources } = fromFhir('prior-auth', fixture('Bundle-ReferralAuthorizationBundleExample'));
    expect(input).toMatchObject({
      patient: { firstName: 'JOE', lastName: 'SMITH' },
      provider: { lastName: 'WATSON', npi: '1234567893', practice: { name: 'DR. JOE SMITH CORPORATION' } },
      coverage: { payer: 'MARYLAND CAPITAL INSURANCE COMPANY', memberId: '1122334455' },
    });
    expect(sources['coverage.memberId']).toBe(
      'Bundle.entry[3].resource(Coverage/InsuranceExample).subscriberId',
    );
  });

  it('reads a reason Condition contained in the ServiceRequest', () => {
    const { input, sources } = fromFhir('prescription', bundleOf(fixture('ServiceRequest-physiotherapy')));
    expect(input.diagnoses).toEqual([
      { code: 'E84.0', description: 'Cystic fibrosis with pulmonary manifestations', onset: '2012-11-12' },
    ]);
    expect(sources['diagnoses.0.code']).toBe(
      'Bundle.entry[0].resource(ServiceRequest/physiotherapy).contained[1](Condition/cystic-fibrosis).code.coding[0].code',
    );
  });

  it('reads the middle name of the R4 Patient example', () => {
    const { input } = fromFhir('lmn', bundleOf(fixture('Patient-example')));
    expect(input.patient).toMatchObject({
      firstName: 'Peter',
      middleName: 'James',
      lastName: 'Chalmers',
      dateOfBirth: '1974-12-25',
    });
  });
});

describe('ambiguity is an error naming the candidates', () => {
  it('two Coverages', () => {
    const issues = mappingIssues(() =>
      fromFhir('lmn', bundleOf(fixture('Coverage-9876B1'), fixture('Coverage-7546D'))),
    );
    expect(issues).toEqual([
      {
        path: 'Bundle',
        code: 'FHIR_AMBIGUOUS',
        message: expect.stringContaining(
          'candidates for the coverage (Coverage) and nothing says which one the letter is about: Bundle.entry[0].resource(Coverage/9876B1), Bundle.entry[1].resource(Coverage/7546D)',
        ) as string,
      },
    ]);
  });

  it('three Practitioners and no requester to choose by', () => {
    const bundle = bundleOf(practitioner('a'), practitioner('b'), practitioner('c'));
    expect(mappingIssues(() => fromFhir('prescription', bundle))).toEqual([
      expect.objectContaining({
        path: 'Bundle',
        code: 'FHIR_AMBIGUOUS',
        message: expect.stringContaining(
          'the signing provider (Practitioner) and nothing says which one the letter is about: Bundle.entry[0].resource(Practitioner/a), Bundle.entry[1].resource(Practitioner/b), Bundle.entry[2].resource(Practitioner/c)',
        ) as string,
      }),
    ]);
  });

  it('the ServiceRequest requester chooses among Practitioners', () => {
    const order = { resourceType: 'ServiceRequest', id: 'o', requester: { reference: 'Practitioner/b' } };
    const { input } = fromFhir(
      'prescription',
      bundleOf(practitioner('a', '1558598797'), practitioner('b', '1740293810'), order),
    );
    expect(input.provider).toMatchObject({ npi: '1740293810' });
  });

  it.each<[string, Json[], string, string[]]>([
    [
      'two Patients',
      [fixture('Patient-example'), { ...fixture('Patient-example'), id: 'other' }],
      'the patient',
      ['Bundle.entry[0].resource(Patient/example)', 'Bundle.entry[1].resource(Patient/other)'],
    ],
    [
      'two ServiceRequests',
      [fixture('ServiceRequest-physiotherapy'), fixture('ServiceRequest-physical-therapy')],
      'the therapy ordered (ServiceRequest)',
      [
        'Bundle.entry[0].resource(ServiceRequest/physiotherapy)',
        'Bundle.entry[1].resource(ServiceRequest/physical-therapy)',
      ],
    ],
    [
      'two practice Organizations',
      [fixture('Organization-f001'), fixture('Organization-2'), practitioner('a')],
      'the practice (Organization)',
      ['Bundle.entry[0].resource(Organization/f001)', 'Bundle.entry[1].resource(Organization/2)'],
    ],
    [
      'two PractitionerRoles of the signer',
      [
        practitioner('example'),
        fixture('PractitionerRole-example'),
        { ...fixture('PractitionerRole-example'), id: 'second' },
      ],
      "the signing provider's PractitionerRole",
      [
        'Bundle.entry[1].resource(PractitionerRole/example)',
        'Bundle.entry[2].resource(PractitionerRole/second)',
      ],
    ],
    [
      'two denied claims',
      [fixture('ClaimResponse-R3500'), fixture('ClaimResponse-R3501')],
      'the denied claim',
      ['Bundle.entry[0].resource(ClaimResponse/R3500)', 'Bundle.entry[1].resource(ClaimResponse/R3501)'],
    ],
  ])('%s', (_name, resources, what, candidates) => {
    const issues = mappingIssues(() => fromFhir('appeal', bundleOf(...resources)));
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'Bundle',
        code: 'FHIR_AMBIGUOUS',
        message: expect.stringContaining(what) as string,
      }),
    ]);
    expect(issues[0]?.message).toContain(`which one the letter is about: ${candidates.join(', ')};`);
  });

  it('an EOB and the ClaimResponse it names are one denied claim', () => {
    const { input } = fromFhir(
      'appeal',
      bundleOf(fixture('ClaimResponse-R3500'), fixture('ExplanationOfBenefit-EB3500')),
    );
    expect(input.denial).toMatchObject({
      claimNumber: '987654321',
      datesOfService: ['2014-08-16'],
      amount: 135.57,
    });
  });

  it.each([
    [
      'a Coverage with two payors',
      () =>
        bundleOf({
          ...fixture('Coverage-9876B1'),
          payor: [{ reference: 'Organization/2' }, { reference: 'Organization/f001' }],
        }),
      'Bundle.entry[0].resource(Coverage/9876B1).payor',
    ],
    [
      'a Practitioner with two NPIs',
      () =>
        bundleOf({
          ...practitioner('a', '1558598797'),
          identifier: [
            { system: 'http://hl7.org/fhir/sid/us-npi', value: '1558598797' },
            { system: 'http://hl7.org/fhir/sid/us-npi', value: '1740293810' },
          ],
        }),
      'Bundle.entry[0].resource(Practitioner/a).identifier',
    ],
    [
      'a Condition with two ICD-10-CM codings',
      () =>
        bundleOf({
          resourceType: 'Condition',
          id: 'c',
          code: {
            coding: [
              { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M54.50' },
              { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M54.59' },
            ],
          },
        }),
      'Bundle.entry[0].resource(Condition/c).code',
    ],
    [
      'a claim with two adjustment reason codes',
      () => {
        const eob = fixture('ExplanationOfBenefit-EB3500');
        const reason = (code: string) => ({
          reason: { coding: [{ system: 'https://x12.org/codes/claim-adjustment-reason-codes', code }] },
        });
        return bundleOf({
          ...eob,
          adjudication: [reason('50')],
          item: [{ ...eob.item[0], adjudication: [reason('96')] }],
        });
      },
      'Bundle.entry[0].resource(ExplanationOfBenefit/EB3500).adjudication',
    ],
    [
      'a claim with two identifiers, none official',
      () => bundleOf({ ...fixture('ClaimResponse-R3500'), identifier: [{ value: 'A1' }, { value: 'B2' }] }),
      'Bundle.entry[0].resource(ClaimResponse/R3500).identifier',
    ],
  ])('%s', (_name, build, path) => {
    expect(mappingIssues(() => fromFhir('appeal', build()))).toEqual([
      expect.objectContaining({ path, code: 'FHIR_AMBIGUOUS' }),
    ]);
  });

  it('two scores of one outcome measure on one date', () => {
    const score = (id: string) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
      effectiveDateTime: '2026-11-16',
      valueInteger: 4,
    });
    const issues = mappingIssues(() => fromFhir('appeal', bundleOf(score('a'), score('b'))));
    expect(issues[0]?.message).toContain(
      'Bundle.entry[0].resource(Observation/a), Bundle.entry[1].resource(Observation/b)',
    );
  });
});

describe('what cannot be mapped is listed with its Bundle path', () => {
  const timing = (repeat: Json): Json => ({
    resourceType: 'ServiceRequest',
    id: 'o',
    occurrenceTiming: { repeat },
  });
  const score = (id: string, status: string, date: string, value = 5): Json => ({
    resourceType: 'Observation',
    id,
    status,
    code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
    effectiveDateTime: date,
    valueInteger: value,
  });

  it.each<[string, string, () => Json, string, string | undefined]>([
    [
      'a Condition without ICD-10-CM',
      'lmn',
      () => bundleOf(fixture('Condition-example')),
      'Bundle.entry[0].resource(Condition/example).code',
      'diagnoses',
    ],
    [
      'an Observation that is no outcome measure',
      'appeal',
      () => bundleOf(fixture('Observation-example')),
      'Bundle.entry[0].resource(Observation/example).code',
      'clinical.outcomeMeasures',
    ],
    [
      'a preliminary score',
      'appeal',
      () => bundleOf(score('p', 'preliminary', '2026-11-16')),
      'Bundle.entry[0].resource(Observation/p).status',
      'clinical.outcomeMeasures',
    ],
    [
      'a score between the baseline and the latest',
      'appeal',
      () =>
        bundleOf(
          score('a', 'final', '2026-09-28'),
          score('b', 'final', '2026-10-20'),
          score('c', 'final', '2026-11-16'),
        ),
      'Bundle.entry[1].resource(Observation/b)',
      'clinical.outcomeMeasures',
    ],
    [
      'a Coverage type that is no plan type',
      'lmn',
      () => bundleOf(fixture('Coverage-9876B1')),
      'Bundle.entry[0].resource(Coverage/9876B1).type',
      'coverage.planType',
    ],
    [
      'a payor outside the Bundle',
      'lmn',
      () => bundleOf(fixture('Coverage-9876B1')),
      'Bundle.entry[0].resource(Coverage/9876B1).payor[0]',
      'coverage.payer',
    ],
    [
      'a Practitioner without an NPI',
      'lmn',
      () => bundleOf(fixture('Practitioner-example')),
      'Bundle.entry[0].resource(Practitioner/example).identifier',
      'provider.npi',
    ],
    [
      'a resource type lmnkit does not read',
      'prior-auth',
      () => fixture('Bundle-ReferralAuthorizationBundleExample'),
      'Bundle.entry[8].resource(Location/ReferralLocationExample)',
      undefined,
    ],
    [
      'a ServiceRequest without CPT or HCPCS',
      'lmn',
      () => bundleOf(fixture('ServiceRequest-physical-therapy')),
      'Bundle.entry[0].resource(ServiceRequest/physical-therapy).code',
      'treatment.procedures',
    ],
    [
      'a frequency range (1 to 4 a day)',
      'lmn',
      () => bundleOf(fixture('ServiceRequest-physiotherapy')),
      'Bundle.entry[0].resource(ServiceRequest/physiotherapy).occurrenceTiming.repeat',
      'treatment.frequency',
    ],
    [
      'a session-length range',
      'lmn',
      () => bundleOf(fixture('ServiceRequest-physiotherapy')),
      'Bundle.entry[0].resource(ServiceRequest/physiotherapy).occurrenceTiming.repeat.durationMax',
      'treatment.sessionMinutes',
    ],
    [
      'twice every 2 weeks',
      'lmn',
      () => bundleOf(timing({ frequency: 2, period: 2, periodUnit: 'wk' })),
      'Bundle.entry[0].resource(ServiceRequest/o).occurrenceTiming.repeat',
      'treatment.frequency',
    ],
    [
      'a course in days',
      'lmn',
      () => bundleOf(timing({ boundsDuration: { value: 30, code: 'd' } })),
      'Bundle.entry[0].resource(ServiceRequest/o).occurrenceTiming.repeat.boundsDuration',
      'treatment.duration',
    ],
    [
      'a course as a count of sessions',
      'lmn',
      () => bundleOf(timing({ count: 12 })),
      'Bundle.entry[0].resource(ServiceRequest/o).occurrenceTiming.repeat.count',
      'treatment.duration',
    ],
    [
      'sessions in seconds',
      'lmn',
      () => bundleOf(timing({ duration: 90, durationUnit: 's' })),
      'Bundle.entry[0].resource(ServiceRequest/o).occurrenceTiming.repeat.duration',
      'treatment.sessionMinutes',
    ],
    [
      'a reason that is not in the Bundle',
      'lmn',
      () =>
        bundleOf({
          resourceType: 'ServiceRequest',
          id: 'o',
          reasonReference: [{ reference: 'Condition/gone' }],
        }),
      'Bundle.entry[0].resource(ServiceRequest/o).reasonReference[0]',
      'diagnoses',
    ],
    [
      'a Condition that is not a reason of the order',
      'lmn',
      () => bundleOf(fixture('ServiceRequest-physiotherapy'), fixture('Condition-example')),
      'Bundle.entry[1].resource(Condition/example)',
      'diagnoses',
    ],
    [
      'a partial date of birth',
      'lmn',
      () => bundleOf({ ...fixture('Patient-example'), birthDate: '1974-12' }),
      'Bundle.entry[0].resource(Patient/example).birthDate',
      'patient.dateOfBirth',
    ],
    [
      'a prefix that is no title',
      'lmn',
      () =>
        bundleOf({
          ...fixture('Patient-example'),
          name: [{ family: 'Chalmers', given: ['Peter'], prefix: ['Rev'] }],
        }),
      'Bundle.entry[0].resource(Patient/example).name[0].prefix[0]',
      'patient.title',
    ],
    [
      'a claim without a CARC',
      'appeal',
      () => bundleOf(fixture('ClaimResponse-R3500')),
      'Bundle.entry[0].resource(ClaimResponse/R3500)',
      'denial.reasonCode',
    ],
    [
      'a claim whose Claim is not in the Bundle',
      'appeal',
      () => bundleOf(fixture('ClaimResponse-R3500')),
      'Bundle.entry[0].resource(ClaimResponse/R3500).request',
      'denial.datesOfService',
    ],
    [
      'a partial date of service',
      'appeal',
      () => bundleOf({ ...fixture('ExplanationOfBenefit-EB3500'), item: [{ servicedDate: '2014-08' }] }),
      'Bundle.entry[0].resource(ExplanationOfBenefit/EB3500).item[0].servicedDate',
      'denial.datesOfService',
    ],
    [
      'an outcome measure in a prescription',
      'prescription',
      () => bundleOf(score('s', 'final', '2026-11-16')),
      'Bundle.entry[0].resource(Observation/s)',
      undefined,
    ],
  ])('%s', (_name, kind, build, path, field) => {
    const { unmapped } = fromFhir(kind, build());
    expect(unmapped).toContainEqual({
      path,
      reason: expect.any(String) as string,
      ...(field !== undefined && { field }),
    });
  });
});

describe('problems with the mapped input point into the Bundle', () => {
  it('a code the Bundle gives', () => {
    const { bundle, overlay } = exampleCase('lmn');
    resourceIn(bundle, 'a1f3-condition-2').code.coding[0].code = 'not a code';
    const { issues } = checkMapped('lmn', bundle, overlay);
    expect(issues).toEqual([
      {
        path: `${pathOf(bundle, 'a1f3-condition-2')}.code.coding[0].code`,
        code: 'INVALID_ICD10CM',
        message: 'must be an ICD-10-CM code such as M54.50 (field diagnoses.1.code)',
      },
    ]);
  });

  it('an NPI the Bundle gives', () => {
    const { bundle, overlay } = exampleCase('appeal');
    resourceIn(bundle, 'd4c6-practitioner').identifier[0].value = '1882053478';
    const { issues } = checkMapped('appeal', bundle, overlay);
    expect(issues).toEqual([
      expect.objectContaining({
        path: `${pathOf(bundle, 'd4c6-practitioner')}.identifier[0].value`,
        code: 'INVALID_NPI',
      }),
    ]);
  });

  it('a value the overlay gives, and one it must give', () => {
    const { bundle, overlay } = exampleCase('appeal');
    overlay.date = '11/25/2026';
    delete overlay.clinical.history;
    const { issues } = checkMapped('appeal', bundle, overlay);
    expect(issues).toEqual([
      { path: 'overlay.date', code: 'INVALID_FORMAT', message: 'use YYYY-MM-DD, e.g. 2026-11-20' },
      { path: 'overlay.clinical.history', code: 'REQUIRED', message: 'is required' },
    ]);
  });

  it('a field left empty because its Bundle element could not be mapped names that element', () => {
    const { bundle, overlay } = exampleCase('prescription');
    for (const id of ['b2e4-condition-1', 'b2e4-condition-2'])
      resourceIn(bundle, id).code.coding[0].system = 'http://snomed.info/sct';
    const { issues } = checkMapped('prescription', bundle, overlay);
    expect(issues).toEqual([
      expect.objectContaining({ path: 'overlay.diagnoses', code: 'REQUIRED' }),
      expect.objectContaining({ path: `${pathOf(bundle, 'b2e4-condition-1')}.code`, code: 'FHIR_UNMAPPED' }),
      expect.objectContaining({ path: `${pathOf(bundle, 'b2e4-condition-2')}.code`, code: 'FHIR_UNMAPPED' }),
    ]);
  });

  it('a finding on a score the Bundle gives', () => {
    const { bundle, overlay } = exampleCase('appeal');
    const { findings } = checkMapped('appeal', bundle, overlay);
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'OUTCOME_BELOW_MCID',
        path: `${pathOf(bundle, 'd4c6-odi-2')}.valueQuantity.value`,
      }),
    );
  });

  it('a malformed element of a resource read', () => {
    const bundle = bundleOf({ ...fixture('Patient-example'), birthDate: 19741225 });
    expect(mappingIssues(() => fromFhir('lmn', bundle))).toEqual([
      expect.objectContaining({
        path: 'Bundle.entry[0].resource(Patient/example).birthDate',
        code: 'FHIR_INVALID_ELEMENT',
      }),
    ]);
  });

  it.each([
    ['not a Bundle', fixture('Patient-example'), 'Bundle.resourceType'],
    ['nothing', null, 'Bundle'],
    ['a search result', { resourceType: 'Bundle', type: 'searchset', entry: [] }, 'Bundle.type'],
  ])('%s', (_name, bundle, path) => {
    expect(mappingIssues(() => fromFhir('lmn', bundle))).toContainEqual(
      expect.objectContaining({ path, code: 'FHIR_NOT_A_CASE_BUNDLE' }),
    );
  });

  it('an entry whose resource has no resourceType', () => {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: { id: 'x' } }] };
    expect(mappingIssues(() => fromFhir('lmn', bundle))).toEqual([
      expect.objectContaining({ path: 'Bundle.entry[0].resource', code: 'FHIR_INVALID_ELEMENT' }),
    ]);
  });

  it('an overlay that is not an object', () => {
    expect(mappingIssues(() => fromFhir('lmn', bundleOf(), []))).toEqual([
      expect.objectContaining({ path: 'overlay', code: 'FHIR_INVALID_OVERLAY' }),
    ]);
  });

  it('no problem quotes a value of the Bundle', () => {
    const canary = 'Zqxcanary';
    const { bundle, overlay } = exampleCase('appeal');
    const patient = resourceIn(bundle, 'd4c6-patient');
    patient.name[0].family = `${canary}\u202E`;
    patient.birthDate = `${canary}-1`;
    resourceIn(bundle, 'd4c6-condition-1').code.coding[0].code = canary;
    const located = checkMapped('appeal', bundle, overlay);
    expect(located.issues.length).toBeGreaterThan(2);
    const twoPatients = bundleOf(
      patient,
      { ...patient, id: 'twin' },
      { ...fixture('Patient-example'), name: 7 },
    );
    const refused = mappingIssues(() => fromFhir('appeal', twoPatients));
    expect(JSON.stringify([located.issues, located.findings, refused])).not.toContain(canary);
  });
});

describe('the overlay is merged over the Bundle', () => {
  it('item by item in lists, the overlay winning; null removes a member', () => {
    const { bundle } = exampleCase('lmn');
    const overlay = {
      diagnoses: [{ description: 'Low back pain' }],
      patient: { firstName: 'Mariá' },
      coverage: { groupNumber: null },
    };
    const copy = structuredClone(overlay);
    const { input, sources } = fromFhir('lmn', bundle, overlay);
    expect(input).toMatchObject({
      diagnoses: [{ code: 'M54.50', description: 'Low back pain', onset: '2025-03-02' }, { code: 'M62.830' }],
      patient: { firstName: 'Mariá', lastName: 'Delgado-Reyes' },
    });
    expect((input.coverage as Json).groupNumber).toBeUndefined();
    expect(sources).toMatchObject({
      'diagnoses.0.code': expect.stringContaining('Condition/a1f3-condition-1') as string,
      'diagnoses.0.description': 'overlay.diagnoses.0.description',
      'patient.firstName': 'overlay.patient.firstName',
    });
    expect(sources['coverage.groupNumber']).toBeUndefined();
    expect(overlay).toEqual(copy);
  });

  it('keeps a __proto__ key a key, which the schema then refuses', () => {
    const { bundle, overlay } = exampleCase('lmn');
    const mapping = fromFhir('lmn', bundle, {
      ...overlay,
      ...(JSON.parse('{"__proto__": {"polluted": true}}') as Json),
    });
    expect(({} as Json).polluted).toBeUndefined();
    expect(locateIssues(mapping, check('lmn', mapping.input, { today: TODAY }).issues)).toEqual([
      expect.objectContaining({ path: 'overlay.__proto__.polluted', code: 'UNKNOWN_FIELD' }),
    ]);
  });
});

describe('dates', () => {
  it('a dateTime keeps its own calendar date, whatever its offset', () => {
    const observation = (id: string, effectiveDateTime: string, valueInteger: number) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
      effectiveDateTime,
      valueInteger,
    });
    const bundle = bundleOf(
      observation('a', '2026-09-28T23:30:00-10:00', 7),
      observation('b', '2026-11-16T00:15:00+14:00', 3),
    );
    const { input } = fromFhir('appeal', bundle);
    expect(input.clinical).toEqual({
      outcomeMeasures: [
        {
          instrument: 'NPRS',
          baseline: 7,
          baselineDate: '2026-09-28',
          current: 3,
          currentDate: '2026-11-16',
        },
      ],
    });
  });
});
