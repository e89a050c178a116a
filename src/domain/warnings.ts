/**
 * Why an answer may be incomplete: a report or comparison carries these in `warnings`
 * (JSON) and every renderer shows them above the figures, so "nothing is wrong" and "we
 * could not look" never read the same. `report --strict` and `compare --strict` exit 4
 * when there is any.
 */
export interface DataWarning {
  /**
   * - `no-data`: no analysed mentions of the brand in the period at all.
   * - `source-failed`: the source's latest scan failed or stopped, after its last success.
   * - `source-stale`: the source's latest successful scan ended before the period began.
   * - `source-overdue`: with `scan.every` set, the source has not succeeded for more than twice
   *   that before the period's end: the mentions since its last success are missing.
   * - `source-empty`: a scanned source has no mentions in the period though it had some before.
   * - `budget`: the source's latest scan stopped at its share of the post budget (scan.maxPosts).
   * - `mixed-models`: some mentions are still scored by another model version than the newest.
   * - `unanalysed`: some mentions are not analysed yet, and are left out of the figures.
   * - `no-previous-data`: (compare) the period before has no mentions, so no move is measured.
   */
  kind: 'no-data' | 'source-failed' | 'source-stale' | 'source-overdue' | 'source-empty' | 'budget' | 'mixed-models' | 'unanalysed' | 'no-previous-data';
  brand: string;
  /** The source concerned, for the source-* and budget kinds. */
  source?: string;
  /** One line for people, naming the brand, source and times. */
  message: string;
}

/** Exit code of `--strict` when the answer carries warnings (distinct from 1 error, 2 usage, 3 alerts sent). */
export const EXIT_INCOMPLETE = 4;
