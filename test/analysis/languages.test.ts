import { describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { detectTextLanguage, languageOfTag, looksEnglish, mentionLanguage } from '../../src/analysis/language/detect.js';
import { splitWords } from '../../src/analysis/language/tokens.js';
import { loadAnalysisModels } from '../../src/analysis/models.js';
import { readBaseVersion } from '../../src/analysis/model-versions.js';

const analyze = createMentionAnalyzer({ brandTerms: {} });
const run = (text: string, lang: string | null = null) =>
  analyze({ rowId: 1, id: '1', source: 'x', author: 'someone', text, lang, brands: ['Acme'] });

describe('the language of a post', () => {
  it('takes the source\'s tag when it names a language, in ISO 639-1', () => {
    expect(languageOfTag('pt-BR')).toBe('pt');
    expect(languageOfTag('EN')).toBe('en');
    expect(languageOfTag('in')).toBe('id'); // X's old code for Indonesian
    for (const none of [null, '', 'und', 'qme', 'zxx', 'fil', 'not a tag']) expect(languageOfTag(none)).toBeNull();
    expect(mentionLanguage('Das Paket ist wieder nicht angekommen', 'es')).toBe('es');
  });

  it('detects it from the text when the tag names none, and says und when too short', () => {
    const cases: Record<string, string> = {
      'Mi pedido llegó roto y nadie contesta en atención al cliente': 'es',
      'Ma commande est arrivée cassée et personne ne répond': 'fr',
      'Meine Bestellung kam kaputt an und niemand antwortet': 'de',
      'A minha encomenda chegou partida e ninguém responde': 'pt',
      'Il mio ordine è arrivato rotto e nessuno risponde': 'it',
      'My order arrived broken and nobody answers the phone': 'en',
    };
    for (const [text, lang] of Object.entries(cases)) expect([text, mentionLanguage(text, 'qme')]).toEqual([text, lang]);
    expect(detectTextLanguage('@acme ok 👍 https://t.co/x')).toBe('und');
    expect(detectTextLanguage('#fail')).toBe('und');
  });

  it('reads posts full of common English words as English without the detector', () => {
    expect(looksEnglish('this is the worst kettle i have ever had')).toBe(true);
    expect(looksEnglish('la tetera es la peor que he tenido')).toBe(false);
  });

  it('splits text that is not English into words, keeping elided articles, tags and emoji apart', () => {
    const tokens = splitWords("J'ai reçu l'envío!! 😡 @acme #EnvíoTarde https://x.y/z 12,5");
    expect(tokens.values).toEqual(["J'", 'ai', 'reçu', "l'", 'envío', '!', '!', '😡', '@acme', '#EnvíoTarde', 'https://x.y/z', '12,5']);
    expect(tokens.types).toEqual(['word', 'word', 'word', 'word', 'word', 'punctuation', 'punctuation', 'emoji', 'mention', 'hashtag', 'url', 'number']);
  });
});

describe('scoring by language', () => {
  it('scores fr/de/es/pt/it with their own sentiment head and cue lists for complaint and safety, no intent', () => {
    const r = run('El pedido nunca llegó y nadie contesta, pésimo servicio 😡');
    expect([r.lang, r.scored, r.sentimentLabel, r.complaint, r.safety]).toEqual(['es', 'all', 'negative', true, false]);
    // question and suggestion have no model here: absent (stored NULL), not a confident 0
    expect([r.questionScore, r.suggestionScore]).toEqual([undefined, undefined]);
    const praise = run('Me encanta, muchas gracias por todo, excelente servicio 😍');
    expect([praise.sentimentLabel, praise.complaint]).toEqual(['positive', false]);
  });

  it('leaves complaint and safety unscored in a language with a sentiment model only (ar)', () => {
    const r = run('الطلب لم يصل وخدمة العملاء لا ترد، خدمة سيئة جدا', 'ar');
    expect([r.lang, r.scored, r.complaint, r.complaintScore, r.safety]).toEqual(['ar', 'sentiment', false, 0, false]);
  });

  it('leaves a language with no model unscored: 0 and neutral as stored, marked none', () => {
    const r = run('De waterkoker is na twee dagen kapot gegaan, wat een slecht product');
    expect([r.lang, r.scored, r.sentimentScore, r.complaintScore, r.safetyScore]).toEqual(['nl', 'none', 0, 0, 0]);
  });

  it('scores English as before, whether tagged, untagged or of no known language', () => {
    const text = 'my kettle stopped working after two days and support never answered';
    const tagged = run(text, 'en');
    expect(tagged.lang).toBe('en');
    expect(tagged.scored).toBe('all');
    expect(tagged.complaint).toBe(true);
    expect(run(text, null)).toEqual(tagged);
    expect(run(text, 'qme')).toEqual(tagged);
    const short = run('ok 👍', null);
    expect([short.lang, short.scored]).toEqual(['und', 'all']);
  });

  it('names the language models in the analysis version, so a new one re-scores everything', () => {
    const models = loadAnalysisModels();
    expect(models.languages?.sentiment.size).toBeGreaterThanOrEqual(5);
    expect(models.version.endsWith(`+${models.languages?.version}`)).toBe(true);
    expect(analyze.modelVersion).toBe(models.version);
    // status names the version without loading the models: the same string
    expect(readBaseVersion()).toBe(models.version);
  });
});

describe('--lang', () => {
  it('takes comma-separated two-letter codes (or und) and refuses anything else in one line', async () => {
    const { parseLangs } = await import('../../src/cli/options.js');
    expect(parseLangs('FR, es,fr')).toEqual(['fr', 'es']);
    expect(parseLangs('und')).toEqual(['und']);
    for (const bad of ['', ',', 'french', 'pt-BR', "fr'; DROP"]) expect(() => parseLangs(bad)).toThrow(/^--lang takes two-letter language codes/);
  });
});
