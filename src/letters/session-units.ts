// Units per session for the codes of a plan of care, by the CMS 8-minute rule (Pub. 100-04, ch. 5 §20.2).
import { lookupCpt } from '../codes/cpt.js';
import { distributeUnits, unitsForMinutes } from '../codes/eight-minute-rule.js';

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
  /** What the minutes allow; undefined when a timed code has no minutes or the code is unknown. */
  allowed: number | undefined;
  /** The most units the code may carry: `allowed`, or one more when its leftover minutes tie. */
  maxUnits: number | undefined;
  /** What the letter asks for: the units given, never more than the minutes allow. */
  units: number | undefined;
}

export interface SessionUnits {
  rows: SessionUnit[];
  /** Minutes of the timed codes that list minutes. */
  timedMinutes: number;
  /** The units those minutes make, shared by the timed codes. */
  timedUnits: number;
  /** The units given for the timed codes add up to more than their minutes make. */
  overTotal: boolean;
  /** Units per session, or undefined when some timed or unknown code has no units to count. */
  total: number | undefined;
}

/**
 * Units per code for one session. Untimed codes are one unit; timed codes share the units
 * their total minutes allow, leftovers going to the largest remainders; a code we do not know
 * keeps the units given, if any.
 * @example
 * sessionUnits([{ code: '97110', minutes: 33 }, { code: '97140', minutes: 7 }]).total; // 3
 */
export function sessionUnits(procedures: readonly PlannedProcedure[]): SessionUnits {
  const known = procedures.map((procedure) => ({ ...procedure, entry: lookupCpt(procedure.code) }));
  const billable = known.filter(
    ({ entry, minutes }) =>
      entry !== undefined && entry.hourly !== true && (minutes !== undefined || !entry.timed),
  );
  const distributed = distributeUnits(
    billable.map((procedure) => ({ code: procedure.code, minutes: procedure.minutes ?? 0 })),
  );
  const counted = known.map((procedure) => {
    const billed = distributed[billable.indexOf(procedure)];
    const hourly = procedure.entry?.hourly === true && procedure.minutes !== undefined;
    const allowed = hourly ? Math.max(1, Math.floor((procedure.minutes ?? 0) / 60)) : billed?.units;
    return { procedure, allowed, maxUnits: hourly ? allowed : billed?.maxUnits };
  });
  const timedMinutes = known
    .filter(({ entry }) => entry?.timed === true)
    .reduce((sum, { minutes }) => sum + (minutes ?? 0), 0);
  const timedUnits = unitsForMinutes(timedMinutes);
  const chosen = (limit: 'allowed' | 'maxUnits') =>
    counted.map(({ procedure, ...limits }) => {
      const most = limits[limit];
      return procedure.units === undefined
        ? limits.allowed
        : Math.min(procedure.units, most ?? procedure.units);
    });
  // A tie lets either code carry the extra unit, but not both.
  const timedSum = (units: (number | undefined)[]) =>
    units.reduce<number>(
      (sum, unit, index) => sum + (known[index]?.entry?.timed === true ? (unit ?? 0) : 0),
      0,
    );
  const withTies = chosen('maxUnits');
  const overTotal = timedSum(withTies) > timedUnits;
  const units = overTotal ? chosen('allowed') : withTies;
  const rows = counted.map(({ procedure, allowed, maxUnits }, index): SessionUnit => ({
    code: procedure.code,
    minutes: procedure.minutes,
    timed: procedure.entry?.timed,
    allowed,
    maxUnits,
    units: units[index],
  }));
  const complete = rows.every((row) => row.units !== undefined);
  const total = complete ? rows.reduce((sum, row) => sum + (row.units ?? 0), 0) : undefined;
  return { rows, timedMinutes, timedUnits, overTotal, total };
}
