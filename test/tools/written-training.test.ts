import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writtenFigurativeTexts, writtenSafetyTexts } from '../../src/tools/safety-augment.js';
import { writtenIronyTexts } from '../../src/tools/irony-augment.js';

const PROBES = join(import.meta.dirname, '../../bench/probes');

/** Every probe post (dev and held out), lower-cased. */
function probeTexts(dir = PROBES): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return probeTexts(path);
    if (!entry.name.endsWith('.jsonl')) return [];
    return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text.toLowerCase());
  });
}

describe('the training sentences written for earshot', () => {
  it('compose the harmless harm-word posts deterministically, a tenth of them harm told with the same words', () => {
    const a = writtenFigurativeTexts(1500);
    expect(writtenFigurativeTexts(1500)).toEqual(a);
    expect(new Set(a.map((r) => r.text)).size).toBe(1500);
    const harm = a.filter((r) => r.label === 1).length;
    expect(harm).toBeGreaterThan(100);
    expect(harm).toBeLessThan(200);
    // the earlier rounds keep their own seed: adding this round changed none of them
    expect(writtenSafetyTexts(50)).toEqual(writtenSafetyTexts(50));
  });

  it('hold no probe post (bench/probes is never trained on), but one legacy dev post', () => {
    const probes = new Set(probeTexts());
    expect(probes.size).toBeGreaterThan(1000);
    const written = [...writtenSafetyTexts(2500), ...writtenFigurativeTexts(1500), ...writtenIronyTexts(300)].map((r) => r.text.toLowerCase());
    // one legacy overlap with the dev set (safety2's harmless list and bench/probes/everyday.jsonl
    // share this four-word post); the held-out sets share none
    expect(written.filter((text) => probes.has(text))).toEqual(written.filter((text) => text === 'the new album is fire'));
  });
});
