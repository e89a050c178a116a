import type { MentionInput } from '../../domain/mention.js';
import type { AnalysisInput } from '../store.js';
import { compareBrandNames } from '../../domain/brand-key.js';

interface Fresh {
  input: AnalysisInput;
  facts: { rowId: number; brandIds: number[]; brands: string[]; hour: number; text: string };
}

/**
 * The mentions one write batch stored for the first time, as the analyser reads them
 * (the fields and link order readPendingAnalysis gives). A mention met again later in
 * the same batch is dropped: its text or links may have changed since, and it stays
 * pending for a plain read.
 */
export class FreshMentions {
  private readonly byKey = new Map<string, Fresh | null>();

  add(mention: MentionInput, stored: { rowId: number; hour: number } | undefined, brandIds: number[], nameOf: (id: number) => string): void {
    // (a later occurrence's changed text or links also make readers' facts stale: see forgetStaleFacts)
    const key = `${mention.source}\u0000${mention.id}`;
    if (!stored) {
      if (this.byKey.has(key)) this.byKey.set(key, null);
      return;
    }
    const [first, ...others] = brandIds.map((id) => ({ id, name: nameOf(id) }));
    // readPendingAnalysis's order: the brand that stored it, then by brand key
    others.sort((a, b) => compareBrandNames(a.name, b.name));
    const links = first ? [first, ...others] : [];
    const brands = links.map((l) => l.name);
    this.byKey.set(key, {
      input: { rowId: stored.rowId, id: mention.id, source: mention.source, author: mention.author ?? null, text: mention.text, lang: mention.lang ?? null, brands },
      facts: { rowId: stored.rowId, brandIds: links.map((l) => l.id), brands, hour: stored.hour, text: mention.text },
    });
  }

  list(): { inputs: AnalysisInput[]; facts: Fresh['facts'][] } {
    const kept = [...this.byKey.values()].filter((f): f is Fresh => f !== null).sort((a, b) => a.input.rowId - b.input.rowId);
    return { inputs: kept.map((f) => f.input), facts: kept.map((f) => f.facts) };
  }
}
