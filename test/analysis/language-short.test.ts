import { describe, expect, it } from 'vitest';
import { detectTextLanguage } from '../../src/analysis/language/detect.js';

/**
 * Short posts (2–5 words; issue 32 #4) that detection used to leave `und` (read as English):
 * their function words, or the detector's clear lead, now name the language. English short
 * posts stay English (or `und`), and text that is not prose stays `und`. Written for this test.
 */
describe('language of short posts', () => {
  it.each([
    ['¿y mi pedido?', 'es'],
    ['vaya tela', 'es'],
    ['mi envío', 'es'],
    ['muy mal', 'es'],
    ['trop nul', 'fr'],
    ['et ma commande ?', 'fr'],
    ['pas top', 'fr'],
    ['zu spät', 'de'],
    ['ma dai', 'it'],
    ['il pacco?', 'it'],
    ['e il rimborso?', 'it'],
  ])('%j is %s', (text, lang) => {
    expect(detectTextLanguage(text)).toBe(lang);
  });

  it.each(['so i want', 'on my way', 'in a minute', 'love it', 'not again', 'I saw it'])('English %j is not read as another language', (text) => {
    expect(['en', 'und']).toContain(detectTextLanguage(text));
  });

  it("a shell formula is never another language", () => {
    expect(['en', 'und']).toContain(detectTextLanguage("+cmd|' /C calc'!A0"));
  });

  it.each(['=HYPERLINK(', '@acme ok 👍 https://t.co/x', '#fail', 'gracias', '👍👍 !!!'])('%j stays und', (text) => {
    expect(detectTextLanguage(text)).toBe('und');
  });
});
