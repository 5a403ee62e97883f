import { formatLongDate } from '../../calendar.js';
import { describeUnits } from '../describe-units.js';
import {
  commonContext,
  commonView,
  countSessions,
  describeDuration,
  describeFrequency,
  diagnosisDescription,
  SERVICE_NAMES,
  treatmentEndDate,
} from '../letter-view.js';
import { decisionTime } from './decision-time.js';
import type { PriorAuth } from './schema.js';

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
