// The template context of an HSA/FSA letter's account: the administrator's items, the cover page and
// the claim packet. Wording lives in the templates; this module only picks and formats the data.
import { formatLongDate } from '../../calendar.js';
import { describeAccount, type HsaFsaLetter } from './hsa-fsa-account.js';
import { providerName } from '../letter-view.js';

const PARTICIPANT_FIELDS = new Set(['participantName', 'participantEmployer', 'participantIdLast4']);

/** `{conditions}` and `{these}` agree with the number of diagnoses. */
function fillCertification(text: string, diagnosisCount: number): string {
  const many = diagnosisCount > 1;
  return text
    .replaceAll('{conditions}', many ? 'conditions' : 'condition')
    .replaceAll('{these}', many ? 'these' : 'this');
}

const ACCOUNT_NAMES = {
  HSA: 'health savings account (HSA)',
  FSA: 'flexible spending account (FSA)',
  HRA: 'health reimbursement arrangement (HRA)',
} as const;

/**
 * What lmn.hbs and its HSA/FSA partials print under `account`.
 * @example
 * hsaFsaView(letter).validThrough; // 'May 31, 2027'
 */
export function hsaFsaView(data: HsaFsaLetter) {
  const account = describeAccount(data);
  const { participant, profile } = account;
  const coverage = data.coverage;
  const asksParticipant = profile.requires.some((field) => PARTICIPANT_FIELDS.has(field));
  const showHolder =
    !participant.isPatient ||
    asksParticipant ||
    participant.employer !== undefined ||
    participant.idLast4 !== undefined;
  const language = data.language ?? 'en';
  const flags = {
    serviceAfterLetter: profile.serviceAfterLetter,
    oneUploadPerClaim: profile.oneUploadPerClaim,
    newLetterEachPlanYear: profile.newLetterEachPlanYear,
  };
  return {
    administrator: coverage?.administrator,
    accountType: coverage?.accountType ?? 'HSA/FSA',
    holder: showHolder ? participant : undefined,
    /** "flexible spending account (FSA)": the account named in words, never "FSA account". */
    accountName:
      coverage?.accountType === undefined ? 'HSA, FSA or HRA' : ACCOUNT_NAMES[coverage.accountType],
    /** Whose account pays, when it is not the patient's. */
    payerName: participant.isPatient ? undefined : participant.name,
    validThrough: formatLongDate(account.validThrough),
    planYearEnd: coverage?.planYearEnd && formatLongDate(coverage.planYearEnd),
    certification: fillCertification(profile.certification, data.diagnoses.length),
    ...flags,
    cover: (data.coverPage ?? data.language !== undefined) && {
      ...flags,
      spanish: language === 'es',
      administrator: coverage?.administrator,
      accountType: coverage?.accountType,
      hsa: coverage?.accountType === 'HSA',
      service: data.treatment.service,
      provider: providerName(data.provider),
      practicePhone: data.provider.practice.phone,
      // Calendar dates, formatted by the template in the page's language.
      startDate: data.treatment.startDate,
      validThrough: account.validThrough,
      planYearEnd: coverage?.planYearEnd,
    },
    packet: data.packet === true && {
      procedures: data.treatment.procedures.map((procedure) => procedure.code),
    },
  };
}
