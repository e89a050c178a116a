import type { MentionInput } from '../domain/mention.js';

/** What one line or row of an import file holds: mentions (a twarc2 page holds many) and what was wrong. */
export interface Decoded {
  mentions: MentionInput[];
  errors: string[];
}

export type Decoder = (record: unknown, defaultBrand: string | undefined) => Decoded;
