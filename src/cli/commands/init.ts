import { Command } from 'commander';
import { writeStarterConfig, type StarterBrand } from '../../config/starter.js';
import { brandNameProblem } from '../../domain/brand-name.js';
import { UsageError } from '../../errors.js';
import { brandOption } from '../options.js';
import { withContext } from '../context.js';

interface InitFlags {
  force?: boolean;
  brand?: string;
  alias: string[];
}

export const initCommand = new Command('init')
  .description('write a starter config (earshot.config.json) that scans Hacker News and Google News for a brand, no keys needed')
  .addOption(brandOption('the brand to listen for (default: an example brand to rename)'))
  .option('--alias <name>', 'another name the brand goes by (repeat for more)', (value: string, all: string[]) => [...all, value], [] as string[])
  .option('--force', 'replace an existing config file (the old one is kept as <file>.bak)')
  .addHelpText('after', '\nExamples:\n  $ earshot init --brand "Clipper Teas" --alias "Clipper tea" && earshot scan\n  $ earshot init --force    # a fresh starter; the old config is kept as earshot.config.json.bak')
  .action(withContext(async (ctx, opts: InitFlags) => {
    const brand = starterBrand(opts);
    const { path, backup } = await writeStarterConfig(ctx.flags.config ?? ctx.env.EARSHOT_CONFIG, opts.force ?? false, brand);
    if (backup) ctx.out.info(`kept the old config as ${backup}`);
    ctx.out.info(`wrote ${path} (mode 600): ${brand ? `"${brand.name}"` : 'an example brand to rename'} on Hacker News and Google News, which need no key`);
    ctx.out.info('next: earshot scan, then earshot report. X, Reddit and Bluesky need keys in the environment:');
    ctx.out.info('  EARSHOT_X_BEARER_TOKEN, EARSHOT_REDDIT_CLIENT_ID, EARSHOT_REDDIT_CLIENT_SECRET (README: Configuration)');
  }));

function starterBrand(opts: InitFlags): StarterBrand | undefined {
  if (opts.brand === undefined) {
    if (opts.alias.length) throw new UsageError('--alias needs --brand', 'e.g. earshot init --brand "Clipper Teas" --alias "Clipper tea"');
    return undefined;
  }
  const names = [opts.brand, ...opts.alias].map((name) => name.trim());
  for (const name of names) {
    if (name === '') throw new UsageError('--brand and --alias must not be blank', 'e.g. earshot init --brand "Clipper Teas"');
    const problem = brandNameProblem(name);
    if (problem) throw new UsageError(problem, 'e.g. earshot init --brand "Clipper Teas"');
  }
  const [name, ...aliases] = names;
  return { name: name!, aliases: [...new Set(aliases)] };
}
