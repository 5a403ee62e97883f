// FHIR data types → lmnkit fields: names, addresses, phone numbers and dates, each with the
// element path it was read from.
import type { Draft, Path } from './draft.js';
import type { Address, ContactPoint, HumanName } from './resources.js';

const FULL_DATE = /^(\d{4}-\d{2}-\d{2})(?:T[^]*)?$/;

/**
 * The calendar date of a FHIR date or dateTime: its own date part, never shifted to another time
 * zone (`2026-11-09T23:30:00-05:00` is November 9). Partial dates (`2026-11`) have none.
 */
export function calendarDate(value: string | undefined): string | undefined {
  return value === undefined ? undefined : FULL_DATE.exec(value)?.[1];
}

/** Sets a date field, or lists the element as unmapped when it is not a full date. */
export function setDate(draft: Draft, field: Path, value: string | undefined, source: string): void {
  if (value === undefined) return;
  const date = calendarDate(value);
  if (date === undefined) draft.skip(source, 'is not a full date (YYYY-MM-DD), which a letter needs', field);
  else draft.set(field, date, source);
}

/** The index of the item to use: by `use` in the order given, else the first. */
function byUse(items: readonly { use?: string | undefined }[], uses: readonly string[]): number {
  for (const use of uses) {
    const index = items.findIndex((item) => item.use === use);
    if (index >= 0) return index;
  }
  return items.length > 0 ? 0 : -1;
}

/** HumanName (`official`, else `usual`, else the first) → first, middle and last name. */
export function setName(draft: Draft, field: Path, names: readonly HumanName[] | undefined, source: string) {
  const list = names ?? [];
  const index = byUse(list, ['official', 'usual']);
  const name = list[index];
  if (name === undefined) return;
  const at = `${source}.name[${index}]`;
  const [first, ...middle] = name.given ?? [];
  draft.set([...field, 'firstName'], first, `${at}.given[0]`);
  if (middle.length > 0) draft.set([...field, 'middleName'], middle.join(' '), `${at}.given[1]`);
  draft.set([...field, 'lastName'], name.family, `${at}.family`);
  return { name, at };
}

/** Address (`work` for an organisation, `home` for a patient, else the first) → line1, line2, city, state, ZIP. */
export function setAddress(
  draft: Draft,
  field: Path,
  addresses: readonly Address[] | undefined,
  source: string,
  use: 'home' | 'work',
): void {
  const list = addresses ?? [];
  const index = byUse(list, [use]);
  const address = list[index];
  if (address === undefined) return;
  const at = `${source}.address[${index}]`;
  const lines = address.line ?? [];
  draft.set([...field, 'line1'], lines[0], `${at}.line[0]`);
  if (lines.length > 1) draft.set([...field, 'line2'], lines.slice(1).join(', '), `${at}.line[1]`);
  draft.set([...field, 'city'], address.city, `${at}.city`);
  draft.set([...field, 'state'], address.state, `${at}.state`);
  draft.set([...field, 'postalCode'], address.postalCode, `${at}.postalCode`);
}

/** The ContactPoint of a system with the best (lowest) rank, else the first of that system. */
export function setTelecom(
  draft: Draft,
  field: Path,
  telecom: readonly ContactPoint[] | undefined,
  system: 'phone' | 'fax' | 'email',
  source: string,
): void {
  const ranked = (telecom ?? [])
    .map((point, index) => ({ point, index }))
    .filter(({ point }) => point.system === system && point.value !== undefined)
    .sort((a, b) => (a.point.rank ?? Infinity) - (b.point.rank ?? Infinity) || a.index - b.index);
  const best = ranked[0];
  if (best !== undefined) draft.set(field, best.point.value, `${source}.telecom[${best.index}].value`);
}
