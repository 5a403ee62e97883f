import { formatLongDate } from '../../calendar.js';
import { describeUnits } from '../describe-units.js';
import {
  clinicalView,
  commonContext,
  commonView,
  countSessions,
  describeDuration,
  describeFrequency,
  diagnosesView,
  measuresView,
  SERVICE_NAMES,
  treatmentEndDate,
} from '../letter-view.js';
import { decisionTime } from './decision-time.js';
import type { PriorAuth } from './schema.js';

export function priorAuthView(data: PriorAuth) {
  const { treatment, clinical, priorAuth, provider, coverage } = data;
  const service = SERVICE_NAMES[treatment.service];
  const title = `Prior Authorization Request — ${service}`;
  const units = describeUnits(treatment.procedures);
  const decision = decisionTime(priorAuth.urgency, coverage.planType, coverage.employerPlan === true);
  const context = {
    letter: commonContext(data, coverage),
    title,
    coverage,
    diagnoses: diagnosesView(data.diagnoses),
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
      rationale: treatment.rationale,
      ...units,
      expedited: priorAuth.urgency === 'expedited',
      expeditedReason: priorAuth.expeditedReason,
      decisionTime: decision?.wording,
      decisionBasis: decision?.basis,
    },
    rendering: priorAuth.renderingProvider,
    clinical: clinicalView(clinical),
    measures: measuresView(clinical.outcomeMeasures),
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
