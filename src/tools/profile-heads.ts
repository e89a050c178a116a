// Where the analyser's time goes, per head: reads a CPU profile of the analyser on real
// text and sums, per head, the time spent inside the function that computes it (issue 26:
// "the analyser's cost per head is listed, so the next head's price is known").
//   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/tools/profile-analyser.js --n 20000 --runs 2
//   node dist/tools/profile-heads.js /tmp/prof/CPU.*.cpuprofile [--us-per-mention 380]
// Shares are of the time inside `analyze` (the tool's own reading and hashing left out);
// with --us-per-mention (profile-analyser's median, measured without the profiler) each
// share is also given in CPU µs per mention. A head called inside another (the irony head
// inside the sarcasm rule) counts where it is called from, once.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Head → the functions (name and file ending) whose time is that head's, outermost first. */
const HEADS: Array<[string, Array<[string, string]>]> = [
  ['wink readDoc (tokenise, POS; its learning and forgetting)', [['readDoc', 'nlp/forgetful-wink.js']]],
  ['token columns (wink out) and cue words', [['readTokenColumns', 'token-columns.js'], ['cueWords', 'cue-words.js']]],
  ['language (tag, English words, eld)', [['mentionLanguage', 'language/detect.js']]],
  ['sentiment (features, model)', [['extractFeatures', 'sentiment/features.js'], ['scoreFeatures', 'sentiment/score.js'], ['scoreTokens', 'sentiment/score.js']]],
  ['meaning (word vectors, concepts)', [['denseMeaning', 'vectors/concepts.js']]],
  ['praise contrast', [['hasPraiseContrast', 'complaint/cues.js']]],
  ['complaint', [['scoreComplaintTokens', 'complaint/score.js']]],
  ['sarcasm rule and irony head', [['isSarcastic', 'analyze-mention.js']]],
  ['safety', [['scoreSafetyTokens', 'safety/score.js']]],
  ['intent (question, suggestion)', [['scoreIntentTokens', 'intent/score.js']]],
  ['other languages (sentiment, cues)', [['otherLanguageSentiment', 'language/heads.js'], ['otherLanguageComplaint', 'language/heads.js']]],
  ['terms (units, lemmas, phrases, hashtags)', [['extractTerms', 'topics/extract-terms.js']]],
  ['near-duplicate key', [['clusterKey', 'cluster-key.js']]],
  ['voice and campaign keys', [['voiceCluster', 'emergence/campaign.js'], ['voiceKey', 'analyze-mention.js']]],
];

const file = process.argv[2];
if (!file) throw new Error('usage: profile-heads.js <file.cpuprofile> [--us-per-mention N]');
const at = process.argv.indexOf('--us-per-mention');
const perMention = at > 0 ? Number(process.argv[at + 1]) : NaN;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const matches = (n: ProfileNode, [name, ending]: [string, string]) => n.callFrame.functionName === name && n.callFrame.url.endsWith(ending);
const headOf = (n: ProfileNode) => HEADS.findIndex(([, fns]) => fns.some((f) => matches(n, f)));
const totals = new Array<number>(HEADS.length).fill(0);
let inAnalyze = 0;
for (const [id, time] of self) {
  // the outermost head on the stack below `analyze`, if any
  let head = -1;
  let analyze = false;
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const node = byId.get(cur)!;
    if (node.callFrame.functionName === 'analyze' && node.callFrame.url.endsWith('analyze-mention.js')) { analyze = true; break; }
    const h = headOf(node);
    if (h >= 0) head = h;
  }
  if (!analyze) continue;
  inAnalyze += time;
  if (head >= 0) totals[head]! += time;
}
const rest = inAnalyze - totals.reduce((a, b) => a + b, 0);
const rows: Array<[string, number]> = [...HEADS.map(([name], i): [string, number] => [name, totals[i]!]), ['the rest of analyze (records, rounding, glue)', rest]];
console.log(`| part of the analyser | share of analyze |${Number.isFinite(perMention) ? ' CPU µs per mention |' : ''}`);
console.log(`|---|---:|${Number.isFinite(perMention) ? '---:|' : ''}`);
for (const [name, time] of rows) {
  const share = time / inAnalyze;
  console.log(`| ${name} | ${(100 * share).toFixed(1)} % |${Number.isFinite(perMention) ? ` ${(share * perMention).toFixed(0)} |` : ''}`);
}
