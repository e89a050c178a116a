import type { Db } from '../sqlite/open.js';
import type { LabelKind } from '../store.js';

/**
 * Removes one kind of human label from a mention; true if it had one. The analysis is
 * marked stale so the next analysis step puts the model's value back everywhere the
 * label had replaced it (effective flags, brand links, topic rows).
 */
export function sqliteClearHumanLabel(db: Db) {
  return async (rowId: number, kind: LabelKind): Promise<boolean> => deleteHumanLabel(db, rowId, kind);
}

function deleteHumanLabel(db: Db, rowId: number, kind: LabelKind): boolean {
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
