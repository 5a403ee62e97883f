// Procedure codes against the minutes of a session: the CMS 8-minute rule (Pub. 100-04, ch. 5 §20.2).
import { lookupCpt } from '../codes/cpt.js';
import type { Finding } from '../errors.js';
import type { Coverage, Treatment } from './fields.js';
import { finding } from './findings/index.js';
import { sessionUnits } from './session-units.js';

type PlannedTreatment = Pick<Treatment, 'procedures' | 'sessionMinutes'>;

export interface ProcedureRuleOptions {
  /** Where the treatment sits in the input. */
  path?: string;
  planType?: Coverage['planType'] | undefined;
}

export function procedureRules(treatment: PlannedTreatment, options: ProcedureRuleOptions = {}): Finding[] {
  const path = options.path ?? 'treatment';
  const findings: Finding[] = [];
  const { rows, timedMinutes, timedUnits, overTotal } = sessionUnits(treatment.procedures);
  treatment.procedures.forEach((procedure, index) => {
    const row = rows[index];
    const here = `${path}.procedures.${index}`;
    const entry = lookupCpt(procedure.code);
    if (row === undefined) return;
    if (entry === undefined) findings.push(finding('PROCEDURE_CODE_UNKNOWN', `${here}.code`));
    if (row.timed === true && procedure.minutes === undefined) {
      findings.push(finding('TIMED_CODE_WITHOUT_MINUTES', `${here}.minutes`));
    }
    if (row.timed === true && row.allowed === 0 && row.maxUnits === 0) {
      findings.push(
        finding('TIMED_CODE_WITHOUT_UNITS', `${here}.minutes`, {
          minutes: timedMinutes < 8 ? timedMinutes : (procedure.minutes ?? 0),
          belowEight: timedMinutes < 8,
        }),
      );
    }
    if (procedure.units !== undefined && row.maxUnits !== undefined && procedure.units > row.maxUnits) {
      const billing = entry?.hourly ? 'hourly' : entry?.timed ? 'timed' : 'untimed';
      findings.push(finding('UNITS_EXCEED_MINUTES', `${here}.units`, { billing, allowed: row.maxUnits }));
    }
    if (options.planType === 'Medicare' && entry?.code === '97014') {
      findings.push(finding('MEDICARE_UNATTENDED_STIMULATION_CODE', `${here}.code`));
    }
  });
  if (overTotal) {
    findings.push(
      finding('TIMED_UNITS_EXCEED_TOTAL', `${path}.procedures`, { minutes: timedMinutes, units: timedUnits }),
    );
  }
  const minutes = treatment.procedures.reduce((sum, procedure) => sum + (procedure.minutes ?? 0), 0);
  if (minutes > treatment.sessionMinutes) {
    findings.push(finding('PROCEDURE_MINUTES_EXCEED_SESSION', `${path}.sessionMinutes`, { minutes }));
  }
  return findings;
}
