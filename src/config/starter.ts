import { copyFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { DEFAULT_CONFIG_PATH } from './load.js';

export interface StarterBrand {
  name: string;
  aliases?: string[];
}

/** The brand the starter shows when `init` is given none. */
export const EXAMPLE_BRAND: StarterBrand = { name: 'Clipper Teas', aliases: ['Clipper tea'] };

/**
 * The config `earshot init` writes: one brand searched on Hacker News and Google News,
 * the two sources that need no key, so the first `earshot scan` runs as written. The
 * keyed sources (X, Reddit, Bluesky) and feeds or App Store ids are added by hand
 * (README "Configuration"); a placeholder for them would only make the first scan fail.
 */
export function starterConfig(brand: StarterBrand = EXAMPLE_BRAND): Record<string, unknown> {
  const names = [brand.name, ...(brand.aliases ?? [])];
  return {
    brands: [
      {
        name: brand.name,
        aliases: brand.aliases ?? [],
        exclude: [],
        queries: {
          hackernews: brand.name,
          rss: { news: names.map(quoteTerm).join(' OR ') },
        },
      },
    ],
    sources: { hackernews: {}, rss: {} },
    alerts: [],
  };
}

/** A search term as Google News takes it: a phrase in quotes (a quote inside is dropped). */
function quoteTerm(name: string): string {
  return `"${name.replace(/"/g, '')}"`;
}

export const STARTER_CONFIG = starterConfig();

/**
 * Writes the starter; with `force`, an existing file is first copied to `<file>.bak`
 * (`.bak.1`, `.bak.2`, … when that is taken), whose path is returned to be told.
 */
export async function writeStarterConfig(
  path: string | undefined, force: boolean, brand?: StarterBrand,
): Promise<{ path: string; backup: string | null }> {
  const target = resolve(path ?? DEFAULT_CONFIG_PATH);
  let backup: string | null = null;
  try {
    if (force && existsSync(target)) {
      backup = freeBackupPath(target);
      // COPYFILE_EXCL: an old backup is never overwritten
      await copyFile(target, backup, 1);
    }
    // 0600 from the start: users often paste tokens into it later.
    await writeFile(target, `${JSON.stringify(starterConfig(brand), null, 2)}\n`, { flag: force ? 'w' : 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && !backup) {
      throw new UserError(`${target} already exists`, 'pass --force to replace it (the old file is kept as a .bak copy)');
    }
    throw new UserError(`cannot write ${backup && !existsSync(backup) ? backup : target}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 'check the folder');
  }
  return { path: target, backup };
}

function freeBackupPath(target: string): string {
  if (!existsSync(`${target}.bak`)) return `${target}.bak`;
  for (let n = 1; ; n++) if (!existsSync(`${target}.bak.${n}`)) return `${target}.bak.${n}`;
}
