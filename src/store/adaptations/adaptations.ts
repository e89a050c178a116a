import type { SentimentLabel } from '../../domain/mention.js';
import { brandKey } from '../../domain/brand-key.js';
import type { Dialect } from '../dialect/dialect.js';
import { byBrandKey } from './adapted-brands.js';

/**
 * What per-brand model adaptation (`earshot train`, `review`) reads and writes: labelled
 * and unlabelled mentions, and the adapted models in use. The reads are written once;
 * switching the active model is a read and writes in one transaction, per backend
 * (./sqlite.ts, ./postgres.ts).
 */
export interface Adaptations {
  /** Mentions a person labelled (sentiment, complaint or both), of one brand or all, in row order. */
  labelledMentions(brand?: string): Promise<LabelledMention[]>;
  /** Analysed mentions nobody labelled, newest first: what `earshot review` picks from. */
  unlabelledMentions(query: { brand?: string; limit: number }): Promise<ReviewRow[]>;
  /** The adapted models in use: at most one for the whole store (brand null) and one per brand. */
  activeAdaptations(): Promise<AdaptationRecord[]>;
  /** Saves an adapted model (again, if its version is stored) and makes it the one in use for its brand or the store. */
  saveAdaptation(record: AdaptationRecord): Promise<void>;
}

/** A mention with the labels a person gave it (null where they gave none). */
export interface LabelledMention {
  rowId: number;
  id: string;
  source: string;
  brand: string;
  text: string;
  lang: string | null;
  sentiment: SentimentLabel | null;
  complaint: boolean | null;
}

/** An analysed, unlabelled mention with what the model stored for it. */
export interface ReviewRow {
  rowId: number;
  id: string;
  source: string;
  brand: string;
  createdAt: string;
  author: string | null;
  text: string;
  url: string | null;
  lang: string | null;
  modelVersion: string;
  clusterKey: string;
}

/** An adapted model as stored: `payload` is the Adaptation as JSON, `evaluation` its held-out comparison as JSON. */
export interface AdaptationRecord {
  version: string;
  /** The brand it applies to, or null for the whole store. */
  brand: string | null;
  baseVersion: string;
  method: string;
  sentimentLabels: number;
  complaintLabels: number;
  evaluation: string;
  payload: string;
  createdAt: string;
}

/** Mentions of `m` linked to one of the brands whose keys the list parameter `param` holds. */
function linkedTo(d: Dialect, param: string): string {
  return `EXISTS (SELECT 1 FROM mention_brands fl JOIN brands flb ON flb.id = fl.brand_id
    WHERE fl.mention_id = m.id AND ${d.inList('flb.name_key', param)})`;
}

export function adaptations(d: Dialect, saveAdaptation: Adaptations['saveAdaptation']): Adaptations {
  const brandParams = (brand: string | undefined) => (brand === undefined ? [] : [d.list([brandKey(brand)])]);
  return {
    async labelledMentions(brand) {
      const rows = await d.all<Omit<LabelledMention, 'complaint'> & { complaint: number | null }>(`
        SELECT m.id AS "rowId", m.external_id AS id, m.source, b.name AS brand, m.text, m.lang, h.label AS sentiment, cl.complaint
        FROM mentions m JOIN brands b ON b.id = m.brand_id
        LEFT JOIN human_labels h ON h.mention_id = m.id LEFT JOIN complaint_labels cl ON cl.mention_id = m.id
        WHERE (h.mention_id IS NOT NULL OR cl.mention_id IS NOT NULL) ${brand === undefined ? '' : `AND ${linkedTo(d, '$1')}`}
        ORDER BY m.id`, brandParams(brand));
      return rows.map((r) => ({ ...r, complaint: r.complaint === null ? null : r.complaint === 1 }));
    },

    unlabelledMentions: (query) => d.all<ReviewRow>(`
      SELECT m.id AS "rowId", m.external_id AS id, m.source, b.name AS brand, m.created_at AS "createdAt", m.author, m.text, m.url, m.lang,
        a.model_version AS "modelVersion", a.cluster_key AS "clusterKey"
      FROM mentions m JOIN brands b ON b.id = m.brand_id JOIN analyses a ON a.mention_id = m.id
      WHERE NOT EXISTS (SELECT 1 FROM human_labels h WHERE h.mention_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM complaint_labels cl WHERE cl.mention_id = m.id)
        ${query.brand === undefined ? '' : `AND ${linkedTo(d, '$2')}`}
      ORDER BY m.created_at DESC, m.id DESC LIMIT $1`, [query.limit, ...brandParams(query.brand)]),

    activeAdaptations: async () => byBrandKey(await d.all<AdaptationRecord>(`
      SELECT version, brand, base_version AS "baseVersion", method, sentiment_labels AS "sentimentLabels",
        complaint_labels AS "complaintLabels", evaluation, payload, created_at AS "createdAt"
      FROM adapted_models WHERE active = 1`)),

    saveAdaptation,
  };
}
