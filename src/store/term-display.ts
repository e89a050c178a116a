/**
 * Which form a term is shown in (issue 27 #6): the one its authors wrote most often, as
 * counted in term_forms ("tea bags" 40, "teabags" 12, "tea bag" 9 → "tea bags"; "earl
 * grey" over a rarer "earl gray"). On a tie, the spaced form ("tea bag" over "teabag"),
 * then the smallest in UTF-8 byte order, which is how SQLite (BINARY) and PostgreSQL
 * (COLLATE "C") compare text: the choice depends only on the counts, never on the order
 * mentions were analysed in (issue 24 #19).
 *
 * The counts grow each time a mention is analysed, re-scorings included (the forms of a
 * mention's earlier analysis are not kept to be taken back): a new model re-scores every
 * mention, so the proportions, which is all the choice reads, stay those of the posts.
 */
/** The same rule in SQLite: the most written form of term `@id`. */
export const MOST_WRITTEN_FORM_SQLITE =
  "SELECT form FROM term_forms WHERE term_id = @id ORDER BY n DESC, instr(form, ' ') > 0 DESC, form LIMIT 1";

/** The same rule in PostgreSQL, as the ORDER BY of a DISTINCT ON (term_id) over term_forms. */
export const MOST_WRITTEN_ORDER_POSTGRES = `term_id, n DESC, strpos(form, ' ') > 0 DESC, form COLLATE "C"`;
