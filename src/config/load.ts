import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { printable, UserError } from '../errors.js';
import { configSchema, type Config } from './schema.js';

export const DEFAULT_CONFIG_PATH = 'earshot.config.json';
export const DEFAULT_DB_PATH = 'earshot.db';

export interface Settings {
  config: Config;
  /** The file the config came from, or null when only defaults and env apply. */
  configPath: string | null;
  db: string;
  /** Messages for stderr (e.g. a config file with secrets readable by others). */
  warnings: string[];
}

export interface LoadOptions {
  configPath?: string;
  db?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** defaults < file < environment < flags, validated once into a typed object. */
export function loadSettings(options: LoadOptions = {}): Settings {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.configPath ?? env.EARSHOT_CONFIG;
  const path = resolve(cwd, explicit ?? DEFAULT_CONFIG_PATH);
  const raw = readConfigFile(path, explicit !== undefined);
  const warnings: string[] = [];
  const config = validateConfig(applyEnvironment(raw ?? {}, env), raw ? path : 'environment');
  // Only secrets written in the file itself make its permissions matter.
  if (raw && fileHasSecrets(raw)) warnings.push(...checkPermissions(path));
  return {
    config,
    configPath: raw ? path : null,
    db: options.db ?? env.EARSHOT_DB ?? DEFAULT_DB_PATH,
    warnings,
  };
}

function readConfigFile(path: string, required: boolean): Record<string, unknown> | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 'create one with: earshot init');
  }
  let parsed: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new UserError(`config ${path} is not valid JSON: ${describeJsonError(body, (error as Error).message)}`,
      'fix the file, or start again with: earshot init --force (the old file is kept as a .bak copy)');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UserError(`config ${path} must hold a JSON object`, 'see the README for the config format');
  }
  return parsed as Record<string, unknown>;
}

/**
 * JSON.parse's message with the line and column of its position (Node 20 gives only a
 * character offset, useless in a file people edit by hand); the end of the text when
 * the JSON stops short.
 */
export function describeJsonError(text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : /Unexpected end of JSON input/.test(message) ? text.length : null;
  const reason = printable(message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '').replace(/ at position \d+/, ''));
  if (offset === null) return reason;
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) ;
  return `line ${line}, column ${column}: ${reason}`;
}

/** Validates a config object; the first problem becomes one line naming the key. */
export function validateConfig(raw: unknown, origin: string): Config {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new UserError(`config ${origin}: ${printable(describeIssue(result.error.issues[0]))}`, 'see the README for the config format');
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  const key = issue.path.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? `${key}.` : '';
    return `unknown key ${issue.keys.map((k) => `"${where}${k}"`).join(', ')}`;
  }
  return `${key}: ${issue.message}`;
}

/** Environment variables override the file; secrets are best kept here. */
function applyEnvironment(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const sources = { ...(asObject(raw.sources)) };
  const set = (source: string, key: string, value: string | undefined) => {
    if (value === undefined || value === '') return;
    sources[source] = { ...asObject(sources[source]), [key]: value };
  };
  set('x', 'bearerToken', env.EARSHOT_X_BEARER_TOKEN);
  set('x', 'apiBase', env.EARSHOT_X_API_BASE);
  set('reddit', 'clientId', env.EARSHOT_REDDIT_CLIENT_ID);
  set('reddit', 'clientSecret', env.EARSHOT_REDDIT_CLIENT_SECRET);
  set('reddit', 'username', env.EARSHOT_REDDIT_USERNAME);
  set('reddit', 'password', env.EARSHOT_REDDIT_PASSWORD);
  set('reddit', 'userAgent', env.EARSHOT_REDDIT_USER_AGENT);
  set('reddit', 'apiBase', env.EARSHOT_REDDIT_API_BASE);
  set('reddit', 'authBase', env.EARSHOT_REDDIT_AUTH_BASE);
  set('hackernews', 'apiBase', env.EARSHOT_HN_API_BASE);
  set('bluesky', 'handle', env.EARSHOT_BLUESKY_HANDLE);
  set('bluesky', 'appPassword', env.EARSHOT_BLUESKY_APP_PASSWORD);
  set('bluesky', 'apiBase', env.EARSHOT_BLUESKY_API_BASE);
  set('rss', 'newsApiBase', env.EARSHOT_NEWS_API_BASE);
  set('appstore', 'apiBase', env.EARSHOT_APPSTORE_API_BASE);
  return Object.keys(sources).length ? { ...raw, sources } : raw;
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Every secret value in a config, so output can be redacted and tests can grep for them. */
export function secretValues(config: Config): string[] {
  const s = config.sources;
  const values = [s.x?.bearerToken, s.reddit?.clientSecret, s.reddit?.password, s.reddit?.clientId, s.reddit?.username, s.bluesky?.appPassword, s.bluesky?.handle];
  // the Basic authorization Reddit's token request sends
  if (s.reddit?.clientId && s.reddit.clientSecret) values.push(Buffer.from(`${s.reddit.clientId}:${s.reddit.clientSecret}`).toString('base64'));
  for (const target of config.alerts) {
    // an e-mail target's password is read from the environment when it sends (see mail-delivery)
    if (target.type !== 'email') values.push(target.url);
    if (target.type === 'webhook') values.push(target.secret);
  }
  return values.filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

function fileHasSecrets(raw: Record<string, unknown>): boolean {
  const parsed = configSchema.safeParse(raw);
  return parsed.success && secretValues(parsed.data).length > 0;
}

function checkPermissions(path: string): string[] {
  if (process.platform === 'win32') return [];
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) === 0) return [];
  return [`config ${path} holds secrets and is readable by others (mode ${mode.toString(8)}) — run: chmod 600 ${path}`];
}

/** The SMTP passwords e-mail targets read from the environment: redacted like every other secret. */
export function smtpPasswords(config: Config, env: NodeJS.ProcessEnv): string[] {
  return config.alerts.flatMap((t) => (t.type === 'email' ? [env[t.smtp.passwordEnv]] : []))
    .filter((v): v is string => typeof v === 'string' && v.length >= 4);
}
