import type { MentionInput } from '../domain/mention.js';
import type { BrandConfig } from '../config/schema.js';

/** Drops mentions whose text contains any of the brand's exclusion terms (case-insensitive). */
export function applyExclusions(mentions: MentionInput[], brand: BrandConfig): MentionInput[] {
  const terms = brand.exclude.map((term) => term.toLowerCase());
  if (terms.length === 0) return mentions;
  return mentions.filter((mention) => {
    const text = mention.text.toLowerCase();
    return !terms.some((term) => text.includes(term));
  });
}

/** True when the text names the brand or an alias, as whole words (for unsearchable feeds). */
export function mentionsBrand(text: string, brand: BrandConfig): boolean {
  return [brand.name, ...brand.aliases].some((name) => {
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name)}($|[^\\p{L}\\p{N}])`, 'iu');
    return pattern.test(text);
  });
}

/** The default search when a brand has no query for a source: its name and aliases, quoted. */
export function defaultQuery(brand: BrandConfig): string {
  return [brand.name, ...brand.aliases].map((name) => `"${name.replace(/"/g, '')}"`).join(' OR ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HN returns HTML: paragraphs become blank lines, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<p>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => decodeEntity(code) ?? whole)
    .trim();
}

function decodeEntity(code: string): string | undefined {
  if (code[0] === '#') {
    const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return Number.isFinite(point) && point <= 0x10ffff ? String.fromCodePoint(point) : undefined;
  }
  return ENTITIES[code.toLowerCase()];
}
