// Units per session for the codes of a plan of care, by the CMS 8-minute rule (DOMAIN §2.2).
import { lookupCpt } from '../codes/cpt.js';
import { distributeUnits } from '../codes/eight-minute-rule.js';

interface PlannedProcedure {
  code: string;
  minutes?: number | undefined;
  units?: number | undefined;
}

export interface SessionUnit {
  code: string;
  minutes: number | undefined;
  /** Undefined for a code we do not know. */
  timed: boolean | undefined;
  /** What the minutes allow; undefined when a timed code has no minutes. */
  allowed: number | undefined;
  /** What the letter asks for: the units given, never more than the minutes allow. */
  units: number | undefined;
}

export interface SessionUnits {
  rows: SessionUnit[];
  /** Minutes of the timed codes that list minutes. */
  timedMinutes: number;
  /** Units per session, or undefined when some timed code has no minutes. */
  total: number | undefined;
}

/**
 * Units per code for one session. Untimed codes are one unit; timed codes share the units
 * their total minutes allow, leftovers going to the largest remainders.
 * @example
 * sessionUnits([{ code: '97110', minutes: 33 }, { code: '97140', minutes: 7 }]).total; // 3
 */
export function sessionUnits(procedures: readonly PlannedProcedure[]): SessionUnits {
  const known = procedures.map((procedure) => ({ ...procedure, timed: lookupCpt(procedure.code)?.timed }));
  // Unknown codes count as timed when they list minutes, as distributeUnits does.
  const billable = known.filter((procedure) => procedure.minutes !== undefined || procedure.timed === false);
  const distributed = distributeUnits(
    billable.map((procedure) => ({
      code: procedure.code,
      minutes: procedure.minutes ?? 0,
      ...(procedure.timed !== undefined && { timed: procedure.timed }),
    })),
  );
  const rows = known.map((procedure): SessionUnit => {
    const position = billable.indexOf(procedure);
    const allowed = position === -1 ? undefined : distributed[position]?.units;
    const units =
      procedure.units === undefined ? allowed : Math.min(procedure.units, allowed ?? procedure.units);
    return { code: procedure.code, minutes: procedure.minutes, timed: procedure.timed, allowed, units };
  });
  const timedMinutes = known
    .filter((procedure) => procedure.timed !== false)
    .reduce((sum, procedure) => sum + (procedure.minutes ?? 0), 0);
  const complete = rows.every((row) => row.units !== undefined);
  const total = complete ? rows.reduce((sum, row) => sum + (row.units ?? 0), 0) : undefined;
  return { rows, timedMinutes, total };
}
