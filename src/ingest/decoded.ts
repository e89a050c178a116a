import type { MentionInput } from '../domain/mention.js';

/** What one line or row of an import file holds: mentions (a twarc2 page holds many) and what was wrong. */
export interface Decoded {
  mentions: MentionInput[];
  errors: string[];
}

export type Decoder = (record: unknown, defaultBrand: string | undefined) => Decoded;

/** Counts from another tool's file, kept only when they are whole numbers (a dump may hold anything). */
export function cleanMetrics(mention: MentionInput): MentionInput {
  const metrics: NonNullable<MentionInput['metrics']> = {};
  for (const [key, value] of Object.entries(mention.metrics ?? {}) as Array<[keyof NonNullable<MentionInput['metrics']>, unknown]>) {
    if (typeof value === 'number' && Number.isSafeInteger(value)) metrics[key] = value;
  }
  return { ...mention, metrics };
}
