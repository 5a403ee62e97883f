// Procedure codes against the minutes of a session: the CMS 8-minute rule (DOMAIN §2.2 [CPT-2]).
import type { Finding } from '../errors.js';
import type { Treatment } from './fields.js';
import { sessionUnits } from './session-units.js';

type PlannedTreatment = Pick<Treatment, 'procedures' | 'sessionMinutes'>;

const SOURCE = 'DOMAIN §2.2 [CPT-2]';

export function procedureRules(treatment: PlannedTreatment, path = 'treatment'): Finding[] {
  const findings: Finding[] = [];
  const { rows } = sessionUnits(treatment.procedures);
  treatment.procedures.forEach((procedure, index) => {
    const row = rows[index];
    if (row?.timed === true && procedure.minutes === undefined) {
      findings.push({
        code: 'TIMED_CODE_WITHOUT_MINUTES',
        level: 'warning',
        path: `${path}.procedures.${index}.minutes`,
        message:
          'This code is billed in 15-minute units; give its minutes per session so the units can be counted by the 8-minute rule.',
        source: SOURCE,
      });
    }
    if (procedure.units !== undefined && row?.allowed !== undefined && procedure.units > row.allowed) {
      findings.push({
        code: 'UNITS_EXCEED_MINUTES',
        level: 'error',
        path: `${path}.procedures.${index}.units`,
        message:
          row.timed === false
            ? 'This code is not timed: it is billed as 1 unit per session.'
            : `The minutes per session allow ${row.allowed} unit${row.allowed === 1 ? '' : 's'} of this code by the 8-minute rule; ask for no more.`,
        source: SOURCE,
      });
    }
  });
  const minutes = treatment.procedures.reduce((sum, procedure) => sum + (procedure.minutes ?? 0), 0);
  if (minutes > treatment.sessionMinutes) {
    findings.push({
      code: 'PROCEDURE_MINUTES_EXCEED_SESSION',
      level: 'warning',
      path: `${path}.sessionMinutes`,
      message: `The procedures add up to ${minutes} minutes, more than the session length.`,
      source: SOURCE,
    });
  }
  return findings;
}
