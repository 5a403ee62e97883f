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
import { hsaFsaView } from './hsa-fsa-view.js';
import type { Lmn } from './schema.js';

export function lmnView(data: Lmn) {
  const { treatment, clinical } = data;
  const service = SERVICE_NAMES[treatment.service];
  const title = `Letter of Medical Necessity — ${service}`;
  const context = {
    letter: commonContext(data, data.purpose === 'insurance' ? data.coverage : undefined),
    title,
    insurance: data.purpose === 'insurance',
    coverage: data.purpose === 'insurance' ? data.coverage : undefined,
    account: data.purpose === 'hsa-fsa' && hsaFsaView(data),
    diagnoses: diagnosesView(data.diagnoses),
    clinical: clinicalView(clinical),
    measures: measuresView(clinical.outcomeMeasures),
    treatment: {
      ...treatment,
      service,
      ...describeUnits(treatment.procedures),
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
