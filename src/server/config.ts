import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter } from 'node:path';
import { z } from 'zod';

/** Where each setting comes from: a command-line flag, else an environment variable, else its default. */
export const SETTINGS = {
  port: { flag: 'port', env: 'PORT' },
  host: { flag: 'host', env: 'HOST' },
  threads: { flag: 'threads', env: 'LMNKIT_THREADS' },
  queue: { flag: 'queue', env: 'LMNKIT_QUEUE' },
  timeoutMs: { flag: 'timeout-ms', env: 'LMNKIT_TIMEOUT_MS' },
  apiKeys: { flag: 'api-keys-file', env: 'LMNKIT_API_KEYS' },
  corsOrigins: { flag: 'cors-origins', env: 'LMNKIT_CORS_ORIGINS' },
  icd10cm: { flag: 'icd10cm', env: 'LMNKIT_ICD10CM' },
  logLevel: { flag: 'log-level', env: 'LMNKIT_LOG_LEVEL' },
  practice: { flag: 'practice', env: 'LMNKIT_PRACTICE' },
} as const;

type Setting = keyof typeof SETTINGS;

function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .refine((text) => /^\d{1,9}$/.test(text) && Number(text) >= min && Number(text) <= max, message)
    .transform(Number);
}

const CorsOrigin = z
  .string()
  .refine(
    (origin) => origin === '*' || (URL.canParse(origin) && new URL(origin).origin === origin),
    "must be '*' or origins such as https://ehr.example.org (scheme, host and port only)",
  );

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The service's configuration, after flags and environment are read. */
export const ServiceConfig = z.object({
  port: wholeNumber(0, 65535).default(3000),
  host: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  threads: wholeNumber(1, 256).default(availableParallelism()),
  queue: wholeNumber(0, 100_000).default(64),
  timeoutMs: wholeNumber(100, 600_000).default(10_000),
  apiKeys: z.array(z.string().regex(/^[\x21-\x7e]{1,256}$/, 'keys must be 1–256 visible ASCII characters')),
  corsOrigins: z.array(CorsOrigin),
  icd10cm: z.array(z.string()),
  logLevel: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).default('info'),
  /** A practice file (letterhead and providers) the web form offers. */
  practice: z.string().optional(),
});
/** The practice's signing certificate (LMNKIT_SIGNING_P12) and its passphrase (LMNKIT_SIGNING_PASSPHRASE). */
export interface SigningSettings {
  p12: string;
  passphrase: string;
}

export type ServiceConfig = z.output<typeof ServiceConfig> & { signing?: SigningSettings };

/** The configuration is invalid; each problem names the flag or variable it came from. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Flags = Readonly<Partial<Record<string, string | readonly string[] | boolean | undefined>>>;
type Env = Readonly<Partial<Record<string, string>>>;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function splitList(value: string | undefined, separator: string): string[] {
  return (value ?? '')
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function readKeysFile(path: string): string[] {
  try {
    return splitList(readFileSync(path, 'utf8').replace(/\r?\n/g, ','), ',');
  } catch {
    throw new ConfigError([`--${SETTINGS.apiKeys.flag}: the file cannot be read`]);
  }
}

/**
 * Reads the service configuration from command-line flags (first) and the environment.
 * @throws {ConfigError} naming every invalid setting (values are never echoed: they may be keys).
 * @example
 * const config = readServiceConfig({ port: '8080' }, process.env);
 */
export function readServiceConfig(flags: Flags, env: Env): ServiceConfig {
  const used = new Map<Setting, string>();
  const scalar = (setting: Setting): string | undefined => {
    const { flag, env: name } = SETTINGS[setting];
    const fromFlag = flags[flag];
    if (typeof fromFlag === 'string') {
      used.set(setting, `--${flag}`);
      return fromFlag;
    }
    used.set(setting, name);
    return nonEmpty(env[name]);
  };
  const flagList = flags[SETTINGS.icd10cm.flag];
  const keysFile = flags[SETTINGS.apiKeys.flag];
  used.set('apiKeys', `${SETTINGS.apiKeys.env} / --${SETTINGS.apiKeys.flag}`);
  used.set('icd10cm', Array.isArray(flagList) ? `--${SETTINGS.icd10cm.flag}` : SETTINGS.icd10cm.env);
  const apiKeys = [
    ...splitList(env[SETTINGS.apiKeys.env], ','),
    ...(typeof keysFile === 'string' ? readKeysFile(keysFile) : []),
  ];
  if (nonEmpty(env[SETTINGS.apiKeys.env]) !== undefined && apiKeys.length === 0)
    throw new ConfigError([`${SETTINGS.apiKeys.env}: is set but holds no key`]);

  const result = ServiceConfig.safeParse({
    port: scalar('port'),
    host: scalar('host'),
    threads: scalar('threads'),
    queue: scalar('queue'),
    timeoutMs: scalar('timeoutMs'),
    apiKeys,
    corsOrigins: splitList(scalar('corsOrigins'), ','),
    icd10cm: Array.isArray(flagList)
      ? (flagList as readonly string[]).filter((path) => path.trim() !== '')
      : splitList(env[SETTINGS.icd10cm.env], delimiter),
    logLevel: scalar('logLevel'),
    practice: scalar('practice'),
  });
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${used.get(issue.path[0] as Setting) ?? String(issue.path[0])}: ${issue.message}`,
    );
    throw new ConfigError([...new Set(problems)]);
  }
  const signing = readSigningSettings(env);
  return signing === undefined ? result.data : { ...result.data, signing };
}

/** Only from the environment: a certificate's passphrase never goes on a command line. */
function readSigningSettings(env: Env): SigningSettings | undefined {
  const p12 = nonEmpty(env.LMNKIT_SIGNING_P12);
  const passphrase = env.LMNKIT_SIGNING_PASSPHRASE;
  if (p12 === undefined && passphrase === undefined) return undefined;
  if (p12 === undefined)
    throw new ConfigError(['LMNKIT_SIGNING_PASSPHRASE: is set but LMNKIT_SIGNING_P12 is not']);
  if (passphrase === undefined)
    throw new ConfigError([
      'LMNKIT_SIGNING_P12: needs LMNKIT_SIGNING_PASSPHRASE (the certificate’s passphrase)',
    ]);
  return { p12, passphrase };
}
