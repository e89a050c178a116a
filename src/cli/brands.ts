import type { BrandConfig } from '../config/schema.js';
import { UsageError, UserError } from '../errors.js';
import { shellQuote } from '../report/shell-quote.js';
import type { Store } from '../store/store.js';
import type { CliContext } from './context.js';
import { closestNames } from './names.js';
import { brandKey } from '../domain/brand-key.js';

/**
 * Every brand look-up of the CLI: a name a person typed is matched case-insensitively and
 * returned as stored (or configured); a typo is an error naming the closest brands, never
 * an empty answer.
 */
interface KnownBrands {
  stored: string[];
  configured: string[];
}

async function knownBrands(ctx: CliContext, store: Store): Promise<KnownBrands> {
  return { stored: await store.storedBrands(), configured: ctx.settings().config.brands.map((b) => b.name) };
}

function match(names: readonly string[], flag: string): string | undefined {
  const key = brandKey(flag.trim());
  return names.find((b) => brandKey(b) === key);
}

/**
 * Brands named on a read command (--brand, compare's --brands or set), as stored, else
 * as configured: a configured brand with nothing stored yet is fine (its answer is empty).
 */
export async function checkBrands(ctx: CliContext, store: Store, flags: readonly string[]): Promise<string[]> {
  const { stored, configured } = await knownBrands(ctx, store);
  const known = [...stored, ...configured];
  return flags.map((flag) => {
    const found = match(known, flag);
    if (found === undefined) throw unknownBrand(flag, stored.length ? known : []);
    return found;
  });
}

export async function checkBrand(ctx: CliContext, store: Store, flag: string): Promise<string> {
  return (await checkBrands(ctx, store, [flag]))[0]!;
}

/** The error for a brand no stored mention or config entry has: "did you mean" the closest, else the list. */
export function unknownBrand(flag: string, known: readonly string[]): UserError {
  if (known.length === 0) return new UserError(`no brand "${flag}": nothing is stored yet`, 'scan or import first');
  const unique = [...new Set(known)];
  const near = closestNames(flag, unique);
  return new UserError(`no brand "${flag}" in the store or the config`,
    near.length ? `did you mean ${near.map(shellQuote).join(' or ')}?` : `known brands: ${unique.slice(0, 12).map(shellQuote).join(', ')}${unique.length > 12 ? ', …' : ''}`);
}

/**
 * The one brand a command works on (report, digest, ideas, train, …): --brand, which
 * must have stored mentions, else the only brand in the store or the config. `needer`
 * names what needs one brand, for the error when several exist.
 */
export async function resolveBrand(ctx: CliContext, store: Store, flag: string | undefined, needer = 'this command'): Promise<string> {
  const { stored, configured } = await knownBrands(ctx, store);
  if (flag) {
    const found = match(stored, flag);
    if (found !== undefined) return found;
    const near = closestNames(flag, stored);
    throw new UserError(`no mentions stored for brand "${flag}"`, stored.length === 0 ? 'scan or import first'
      : near.length ? `did you mean ${near.map(shellQuote).join(' or ')}?` : `stored brands: ${stored.join(', ')}`);
  }
  const candidates = stored.length ? stored : configured;
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) throw new UserError('no mentions stored yet', 'run earshot scan or earshot import first');
  throw new UsageError(`${needer} needs one brand and several exist`, `pick one with --brand: ${candidates.map(shellQuote).join(', ')}`);
}

/**
 * The configured brands a scan fetches: --brand's (a configured one: scanning needs its
 * queries), else all of them. `none` is the hint when the config has none.
 */
export function brandsToScan(configured: readonly BrandConfig[], flag: string | undefined, none: { message: string; hint: string }): BrandConfig[] {
  if (configured.length === 0) throw new UsageError(none.message, none.hint);
  if (!flag) return [...configured];
  const found = match(configured.map((b) => b.name), flag);
  if (found === undefined) throw new UsageError(`no brand "${flag}" in the config`, `one of: ${configured.map((b) => shellQuote(b.name)).join(', ')}`);
  return configured.filter((b) => b.name === found);
}

/** The brands a run watches: --brand, else every configured brand, else every stored one. */
export async function watchedBrands(ctx: CliContext, store: Store, flag: string | undefined): Promise<string[]> {
  if (flag) return [flag];
  const { stored, configured } = await knownBrands(ctx, store);
  return configured.length > 0 ? configured : stored;
}
