// Human labels listed and cleared in PostgreSQL: as src/store/sqlite/label-queries.ts.
import type { HumanLabel, LabelKind, LabelQuery } from '../store.js';
import { LABEL_ROWS } from '../sqlite/label-queries.js';
import type { Sql } from './connect.js';
import { brandKey } from '../../domain/brand-key.js';

export async function readHumanLabels(sql: Sql, q: LabelQuery): Promise<HumanLabel[]> {
  return sql<HumanLabel[]>`SELECT m.external_id AS id, m.source, b.name AS brand, x.kind, x.label, x.labeled_at AS "labeledAt", m.text
    FROM (${sql.unsafe(LABEL_ROWS)}) x JOIN mentions m ON m.id = x.mention_id JOIN brands b ON b.id = m.brand_id
    WHERE TRUE ${q.kind ? sql`AND x.kind = ${q.kind}` : sql``}
      ${q.brand ? sql`AND EXISTS (SELECT 1 FROM mention_brands l JOIN brands lb ON lb.id = l.brand_id WHERE l.mention_id = m.id AND lb.name_key = ${brandKey(q.brand)})` : sql``}
    ORDER BY x.labeled_at DESC, m.id DESC, x.kind COLLATE "C" LIMIT ${q.limit}`;
}

export async function deleteHumanLabel(sql: Sql, rowId: number, kind: LabelKind): Promise<boolean> {
  return sql.begin(async (tx) => {
    let removed: boolean;
    if (kind === 'sentiment') removed = (await tx`DELETE FROM human_labels WHERE mention_id = ${rowId}`).count > 0;
    else if (kind === 'complaint') removed = (await tx`DELETE FROM complaint_labels WHERE mention_id = ${rowId}`).count > 0;
    else if (kind === 'safety') removed = (await tx`DELETE FROM safety_labels WHERE mention_id = ${rowId}`).count > 0;
    else {
      removed = (await tx`UPDATE intent_labels SET ${tx(kind)} = NULL WHERE mention_id = ${rowId} AND ${tx(kind)} IS NOT NULL`).count > 0;
      await tx`DELETE FROM intent_labels WHERE mention_id = ${rowId} AND question IS NULL AND suggestion IS NULL AND handled IS NULL`;
    }
    // the next analysis step puts the model's value back where the label had replaced it
    if (removed && kind !== 'handled') await tx`UPDATE analyses SET model_version = 'unlabelled' WHERE mention_id = ${rowId}`;
    return removed;
  }) as Promise<boolean>;
}
