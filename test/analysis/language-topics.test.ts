import { describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { foldWord, lightStem } from '../../src/analysis/topics/light-stem.js';
import { extractLanguageTerms, hasTopicLanguage } from '../../src/analysis/topics/language-terms.js';

/**
 * Topics in Spanish, French, Portuguese, Italian and German (issue 32 #4): the language's stop
 * words are never topics, a word's forms share one key, and terms show the words as written.
 */
const keys = (lang: string, text: string, brand: string[] = []) => extractLanguageTerms(text, lang, { brandTerms: brand }).map((t) => t.key);
const displays = (lang: string, text: string, brand: string[] = []) => extractLanguageTerms(text, lang, { brandTerms: brand }).map((t) => t.display);
/** A term's first and last words: a stop word may only join two words inside a phrase ("mise à jour"). */
const ends = (shown: string[]) => shown.flatMap((d) => { const w = d.split(' '); return [w[0], w.at(-1)]; });

describe('light stems', () => {
  it.each([
    ['es', ['envío', 'envíos', 'enviar', 'enviado', 'enviaron', 'envio']],
    ['es', ['pedido', 'pedidos']],
    ['fr', ['redémarre', 'redémarrer', 'redémarrage', 'redémarrages', 'redémarré', 'redemarre', 'redémarrent']],
    ['fr', ['livraison', 'livraisons']],
    ['pt', ['entrega', 'entregas', 'entregar']],
    ['it', ['pacco', 'pacchi']],
    ['it', ['consegna', 'consegne', 'consegnato']],
    ['de', ['Lieferung', 'Lieferungen', 'liefern']],
    ['de', ['Paket', 'Pakete']],
  ])('%s: %j share one key', (lang, words) => {
    expect(new Set(words.map((w) => lightStem(w, lang))).size).toBe(1);
  });

  it('keeps short words and other words apart', () => {
    expect(lightStem('client', 'fr')).not.toBe(lightStem('ci', 'fr'));
    expect(lightStem('moment', 'fr')).toBe('moment');
    expect(lightStem('año', 'es')).not.toBe(lightStem('ano', 'es'));
    expect(foldWord('Straße', 'de')).toBe('strasse');
  });
});

describe('topics of a post in another language', () => {
  it('never makes "de", "la", "que" or other stop words topics', () => {
    const text = 'el pedido que hice de la tienda no ha llegado y nadie me dice nada, ya estoy cansada de esperar';
    expect(keys('es', text)).not.toEqual(expect.arrayContaining(['de']));
    const words = ends(displays('es', text));
    for (const stop of ['de', 'la', 'que', 'el', 'no', 'ha', 'y', 'me', 'nada', 'ya', 'estoy']) expect(words).not.toContain(stop);
    expect(displays('es', text)).toContain('pedido');
    for (const [lang, post, stops] of [
      ['fr', "la box redémarre toute seule depuis la mise à jour et c'est pénible", ['la', 'et', "c'", 'est', 'depuis', 'toute']],
      ['de', 'die Lieferung ist seit einer Woche nicht da und der Support antwortet nicht', ['die', 'ist', 'seit', 'einer', 'nicht', 'und', 'der']],
      ['pt', 'o pedido não chegou e ninguém responde, que absurdo', ['o', 'não', 'e', 'que']],
      ['it', 'il pacco non è arrivato e nessuno risponde, che vergogna', ['il', 'non', 'è', 'e', 'che']],
    ] as const) {
      const got = ends(displays(lang, post));
      for (const stop of stops) expect([lang, stop, got.includes(stop)]).toEqual([lang, stop, false]);
    }
  });

  it('gives "envío" and "enviar" one key, each shown as written', () => {
    const a = extractLanguageTerms('mi envío no llega', 'es');
    const b = extractLanguageTerms('no consiguen enviar el paquete', 'es');
    const envio = a.find((t) => t.display === 'envío');
    const enviar = b.find((t) => t.display === 'enviar');
    expect(envio?.key).toBeDefined();
    expect(enviar?.key).toBe(envio?.key);
  });

  it('reads phrases joined by the language\'s "of": mise à jour, atención al cliente', () => {
    expect(displays('fr', 'depuis la mise à jour la box plante')).toContain('mise à jour');
    expect(displays('es', 'la atención al cliente no contesta')).toContain('atención al cliente');
    expect(displays('es', 'pagué el envío urgente')).toContain('envío urgente');
  });

  it('drops the brand\'s names, handles and tags, keeps other hashtags in the language\'s stems', () => {
    const terms = extractLanguageTerms('Tiendalia y @TiendaliaES: los #DíasLocos de #Tiendalia, ofertas buenísimas', 'es',
      { brandTerms: ['Tiendalia', '@TiendaliaES'] });
    expect(terms.map((t) => t.display)).toEqual(expect.arrayContaining(['días locos', 'ofertas']));
    expect(terms.some((t) => /tiendalia/i.test(t.display))).toBe(false);
  });

  it('covers es, fr, pt, it, de only', () => {
    expect(['es', 'fr', 'pt', 'it', 'de'].every(hasTopicLanguage)).toBe(true);
    expect(hasTopicLanguage('en')).toBe(false);
    expect(hasTopicLanguage('ar')).toBe(false);
  });
});

describe('the analyser reads topics by the post\'s language', () => {
  const analyze = createMentionAnalyzer({ brandTerms: { Tiendalia: ['Tiendalia', '@TiendaliaES'] } });
  const termsOf = (text: string, lang: string | null) => analyze({ rowId: 1, id: '1', source: 'x', author: 'a', text, lang, brands: ['Tiendalia'] }).terms;

  it('a Spanish post gets Spanish topics, with no stop words, detected or tagged', () => {
    for (const lang of ['es', null]) {
      const terms = termsOf('el envío de Tiendalia sigue sin llegar y el seguimiento de la web no dice nada', lang);
      const shown = terms.map((t) => t.display);
      expect(shown).toEqual(expect.arrayContaining(['envío', 'seguimiento']));
      for (const stop of ['el', 'la', 'de', 'no', 'y', 'nada', 'sin']) expect(ends(shown)).not.toContain(stop);
    }
  });

  it('an English post keeps English rules', () => {
    expect(termsOf('the tea bags from Tiendalia are full of plastic', 'en').map((t) => t.key)).toEqual(expect.arrayContaining(['teabag', 'plastic']));
  });
});

describe('a topic told in two languages', () => {
  const analyze = createMentionAnalyzer({ brandTerms: { Lumio: ['Lumio'] } });
  const keysOf = (text: string, lang: string) => analyze({ rowId: 1, id: '1', source: 'x', author: 'a', text, lang, brands: ['Lumio'] }).terms.map((t) => t.key);

  it('shares the keys of its hashtags and names, so its posts can be one issue', () => {
    const english = keysOf('the new Galaxia lamp from Lumio flickers #LumioRecall #PlasticFree', 'en');
    for (const [lang, text] of [
      ['es', 'la lámpara Galaxia de Lumio parpadea sin parar #LumioRecall #PlasticFree'],
      ['fr', 'la lampe Galaxia de Lumio clignote sans arrêt #LumioRecall #PlasticFree'],
      ['it', 'la lampada Galaxia di Lumio sfarfalla di continuo #LumioRecall #PlasticFree'],
    ] as const) {
      const keys = keysOf(text, lang);
      for (const shared of ['galaxia', 'lumiorecall', 'plasticfree']) expect([lang, shared, keys.includes(shared), english.includes(shared)]).toEqual([lang, shared, true, true]);
    }
  });

  it('keeps a sentence\'s first word and German nouns stemmed', () => {
    expect(extractLanguageTerms('Envíos lentos otra vez', 'es').find((t) => t.display === 'envíos')?.key).toBe(lightStem('envío', 'es'));
    expect(extractLanguageTerms('meine Pakete kommen nie an', 'de').find((t) => t.display === 'pakete')?.key).toBe(lightStem('Paket', 'de'));
  });
});
