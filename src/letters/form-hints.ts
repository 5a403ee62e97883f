// How the web form lays out a kind's JSON Schema: sections, labels, help, widgets. The form is
// drawn from the schema; these hints only name and order things, so a new kind needs no new page.
import { CARC_CODES } from '../codes/carc.js';
import { CPT_CODES } from '../codes/cpt.js';
import { OUTCOME_MEASURES } from '../codes/outcome-measures.js';
import { listAdministratorProfiles } from './lmn/administrators/index.js';

export interface FieldHint {
  label?: string;
  help?: string;
  /** Shown instead of `help` when a patient prepares a draft. */
  patientHelp?: string;
  placeholder?: string;
  widget?: 'textarea' | 'tel' | 'email' | 'image' | 'icd10cm';
  /** Arrays: what one row is called ("Diagnosis" gives "Add diagnosis", "Diagnosis 2"). */
  itemLabel?: string;
  /** Enums: the words shown for each value. */
  options?: Record<string, string>;
  /** Values offered while typing; any other value is still accepted. */
  suggestions?: { value: string; label: string }[];
  /** Left out when a patient prepares a draft: only the provider completes it. */
  providerOnly?: boolean;
  /** Objects: the fields shown first, in this order (the rest follow in schema order). */
  order?: string[];
  /** A group of which exactly one field is given: none is marked optional. */
  exactlyOne?: boolean;
}

export interface FormSection {
  id: string;
  title: string;
  /** Top-level fields, in order. */
  fields: string[];
  help?: string;
  /** Marked "for your provider" when a patient prepares a draft. */
  forProvider?: boolean;
}

export interface FormHints {
  sections: FormSection[];
  /** By field path (`*` stands for any row) or, for a bare name such as `phone`, at any depth. */
  fields: Record<string, FieldHint>;
  /** The purpose in which a patient may prepare a draft for their clinician, if any. */
  patientMode?: { purpose: string };
  /** HSA/FSA administrators and the optional fields each one requires, so the form marks them required. */
  administrators?: AdministratorFields[];
}

export interface AdministratorFields {
  name: string;
  /** The id, name and aliases, lower case, letters and digits only (how the rules match them). */
  keys: string[];
  /** Required when the patient holds the account. */
  self: string[];
  /** Required when someone else holds it (`patient.accountHolder`). */
  holder: string[];
}

const SECTIONS: readonly FormSection[] = [
  { id: 'letter', title: 'Letter and recipient', fields: ['purpose', 'date', 'recipient'] },
  { id: 'patient', title: 'Patient', fields: ['patient'] },
  { id: 'provider', title: 'Provider and practice', fields: ['provider'] },
  { id: 'coverage', title: 'Coverage', fields: ['coverage'] },
  {
    id: 'diagnoses',
    title: 'Diagnoses',
    fields: ['diagnoses', 'indication'],
    forProvider: true,
    help: 'The conditions the therapy treats, most important first.',
  },
  {
    id: 'treatment',
    title: 'Treatment',
    fields: ['treatment', 'contraindications', 'goals', 'reEvaluationDate'],
    forProvider: true,
  },
  { id: 'priorAuth', title: 'Authorization request', fields: ['priorAuth'], forProvider: true },
  {
    id: 'clinical',
    title: 'Clinical',
    fields: ['clinical'],
    forProvider: true,
    help: 'Reviewers look for current status in numbers, what was tried, and measurable goals.',
  },
  {
    id: 'denial',
    title: 'Denial',
    fields: ['denial', 'answer', 'authorizedRepresentative', 'networkProvider'],
    forProvider: true,
  },
  { id: 'enclosures', title: 'Enclosures', fields: ['enclosures'] },
  { id: 'pages', title: 'Extra pages', fields: ['coverPage', 'language', 'packet', 'coverSheet', 'fax'] },
];

const PHONE: FieldHint = { widget: 'tel', placeholder: '(555) 123-4567' };
const MEASURABLE = 'Measurable: a number and a time frame, e.g. “pain from 7/10 to 3/10 within 8 weeks”.';

export const FIELD_HINTS: Record<string, FieldHint> = {
  // Any depth.
  line1: { label: 'Street address' },
  line2: { label: 'Address line 2' },
  state: { label: 'State', placeholder: 'CA' },
  postalCode: { label: 'ZIP code' },
  phone: { ...PHONE, label: 'Phone' },
  fax: { ...PHONE, label: 'Fax' },
  email: { widget: 'email', label: 'Email' },
  memberId: { label: 'Member ID' },
  npi: { label: 'NPI', help: '10 digits.' },

  purpose: {
    label: 'Sent to',
    options: {
      insurance: 'A health insurer (utilization review)',
      'hsa-fsa': 'An HSA, FSA or HRA administrator',
    },
  },
  date: { label: 'Letter date' },
  recipient: { label: 'Recipient' },
  'recipient.name': { label: 'Person', help: 'Leave empty for “To whom it may concern”.' },
  'recipient.organization': { label: 'Organization', placeholder: 'Blue Shield of California' },
  'recipient.department': { placeholder: 'Utilization Management Department' },
  'patient.middleName': { label: 'Middle name' },
  'patient.title': { label: 'Title', help: 'How the letter names an adult patient: “Ms. Delgado-Reyes”.' },
  'patient.memberId': { help: 'When there is no coverage section, or it differs.' },
  'patient.accountHolder': {
    label: 'Account holder',
    help: 'For an HSA/FSA letter when the account belongs to someone else, such as a parent.',
  },
  'patient.accountHolder.relationship': { label: 'Relationship to the patient', placeholder: 'mother' },
  'patient.accountHolder.idLast4': { label: 'Participant ID, last 4 digits' },
  'provider.credentials': {
    itemLabel: 'Credential',
    suggestions: ['MD', 'DO', 'DC', 'DPT', 'PT', 'NP', 'PA-C', 'OT', 'LMT'].map((value) => ({
      value,
      label: value,
    })),
  },
  'provider.npi': {
    patientHelp:
      'Your provider’s 10-digit National Provider Identifier: on a receipt or superbill, or in the public NPI Registry (npiregistry.cms.hhs.gov).',
  },
  'provider.license': { label: 'License' },
  'provider.practice.logo': { label: 'Logo (PNG or JPEG)', widget: 'image' },
  'provider.signature': {
    label: 'Signature',
    help: 'A draft has DRAFT on every page. “For signature” prints a clean copy to sign by hand; an electronic signature needs your own attestation.',
    providerOnly: true,
    order: ['mode', 'electronic', 'image'],
  },
  'provider.signature.mode': {
    label: 'Letter to print',
    options: {
      draft: 'Draft: DRAFT on every page',
      'for-signature': 'For signature: a clean copy to sign by hand',
      electronic: 'Electronically signed: with my attestation below',
      digital: 'Digitally signed: with the signing certificate that names me',
    },
  },
  'provider.signature.electronic': {
    label: 'Electronic signature',
    help: 'Only the signer fills this in: the letter prints “Electronically signed by …” with these words.',
  },
  'provider.signature.electronic.attestedOn': { label: 'Date signed' },
  'provider.signature.electronic.statement': {
    label: 'Attestation',
    placeholder: 'I reviewed this letter and sign it electronically.',
  },
  'provider.signature.image': {
    label: 'Signature image (PNG or JPEG)',
    widget: 'image',
    help: 'Printed only with an electronic signature.',
  },
  'coverage.payer': { label: 'Health plan', placeholder: 'Blue Shield of California' },
  'coverage.referralOnFile': { label: 'A referral from the primary care physician is on file' },
  'coverage.employerPlan': {
    label: 'A private employer’s group plan (ERISA)',
    help: 'Only then does the letter cite the federal claims rule; leave it unticked when unsure.',
  },
  'coverage.priorAuthorizationNumber': { label: 'Prior authorization number' },
  'coverage.injury': {
    label: 'Injury and claim',
    help: 'For workers’ compensation and auto claims, or a health plan billed for an injury.',
  },
  'coverage.injury.causation': {
    label: 'How the diagnoses relate to the injury',
    widget: 'textarea',
    help: 'Your opinion, in your words; the letter prints it as written and says nothing about causation otherwise.',
  },
  'coverage.injury.mechanism': { label: 'How the injury happened', widget: 'textarea' },
  'coverage.injury.adjuster': { label: 'Adjuster or claims examiner' },
  'coverage.primaryPayer': {
    label: 'Primary payer',
    help: 'Who pays first for an injury (workers’ compensation, PIP, med-pay) and where that stands.',
  },
  'coverage.administrator': {
    label: 'Administrator',
    placeholder: 'HealthEquity',
    help: 'Pick a listed administrator and the checks apply its own requirements.',
    // The profiles without aliases are the generic rules, not an administrator to pick.
    suggestions: listAdministratorProfiles().flatMap(({ name, aliases }) =>
      aliases[0] === undefined ? [] : [{ value: aliases[0], label: name }],
    ),
  },
  'coverage.accountType': { label: 'Account type' },
  'coverage.planYearEnd': { label: 'Plan year ends' },
  'coverage.participantId': { label: 'Participant ID' },
  diagnoses: { itemLabel: 'Diagnosis' },
  'diagnoses.*.code': {
    label: 'ICD-10-CM code',
    widget: 'icd10cm',
    help: 'Type a code (M54.5) or words (low back) and pick from the list.',
  },
  'diagnoses.*.description': {
    help: 'Filled in when you pick a code; needed for a code outside the list.',
  },
  'diagnoses.*.onset': { label: 'Onset date' },
  indication: { label: 'Indication', help: 'The clinical reason in one sentence.' },
  treatment: {
    order: ['service', 'startDate', 'frequency', 'duration', 'sessionMinutes', 'procedures', 'deliveredBy'],
  },
  'treatment.service': { label: 'Service' },
  'treatment.procedures': { itemLabel: 'Procedure' },
  'treatment.procedures.*.code': {
    label: 'CPT or HCPCS code',
    suggestions: CPT_CODES.map(({ code, label }) => ({ value: code, label })),
    patientHelp: 'Ask your provider’s office; 97124 is massage therapy.',
  },
  'treatment.procedures.*.minutes': { label: 'Minutes per session' },
  'treatment.procedures.*.region': { label: 'Body region', placeholder: 'lumbar spine' },
  'treatment.procedures.*.modifiers': { itemLabel: 'Modifier' },
  'treatment.procedures.*.units': {
    label: 'Units per session',
    help: 'Leave empty to count them from the minutes (8-minute rule).',
  },
  'treatment.techniques': { itemLabel: 'Technique' },
  'treatment.bodyAreas': { label: 'Body areas', itemLabel: 'Body area' },
  'treatment.frequency.count': { label: 'Sessions' },
  'treatment.frequency.per': { label: 'Per' },
  'treatment.duration': { help: 'Give one: weeks, months or an end date.', exactlyOne: true },
  'treatment.duration.endDate': { label: 'End date' },
  'treatment.startDate': { label: 'Start date' },
  'treatment.sessionMinutes': { label: 'Session length (minutes)' },
  'treatment.deliveredBy': { placeholder: 'a state-licensed massage therapist' },
  'treatment.precautions': { itemLabel: 'Precaution' },
  'treatment.rationale': {
    label: 'Why this much care',
    widget: 'textarea',
    help: 'Needed in an insurance letter for more than 3 visits a week, more than 12 weeks or more than 36 sessions.',
  },
  contraindications: { itemLabel: 'Contraindication' },
  goals: { itemLabel: 'Goal', help: MEASURABLE },
  reEvaluationDate: { label: 'Re-evaluation date', help: 'Defaults to the last day of the course.' },
  'clinical.treatingSince': { label: 'Treating since' },
  'clinical.history': {
    label: 'History and current status',
    help: 'The condition, how it started, examination and imaging findings.',
    patientHelp: 'Describe the condition in your own words; your provider will review and complete it.',
  },
  'clinical.examFindings': { label: 'Examination findings' },
  'clinical.symptoms': { itemLabel: 'Symptom' },
  'clinical.symptoms.*.severity': { label: 'Severity (0–10)' },
  'clinical.functionalLimitations': {
    itemLabel: 'Limitation',
    help: 'In daily terms: cannot sit for more than 20 minutes, missed work days.',
  },
  'clinical.priorTreatments': { label: 'Prior treatments', itemLabel: 'Prior treatment' },
  'clinical.priorTreatments.*.treatment': { placeholder: 'Physical therapy with a home program' },
  'clinical.priorTreatments.*.duration': { placeholder: '6 weeks' },
  'clinical.goals': { itemLabel: 'Goal', help: MEASURABLE },
  'clinical.outcomeMeasures': { itemLabel: 'Outcome measure' },
  'clinical.outcomeMeasures.*.instrument': {
    suggestions: OUTCOME_MEASURES.map(({ id, name }) => ({ value: id, label: name })),
  },
  'clinical.expectedOutcome': { label: 'Expected outcome' },
  'clinical.withoutTreatment': { label: 'Expected without treatment' },
  'clinical.reassessEveryWeeks': { label: 'Re-assess every (weeks)' },
  'priorAuth.urgency': { options: { standard: 'Standard', expedited: 'Expedited (72 hours)' } },
  'priorAuth.requestedUnits': { label: 'Units requested', help: 'Over the whole period.' },
  'priorAuth.renderingProvider': {
    label: 'Rendering provider',
    help: 'When someone else delivers the care.',
  },
  'priorAuth.peerToPeer': { label: 'Peer-to-peer contact', help: 'Defaults to the provider.' },
  'denial.claimNumber': { label: 'Claim number' },
  'denial.datesOfService': { itemLabel: 'Date of service' },
  'denial.reasonCode': {
    label: 'Reason code (CARC)',
    placeholder: 'CO-50',
    suggestions: CARC_CODES.map(({ number, usualGroup, meaning }) => ({
      value: `${usualGroup}-${number}`,
      label: meaning,
    })),
  },
  'denial.reasonText': { label: 'Reason as the notice words it' },
  'denial.level': {
    label: 'Appeal level',
    options: {
      'first-internal': 'First-level internal appeal',
      'second-internal': 'Second-level internal appeal',
      'external-review': 'External review',
      expedited: 'Expedited appeal',
      'medicare-redetermination': 'Medicare redetermination',
    },
  },
  'denial.amount': { label: 'Amount billed (US$)' },
  'denial.finalInternalDenial': { label: 'This is the plan’s final internal denial' },
  'denial.deemedExhausted': { label: 'Why internal appeals are deemed exhausted' },
  'denial.noticeDeadline': { label: 'Deadline printed on the notice' },
  answer: { label: 'Your answer to the stated reason', widget: 'textarea' },
  authorizedRepresentative: {
    label: 'The member’s authorized-representative designation',
    help: 'The plan’s form the member signed to let you appeal for them.',
  },
  networkProvider: { label: 'I am a network provider of this plan' },
  enclosures: { itemLabel: 'Enclosure' },
  coverPage: {
    label: 'Add a cover page for the patient',
    help: 'In plain words: where to send the letter, what to attach, how long it is valid.',
  },
  language: { label: 'Cover page language', options: { en: 'English', es: 'Spanish (español)' } },
  packet: { label: 'Add a page listing what to submit with each claim' },
  coverSheet: {
    label: 'Add a fax cover sheet',
    help: "A first page addressed to the recipient's fax, with the page count and a confidentiality notice.",
    options: { fax: 'Fax cover sheet' },
  },
  'fax.subject': {
    label: 'Fax subject',
    help: 'Printed on the cover sheet as written; leave it empty for the kind of letter alone.',
  },
};

const PATIENT_MODES: Record<string, { purpose: string }> = { lmn: { purpose: 'hsa-fsa' } };

const normalizeName = (name: string) =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Where each administrator's items live (src/letters/lmn/administrator-rules.ts says the same). */
function listAdministratorFields(): AdministratorFields[] {
  return listAdministratorProfiles()
    .filter(({ aliases }) => aliases.length > 0)
    .map(({ id, name, aliases, requires, participantItems }) => {
      const clinical = [
        ...(requires.includes('expectedOutcome') ? ['clinical.expectedOutcome'] : []),
        ...(requires.includes('priorTreatments') ? ['clinical.priorTreatments'] : []),
      ];
      const always = participantItems === 'always';
      return {
        name,
        keys: [id, name, ...aliases].map(normalizeName),
        self: [
          ...(always && requires.includes('participantEmployer') ? ['coverage.employer'] : []),
          ...(always && requires.includes('participantIdLast4') ? ['coverage.participantId'] : []),
          ...clinical,
        ],
        holder: [
          ...(requires.includes('participantEmployer') ? ['patient.accountHolder.employer'] : []),
          ...clinical,
        ],
      };
    });
}

type Schema = Record<string, unknown>;

function asSchema(value: unknown): Schema | undefined {
  return value !== null && typeof value === 'object' ? (value as Schema) : undefined;
}

/** Every field path of a schema, rows written `*`; union variants contribute all their fields. */
export function listFieldPaths(schema: Schema, prefix = ''): string[] {
  const variants = [schema.oneOf, schema.anyOf].flatMap((list): unknown[] =>
    Array.isArray(list) ? list : [],
  );
  const properties = asSchema(schema.properties) ?? {};
  const items = asSchema(schema.items);
  return [
    ...variants.flatMap((variant) => listFieldPaths(asSchema(variant) ?? {}, prefix)),
    ...Object.entries(properties).flatMap(([key, child]) => {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      return [path, ...listFieldPaths(asSchema(child) ?? {}, path)];
    }),
    ...(items ? [`${prefix}.*`, ...listFieldPaths(items, `${prefix}.*`)] : []),
  ].filter((path, index, all) => all.indexOf(path) === index);
}

/** A path hint applies to that path; a bare name to that name at any depth. */
function hintApplies(key: string, paths: readonly string[]): boolean {
  if (key.includes('.')) return paths.includes(key);
  return paths.some((path) => path === key || path.endsWith(`.${key}`));
}

/**
 * The layout hints for a kind's JSON Schema: only the sections and hints its fields use, and
 * an "Other details" section for any top-level field no section names.
 */
export function formHints(kind: { name: string; purposes: readonly string[] }, schema: Schema): FormHints {
  const paths = listFieldPaths(schema);
  const topLevel = paths.filter((path) => !path.includes('.'));
  const sections = SECTIONS.map((section) => ({
    ...section,
    fields: section.fields.filter((field) => topLevel.includes(field)),
  })).filter((section) => section.fields.length > 0);
  const placed = new Set(sections.flatMap((section) => section.fields));
  const rest = topLevel.filter((field) => !placed.has(field));
  if (rest.length > 0) sections.push({ id: 'other', title: 'Other details', fields: rest });
  const fields = Object.fromEntries(Object.entries(FIELD_HINTS).filter(([key]) => hintApplies(key, paths)));
  const patientMode = PATIENT_MODES[kind.name];
  return {
    sections,
    fields,
    ...(patientMode && kind.purposes.includes(patientMode.purpose) && { patientMode }),
    ...(kind.purposes.includes('hsa-fsa') && { administrators: listAdministratorFields() }),
  };
}
