import { readFileSync, readdirSync } from 'node:fs';
import Handlebars from 'handlebars';
import { formatLongDate, formatShortDate } from '../calendar.js';
import { TemplateError } from '../errors.js';

const TEMPLATES = new URL('../../templates/', import.meta.url);
const PARTIALS = new URL('partials/', TEMPLATES);

// An isolated environment: nothing registered here leaks into other Handlebars users.
const handlebars = Handlebars.create();

handlebars.registerHelper({
  /** {{date value}} → January 5, 2026; {{date value "es"}} → 5 de enero de 2026. */
  date: (value: string, ...rest: unknown[]) => formatLongDate(value, rest[0] === 'es' ? 'es' : 'en'),
  shortDate: (value: string) => formatShortDate(value),
  /** {{join items}} → "a, b and c" ({{join items "o"}} for another conjunction). */
  join: (items: readonly string[], ...rest: unknown[]) =>
    joinWords(items, typeof rest[0] === 'string' ? rest[0] : 'and'),
  /** {{plural n "session"}} → "1 session" / "3 sessions". */
  plural: (count: number, singular: string, ...rest: unknown[]) =>
    `${count} ${count === 1 ? singular : typeof rest[0] === 'string' ? rest[0] : `${singular}s`}`,
  /** {{capitalize text}}: the first letter upper-cased, for a phrase that starts a sentence. */
  capitalize: (value: string) => value.charAt(0).toUpperCase() + value.slice(1),
  /** {{period text}} → "." unless the text already ends a sentence. */
  period: (value: string) => (/[.!?]["”’)]?$/.test(value) ? '' : '.'),
  eq: (a: unknown, b: unknown) => a === b,
  lower: (value: string) => value.toLowerCase(),
});

for (const file of readdirSync(PARTIALS)) {
  if (file.endsWith('.hbs')) {
    handlebars.registerPartial(file.slice(0, -4), readFileSync(new URL(file, PARTIALS), 'utf8'));
  }
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Renders `templates/<name>.hbs` to markup; every value is HTML-escaped by Handlebars. */
export function renderTemplate(name: string, context: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = handlebars.compile(readFileSync(new URL(`${name}.hbs`, TEMPLATES), 'utf8'), { strict: true });
    compiled.set(name, template);
  }
  try {
    return template(context);
  } catch (error) {
    // Handlebars' strict mode names the missing field, never a value.
    const { lineNumber = 0, column = 0 } = error as { lineNumber?: number; column?: number };
    throw new TemplateError(name, lineNumber, column, (error as Error).message.split('\n')[0] ?? '', {
      cause: error,
    });
  }
}

/** The names of every letter template (for the test that renders them all). */
export function listTemplates(): string[] {
  return readdirSync(TEMPLATES)
    .filter((file) => file.endsWith('.hbs'))
    .map((file) => file.slice(0, -4));
}

export function joinWords(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 2) return items.join(` ${conjunction} `);
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1) ?? ''}`;
}
