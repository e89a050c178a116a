// Leave-one-domain-out for the complaint model: for each domain (the 14 Amazon review
// domains, the 9 domains of the brand tweets, the Indian e-commerce reviews and the
// fintech tweets), a model trained on everything else (the shipped recipe: the other
// domains of every set, earshot's written sentences) scores it at the shipped
// threshold rule. Prints each domain's macro-F1, the mean and the worst. Part of
// `npm run bench:complaint`; alone: `node dist/tools/bench-lodo.js [--settings JSON]`.
import { loadSentimentModel } from '../analysis/sentiment/model-file.js';
import { chooseThreshold, macroF1, outOfFold, predict, readComplaintDocs, resolveComplaintDir, trainComplaint, writtenComplaintDocs, type ComplaintDoc, type TrainSettings } from './complaint-data.js';
import { readFlag } from './sentiment-data.js';
import { COMPLAINT_TRAINING, WRITTEN_PAIRS } from './train-complaint.js';

export interface DomainScore { set: string; domain: string; n: number; macroF1: number }

/** Domains a set is split into for the benchmark: its own `domain` field, or the set as one domain. */
function domainKey(doc: ComplaintDoc): string {
  return doc.set === 'amazon-multidomain' || doc.set === 'preotiuc2019-tweets' ? `${doc.set}/${doc.domain}` : doc.set;
}

/**
 * `threshold`: the shipped model's (chosen out of fold on the human-labelled sets), or,
 * when not given, chosen the same way for these settings. Domains holding one class only
 * (the brand tweets' random tweets and replies, which address no brand) have no macro-F1
 * and are left out of the scoring, not of the training.
 */
export function leaveOneDomainOut(docs: readonly ComplaintDoc[], written: readonly ComplaintDoc[], training: TrainSettings = COMPLAINT_TRAINING, threshold?: number): DomainScore[] {
  const strong = docs.filter((d) => d.set !== 'amazon-multidomain');
  const cut = threshold ?? chooseThreshold(strong, outOfFold(strong, training, written, 5));
  const domains = [...new Set(docs.map(domainKey))].sort()
    .filter((domain) => new Set(docs.filter((d) => domainKey(d) === domain).map((d) => d.label)).size === 2);
  return domains.map((domain) => {
    const test = docs.filter((d) => domainKey(d) === domain);
    const model = trainComplaint([...docs.filter((d) => domainKey(d) !== domain), ...written], training);
    const scores = test.map((d) => predict(model, d));
    return { set: test[0]!.set, domain, n: test.length, macroF1: macroF1(test, scores, cut) };
  });
}

export function lodoLines(scores: readonly DomainScore[]): string[] {
  const mean = scores.reduce((s, d) => s + d.macroF1, 0) / scores.length;
  const worst = scores.reduce((w, d) => (d.macroF1 < w.macroF1 ? d : w));
  return [
    '| leave-one-domain-out: held-out domain | texts | macro-F1 |', '|---|---:|---:|',
    ...scores.map((d) => `| ${d.domain} | ${d.n} | ${d.macroF1.toFixed(3)} |`),
    `| **mean of ${scores.length}** | | **${mean.toFixed(3)}** |`, `| **worst** (${worst.domain}) | | **${worst.macroF1.toFixed(3)}** |`, '',
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const settings = readFlag(argv, '--settings');
  const training: TrainSettings = settings ? { ...COMPLAINT_TRAINING, ...(JSON.parse(settings) as Partial<TrainSettings>) } : COMPLAINT_TRAINING;
  const sentiment = loadSentimentModel();
  const docs = readComplaintDocs(resolveComplaintDir(argv), sentiment);
  process.stdout.write(`${lodoLines(leaveOneDomainOut(docs, writtenComplaintDocs(sentiment, WRITTEN_PAIRS), training)).join('\n')}\n`);
}
