// The FHIR R4 resources lmnkit reads, as zod schemas of the elements it uses: everything else a
// resource carries is let through unread. Element names: FHIR R4 (4.0.1), https://hl7.org/fhir/R4/.
import { z } from 'zod';

const text = z.string();
const list = <Schema extends z.ZodType>(item: Schema) => z.array(item).optional();

export const Coding = z.looseObject({
  system: text.optional(),
  code: text.optional(),
  display: text.optional(),
});
export type Coding = z.infer<typeof Coding>;

export const CodeableConcept = z.looseObject({ coding: list(Coding), text: text.optional() });
export type CodeableConcept = z.infer<typeof CodeableConcept>;

export const Reference = z.looseObject({ reference: text.optional(), display: text.optional() });
export type Reference = z.infer<typeof Reference>;

export const Identifier = z.looseObject({
  use: text.optional(),
  type: CodeableConcept.optional(),
  system: text.optional(),
  value: text.optional(),
});
export type Identifier = z.infer<typeof Identifier>;

export const HumanName = z.looseObject({
  use: text.optional(),
  family: text.optional(),
  given: list(text),
  prefix: list(text),
});
export type HumanName = z.infer<typeof HumanName>;

export const Address = z.looseObject({
  use: text.optional(),
  line: list(text),
  city: text.optional(),
  state: text.optional(),
  postalCode: text.optional(),
  country: text.optional(),
});
export type Address = z.infer<typeof Address>;

export const ContactPoint = z.looseObject({
  system: text.optional(),
  value: text.optional(),
  use: text.optional(),
  rank: z.int().min(1).optional(),
});
export type ContactPoint = z.infer<typeof ContactPoint>;

const Period = z.looseObject({ start: text.optional(), end: text.optional() });
const Quantity = z.looseObject({
  value: z.number().optional(),
  unit: text.optional(),
  system: text.optional(),
  code: text.optional(),
});
const Money = z.looseObject({ value: z.number().optional(), currency: text.optional() });

export const Patient = z.looseObject({
  name: list(HumanName),
  birthDate: text.optional(),
  address: list(Address),
  telecom: list(ContactPoint),
});

export const Practitioner = z.looseObject({
  identifier: list(Identifier),
  name: list(HumanName),
  telecom: list(ContactPoint),
  qualification: list(z.looseObject({ code: CodeableConcept })),
});

export const PractitionerRole = z.looseObject({
  identifier: list(Identifier),
  practitioner: Reference.optional(),
  organization: Reference.optional(),
  specialty: list(CodeableConcept),
  telecom: list(ContactPoint),
});

export const Organization = z.looseObject({
  identifier: list(Identifier),
  type: list(CodeableConcept),
  name: text.optional(),
  address: list(Address),
  telecom: list(ContactPoint),
});

export const Coverage = z.looseObject({
  identifier: list(Identifier),
  type: CodeableConcept.optional(),
  subscriberId: text.optional(),
  payor: list(Reference),
  class: list(z.looseObject({ type: CodeableConcept, value: text, name: text.optional() })),
});

export const Condition = z.looseObject({
  code: CodeableConcept.optional(),
  onsetDateTime: text.optional(),
  onsetPeriod: Period.optional(),
});

export const TimingRepeat = z.looseObject({
  boundsDuration: Quantity.optional(),
  boundsPeriod: Period.optional(),
  count: z.int().optional(),
  duration: z.number().optional(),
  durationMax: z.number().optional(),
  durationUnit: text.optional(),
  frequency: z.int().optional(),
  frequencyMax: z.int().optional(),
  period: z.number().optional(),
  periodMax: z.number().optional(),
  periodUnit: text.optional(),
});
export type TimingRepeat = z.infer<typeof TimingRepeat>;

export const ServiceRequest = z.looseObject({
  code: CodeableConcept.optional(),
  orderDetail: list(CodeableConcept),
  occurrenceTiming: z.looseObject({ repeat: TimingRepeat.optional() }).optional(),
  occurrencePeriod: Period.optional(),
  occurrenceDateTime: text.optional(),
  requester: Reference.optional(),
  reasonCode: list(CodeableConcept),
  reasonReference: list(Reference),
  bodySite: list(CodeableConcept),
});

export const Observation = z.looseObject({
  status: text.optional(),
  code: CodeableConcept,
  effectiveDateTime: text.optional(),
  effectivePeriod: Period.optional(),
  valueQuantity: Quantity.optional(),
  valueInteger: z.int().optional(),
});

const Adjudication = z.looseObject({ reason: CodeableConcept.optional() });
const ItemAdjudications = z.looseObject({ adjudication: list(Adjudication) });

export const ClaimResponse = z.looseObject({
  identifier: list(Identifier),
  created: text.optional(),
  request: Reference.optional(),
  disposition: text.optional(),
  adjudication: list(Adjudication),
  item: list(ItemAdjudications),
});

export const ExplanationOfBenefit = z.looseObject({
  identifier: list(Identifier),
  created: text.optional(),
  claimResponse: Reference.optional(),
  disposition: text.optional(),
  adjudication: list(Adjudication),
  item: list(ItemAdjudications.extend({ servicedDate: text.optional() })),
  total: list(z.looseObject({ category: CodeableConcept, amount: Money })),
});

export const Claim = z.looseObject({
  item: list(z.looseObject({ servicedDate: text.optional() })),
  total: Money.optional(),
});

/** The resource types lmnkit reads, each with the schema of the elements it uses. */
export const READ_RESOURCES = {
  Patient,
  Practitioner,
  PractitionerRole,
  Organization,
  Coverage,
  Condition,
  ServiceRequest,
  Observation,
  ClaimResponse,
  ExplanationOfBenefit,
  Claim,
} as const;

export type ReadType = keyof typeof READ_RESOURCES;
export type ResourceOf<Type extends ReadType> = z.infer<(typeof READ_RESOURCES)[Type]>;
