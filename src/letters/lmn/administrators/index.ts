// The administrator profiles, validated once when the module loads, and how a name finds one.
import { AdministratorProfile } from './administrator-profile.js';
import { firstDollar } from './first-dollar.js';
import { fsafeds } from './fsafeds.js';
import { generic } from './generic.js';
import { healthEquity } from './health-equity.js';
import { lively } from './lively.js';
import { navia } from './navia.js';
import { takeCommand } from './take-command.js';
import { viaBenefits } from './via-benefits.js';

export { AdministratorProfile, RequiredField } from './administrator-profile.js';

const GENERIC = AdministratorProfile.parse(generic);

const PROFILES: readonly AdministratorProfile[] = [
  ...[healthEquity, fsafeds, takeCommand, viaBenefits, lively, navia, firstDollar].map((profile) =>
    AdministratorProfile.parse(profile),
  ),
  GENERIC,
];

/** "Take Command Health", "take-command" and "TAKECOMMAND" all become "takecommand…". */
function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const BY_NAME = new Map<string, AdministratorProfile>(
  PROFILES.flatMap((profile) =>
    [profile.id, profile.name, ...profile.aliases].map((name) => [normalizeName(name), profile] as const),
  ),
);

/** Every profile, the generic one last. */
export function listAdministratorProfiles(): readonly AdministratorProfile[] {
  return PROFILES;
}

export interface AdministratorMatch {
  profile: AdministratorProfile;
  /** `unknown`: a name no profile has; `unnamed`: no name. Both get the generic profile. */
  status: 'matched' | 'unknown' | 'unnamed';
}

/**
 * The profile for `coverage.administrator`, matched by id, name or alias ignoring case, spaces and
 * punctuation; the generic profile when the name is missing or unknown.
 * @example
 * findAdministratorProfile('WageWorks').profile.id; // 'healthequity'
 */
export function findAdministratorProfile(name: string | undefined): AdministratorMatch {
  if (name === undefined) return { profile: GENERIC, status: 'unnamed' };
  const profile = BY_NAME.get(normalizeName(name));
  return profile ? { profile, status: 'matched' } : { profile: GENERIC, status: 'unknown' };
}
