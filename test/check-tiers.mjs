// Every test file runs in exactly one tier (test/tiers.ts): asks vitest which files each
// tier's project would run and compares them with every test/**/*.test.ts on disk. A file
// in no tier would be silently left out of `npm test`; one in two would run twice.
// Also keeps the unit tier free of the built binary, PostgreSQL and browsers. Run by
// `npm test` before vitest (and `npm run test:tiers`); prints the files per tier.
import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { createVitest } from 'vitest/node';

const root = resolve(import.meta.dirname, '..');
const onDisk = readdirSync(resolve(root, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.test.ts'))
  .map((path) => `test/${path.split('\\').join('/')}`);

const vitest = await createVitest('test', { root, watch: false, run: true }, { server: { watch: null } });
const tiersOf = new Map(onDisk.map((file) => [file, []]));
const counts = {};
try {
  for (const spec of await vitest.globTestSpecifications()) {
    const file = relative(root, spec.moduleId).split('\\').join('/');
    const tier = spec.project.name;
    if (!tiersOf.has(file)) tiersOf.set(file, []);
    tiersOf.get(file).push(tier);
    counts[tier] = (counts[tier] ?? 0) + 1;
  }
} finally {
  await vitest.close();
}

const wrong = [...tiersOf].filter(([, tiers]) => tiers.length !== 1);
// the unit tier stays quick and self-contained: no built binary, no PostgreSQL, no browser or spreadsheet
const OUTSIDE_UNIT = [/\brunCli\w*\(|\bspawnCli\(|\bBIN\b/, /\.\.\/dist\/|REPO, ['"]dist/, /store-backends|cli-backends|postgres/, /chromium|libreoffice|soffice/i];
for (const [file, tiers] of tiersOf) {
  if (tiers.join() !== 'unit') continue;
  const text = readFileSync(resolve(root, file), 'utf8');
  const used = OUTSIDE_UNIT.find((pattern) => pattern.test(text));
  if (used) wrong.push([file, ['unit'], `it uses ${text.match(used)[0]}, which the unit tier must not: move it to another tier (test/tiers.ts)`]);
}
for (const [file, tiers, why] of wrong) {
  console.error(why ? `test tiers: ${file}: ${why}` : tiers.length === 0
    ? `test tiers: ${file} is in no tier, so \`npm test\` would never run it: add it to test/tiers.ts`
    : `test tiers: ${file} is in ${tiers.length} tiers (${tiers.join(', ')}), so it would run ${tiers.length} times: keep it in one (test/tiers.ts)`);
}
const summary = Object.entries(counts).map(([tier, n]) => `${tier} ${n}`).join(', ');
console.log(`test tiers: ${onDisk.length} files — ${summary}${wrong.length ? `; ${wrong.length} misplaced` : ''}`);
process.exit(wrong.length ? 1 : 0);
