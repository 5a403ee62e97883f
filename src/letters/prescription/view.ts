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
import type { Prescription } from './schema.js';

export function prescriptionView(data: Prescription) {
  const { treatment, patient } = data;
  const service = SERVICE_NAMES[treatment.service];
  const title = `Prescription for ${service}`;
  const endDate = treatmentEndDate(treatment);
  const context = {
    letter: commonContext(data, data.coverage),
    title,
    coverage: data.coverage,
    patientFirstName: patient.firstName,
    indication: data.indication,
    diagnoses: data.diagnoses.map((diagnosis) => ({
      code: diagnosis.code,
      description: diagnosisDescription(diagnosis) ?? '',
      onset: diagnosis.onset && formatLongDate(diagnosis.onset),
    })),
    order: {
      service,
      deliveredBy: treatment.deliveredBy,
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
