// The inbox: mentions that likely need a reply — safety reports, complaints and questions —
// newest day first and, within a day, the most urgent first (safety, then complaint, then
// question; engagement breaks ties). Read-only; `earshot label ID handled` takes one out.
import type { InboxQuery, InboxRow, Store } from '../store/store.js';

export type InboxReason = 'safety' | 'complaint' | 'question';

export interface InboxItem extends InboxRow {
  /** The most urgent reason it is here. */
  reason: InboxReason;
  /** `source:id`, as `earshot label` takes it. */
  ref: string;
}

export async function readInboxItems(store: Store, query: InboxQuery): Promise<InboxItem[]> {
  const rows = await store.inboxMentions(query);
  // the most urgent of the reasons asked for: with `--only question`, a question that also complains is listed as a question
  const asked = (['safety', 'complaint', 'question'] as const).filter((r) => !query.reasons?.length || query.reasons.includes(r));
  return rows.map((r) => ({ ...r, reason: asked.find((kind) => r[kind]) ?? 'question', ref: `${r.source}:${r.id}` }));
}
