// Languages bench: `node dist/tools/bench-languages.js [--data DIR]` (npm run bench:lang).
// 1. Sentiment macro-F1 per language on the UMSAB validation split (never trained on)
//    for the shipped per-language model, next to the published FastText figure (test split).
// 2. Language identification: accuracy and `und` share on papluca-test (the languages
//    earshot scores) and on the UMSAB validation tweets, all and short (≤ 60 characters).
// 3. Analyser throughput on mixed-language and on English posts, per CPU-second.
// 4. Complaint and safety cues per language on bench/probes/languages/ (dev and held out).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMentionAnalyzer } from '../analysis/analyze-mention.js';
import { detectTextLanguage } from '../analysis/language/detect.js';
import { loadLanguageModels } from '../analysis/language/models.js';
import { FASTTEXT_TEST_F1, UMSAB_FOLDERS, multilingualDir, readUmsab } from './language-data.js';
import { benchLanguageComplaint } from './bench-language-complaint.js';
import { evaluate } from './train-languages.js';
import { REPO_ROOT } from './sentiment-data.js';
import { shortPosts } from './short-posts.js';

const SCORED = ['en', ...Object.keys(UMSAB_FOLDERS)];

function main(argv: readonly string[]): void {
  const dir = multilingualDir(argv);
  benchSentiment(dir);
  benchIdentification(dir);
  benchThroughput(dir);
  benchLanguageComplaint();
}

function benchSentiment(dir: string): void {
  const models = loadLanguageModels();
  process.stdout.write(`Sentiment, UMSAB validation split (macro-F1, 3 classes), models ${models.version}\n`);
  process.stdout.write('lang  earshot  FastText (test, published)  difference\n');
  const five: number[] = [];
  for (const code of Object.keys(UMSAB_FOLDERS)) {
    const model = models.sentiment.get(code);
    if (!model) continue;
    const f1 = evaluate(model, readUmsab(dir, code, 'val'));
    const ft = FASTTEXT_TEST_F1[code];
    if (ft !== undefined) five.push(f1);
    process.stdout.write(`${code}    ${f1.toFixed(3)}    ${ft === undefined ? '  –  ' : ft.toFixed(3)}                       ${ft === undefined ? '' : signed(f1 - ft)}\n`);
  }
  process.stdout.write(`mean of fr/de/es/pt/it ${(five.reduce((a, b) => a + b, 0) / five.length).toFixed(3)} (FastText 0.549)\n`);
  // posts about products written for earshot (bench/probes/languages.jsonl): never trained on
  const probes = readFileSync(join(REPO_ROOT, 'bench', 'probes', 'languages.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as { lang: string; text: string; label: number });
  const line = [...new Set(probes.map((p) => p.lang))].map((code) => {
    const mine = probes.filter((p) => p.lang === code);
    const model = models.sentiment.get(code);
    const f1 = model ? evaluate(model, { texts: mine.map((p) => p.text), labels: mine.map((p) => p.label) }) : 0;
    return `${code} ${f1.toFixed(2)}`;
  });
  process.stdout.write(`customer posts written for earshot (${probes.length}, macro-F1): ${line.join(', ')}\n\n`);
}

function benchIdentification(dir: string): void {
  const papluca = readFileSync(join(dir, 'language-id', 'papluca-test.csv'), 'utf8').split('\n').filter(Boolean).map(parseCsvLine)
    .filter((r) => SCORED.includes(r.code));
  const tweets = SCORED.filter((c) => c !== 'en').flatMap((code) => readUmsab(dir, code, 'val').texts.map((text) => ({ code, text })));
  process.stdout.write('Language identification (source tag absent: eld small + the English-word shortcut)\n');
  for (const [name, rows] of [
    [`papluca-test, ${SCORED.join('/')}`, papluca],
    ['UMSAB validation tweets, fr/de/es/pt/it/ar', tweets],
    ['  of which ≤ 60 characters', tweets.filter((r) => r.text.length <= 60)],
    // 2–5-word windows of validation tweets, en too (short-posts.ts; the rules were chosen on TRAIN windows)
    ['UMSAB validation, 2–5-word windows, en/fr/de/es/pt/it/ar', shortPosts(dir, 'val', 300)],
  ] as const) {
    let right = 0;
    let und = 0;
    for (const r of rows) {
      const got = detectTextLanguage(r.text);
      if (got === r.code) right++;
      if (got === 'und') und++;
    }
    process.stdout.write(`${name}: ${rows.length} texts, accuracy ${(right / rows.length).toFixed(3)}, und ${(und / rows.length).toFixed(3)}\n`);
  }
  process.stdout.write('\n');
}

function benchThroughput(dir: string): void {
  const analyze = createMentionAnalyzer({ brandTerms: {} });
  const english = readUmsab(dir, 'fr', 'val').texts.length > 0 ? readEnglish(dir) : [];
  const mixed = [...SCORED.filter((c) => c !== 'en').flatMap((code) => readUmsab(dir, code, 'val').texts), ...english];
  // tagged `en`, the detector is never asked: the English analyser as it was
  for (const [name, texts, lang] of [['mixed-language, no source tag', mixed, null], ['English, no source tag', english, null],
    ['English, tagged en (no detection)', english, 'en']] as const) {
    const rounds = Math.ceil(6000 / texts.length);
    texts.forEach((text, i) => analyze({ ...input(text, i), lang })); // warm up
    const start = process.cpuUsage();
    for (let r = 0; r < rounds; r++) texts.forEach((text, i) => analyze({ ...input(text, i), lang }));
    const used = process.cpuUsage(start);
    const seconds = (used.user + used.system) / 1e6;
    process.stdout.write(`analyser, ${name} (${texts.length} posts × ${rounds}): ${Math.round(texts.length * rounds / seconds).toLocaleString('en-US')} mentions per CPU-second\n`);
  }
}

function readEnglish(dir: string): string[] {
  return readFileSync(join(dir, 'umsab', 'english', 'val.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => String((JSON.parse(l) as { text: string }).text));
}

function input(text: string, i: number) {
  return { rowId: i, id: String(i), source: 'bench', author: `a${i % 97}`, text, lang: null, brands: ['acme'] };
}

function parseCsvLine(line: string): { code: string; text: string } {
  const comma = line.indexOf(',');
  const raw = line.slice(comma + 1);
  return { code: line.slice(0, comma), text: raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw };
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
}

main(process.argv.slice(2));
