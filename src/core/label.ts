import {
  intentLabelValue, isComplaintLabel, isIntentLabel, isSafetyLabel, type ComplaintLabel, type IntentLabel, type SafetyLabel, type SentimentLabel,
  type StoredMention,
} from '../domain/mention.js';
import type { LabelKind, Store } from '../store/store.js';

export type AnyLabel = SentimentLabel | ComplaintLabel | SafetyLabel | IntentLabel;

/**
 * Stores human labels: each mention gets each of its labels, of whichever kind it is
 * (sentiment, complaint, safety, question, suggestion, handled). The mentions are found
 * first (`store.findMention`), so a wrong id stops a whole file before anything is written.
 */
export async function applyLabels(store: Store, labelled: ReadonlyArray<{ mention: StoredMention; labels: readonly AnyLabel[] }>): Promise<void> {
  for (const { mention: { rowId }, labels } of labelled) {
    for (const label of labels) {
      if (isComplaintLabel(label)) await store.setComplaintLabel(rowId, label === 'complaint');
      else if (isSafetyLabel(label)) await store.setSafetyLabel(rowId, label === 'safety');
      else if (isIntentLabel(label)) {
        const { kind, value } = intentLabelValue(label);
        await store.setIntentLabel(rowId, kind, value);
      } else await store.setHumanLabel(rowId, label);
    }
  }
}

export interface ClearedLabel {
  mention: StoredMention;
  kind: LabelKind;
}

/**
 * Removes the mentions' human labels of these kinds. `reanalyse` says whether the model's
 * values must come back (any kind but `handled`, which no model scores): the clear made
 * those mentions' analysis stale, and the next analysis run restores them.
 */
export async function clearLabels(store: Store, mentions: readonly StoredMention[], kinds: readonly LabelKind[]): Promise<{ cleared: ClearedLabel[]; reanalyse: boolean }> {
  const cleared: ClearedLabel[] = [];
  for (const mention of mentions) {
    for (const kind of kinds) if (await store.clearHumanLabel(mention.rowId, kind)) cleared.push({ mention, kind });
  }
  return { cleared, reanalyse: cleared.some((c) => c.kind !== 'handled') };
}
