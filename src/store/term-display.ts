/**
 * Which display form a term keeps, whatever order mentions are analysed in (issue 24
 * #19: first-writer-wins gave another import order other topics): the spaced form
 * ("tea bag" over "teabag"), then the smallest in UTF-8 byte order, which is how SQLite
 * (BINARY) and PostgreSQL (COLLATE "C") compare text, so the store's rule and this one agree.
 * Every write keeps the preferred of the stored form and its own.
 */
export function isPreferredDisplay(candidate: string, stored: string): boolean {
  const spaced = candidate.includes(' ');
  if (spaced !== stored.includes(' ')) return spaced;
  return Buffer.compare(Buffer.from(candidate), Buffer.from(stored)) < 0;
}

/** The same rule in SQL: whether `candidate` should replace `stored` (both text expressions). */
export function preferredDisplaySql(dialect: 'sqlite' | 'postgres', candidate: string, stored: string): string {
  const spaced = (e: string) => (dialect === 'sqlite' ? `(instr(${e}, ' ') > 0)` : `(strpos(${e}, ' ') > 0)`);
  const collate = dialect === 'sqlite' ? '' : ' COLLATE "C"';
  return `((${spaced(candidate)} AND NOT ${spaced(stored)}) OR (${spaced(candidate)} = ${spaced(stored)} AND ${candidate}${collate} < ${stored}${collate}))`;
}
