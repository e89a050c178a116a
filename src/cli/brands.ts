import { UsageError, UserError } from '../errors.js';
import { shellQuote } from '../report/shell-quote.js';
import type { Store } from '../store/store.js';
import type { CliContext } from './context.js';
import { closestNames } from './names.js';

/**
 * The brand a command means: --brand (matched case-insensitively against the stored
 * brands, returned as stored), else the only brand in the config or the store.
 * `needer` names what needs one brand, for the error when several exist.
 */
export async function resolveBrand(ctx: CliContext, store: Store, flag: string | undefined, needer = 'this command'): Promise<string> {
  const stored = await store.storedBrands();
  if (flag) {
    const match = stored.find((b) => b.toLowerCase() === flag.trim().toLowerCase());
    if (!match) {
      const near = closestNames(flag, stored);
      throw new UserError(`no mentions stored for brand "${flag}"`, stored.length === 0 ? 'scan or import first'
        : near.length ? `did you mean ${near.map(shellQuote).join(' or ')}?` : `stored brands: ${stored.join(', ')}`);
    }
    return match;
  }
  const configured = ctx.settings().config.brands.map((b) => b.name);
  const candidates = stored.length ? stored : configured;
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) throw new UserError('no mentions stored yet', 'run earshot scan or earshot import first');
  throw new UsageError(`${needer} needs one brand and several exist`, `pick one with --brand: ${candidates.map(shellQuote).join(', ')}`);
}
