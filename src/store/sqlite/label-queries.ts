// Human labels listed and cleared (`earshot labels`, `earshot label ID --clear`).
// PostgreSQL's label-queries.ts reads and writes the same tables the same way.
import type { HumanLabel, LabelKind, LabelQuery } from '../store.js';
import type { Db } from './open.js';
import { brandKey } from '../../domain/brand-key.js';

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

export function readHumanLabels(db: Db, q: LabelQuery): HumanLabel[] {
  const where: string[] = [];
  if (q.kind) where.push('x.kind = @kind');
  if (q.brand) where.push('EXISTS (SELECT 1 FROM mention_brands l JOIN brands lb ON lb.id = l.brand_id WHERE l.mention_id = m.id AND lb.name_key = @brand)');
  return db.prepare(`SELECT m.external_id AS id, m.source, b.name AS brand, x.kind, x.label, x.labeled_at AS labeledAt, m.text
    FROM (${LABEL_ROWS}) x JOIN mentions m ON m.id = x.mention_id JOIN brands b ON b.id = m.brand_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY x.labeled_at DESC, m.id DESC, x.kind LIMIT @limit`).all({ kind: q.kind, brand: q.brand ? brandKey(q.brand) : undefined, limit: q.limit }) as HumanLabel[];
}

/**
 * Removes one kind of human label from a mention; true if it had one. The analysis is
 * marked stale so the next analysis step puts the model's value back everywhere the
 * label had replaced it (effective flags, brand links, topic rows).
 */
export function deleteHumanLabel(db: Db, rowId: number, kind: LabelKind): boolean {
  return db.transaction(() => {
    let removed: boolean;
    if (kind === 'sentiment') removed = db.prepare('DELETE FROM human_labels WHERE mention_id = ?').run(rowId).changes > 0;
    else if (kind === 'complaint') removed = db.prepare('DELETE FROM complaint_labels WHERE mention_id = ?').run(rowId).changes > 0;
    else if (kind === 'safety') removed = db.prepare('DELETE FROM safety_labels WHERE mention_id = ?').run(rowId).changes > 0;
    else {
      const column = kind; // question | suggestion | handled: a fixed column name
      removed = db.prepare(`UPDATE intent_labels SET ${column} = NULL WHERE mention_id = ? AND ${column} IS NOT NULL`).run(rowId).changes > 0;
      db.prepare('DELETE FROM intent_labels WHERE mention_id = ? AND question IS NULL AND suggestion IS NULL AND handled IS NULL').run(rowId);
    }
    if (removed && kind !== 'handled') db.prepare("UPDATE analyses SET model_version = 'unlabelled' WHERE mention_id = ?").run(rowId);
    return removed;
  })();
}
