// The CMS "8-minute rule" for timed codes (Medicare Claims Processing Manual, Pub. 100-04,
// ch. 5 §20.2). Some payers bill per code instead; this is the CMS method.
import { lookupCpt } from './cpt.js';

export interface TimedProcedure {
  code: string;
  minutes: number;
  /** Overrides our table; required for a code the table does not list. */
  timed?: boolean;
}

export interface BilledProcedure {
  code: string;
  minutes: number;
  units: number;
  /**
   * The most units the code may carry: one more than `units` when its leftover minutes tie with
   * those of a code that got the last unit, since either may carry it (§20.2, example 2).
   */
  maxUnits: number;
}

/**
 * Billable 15-minute units for the total minutes of all timed codes on one date of service:
 * 0 below 8 minutes, then one more unit every 15 minutes (8–22 → 1, 23–37 → 2, …).
 * @throws {RangeError} when the minutes are negative or not a finite number.
 * @example
 * unitsForMinutes(40); // 3
 */
export function unitsForMinutes(totalTimedMinutes: number): number {
  assertMinutes(totalTimedMinutes);
  return totalTimedMinutes < 8 ? 0 : Math.floor((totalTimedMinutes + 7) / 15);
}

/**
 * Units per code for one date of service, in the order given. Untimed codes are one unit
 * each and left out of the total. Timed codes first get one unit per full 15 minutes; the
 * units the total still allows go to the largest leftover minutes, the earlier code on a tie.
 * @throws {RangeError} when some minutes are negative or not a finite number, or a code is
 * neither in our table nor marked `timed`.
 * @example
 * distributeUnits([{ code: '97110', minutes: 33 }, { code: '97140', minutes: 7 }]);
 * // [{ code: '97110', minutes: 33, units: 2, maxUnits: 2 }, { code: '97140', minutes: 7, units: 1, maxUnits: 1 }]
 */
export function distributeUnits(procedures: readonly TimedProcedure[]): BilledProcedure[] {
  const rows = procedures.map((procedure) => {
    assertMinutes(procedure.minutes);
    const timed = procedure.timed ?? lookupCpt(procedure.code)?.timed;
    if (timed === undefined) throw new RangeError('an unknown code must say whether it is timed');
    return {
      code: procedure.code,
      minutes: procedure.minutes,
      timed,
      units: timed ? Math.floor(procedure.minutes / 15) : 1,
      leftover: timed ? procedure.minutes % 15 : 0,
      extra: 0,
    };
  });
  const timedRows = rows.filter((row) => row.timed);
  const total = timedRows.reduce((sum, row) => sum + row.minutes, 0);
  const remaining = unitsForMinutes(total) - timedRows.reduce((sum, row) => sum + row.units, 0);
  // Stable sort: on equal leftovers the earlier code stays first.
  const byLeftover = timedRows.filter((row) => row.leftover > 0).sort((a, b) => b.leftover - a.leftover);
  const winners = byLeftover.slice(0, remaining);
  for (const row of winners) row.extra = 1;
  const cutoff = winners.at(-1)?.leftover;
  return rows.map(({ code, minutes, units, leftover, extra }) => ({
    code,
    minutes,
    units: units + extra,
    maxUnits: units + (extra === 1 || (cutoff !== undefined && leftover === cutoff) ? 1 : 0),
  }));
}

function assertMinutes(minutes: number): void {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a number ≥ 0');
}
