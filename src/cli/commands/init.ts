import { Command } from 'commander';
import { writeStarterConfig } from '../../config/starter.js';
import { withContext } from '../context.js';

export const initCommand = new Command('init')
  .description('write a starter config (earshot.config.json) to edit')
  .option('--force', 'overwrite an existing config file')
  .addHelpText('after', '\nExample:\n  $ earshot init && $EDITOR earshot.config.json')
  .action(withContext(async (ctx, opts: { force?: boolean }) => {
    const path = await writeStarterConfig(ctx.flags.config ?? ctx.env.EARSHOT_CONFIG, opts.force ?? false);
    ctx.out.info(`wrote ${path} (mode 600) — add your brands, then put API tokens in the environment:`);
    ctx.out.info('  EARSHOT_X_BEARER_TOKEN, EARSHOT_REDDIT_CLIENT_ID, EARSHOT_REDDIT_CLIENT_SECRET');
  }));
