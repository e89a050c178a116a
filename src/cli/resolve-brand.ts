import { UsageError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { CliContext } from './context.js';

/** The brand a flag names, else the only brand in the config, else the only one stored. */
export async function resolveBrand(ctx: CliContext, store: Store, flag: string | undefined, needer: string): Promise<string> {
  if (flag) return flag;
  const configured = ctx.settings().config.brands.map((b) => b.name);
  if (configured.length === 1) return configured[0]!;
  const stored = [...new Set((await store.status()).rows.map((r) => r.brand))];
  if (configured.length === 0 && stored.length === 1) return stored[0]!;
  const known = configured.length > 0 ? configured : stored;
  throw new UsageError(`${needer} needs --brand`, known.length ? `one of: ${known.map((b) => `"${b}"`).join(', ')}` : 'no brand is stored yet');
}
