import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The analysis worker's script for code running at `from` (core/analyze's own URL).
 *
 * Built code (dist/core) has the compiled worker beside it, from the same build. Code run
 * from the sources (tests: vitest runs src/core/analyze.ts) has no worker of its own, only
 * dist/'s, which may be older than the sources: a test would then analyse with yesterday's
 * worker and today's everything else, and pass or fail for the wrong reason. So from the
 * sources the compiled worker is used only when every source file it is built from is the
 * one the last build compiled (by the content hash tsc keeps in dist/.tsbuildinfo), and
 * refused with an error saying to rebuild otherwise. Null when there is no compiled worker.
 */
export function findWorkerScript(from: string | URL): URL | null {
  const beside = new URL('../analysis/analysis-worker.js', from);
  if (existsSync(fileURLToPath(beside))) return beside;
  const root = resolve(dirname(fileURLToPath(from)), '../..');
  const compiled = join(root, 'dist/analysis/analysis-worker.js');
  if (!existsSync(compiled)) return null;
  const stale = staleSource(root, join(root, 'src/analysis/analysis-worker.ts'));
  if (stale) {
    throw new Error(`the compiled analysis worker (dist/) is older than ${stale}: run \`npm run build\` before tests that analyse on workers`);
  }
  return pathToFileURL(compiled);
}

/** The first source the worker imports (itself included) that the last build did not compile as it is now, or null. */
function staleSource(root: string, worker: string): string | null {
  const built = readBuildInfo(join(root, 'dist/.tsbuildinfo'));
  if (!built) return 'the sources (dist/.tsbuildinfo is missing or unreadable)';
  const seen = new Set<string>();
  const queue = [worker];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const name = relative(root, file).split('\\').join('/');
    const output = join(root, 'dist', relative(join(root, 'src'), file)).replace(/\.ts$/, '.js');
    const text = readFileSync(file, 'utf8');
    // tsc's version of a source file is the SHA-256 of its text
    if (built.get(`../${name}`) !== createHash('sha256').update(text).digest('hex') || !existsSync(output)) return name;
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)) {
      const next = resolve(dirname(file), `${specifier}.ts`);
      if (existsSync(next)) queue.push(next);
    }
  }
  return null;
}

/** The source versions (by path relative to dist/) of the last build, or null when they cannot be read. */
function readBuildInfo(path: string): Map<string, string> | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as { fileNames: string[]; fileInfos: Array<string | { version: string }>; affectedFilesPendingEmit?: unknown };
    // a build that left files to emit has not written all of dist/
    if (info.affectedFilesPendingEmit) return new Map();
    return new Map(info.fileNames.map((name, i) => {
      const entry = info.fileInfos[i];
      return [name, typeof entry === 'string' ? entry : entry?.version ?? ''];
    }));
  } catch {
    return null;
  }
}
