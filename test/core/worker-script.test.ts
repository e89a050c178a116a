import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findWorkerScript } from '../../src/core/worker-script.js';
import { makeTempDir } from '../support/cli.js';

/**
 * Under vitest, core/analyze.ts runs from src/ and its workers from dist/: a dist/ built
 * before the last edit must be refused, not used. A small tree stands in for the checkout.
 */
let tmp: ReturnType<typeof makeTempDir>;
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(tmp.dir, path)), { recursive: true });
  writeFileSync(join(tmp.dir, path), text);
};
const SOURCES: Record<string, string> = {
  'src/analysis/analysis-worker.ts': "import { score } from './models.js';\nimport type { Row } from '../store/store.js';\n",
  'src/analysis/models.ts': "export const score = 1;\nexport { more } from './more.js';\n",
  'src/analysis/more.ts': 'export const more = 2;\n',
  'src/store/store.ts': 'export type Row = { id: number };\n',
  'src/cli/main.ts': 'console.log(1);\n',
};
/** What `tsc -p tsconfig.build.json` leaves: one .js per source and the sources' hashes in dist/.tsbuildinfo. */
function build(sources: Record<string, string> = SOURCES) {
  const names = Object.keys(sources);
  for (const name of names) put(name.replace(/^src/, 'dist').replace(/\.ts$/, '.js'), '// compiled\n');
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  put('dist/.tsbuildinfo', JSON.stringify({ fileNames: ['../node_modules/typescript/lib/lib.es5.d.ts', ...names.map((n) => `../${n}`)],
    fileInfos: ['libhash', ...names.map((n, i) => (i % 2 ? hash(sources[n]!) : { version: hash(sources[n]!), impliedFormat: 99 }))], version: '5.9.3' }));
}
const fromSources = () => pathToFileURL(join(tmp.dir, 'src/core/analyze.ts'));
const compiledWorker = () => pathToFileURL(join(tmp.dir, 'dist/analysis/analysis-worker.js')).href;

beforeEach(() => {
  tmp = makeTempDir('earshot-worker-script-');
  for (const [name, text] of Object.entries(SOURCES)) put(name, text);
});
afterEach(() => tmp.cleanup());

describe('the analysis worker script', () => {
  it('from the built code: the compiled worker beside it', () => {
    build();
    expect(findWorkerScript(pathToFileURL(join(tmp.dir, 'dist/core/analyze.js')))?.href).toBe(compiledWorker());
  });

  it('from the sources: dist/\'s worker when the last build compiled the sources as they are', () => {
    build();
    expect(findWorkerScript(fromSources())?.href).toBe(compiledWorker());
    put('src/cli/main.ts', 'console.log(2);\n'); // not part of the worker
    expect(findWorkerScript(fromSources())?.href).toBe(compiledWorker());
  });

  it('from the sources: none when nothing was built (analysis stays in this thread)', () => {
    expect(findWorkerScript(fromSources())).toBeNull();
  });

  it.each([
    ['the worker itself', 'src/analysis/analysis-worker.ts'],
    ['a module it imports', 'src/analysis/models.ts'],
    ['one that module re-exports', 'src/analysis/more.ts'],
    ['a type it imports', 'src/store/store.ts'],
  ])('refuses a stale dist/: %s edited since the build', (_what, file) => {
    build();
    put(file, `${SOURCES[file]}// edited\n`);
    expect(() => findWorkerScript(fromSources())).toThrow(
      `the compiled analysis worker (dist/) is older than ${file}: run \`npm run build\` before tests that analyse on workers`);
    build({ ...SOURCES, [file]: `${SOURCES[file]}// edited\n` });
    expect(findWorkerScript(fromSources())?.href).toBe(compiledWorker());
  });

  it('refuses a dist/ it cannot vouch for: no build record, a compiled file missing, files left to emit', () => {
    build();
    rmSync(join(tmp.dir, 'dist/analysis/more.js'));
    expect(() => findWorkerScript(fromSources())).toThrow('older than src/analysis/more.ts');
    build();
    put('dist/.tsbuildinfo', '{"fileNames": [], "fileInfos": [], "affectedFilesPendingEmit": [[1, 1]]}');
    expect(() => findWorkerScript(fromSources())).toThrow('older than src/analysis/analysis-worker.ts');
    rmSync(join(tmp.dir, 'dist/.tsbuildinfo'));
    expect(() => findWorkerScript(fromSources())).toThrow('older than the sources (dist/.tsbuildinfo is missing or unreadable)');
  });

});
