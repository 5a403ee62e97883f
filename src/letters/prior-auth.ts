// Prior-authorization request to the payer before care starts (LETTERS.md "Prior-authorization
// request"; decision times from DOMAIN §4.2).
import { z } from 'zod';
import { addCalendarDays, formatLongDate } from '../calendar.js';
import type { Finding } from '../errors.js';
import { clinicalRules } from './clinical-rules.js';
import { coverageRules } from './coverage-rules.js';
import { describeUnits } from './describe-units.js';
import { diagnosisDescriptionRules, diagnosisRules } from './diagnosis-rules.js';
import {
  CalendarDate,
  Clinical,
  Coverage,
  Diagnoses,
  Enclosures,
  LineText,
  LongText,
  Npi,
  Patient,
  Phone,
  PlanType,
  Provider,
  Recipient,
  ShortText,
  Treatment,
} from './fields.js';
import { defineKind, type RuleContext } from './kind.js';
import { letterRules } from './letter-rules.js';
import {
  commonContext,
  commonView,
  countSessions,
  describeDuration,
  describeFrequency,
  diagnosisDescription,
  SERVICE_NAMES,
  treatmentEndDate,
} from './letter-view.js';
import { procedureRules } from './procedure-rules.js';
import { sessionUnits } from './session-units.js';

export const PriorAuthRequest = z.strictObject({
  urgency: z.enum(['standard', 'expedited']),
  /** 15-minute units (untimed codes: 1 per visit) over the whole period. */
  requestedUnits: z
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(999, 'must be at most 999'),
  /** Why waiting for a standard decision could seriously jeopardize health or function. */
  expeditedReason: LongText.optional(),
  /** Who will deliver the care, when not the requesting provider. */
  renderingProvider: z
    .strictObject({ name: LineText, npi: Npi.optional(), phone: Phone.optional() })
    .optional(),
  /** Who the reviewer should call for a peer-to-peer discussion; defaults to the provider. */
  peerToPeer: z.strictObject({ name: ShortText, phone: Phone, hours: LineText.optional() }).optional(),
});

export const PriorAuth = z.strictObject({
  date: CalendarDate,
  recipient: Recipient,
  patient: Patient,
  provider: Provider,
  coverage: Coverage,
  diagnoses: Diagnoses,
  treatment: Treatment,
  clinical: Clinical,
  priorAuth: PriorAuthRequest,
  enclosures: Enclosures,
});
export type PriorAuth = z.infer<typeof PriorAuth>;

interface DecisionTime {
  /** Calendar days, for date arithmetic; expedited decisions are due in 72 hours. */
  days: number;
  wording: string;
  basis: string | undefined;
}

const CMS_0057_PLANS = new Set<z.infer<typeof PlanType>>(['Medicare Advantage', 'Medicaid']);
const ERISA_PLANS = new Set<z.infer<typeof PlanType>>(['PPO', 'HMO', 'EPO', 'POS', 'HDHP', 'Other']);

/** How soon the plan must decide (DOMAIN §4.2). */
function decisionTime(urgency: 'standard' | 'expedited', planType: z.infer<typeof PlanType>): DecisionTime {
  if (urgency === 'expedited') {
    return {
      days: 3,
      wording: '72 hours',
      basis: CMS_0057_PLANS.has(planType)
        ? 'the time allowed for expedited requests (CMS-0057-F)'
        : ERISA_PLANS.has(planType)
          ? 'the time allowed for urgent care claims (29 CFR 2560.503-1)'
          : undefined,
    };
  }
  if (CMS_0057_PLANS.has(planType)) {
    return {
      days: 7,
      wording: '7 calendar days',
      basis: 'the time allowed for standard requests (CMS-0057-F)',
    };
  }
  return {
    days: 15,
    wording: '15 calendar days',
    basis: ERISA_PLANS.has(planType)
      ? 'the time allowed for pre-service claims (29 CFR 2560.503-1)'
      : undefined,
  };
}

function plannedUnits(data: PriorAuth): number | undefined {
  const perSession = sessionUnits(data.treatment.procedures).total;
  return perSession === undefined ? undefined : perSession * countSessions(data.treatment);
}

export function priorAuthRules(data: PriorAuth, context: RuleContext): Finding[] {
  const { treatment, priorAuth, coverage } = data;
  const findings = [
    ...letterRules(data, context),
    ...diagnosisRules(
      { diagnoses: data.diagnoses, serviceDate: treatment.startDate, ongoingTherapy: true },
      context,
    ),
    ...diagnosisDescriptionRules(data.diagnoses),
    ...coverageRules(coverage, treatment, {
      requestsAuthorization: true,
      requireMemberId: true,
      patientMemberId: data.patient.memberId,
    }),
    ...procedureRules(treatment),
    ...clinicalRules(data.clinical),
  ];
  const planned = plannedUnits(data);
  if (planned !== undefined && priorAuth.requestedUnits > planned) {
    findings.push({
      code: 'REQUESTED_UNITS_EXCEED_PLAN',
      level: 'error',
      path: 'priorAuth.requestedUnits',
      message: `The plan of care supports at most ${planned} units (${countSessions(treatment)} visits at the units their minutes allow by the 8-minute rule); ask for no more.`,
      source: 'DOMAIN §2.2 [CPT-2]',
    });
  }
  if (priorAuth.urgency === 'expedited' && priorAuth.expeditedReason === undefined) {
    findings.push({
      code: 'EXPEDITED_WITHOUT_REASON',
      level: 'warning',
      path: 'priorAuth.expeditedReason',
      message:
        'An expedited request must say why waiting for a standard decision could seriously jeopardize the patient’s life, health or ability to regain maximum function.',
      source: 'DOMAIN §4.2',
    });
  }
  if (treatment.startDate < data.date) {
    findings.push({
      code: 'SERVICE_BEFORE_REQUEST',
      level: 'warning',
      path: 'treatment.startDate',
      message:
        'Care starts before the request is dated; most plans do not authorize care after the fact, so say why it could not wait.',
      source: 'DOMAIN §4.1 (CO-197)',
    });
  } else {
    const decision = decisionTime(priorAuth.urgency, coverage.planType);
    const due = addCalendarDays(data.date, decision.days);
    if (treatment.startDate < due) {
      findings.push({
        code: 'DECISION_DUE_AFTER_START',
        level: 'info',
        path: 'treatment.startDate',
        message: `The plan may take up to ${decision.wording} to decide, until about ${formatLongDate(due)}, which is after the requested start date.`,
        source: 'DOMAIN §4.2',
      });
    }
  }
  return findings;
}

export function priorAuthView(data: PriorAuth) {
  const { treatment, clinical, patient, priorAuth, provider, coverage } = data;
  const service = SERVICE_NAMES[treatment.service];
  const title = `Prior Authorization Request — ${service}`;
  const units = describeUnits(treatment.procedures);
  const decision = decisionTime(priorAuth.urgency, coverage.planType);
  const context = {
    letter: commonContext(data, coverage),
    title,
    coverage,
    patientFirstName: patient.firstName,
    diagnoses: data.diagnoses.map((diagnosis) => ({
      code: diagnosis.code,
      description: diagnosisDescription(diagnosis) ?? '',
      onset: diagnosis.onset && formatLongDate(diagnosis.onset),
    })),
    request: {
      service,
      units: priorAuth.requestedUnits,
      sessions: countSessions(treatment),
      frequency: describeFrequency(treatment.frequency),
      duration: describeDuration(treatment),
      sessionMinutes: treatment.sessionMinutes,
      startDate: formatLongDate(treatment.startDate),
      endDate: formatLongDate(treatmentEndDate(treatment)),
      techniques: treatment.techniques,
      bodyAreas: treatment.bodyAreas,
      deliveredBy: treatment.deliveredBy,
      precautions: treatment.precautions,
      ...units,
      expedited: priorAuth.urgency === 'expedited',
      expeditedReason: priorAuth.expeditedReason,
      decisionTime: decision.wording,
      decisionBasis: decision.basis,
    },
    rendering: priorAuth.renderingProvider,
    clinical: {
      ...clinical,
      treatingSince: clinical.treatingSince && formatLongDate(clinical.treatingSince),
      outcomeMeasures: clinical.outcomeMeasures.map((measure) => ({
        ...measure,
        baselineDate: measure.baselineDate && formatLongDate(measure.baselineDate),
      })),
    },
    peerToPeer: {
      name: priorAuth.peerToPeer?.name,
      phone: priorAuth.peerToPeer?.phone ?? provider.practice.phone,
      hours: priorAuth.peerToPeer?.hours,
    },
    replyFax: provider.practice.fax,
    enclosures: data.enclosures,
  };
  return commonView(data, title, context);
}

export const priorAuth = defineKind({
  name: 'prior-auth',
  title: 'Prior-authorization request',
  purposes: [],
  schema: PriorAuth,
  template: 'prior-auth',
  rules: priorAuthRules,
  view: priorAuthView,
});
