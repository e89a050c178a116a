import type { Document, Tokens } from 'wink-nlp';
import { its } from './instances.js';

/**
 * The per-token columns of one doc that the analyser reads, each read once (one wink
 * pass each) and shared by sentiment, the complaint score and term extraction, plus
 * the token collection for the few properties fetched per token on demand.
 */
export interface TokenColumns {
  readonly tokens: Tokens;
  readonly values: string[];
  readonly types: string[];
  readonly normals: string[];
  readonly pos: string[];
  /** True for the tokens a contraction expands to ("ca" + "n't" of "can't"): their lemma is the expansion's. */
  readonly contractions: boolean[];
}

export function readTokenColumns(doc: Document): TokenColumns {
  const tokens = doc.tokens();
  return {
    tokens,
    values: tokens.out(its.value) as string[],
    types: tokens.out(its.type) as string[],
    normals: tokens.out(its.normal) as string[],
    pos: tokens.out(its.pos) as string[],
    contractions: tokens.out(its.contractionFlag) as unknown as boolean[],
  };
}
