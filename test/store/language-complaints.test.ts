import { describe, expect, it } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import { buildReport } from '../../src/core/report.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { ExportRow } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

const HOUR = 3_600_000;
const AT = Date.parse('2026-11-20T00:00:00.000Z');
const at = (hoursBefore: number) => new Date(AT - hoursBefore * HOUR).toISOString();

// A French kettle problem told in many voices in the last day, beside French and English
// chatter all week (issue 32): before the cue lists, these posts were "sentiment only" and
// left out of the complaint share; now they are complaints like English ones.
const WAVE = [
  'ma bouilloire Kalio fuit depuis lundi, toujours pas de réponse du SAV',
  'bouilloire Kalio cassée après trois jours, je veux un remboursement',
  'la bouilloire Kalio ne fonctionne plus et personne ne répond au téléphone',
  'deuxième bouilloire Kalio qui fuit, vraiment déçue',
  "j'attends toujours l'échange de ma bouilloire Kalio, inadmissible",
  'bouilloire Kalio en panne, le SAV ne répond pas',
];
const CHATTER_FR = ['je prends mon thé avec la bouilloire Kalio ce matin', 'la bouilloire Kalio est jolie dans ma cuisine',
  'quelqu’un connaît le prix de la bouilloire Kalio ?'];
const CHATTER_EN = ['making tea with my Kalio kettle this morning', 'the Kalio kettle looks nice in my kitchen'];

function mentions(): MentionInput[] {
  const out: MentionInput[] = [];
  let n = 0;
  const add = (text: string, hoursBefore: number) => {
    n++;
    out.push({ id: String(n), source: 'x', brand: 'Kalio', createdAt: at(hoursBefore), text, author: `u${n}`, lang: text.includes('Kalio kettle') ? 'en' : 'fr' });
  };
  for (let day = 1; day <= 7; day++) [...CHATTER_FR, ...CHATTER_EN].forEach((t, i) => add(t, day * 24 + i + 1));
  for (let k = 0; k < 3; k++) WAVE.forEach((t, i) => add(t, 1 + k * 6 + i * 0.5));
  return out;
}

const backends = await storeBackends();

describe.each(backends)('complaints in French in the $name store', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const store = useStore(backend);

  it('a French complaint wave counts as complaints in the report, status and export', async () => {
    await store().upsertMentions(mentions());
    await analyzePending(store(), { brandTerms: { Kalio: ['Kalio'] }, workers: 0 });

    const report = await buildReport(store(), { brand: 'Kalio', at: new Date(AT), windowHours: 24, baselineHours: 168, top: 5, minMentions: 3 });
    // the window holds the 18 wave posts only: all complaints, none left out as "sentiment only"
    expect(report.totals.windowMentions).toBe(18);
    expect(report.totals.windowComplaintShare).toBe(1);
    expect(report.totals.windowSentimentOnly).toBeUndefined();
    expect(report.totals.baselineComplaintShare).toBe(0);

    const status = await store().status();
    expect(status.languages?.find((l) => l.lang === 'fr')).toMatchObject({ sentimentOnly: 0, unscored: 0 });

    const rows: ExportRow[] = [];
    for await (const row of store().exportMentions({ langs: ['fr'] })) rows.push(row);
    const wave = rows.filter((r) => WAVE.includes(r.text));
    expect(wave).toHaveLength(18);
    for (const r of wave) expect([r.text, r.isComplaint, r.complaint !== null, r.isSafety, r.question, r.isQuestion]).toEqual([r.text, true, true, false, null, null]);
    expect(rows.filter((r) => CHATTER_FR.includes(r.text)).every((r) => r.isComplaint === false)).toBe(true);
  });
});
