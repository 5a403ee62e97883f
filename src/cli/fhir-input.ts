// `lmnkit render|check <kind> bundle.json --from fhir [--with overlay.json]`: a FHIR R4 Bundle as
// the input, every problem reported at its place in the Bundle (or the overlay).
import {
  locateFindings,
  locateIssues,
  RuleError,
  ValidationError,
  type CheckReport,
  type FhirMapping,
  type FhirUnmapped,
} from '../index.js';

/** `--from fhir`, or (without `--from`) JSON whose resourceType is Bundle. */
export function isFhirInput(input: unknown, from: string | undefined): boolean {
  if (from !== undefined) return from === 'fhir';
  return (input as { resourceType?: unknown } | null)?.resourceType === 'Bundle';
}

/** Runs a library call on a mapped input; its problems come back with Bundle or overlay paths. */
export async function locateErrors<Result>(
  mapping: FhirMapping | undefined,
  run: () => Result | Promise<Result>,
): Promise<Result> {
  try {
    return await run();
  } catch (error) {
    if (mapping === undefined) throw error;
    if (error instanceof ValidationError) throw new ValidationError(locateIssues(mapping, error.issues));
    if (error instanceof RuleError) throw new RuleError(locateFindings(mapping, error.findings));
    throw error;
  }
}

/** A check report with Bundle paths, and what the Bundle held that could not be mapped. */
export function locateReport(
  mapping: FhirMapping | undefined,
  report: CheckReport,
): CheckReport & { unmapped?: FhirUnmapped[] } {
  if (mapping === undefined) return report;
  return {
    ok: report.ok,
    issues: locateIssues(mapping, report.issues),
    findings: locateFindings(mapping, report.findings),
    unmapped: mapping.unmapped,
  };
}

/** One `path: reason [unmapped]` line per Bundle element that could not be mapped. */
export function unmappedLines(mapping: FhirMapping | undefined): string {
  return (mapping?.unmapped ?? []).map(({ path, reason }) => `${path}: ${reason} [unmapped]\n`).join('');
}
