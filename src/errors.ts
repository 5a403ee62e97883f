/** One problem with the input: where it is and what is wrong, never the value itself. */
export interface Issue {
  path: string;
  code: string;
  message: string;
}

export type FindingLevel = 'error' | 'warning' | 'info';

/** What a domain rule says about otherwise valid input. */
export interface Finding {
  code: string;
  level: FindingLevel;
  path: string;
  message: string;
  /** Where the rule comes from: its primary sources, e.g. "45 CFR 147.136 (d)(2)(i) <https://…>". */
  source: string;
}

/** Base class of every error lmnkit throws on purpose; `code` is stable. */
export class LmnkitError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The input is malformed: every problem, each with its field path. */
export class ValidationError extends LmnkitError {
  static readonly code = 'VALIDATION_FAILED';
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(ValidationError.code, `The input has ${plural(issues.length, 'problem')}.`);
    this.issues = issues;
  }
}

/** The input is valid but a domain rule says the letter would not do its job. */
export class RuleError extends LmnkitError {
  static readonly code = 'BLOCKING_FINDINGS';
  readonly findings: readonly Finding[];

  constructor(findings: readonly Finding[]) {
    const blocking = findings.filter((finding) => finding.level === 'error').length;
    super(RuleError.code, `The letter has ${plural(blocking, 'blocking finding')}; pass force to override.`);
    this.findings = findings;
  }
}

/** A template emitted markup outside the closed vocabulary (a defect, found by tests). */
export class TemplateError extends LmnkitError {
  static readonly code = 'TEMPLATE_INVALID';
  readonly template: string;
  readonly line: number;
  readonly column: number;

  constructor(template: string, line: number, column: number, message: string, options?: ErrorOptions) {
    super(TemplateError.code, `${template}:${line}:${column}: ${message}`, options);
    this.template = template;
    this.line = line;
    this.column = column;
  }
}

export class UnknownKindError extends LmnkitError {
  static readonly code = 'UNKNOWN_KIND';
  readonly kind: string;

  constructor(kind: string, known: readonly string[]) {
    super(UnknownKindError.code, `Unknown letter kind; known kinds: ${known.join(', ')}.`);
    this.kind = kind;
  }
}

/** Writing the PDF failed (a third-party failure wrapped at the pdf/ boundary). */
export class GenerationError extends LmnkitError {
  static readonly code = 'GENERATION_FAILED';

  constructor(message: string, options?: ErrorOptions) {
    super(GenerationError.code, message, options);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
