import ora, { type Ora } from 'ora';
import { secretForms } from '../config/secret-forms.js';

/** stdout carries data, stderr carries people's messages; secrets never reach either. */
export interface Output {
  readonly quiet: boolean;
  readonly debugEnabled: boolean;
  readonly color: boolean;
  /** Data for stdout (tables, JSON, CSV), secrets redacted like every message. */
  data(text: string): void;
  /** A message for people, on stderr, unless --quiet. */
  info(text: string): void;
  /** A warning on stderr, even with --quiet. */
  warn(text: string): void;
  debug(text: string): void;
  spinner(text: string): Spinner;
  /** Replaces every known secret value in `text` with a placeholder. */
  redact(text: string): string;
  addSecrets(values: string[]): void;
}

export interface Spinner {
  update(text: string): void;
  succeed(text: string): void;
  fail(text: string): void;
  stop(): void;
}

const SILENT_SPINNER: Spinner = { update() {}, succeed() {}, fail() {}, stop() {} };

export interface OutputOptions {
  quiet?: boolean;
  debug?: boolean;
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
}

export function createOutput(options: OutputOptions = {}): Output {
  const env = options.env ?? process.env;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const quiet = options.quiet ?? false;
  // every encoded form of every secret, longest first, so no shorter one cuts into a longer
  let forms: string[] = [];
  const color = !('NO_COLOR' in env) && env.TERM !== 'dumb' && Boolean(stdout.isTTY);
  const redact = (text: string) => {
    let result = text;
    for (const form of forms) if (result.includes(form)) result = result.split(form).join('[redacted]');
    return result;
  };
  const say = (text: string) => stderr.write(`${redact(text)}\n`);
  return {
    quiet,
    debugEnabled: options.debug ?? false,
    color,
    // data too: a scan summary or a status table carries API error messages, which may quote a login
    data: (text) => { const clean = redact(text); stdout.write(clean.endsWith('\n') ? clean : `${clean}\n`); },
    info: (text) => { if (!quiet) say(text); },
    warn: (text) => { say(`earshot: warning: ${text}`); },
    debug: (text) => { if (options.debug) say(`[debug] ${text}`); },
    spinner: (text) => (quiet || !stderr.isTTY ? SILENT_SPINNER : startSpinner(text, stderr, redact, !('NO_COLOR' in env))),
    redact,
    addSecrets: (values) => {
      const more = values.filter((v) => v).flatMap(secretForms);
      forms = [...new Set([...forms, ...more])].sort((a, b) => b.length - a.length);
    },
  };
}

function startSpinner(text: string, stream: NodeJS.WritableStream, redact: (t: string) => string, color: boolean): Spinner {
  const spinner: Ora = ora({ text: redact(text), stream, color: color ? 'cyan' : false, discardStdin: false }).start();
  return {
    update: (t) => { spinner.text = redact(t); },
    succeed: (t) => { spinner.succeed(redact(t)); },
    fail: (t) => { spinner.fail(redact(t)); },
    stop: () => { spinner.stop(); },
  };
}
