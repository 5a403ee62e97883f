import { formatLongDate } from '../../calendar.js';
import {
  commonContext,
  commonView,
  countSessions,
  describeDuration,
  describeFrequency,
  diagnosisDescription,
  procedureLabel,
  SERVICE_NAMES,
  treatmentEndDate,
} from '../letter-view.js';
import { injuryClaimView } from '../injury-claim-view.js';
import { hsaFsaView } from './hsa-fsa-view.js';
import type { Lmn } from './schema.js';

export function lmnView(data: Lmn) {
  const { treatment, clinical, patient } = data;
  const service = SERVICE_NAMES[treatment.service];
  const title = `Letter of Medical Necessity — ${service}`;
  const context = {
    letter: commonContext(data, data.purpose === 'insurance' ? data.coverage : undefined),
    title,
    insurance: data.purpose === 'insurance',
    coverage: data.purpose === 'insurance' ? data.coverage : undefined,
    account: data.purpose === 'hsa-fsa' && hsaFsaView(data),
    injuryClaim: data.purpose === 'insurance' ? injuryClaimView(data.coverage) : undefined,
    patientFirstName: patient.firstName,
    diagnoses: data.diagnoses.map((diagnosis) => ({
      code: diagnosis.code,
      description: diagnosisDescription(diagnosis) ?? '',
      onset: diagnosis.onset && formatLongDate(diagnosis.onset),
    })),
    clinical: {
      ...clinical,
      treatingSince: clinical.treatingSince && formatLongDate(clinical.treatingSince),
      outcomeMeasures: clinical.outcomeMeasures.map((measure) => ({
        ...measure,
        baselineDate: measure.baselineDate && formatLongDate(measure.baselineDate),
      })),
    },
    treatment: {
      ...treatment,
      service,
      procedures: treatment.procedures.map((procedure) => ({
        ...procedure,
        label: procedureLabel(procedure.code),
      })),
      frequency: describeFrequency(treatment.frequency),
      duration: describeDuration(treatment),
      sessions: countSessions(treatment),
      startDate: formatLongDate(treatment.startDate),
      endDate: formatLongDate(treatmentEndDate(treatment)),
    },
    enclosures: data.enclosures,
  };
  return commonView(data, title, context);
}
