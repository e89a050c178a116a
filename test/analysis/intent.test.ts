import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { decodeComplaintModel } from '../../src/analysis/complaint/model-file.js';
import { DEFAULT_INTENT_MODEL_PATH, decodeIntentModel, scoreIntentTokens, type IntentModelFile } from '../../src/analysis/intent/index.js';
import { readBaseVersion } from '../../src/analysis/model-versions.js';

const analyze = createMentionAnalyzer({ brandTerms: {} });
let row = 0;
const score = (text: string, lang: string | null = null) =>
  analyze({ rowId: ++row, id: String(row), source: 'x', text, author: `a${row}`, lang, brands: ['Acme'] } as never);

describe('intent heads in the single analysis pass', () => {
  it('score questions and suggestions (3 decimals) and leave other languages at 0', () => {
    const asked = score('how do i reset the router?');
    expect(asked).toMatchObject({ question: true, suggestion: false });
    expect(Math.round(asked.questionScore! * 1000) / 1000).toBe(asked.questionScore);
    expect(score('please add a dark mode to the app')).toMatchObject({ question: false, suggestion: true });
    expect(score('the kettle arrived today, lovely colour')).toMatchObject({ question: false, suggestion: false });
    expect(score('hoe reset ik de router?', 'nl')).toMatchObject({ questionScore: 0, question: false, suggestionScore: 0, suggestion: false });
    // a language scored by complaint cues (issue 32) has no intent heads: its scores are absent (NULL), not 0
    const spanish = score('¿cómo reinicio el router?', 'es');
    expect([spanish.questionScore, spanish.suggestionScore]).toEqual([undefined, undefined]);
  });

  it('name the intent model in the analysis version, so a new one re-scores every mention', () => {
    const file = JSON.parse(readFileSync(DEFAULT_INTENT_MODEL_PATH, 'utf8')) as IntentModelFile;
    expect(analyze.modelVersion.split('+')).toContain(file.version);
    expect(readBaseVersion()).toBe(analyze.modelVersion);
  });

  it('score both heads in one pass exactly as each head alone', () => {
    const file = JSON.parse(readFileSync(DEFAULT_INTENT_MODEL_PATH, 'utf8')) as IntentModelFile;
    const joint = decodeIntentModel(file);
    const separate = { ...joint, joint: undefined, question: decodeComplaintModel(file.question, 'question'), suggestion: decodeComplaintModel(file.suggestion, 'suggestion') };
    const tokens = { values: ['could', 'you', 'add', 'a', 'timer', '?'], types: ['word', 'word', 'word', 'word', 'word', 'punctuation'] };
    const sentiment = { probs: { negative: 0.1, neutral: 0.6, positive: 0.3 } };
    expect(scoreIntentTokens(joint, tokens, sentiment, 0.2)).toEqual(scoreIntentTokens(separate, tokens, sentiment, 0.2));
  });
});
