import type { SentimentLabel } from '../../domain/mention.js';
import { brandKey } from '../../domain/brand-key.js';
import type { Dialect } from '../dialect/dialect.js';
import { SENTIMENT_VALUE } from '../sqlite/analysis-queries.js';
import { intentLabelColumn } from '../sqlite/intent-queries.js';
import type { HumanLabel, IntentLabelKind, LabelKind, LabelQuery } from '../store.js';

/**
 * Human labels: set (each wins over the model everywhere and survives re-analysis),
 * listed and cleared. Setting and listing are written once; clearing (a delete whose
 * outcome decides a further write, in one transaction) stays per backend
 * (./sqlite.ts, ./postgres.ts).
 */
export interface Labels {
  setHumanLabel(rowId: number, label: SentimentLabel): Promise<void>;
  /**
   * A human complaint label (true: a complaint, false: not one). Like the sentiment label it
   * wins everywhere (reports, exports, filters, status) and survives re-analysis.
   */
  setComplaintLabel(rowId: number, isComplaint: boolean): Promise<void>;
  /**
   * A human safety label (true: reports harm or a risk of harm, false: does not). Like the
   * complaint label it wins everywhere (reports, exports, filters, status) and survives re-analysis.
   */
  setSafetyLabel(rowId: number, isSafety: boolean): Promise<void>;
  /**
   * A human intent label: `question` or `suggestion` (true: it is one, false: it is not),
   * or `handled` (true: answered, out of the inbox; false: back in). Wins everywhere and
   * survives re-analysis, as the other labels do.
   */
  setIntentLabel(rowId: number, kind: IntentLabelKind, value: boolean): Promise<void>;
  /** Human labels, newest first (`earshot labels`). */
  humanLabels(query: LabelQuery): Promise<HumanLabel[]>;
  /**
   * Removes a mention's human label of one kind; true if it had one. The mention's analysis
   * turns stale, so the next analysis step restores the model's value.
   */
  clearHumanLabel(rowId: number, kind: LabelKind): Promise<boolean>;
}

/**
 * Every kind of human label as (kind, label, labeled_at) rows: the tables, and how a
 * stored value reads as the label `earshot label` takes. Fixed text, never from input.
 */
export const LABEL_ROWS = `
  SELECT mention_id, 'sentiment' AS kind, label, labeled_at FROM human_labels
  UNION ALL SELECT mention_id, 'complaint', CASE complaint WHEN 1 THEN 'complaint' ELSE 'not-complaint' END, labeled_at FROM complaint_labels
  UNION ALL SELECT mention_id, 'safety', CASE safety WHEN 1 THEN 'safety' ELSE 'not-safety' END, labeled_at FROM safety_labels
  UNION ALL SELECT mention_id, 'question', CASE question WHEN 1 THEN 'question' ELSE 'not-question' END, labeled_at FROM intent_labels WHERE question IS NOT NULL
  UNION ALL SELECT mention_id, 'suggestion', CASE suggestion WHEN 1 THEN 'suggestion' ELSE 'not-suggestion' END, labeled_at FROM intent_labels WHERE suggestion IS NOT NULL
  UNION ALL SELECT mention_id, 'handled', CASE handled WHEN 1 THEN 'handled' ELSE 'not-handled' END, labeled_at FROM intent_labels WHERE handled IS NOT NULL`;

export function labels(d: Dialect, clearHumanLabel: Labels['clearHumanLabel']): Labels {
  /** Upserts one label row stamped now, then writes its value where the model's stood. */
  const upsert = (table: string, column: string, rowId: number, value: unknown) => [`INSERT INTO ${table} (mention_id, ${column}, labeled_at)
    VALUES ($1, $2, ${d.now()}) ON CONFLICT (mention_id) DO UPDATE SET ${column} = excluded.${column}, labeled_at = excluded.labeled_at`, [rowId, value]] as const;
  const set = (text: string, value: unknown, rowId: number) => [text, [value, rowId]] as const;
  return {
    async setHumanLabel(rowId: number, label: SentimentLabel) {
      const value = SENTIMENT_VALUE[label];
      await d.runInOrder([
        upsert('human_labels', 'label', rowId, label),
        set('UPDATE analyses SET sentiment = $1 WHERE mention_id = $2', value, rowId),
        set('UPDATE mention_brands SET sentiment = $1 WHERE mention_id = $2 AND sentiment IS NOT NULL', value, rowId),
        set('UPDATE mention_terms SET sentiment = $1 WHERE mention_id = $2', value, rowId),
      ]);
    },

    async setComplaintLabel(rowId, isComplaint) {
      const value = isComplaint ? 1 : 0;
      await d.runInOrder([
        upsert('complaint_labels', 'complaint', rowId, value),
        set('UPDATE analyses SET complaint = $1 WHERE mention_id = $2', value, rowId),
        set('UPDATE mention_brands SET complaint = $1 WHERE mention_id = $2 AND sentiment IS NOT NULL', value, rowId),
        // the rollup's triggers mark the mention's day stale
        set('UPDATE mention_terms SET complaint = $1 WHERE mention_id = $2', value, rowId),
      ]);
    },

    async setSafetyLabel(rowId, isSafety) {
      const value = isSafety ? 1 : 0;
      await d.runInOrder([upsert('safety_labels', 'safety', rowId, value), set('UPDATE analyses SET safety = $1 WHERE mention_id = $2', value, rowId)]);
    },

    async setIntentLabel(rowId: number, kind: IntentLabelKind, value: boolean) {
      const column = intentLabelColumn(kind); // a fixed column name
      const v = value ? 1 : 0;
      await d.runInOrder([
        upsert('intent_labels', column, rowId, v),
        ...(column === 'handled' ? [] : [set(`UPDATE analyses SET ${column} = $1 WHERE mention_id = $2`, v, rowId)]),
      ]);
    },

    humanLabels(q: LabelQuery) {
      const params: unknown[] = [q.limit];
      const param = (value: unknown) => `$${params.push(value)}`;
      const where = [
        ...(q.kind ? [`x.kind = ${param(q.kind)}`] : []),
        ...(q.brand ? [`EXISTS (SELECT 1 FROM mention_brands l JOIN brands lb ON lb.id = l.brand_id
          WHERE l.mention_id = m.id AND lb.name_key = ${param(brandKey(q.brand))})`] : []),
      ];
      return d.all<HumanLabel>(`SELECT m.external_id AS id, m.source, b.name AS brand, x.kind, x.label, x.labeled_at AS "labeledAt", m.text
        FROM (${LABEL_ROWS}) x JOIN mentions m ON m.id = x.mention_id JOIN brands b ON b.id = m.brand_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY x.labeled_at DESC, m.id DESC, ${d.binary('x.kind')} LIMIT $1`, params);
    },

    clearHumanLabel,
  };
}
