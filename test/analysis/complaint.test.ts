import { describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { sentimentGivenComplaint } from '../../src/analysis/complaint/adjust.js';
import { cueClassOf, loadComplaintModel } from '../../src/analysis/complaint/index.js';
import { encodeComplaintModel } from '../../src/analysis/complaint/model-file.js';
import { loadAnalysisModels } from '../../src/analysis/models.js';
import { loadSentimentModel } from '../../src/analysis/sentiment/index.js';
import { trainComplaint, writtenComplaintDocs } from '../../src/tools/complaint-data.js';
import { COMPLAINT_TRAINING } from '../../src/tools/train-complaint.js';

const analyze = createMentionAnalyzer({ brandTerms: {} });
const score = (text: string) => analyze({ rowId: 1, id: '1', source: 'x', author: 'a', text, lang: 'en', brands: ['Acme'] });

/** Problem reports told flatly, in many domains, each beside an everyday post on the same thing (none is in the training sentences). */
const PAIRS: Array<[domain: string, complaint: string, chatter: string]> = [
  ['electronics', 'my headphones stopped charging after a week', 'unboxing my new headphones tonight'],
  ['kitchenware', 'the lid cracked the first time I used it', 'the blender makes great smoothies'],
  ['banking', 'card declined twice and no one answers', 'what time does the store open tomorrow?'],
  ['food', 'tastes of metal since you changed the recipe', 'just tried the new recipe, really nice'],
  ['web', 'the site logs me out every five minutes', 'the app update looks clean'],
  ['apparel', 'the zipper on my new jacket broke on the first day', 'happy with the jacket, fits well'],
  ['delivery', 'my parcel was marked delivered but it is not here', 'my parcel arrived early today'],
  ['appliances', 'the blender jar leaks from the bottom', 'the blender makes great smoothies'],
  ['retail', 'charged twice for one order and still no refund', 'love the new colour, ordering another'],
  ['apps', 'the app crashes every time I try to pay', 'the app update looks clean'],
  ['housing', 'the heating has been off since Monday and nobody came', 'the wifi is fast in the new flat'],
  ['footwear', 'the shoes fell apart after one month', 'new shoes for the marathon'],
  ['telecom', 'waited 45 minutes on hold and the call dropped', 'the wifi is fast in the new flat'],
  ['drinks', 'the bottle arrived with the seal broken', 'just tried the new recipe, really nice'],
  ['travel', 'my flight was cancelled and the refund is still pending', 'our flight to Lisbon is at 6am'],
  ['baby goods', 'the stroller wheel came off on day two', 'the stroller folds really small'],
  ['phones', 'my phone screen went black after the update', 'unboxing my new headphones tonight'],
  ['broadband', 'the wifi drops every evening around 8', 'the wifi is fast in the new flat'],
];

describe('the complaint score', () => {
  it.each(PAIRS)('%s: a problem report scores above an everyday post about the same thing', (_domain, complaint, chatter) => {
    expect(score(complaint).complaintScore).toBeGreaterThan(score(chatter).complaintScore);
  });

  it('flags most flat problem reports and no everyday post', () => {
    const flagged = PAIRS.filter(([, complaint]) => score(complaint).complaint).map(([, c]) => c);
    const wrong = [...new Set(PAIRS.map(([, , chatter]) => chatter))].filter((chatter) => score(chatter).complaint);
    expect(flagged.length, `flagged: ${flagged.join(' | ')}`).toBeGreaterThanOrEqual(15);
    expect(wrong).toEqual([]);
  });

  it('never calls a likely complaint positive, and leaves praise alone', () => {
    for (const [, complaint, chatter] of PAIRS) {
      const c = score(complaint);
      if (c.complaintScore >= loadComplaintModel().sentimentCut) expect(c.sentimentLabel, complaint).not.toBe('positive');
      expect(score(chatter).sentimentLabel).not.toBe('negative');
    }
    expect(score('love my new headphones, the sound is amazing')).toMatchObject({ sentimentLabel: 'positive', complaint: false });
  });

  it('turns only positive labels of likely complaints neutral', () => {
    const positive = { score: 0.8, label: 'positive' as const, probs: { negative: 0.05, neutral: 0.15, positive: 0.8 } };
    expect(sentimentGivenComplaint(positive, { score: 0.31 }, 0.3).label).toBe('neutral');
    expect(sentimentGivenComplaint(positive, { score: 0.29 }, 0.3).label).toBe('positive');
    const negative = { ...positive, label: 'negative' as const };
    expect(sentimentGivenComplaint(negative, { score: 0.99 }, 0.3).label).toBe('negative');
  });

  it('leaves posts in languages with no complaint cues unscored (fr/de/es/pt/it: test/analysis/language-complaint.test.ts)', () => {
    const r = analyze({ rowId: 1, id: '1', source: 'x', author: 'a', text: 'het deksel brak de eerste dag', lang: 'nl', brands: ['Acme'] });
    expect(r).toMatchObject({ complaintScore: 0, complaint: false });
  });

  it('groups cue words by what went wrong', () => {
    expect([cueClassOf('cracked'), cueClassOf('refund'), cueClassOf('again'), cueClassOf('Weeks'), cueClassOf('tea')])
      .toEqual(['failure', 'service', 'persistence', 'time', undefined]);
  });
});

describe('the complaint model file', () => {
  it('is versioned with the sentiment, safety, irony, intent and language models as one analysis version', () => {
    const models = loadAnalysisModels();
    expect(models.complaint.version).toMatch(/^complaint-[0-9a-f]{10}$/);
    expect(models.safety.version).toMatch(/^safety-[0-9a-f]{10}$/);
    expect(models.irony.version).toMatch(/^irony-[0-9a-f]{10}$/);
    expect(models.version).toBe(`${models.sentiment.version}+${models.complaint.version}+${models.safety.version}+${models.irony.version}+${models.intent.version}+${models.languages!.version}`);
    expect(models.complaint.threshold).toBeGreaterThan(0.2);
    expect(models.complaint.threshold).toBeLessThan(0.8);
  });

  it('trains deterministically: the same data gives the same version id', () => {
    const docs = writtenComplaintDocs(loadSentimentModel(), 150);
    const version = () => encodeComplaintModel({ ...trainComplaint(docs, COMPLAINT_TRAINING), threshold: 0.5, sentimentCut: 0.3 }, ['t']).version;
    expect(version()).toBe(version());
    const other = writtenComplaintDocs(loadSentimentModel(), 151);
    expect(encodeComplaintModel({ ...trainComplaint(other, COMPLAINT_TRAINING), threshold: 0.5, sentimentCut: 0.3 }, ['t']).version).not.toBe(version());
  });
});
