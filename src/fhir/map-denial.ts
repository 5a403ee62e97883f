// ClaimResponse or ExplanationOfBenefit (with the Claim it answers) → denial.
import { codingsIn, SYSTEMS } from './code-systems.js';
import { ambiguity, type Draft } from './draft.js';
import { calendarDate, setDate } from './elements.js';
import type { Located } from './read-bundle.js';
import type { CodeableConcept, Identifier } from './resources.js';

type Answer = Located<'ClaimResponse'> | Located<'ExplanationOfBenefit'>;

/** The payer's answer: one ClaimResponse or EOB; an EOB and the ClaimResponse it names are one answer. */
function pickAnswer(draft: Draft): Answer | undefined {
  const { bundle } = draft;
  const responses = bundle.ofType('ClaimResponse');
  const explanations = bundle.ofType('ExplanationOfBenefit');
  const told = new Set(
    explanations.map((eob) => bundle.resolve(eob, eob.resource.claimResponse, ['ClaimResponse'])),
  );
  const candidates: Answer[] = [...explanations, ...responses.filter((response) => !told.has(response))];
  if (candidates.length > 1) {
    draft.issues.push(ambiguity(candidates, 'the denied claim (ClaimResponse or ExplanationOfBenefit)'));
    return undefined;
  }
  return candidates[0];
}

/** The payer's claim number: the `official` identifier, else the only one. */
function claimNumber(draft: Draft, identifiers: readonly Identifier[] | undefined, answer: Answer): void {
  const list = identifiers ?? [];
  const official = list.findIndex((identifier) => identifier.use === 'official');
  const index = official >= 0 ? official : list.length === 1 ? 0 : -1;
  if (index < 0 && list.length > 1) {
    draft.issues.push({
      path: `${answer.path}.identifier`,
      code: 'FHIR_AMBIGUOUS',
      message: `holds ${list.length} identifiers and none has use "official"; mark the payer's claim number official`,
    });
  }
  if (index >= 0)
    draft.set(['denial', 'claimNumber'], list[index]?.value, `${answer.path}.identifier[${index}].value`);
}

interface Adjudicated {
  adjudication?: { reason?: CodeableConcept | undefined }[] | undefined;
}

/** Every CARC in `adjudication.reason`, on the claim and on its items. */
function reasonCodes(answer: Answer) {
  const { resource, path } = answer;
  const lists: [Adjudicated, string][] = [
    [resource, path],
    ...(resource.item ?? []).map((item, index): [Adjudicated, string] => [item, `${path}.item[${index}]`]),
  ];
  return lists.flatMap(([holder, at]) =>
    (holder.adjudication ?? []).flatMap((adjudication, index) =>
      codingsIn(adjudication.reason, [SYSTEMS.carc]).map(({ coding, index: codingIndex }) => ({
        code: coding.code ?? '',
        source: `${at}.adjudication[${index}].reason.coding[${codingIndex}].code`,
      })),
    ),
  );
}

export function mapDenial(draft: Draft): void {
  const answer = pickAnswer(draft);
  if (answer === undefined) return;
  const { resource, path } = answer;
  claimNumber(draft, resource.identifier, answer);
  setDate(draft, ['denial', 'denialDate'], resource.created, `${path}.created`);
  draft.set(['denial', 'reasonText'], resource.disposition, `${path}.disposition`);

  const reasons = reasonCodes(answer);
  const distinct = [...new Set(reasons.map((reason) => reason.code))];
  if (distinct.length > 1) {
    draft.issues.push({
      path: `${path}.adjudication`,
      code: 'FHIR_AMBIGUOUS',
      message: `gives ${distinct.length} different claim adjustment reason codes (${reasons.map((reason) => reason.source).join(', ')}); an appeal answers one: give denial.reasonCode in the overlay`,
    });
  } else if (reasons[0] !== undefined)
    draft.set(['denial', 'reasonCode'], reasons[0].code, reasons[0].source);
  else
    draft.skip(path, `gives no claim adjustment reason code (adjudication.reason, system ${SYSTEMS.carc})`, [
      'denial',
      'reasonCode',
    ]);

  if (answer.type === 'ExplanationOfBenefit') {
    const eob = answer;
    datesOfService(
      draft,
      (eob.resource.item ?? []).map((item, index) => [
        item.servicedDate,
        `${path}.item[${index}].servicedDate`,
      ]),
    );
    const submitted = (eob.resource.total ?? []).findIndex((total) =>
      (total.category.coding ?? []).some(
        (coding) =>
          coding.code === 'submitted' &&
          (coding.system === undefined || coding.system === SYSTEMS.adjudication),
      ),
    );
    if (submitted >= 0)
      draft.set(
        ['denial', 'amount'],
        eob.resource.total?.[submitted]?.amount.value,
        `${path}.total[${submitted}].amount.value`,
      );
    return;
  }
  const claim = draft.bundle.resolve(answer, answer.resource.request, ['Claim']);
  if (claim === undefined) {
    draft.skip(
      `${path}.request`,
      'does not name a Claim in the Bundle, which would give the dates of service',
      ['denial', 'datesOfService'],
    );
    return;
  }
  datesOfService(
    draft,
    (claim.resource.item ?? []).map((item, index) => [
      item.servicedDate,
      `${claim.path}.item[${index}].servicedDate`,
    ]),
  );
  draft.set(['denial', 'amount'], claim.resource.total?.value, `${claim.path}.total.value`);
}

/** Distinct dates of service, in calendar order, each traced to the first item that gives it. */
function datesOfService(draft: Draft, items: [string | undefined, string][]): void {
  const dates = new Map<string, string>();
  for (const [value, source] of items) {
    const date = calendarDate(value);
    if (value !== undefined && date === undefined)
      draft.skip(source, 'is not a full date (YYYY-MM-DD)', ['denial', 'datesOfService']);
    if (date !== undefined && !dates.has(date)) dates.set(date, source);
  }
  [...dates.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .forEach(([date, source], index) => draft.set(['denial', 'datesOfService', index], date, source));
}
