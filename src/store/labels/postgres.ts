import type { Sql } from '../postgres/connect.js';
import type { LabelKind } from '../store.js';

/** As on SQLite (./sqlite.ts): the analysis turns stale only when a label was removed. */
export function pgClearHumanLabel(sql: Sql) {
  return (rowId: number, kind: LabelKind): Promise<boolean> => deleteHumanLabel(sql, rowId, kind);
}

async function deleteHumanLabel(sql: Sql, rowId: number, kind: LabelKind): Promise<boolean> {
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
