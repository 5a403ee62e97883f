// Coverage and its payer Organization → coverage { payer, planType, memberId, groupNumber }.
import { codingsIn, PLAN_TYPES, SYSTEMS } from './code-systems.js';
import type { Draft } from './draft.js';

export function mapCoverage(draft: Draft): void {
  const { bundle } = draft;
  const coverage = draft.pickOne(bundle.ofType('Coverage'), 'the coverage (Coverage)');
  if (coverage === undefined) return;
  const { resource, path } = coverage;

  const payors = resource.payor ?? [];
  if (payors.length > 1) {
    draft.issues.push({
      path: `${path}.payor`,
      code: 'FHIR_AMBIGUOUS',
      message: `names ${payors.length} payors and nothing says which one the letter is for; keep one`,
    });
  }
  const payer = payors.length === 1 ? bundle.resolve(coverage, payors[0], ['Organization']) : undefined;
  if (payer?.resource.name !== undefined)
    draft.set(['coverage', 'payer'], payer.resource.name, `${payer.path}.name`);
  else if (payors.length === 1) {
    draft.skip(`${path}.payor[0]`, 'does not name an Organization in the Bundle that has a name', [
      'coverage',
      'payer',
    ]);
  }

  const planTypes = codingsIn(resource.type, [SYSTEMS.actCode]).filter(
    ({ coding }) => PLAN_TYPES[coding.code ?? ''],
  );
  const planType = planTypes[0];
  if (planType !== undefined) {
    draft.set(
      ['coverage', 'planType'],
      PLAN_TYPES[planType.coding.code ?? ''],
      `${path}.type.coding[${planType.index}].code`,
    );
  } else if (resource.type !== undefined) {
    draft.skip(`${path}.type`, 'has no plan type lmnkit maps (v3-ActCode HMO, POS or PPO)', [
      'coverage',
      'planType',
    ]);
  }

  // The member number: an identifier of type MB (v2-0203), else the subscriber ID.
  const members = (resource.identifier ?? [])
    .map((identifier, index) => ({ identifier, index }))
    .filter(({ identifier }) =>
      codingsIn(identifier.type, [SYSTEMS.identifierType]).some(({ coding }) => coding.code === 'MB'),
    );
  const member = members.find(({ identifier }) => identifier.value !== undefined);
  if (member !== undefined)
    draft.set(['coverage', 'memberId'], member.identifier.value, `${path}.identifier[${member.index}].value`);
  else draft.set(['coverage', 'memberId'], resource.subscriberId, `${path}.subscriberId`);

  const groupIndex = (resource.class ?? []).findIndex((item) =>
    codingsIn(item.type, [SYSTEMS.coverageClass]).some(({ coding }) => coding.code === 'group'),
  );
  if (groupIndex >= 0)
    draft.set(
      ['coverage', 'groupNumber'],
      resource.class?.[groupIndex]?.value,
      `${path}.class[${groupIndex}].value`,
    );
}
