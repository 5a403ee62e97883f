import { addCalendarDays, addCalendarMonths, formatLongDate } from '../../calendar.js';
import type { Finding } from '../../errors.js';
import { clinicalRules } from '../clinical-rules.js';
import { contentRules } from '../content-rules.js';
import { coverageRules } from '../coverage-rules.js';
import { diagnosisDescriptionRules, diagnosisRules } from '../diagnosis-rules.js';
import { finding } from '../findings/index.js';
import type { RuleContext } from '../kind.js';
import { letterRules } from '../letter-rules.js';
import { treatmentEndDate } from '../letter-view.js';
import { procedureRules } from '../procedure-rules.js';
import { chiropracticRules, signerRules } from '../signer-rules.js';
import { administratorRules } from './administrator-rules.js';
import type { HsaFsaLetter } from './hsa-fsa-account.js';
import type { Lmn } from './schema.js';

const HSA_FSA_MAX_MONTHS = 12;
// An FSA or HRA reimburses a child through the end of the year the child turns 26 (IRS Notice
// 2010-38); an HSA only a tax dependent, and a qualifying child is under 19 (IRS Pub. 969).
const FSA_CHILD_LAST_AGE = 26;
const HSA_CHILD_AGE = 19;
// The holder's relationship to the patient ("mother") or the patient's to the holder ("daughter").
const CHILD = /child|son|daughter|step|foster|mother|father|parent|guardian/i;
const SPOUSE = /spouse|wife|husband|partner/i;

/** The last day an HSA/FSA letter can cover: 12 months from the start of care, less a day. */
function latestValidThrough(startDate: string): string {
  return addCalendarDays(addCalendarMonths(startDate, HSA_FSA_MAX_MONTHS), -1);
}

export function lmnRules(data: Lmn, context: RuleContext): Finding[] {
  const { treatment } = data;
  return [
    ...letterRules(data, context),
    ...(data.purpose === 'hsa-fsa' ? hsaFsaRules(data) : []),
    ...signerRules(data.provider),
    ...chiropracticRules({ ...data, coverage: data.purpose === 'insurance' ? data.coverage : undefined }),
    ...clinicalRules(data.clinical),
    ...diagnosisDescriptionRules(data.diagnoses),
    ...diagnosisRules(
      {
        diagnoses: data.diagnoses,
        serviceDate: treatment.startDate,
        ongoingTherapy: treatment.startDate < data.date,
      },
      context,
    ),
    ...coverageRules(data.purpose === 'insurance' ? data.coverage : undefined, treatment),
    ...procedureRules(treatment, {
      planType: data.purpose === 'insurance' ? data.coverage.planType : undefined,
    }),
    ...contentRules(data, data.purpose === 'insurance' ? 'insurance-lmn' : 'hsa-fsa-lmn'),
    ...(data.purpose === 'hsa-fsa' ? administratorRules(data) : []),
  ];
}

function hsaFsaRules(data: HsaFsaLetter): Finding[] {
  const { treatment } = data;
  const findings: Finding[] = [];
  const latest = latestValidThrough(treatment.startDate);
  if (treatmentEndDate(treatment) > latest) {
    findings.push(
      finding('HSA_FSA_DURATION_OVER_12_MONTHS', 'treatment.duration', { latest: formatLongDate(latest) }),
    );
  }
  if (treatment.startDate < data.date) findings.push(finding('SERVICE_BEFORE_LETTER', 'treatment.startDate'));
  return [...findings, ...dependentRules(data)];
}

/** Whose expenses the account pays when the patient is not the account holder. */
function dependentRules(data: HsaFsaLetter): Finding[] {
  const holder = data.patient.accountHolder;
  const accountType = data.coverage?.accountType;
  if (holder === undefined) return [];
  const relationship = holder.relationship ?? '';
  const birthYear = Number(data.patient.dateOfBirth.slice(0, 4));
  if ((accountType === 'FSA' || accountType === 'HRA') && CHILD.test(relationship)) {
    const lastDay = `${birthYear + FSA_CHILD_LAST_AGE}-12-31`;
    return treatmentEndDate(data.treatment) > lastDay
      ? [finding('FSA_CHILD_PAST_AGE_26', 'patient.dateOfBirth', { lastDay: formatLongDate(lastDay) })]
      : [];
  }
  const adult = addCalendarMonths(data.patient.dateOfBirth, HSA_CHILD_AGE * 12) <= data.date;
  return accountType === 'HSA' && adult && !SPOUSE.test(relationship)
    ? [finding('HSA_DEPENDENT_NOT_TAX_DEPENDENT', 'patient.accountHolder.relationship')]
    : [];
}
