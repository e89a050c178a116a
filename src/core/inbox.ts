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
  return rows.map((r) => ({ ...r, reason: r.safety ? 'safety' : r.complaint ? 'complaint' : 'question', ref: `${r.source}:${r.id}` }));
}
