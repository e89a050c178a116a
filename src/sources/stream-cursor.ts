/**
 * The cursor of one stream, stored as JSON. Pages arrive newest-first, so the newest
 * mark of a run only becomes `since` once paging has finished; until then `pending`
 * records where paging stands, and a run killed midway resumes there with the old
 * `since`, losing nothing.
 */
export interface StreamCursor<M> {
  /** The query the marks belong to; a changed query starts the stream afresh. */
  query: string;
  /** Newest item of the last completed pass (X: tweet id, Reddit: fullname, HN: created_at_i). */
  since: M | null;
  pending: { newest: M | null; next: string } | null;
}

export function parseStreamCursor<M>(value: string | null, query: string): { cursor: StreamCursor<M>; reset: boolean } {
  const fresh: StreamCursor<M> = { query, since: null, pending: null };
  if (value === null) return { cursor: fresh, reset: false };
  let parsed: Partial<StreamCursor<M>>;
  try {
    parsed = JSON.parse(value) as Partial<StreamCursor<M>>;
  } catch {
    // A cursor we cannot read is not worth failing a scan over: start the stream afresh.
    return { cursor: fresh, reset: true };
  }
  if (parsed.query !== query) return { cursor: fresh, reset: true };
  return { cursor: { query, since: parsed.since ?? null, pending: parsed.pending ?? null }, reset: false };
}

export function serializeStreamCursor<M>(cursor: StreamCursor<M>): string {
  return JSON.stringify(cursor);
}
