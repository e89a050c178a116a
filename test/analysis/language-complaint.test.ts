import { describe, expect, it } from 'vitest';
import { combine, countCues, hasComplaintCues, LANGUAGE_COMPLAINT_VERSION, LANGUAGE_COMPLAINT_WEIGHTS, scoreLanguageComplaint } from '../../src/analysis/language/complaint.js';
import { COMPLAINT_CUES } from '../../src/analysis/language/complaint-cues.js';
import { loadLanguageModels, scoreLanguageSentiment } from '../../src/analysis/language/models.js';

const models = loadLanguageModels();
const score = (lang: string, text: string) => scoreLanguageComplaint(lang, text, scoreLanguageSentiment(models.sentiment.get(lang)!, text))!;

// Written for this test (not in bench/probes): per language a plain complaint, a harm report,
// praise, a question, and a hard negative that names a problem solved.
const CASES: Record<string, { complaint: string; harm: string; praise: string; question: string; solved: string }> = {
  fr: { complaint: "ma commande Fitora n'est jamais arrivée et toujours pas de remboursement",
    harm: "le radiateur a pris feu dans la chambre, on a dû sortir en pleine nuit",
    praise: 'équipe adorable et livraison rapide, parfait', question: 'vous ouvrez le dimanche ?',
    solved: 'petit bug hier mais le support a réglé ça en dix minutes, merci' },
  de: { complaint: 'die Waschmaschine ist nach einer Woche kaputt und der Support antwortet nicht',
    harm: 'der Föhn hat geraucht und mir die Hand verbrannt',
    praise: 'super freundliches Team und schnelle Lieferung, perfekt', question: 'habt ihr sonntags offen?',
    solved: 'gestern ein kleiner Fehler, aber der Support hat das sofort gelöst, danke' },
  es: { complaint: 'la lavadora dejó de funcionar a la semana y nadie contesta en soporte',
    harm: 'el secador echó humo y me quemé la mano',
    praise: 'equipo encantador y envío rápido, perfecto', question: '¿abrís los domingos?',
    solved: 'ayer hubo un fallo pero soporte lo dejó resuelto en diez minutos, gracias' },
  pt: { complaint: 'a máquina de lavar parou de funcionar em uma semana e ninguém responde no suporte',
    harm: 'o secador soltou fumaça e queimei a mão',
    praise: 'equipe atenciosa e entrega rápida, perfeito', question: 'vocês abrem domingo?',
    solved: 'ontem deu um erro mas o suporte resolveu em dez minutos, obrigado' },
  it: { complaint: 'la lavatrice non funziona dopo una settimana e nessuno risponde in assistenza',
    harm: "il phon ha fatto fumo e mi sono ustionata la mano",
    praise: 'staff gentilissimo e consegna veloce, perfetto', question: 'siete aperti la domenica?',
    solved: "ieri c'era un errore ma l'assistenza l'ha risolto in dieci minuti, grazie" },
};

describe('complaint and safety cues in fr, de, es, pt, it', () => {
  for (const [lang, c] of Object.entries(CASES)) {
    it(`${lang}: a problem report is a complaint, a harm report is a safety report, praise, questions and fixed problems are neither`, () => {
      expect([c.complaint, score(lang, c.complaint).complaint]).toEqual([c.complaint, true]);
      const harm = score(lang, c.harm);
      expect([c.harm, harm.complaint, harm.safety]).toEqual([c.harm, true, true]);
      for (const text of [c.praise, c.question, c.solved]) {
        const r = score(lang, text);
        expect([text, r.complaint, r.safety]).toEqual([text, false, false]);
      }
    });
  }

  it('matches cues at word starts only, whatever the case or apostrophe', () => {
    expect(countCues('fr', 'REMBOURSEMENT refusé, j’attends encore')).toMatchObject({ problem: 2 });
    // "bug" inside another word is not a cue
    expect(countCues('de', 'Debugging macht Spaß')).toMatchObject({ problem: 0 });
    expect(countCues('nl', 'kapot')).toBeNull();
  });

  it('has cue lists for the five languages only; others get no complaint score', () => {
    expect(Object.keys(COMPLAINT_CUES).sort()).toEqual(['de', 'es', 'fr', 'it', 'pt']);
    expect(hasComplaintCues('ar')).toBe(false);
    expect(scoreLanguageComplaint('ar', 'x', { score: 0, label: 'neutral', probs: { negative: 0, neutral: 1, positive: 0 } })).toBeNull();
  });

  it('never calls a harm word a safety report in a post that does not read as a complaint', () => {
    const r = combine({ problem: 0, fixed: 2, harm: 1 }, { score: 0.8, label: 'positive', probs: { negative: 0.05, neutral: 0.15, positive: 0.8 } });
    expect([r.complaint, r.safety]).toEqual([false, false]);
  });

  it('is deterministic and versioned by its lists and weights', () => {
    expect(score('fr', CASES.fr!.complaint)).toEqual(score('fr', CASES.fr!.complaint));
    expect(LANGUAGE_COMPLAINT_VERSION).toMatch(/^cues-[0-9a-f]{8}$/);
    expect(models.version.endsWith(`+${LANGUAGE_COMPLAINT_VERSION}`)).toBe(true);
    expect(LANGUAGE_COMPLAINT_WEIGHTS.threshold).toBe(0.5);
  });
});
