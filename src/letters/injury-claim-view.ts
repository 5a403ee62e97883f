// The claim block of a letter about an injury (templates/partials/injury-claim.hbs).
import { formatLongDate } from '../calendar.js';
import type { Coverage } from './fields.js';

const HEADINGS: Partial<Record<Coverage['planType'], string>> = {
  "Workers' Compensation": 'Workers’ compensation claim',
  'Auto PIP': 'Auto insurance claim (personal injury protection)',
  'Auto Med-Pay': 'Auto insurance claim (medical payments coverage)',
};

/** What the letter says about the injury and its claim; undefined when the input gives neither. */
export function injuryClaimView(coverage: Coverage | undefined) {
  const injury = coverage?.injury;
  if (coverage === undefined || (injury === undefined && coverage.primaryPayer === undefined))
    return undefined;
  const adjuster = injury?.adjuster;
  const contact =
    adjuster &&
    [
      adjuster.name,
      adjuster.organization,
      adjuster.phone && `phone ${adjuster.phone}`,
      adjuster.fax && `fax ${adjuster.fax}`,
      adjuster.email,
    ]
      .filter((part) => part !== undefined)
      .join(', ');
  const details = {
    claimNumber: injury?.claimNumber,
    dateOfInjury: injury?.dateOfInjury && formatLongDate(injury.dateOfInjury),
    state: injury?.state,
    employer: injury?.employer,
    insured: injury?.insured,
    adjuster: contact,
    primaryPayer: coverage.primaryPayer,
  };
  return {
    heading: HEADINGS[coverage.planType] ?? 'Injury',
    ...details,
    hasDetails: Object.values(details).some((value) => value !== undefined),
    mechanism: injury?.mechanism,
    causation: injury?.causation,
  };
}
