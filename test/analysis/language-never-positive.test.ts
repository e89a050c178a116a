import { describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { readProbes } from '../../src/tools/bench-language-complaint.js';
import { generateScenario } from '../../src/tools/scenarios/generate.js';
import { frenchRebootScenario, spanishShippingScenario } from '../../src/tools/scenarios/languages.js';

/**
 * English's guarantee holds for the cue-scored languages too (issue 32): a post flagged a
 * complaint is never positive, and a safety report is negative. Checked on every probe post
 * of the five languages and every post of the two scenarios in other languages, each read
 * with its language tag.
 */
const analyze = createMentionAnalyzer({ brandTerms: {} });
const END = new Date('2026-11-24T18:00:00.000Z');

const TEXTS: Array<{ lang: string; text: string }> = [
  ...['fr', 'de', 'es', 'pt', 'it'].flatMap((lang) => readProbes(lang).map((p) => ({ lang, text: p.text }))),
  ...[spanishShippingScenario(END), frenchRebootScenario(END)].flatMap((s) => [...new Set(generateScenario(s).map((m) => m.text))]
    .map((text) => ({ lang: s.brand === 'Tiendalia' ? 'es' : 'fr', text }))),
  // praise words around a problem: the sentiment heads read these as positive
  { lang: 'fr', text: 'merci Fibrelle, super la box qui redémarre en boucle, toujours pas réglé, remboursement svp 😍' },
  { lang: 'es', text: 'genial, gracias Tiendalia 😍 el pedido no llegó y sigo esperando el reembolso' },
  { lang: 'it', text: 'grazie mille, bellissimo 😍 il pacco non è arrivato e nessuno risponde, rimborso?' },
];

describe('a complaint is never positive in fr, de, es, pt, it', () => {
  it('holds on every probe and scenario post', () => {
    let complaints = 0;
    const broken: string[] = [];
    for (const [i, { lang, text }] of TEXTS.entries()) {
      const r = analyze({ rowId: i + 1, id: String(i), source: 'x', author: `u${i}`, text, lang, brands: ['x'] });
      if (r.complaint) complaints++;
      if ((r.complaint && r.sentimentLabel === 'positive') || (r.safety && r.sentimentLabel !== 'negative')) broken.push(`${r.sentimentLabel} ${lang}: ${text}`);
    }
    expect(complaints).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });
});
