import ora, { type Ora } from 'ora';

/** stdout carries data, stderr carries people's messages; secrets never reach either. */
export interface Output {
  readonly quiet: boolean;
  readonly debugEnabled: boolean;
  readonly color: boolean;
  /** Data for stdout (tables, JSON, CSV). */
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
  const secrets = new Set<string>();
  const color = !('NO_COLOR' in env) && env.TERM !== 'dumb' && Boolean(stdout.isTTY);
  const redact = (text: string) => {
    let result = text;
    for (const secret of secrets) result = result.split(secret).join('[redacted]');
    return result;
  };
  const say = (text: string) => stderr.write(`${redact(text)}\n`);
  return {
    quiet,
    debugEnabled: options.debug ?? false,
    color,
    data: (text) => { stdout.write(text.endsWith('\n') ? text : `${text}\n`); },
    info: (text) => { if (!quiet) say(text); },
    warn: (text) => { say(`earshot: warning: ${text}`); },
    debug: (text) => { if (options.debug) say(`[debug] ${text}`); },
    spinner: (text) => (quiet || !stderr.isTTY ? SILENT_SPINNER : startSpinner(text, stderr, redact, !('NO_COLOR' in env))),
    redact,
    addSecrets: (values) => { for (const v of values) if (v) secrets.add(v); },
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
