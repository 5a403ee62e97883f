import { formatLongDate } from '../../calendar.js';
import { describeUnits } from '../describe-units.js';
import {
  commonContext,
  commonView,
  countSessions,
  describeDuration,
  describeFrequency,
  diagnosesView,
  SERVICE_NAMES,
  treatmentEndDate,
} from '../letter-view.js';
import type { Prescription } from './schema.js';

export function prescriptionView(data: Prescription) {
  const { treatment } = data;
  const service = SERVICE_NAMES[treatment.service];
  const title = `Prescription for ${service}`;
  const endDate = treatmentEndDate(treatment);
  const context = {
    letter: commonContext(data, data.coverage),
    title,
    coverage: data.coverage,
    indication: data.indication,
    diagnoses: diagnosesView(data.diagnoses),
    order: {
      service,
      deliveredBy: treatment.deliveredBy,
      rationale: treatment.rationale,
      techniques: treatment.techniques,
      bodyAreas: treatment.bodyAreas,
      frequency: describeFrequency(treatment.frequency),
      duration: describeDuration(treatment),
      sessions: countSessions(treatment),
      sessionMinutes: treatment.sessionMinutes,
      startDate: formatLongDate(treatment.startDate),
      endDate: formatLongDate(endDate),
      ...describeUnits(treatment.procedures),
    },
    precautions: treatment.precautions,
    contraindications: data.contraindications,
    goals: data.goals,
    reEvaluationDate: formatLongDate(data.reEvaluationDate ?? endDate),
  };
  return commonView(data, title, context);
}
