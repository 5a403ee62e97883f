// The procedure table of a plan of care and the sentence that explains its units (Pub. 100-04, ch. 5 §20.2).
import { procedureLabel } from './letter-view.js';
import { sessionUnits } from './session-units.js';

interface PlannedProcedure {
  code: string;
  minutes?: number | undefined;
  units?: number | undefined;
  region?: string | undefined;
  modifiers?: readonly string[] | undefined;
}

/** The code as billed, with its modifiers: `97124-XS`. */
function billedCode(procedure: PlannedProcedure): string {
  return [procedure.code, ...(procedure.modifiers ?? [])].join('-');
}

/** Rows for the template (minutes and units as text, a dash when unknown) and the units note. */
export function describeUnits(procedures: readonly PlannedProcedure[]) {
  const { rows, timedMinutes, timedUnits, total } = sessionUnits(procedures);
  const timedRows = rows.filter((row) => row.timed === true && row.minutes !== undefined);
  const wholeUnits = timedRows.reduce((sum, row) => sum + Math.floor((row.minutes ?? 0) / 15), 0);
  const leftover = timedUnits - wholeUnits;
  const sentences: string[] = [];
  if (timedRows.length > 0) {
    if (timedMinutes < 8) {
      sentences.push(
        `The ${timedMinutes} timed minutes per session are fewer than 8, so they make no billable unit.`,
      );
    } else {
      const made = `CMS 8-minute rule: ${timedMinutes} timed minutes make ${timedUnits} unit${timedUnits === 1 ? '' : 's'}`;
      sentences.push(
        leftover <= 0
          ? `${made}, one per full 15 minutes of each code.`
          : leftover === 1
            ? `${made}; the last unit goes to the largest remainder.`
            : `${made}; the last ${leftover} go to the largest remainders.`,
      );
    }
  }
  if (rows.some((row) => row.timed === false)) sentences.push('Untimed codes are 1 unit per session.');
  if (rows.some((row) => row.timed === true && row.units === undefined)) {
    sentences.push('Units are not counted for a timed code listed without minutes.');
  }
  if (rows.some((row) => row.timed === undefined && row.units === undefined)) {
    sentences.push('Units are not counted for a code whose billing unit is not known.');
  }
  return {
    procedures: rows.map((row, index) => ({
      code: billedCode(procedures[index] ?? row),
      label: [procedureLabel(row.code), procedures[index]?.region].filter(Boolean).join(', '),
      minutes: row.minutes === undefined ? '—' : String(row.minutes),
      units: row.units === undefined ? '—' : String(row.units),
      detail: [
        row.minutes === undefined
          ? row.timed === false
            ? undefined
            : 'minutes not given'
          : `${row.minutes} minutes`,
        row.units === undefined ? undefined : `${row.units} unit${row.units === 1 ? '' : 's'}`,
      ]
        .filter(Boolean)
        .join(', '),
    })),
    unitsPerSession: total,
    unitsNote: sentences.join(' '),
  };
}
