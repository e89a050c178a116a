#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startReplayServer } from './server.js';

/**
 * Runs the replay server standalone, for the demo and for manual tries:
 *   node dist/replay/cli.js --port 0 --fixtures fixtures/api [--json]
 * Prints the URL (or, with --json, the URL, CA path, bases and EARSHOT_* env) on stdout.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      fixtures: { type: 'string', default: 'fixtures/api' },
      'ca-out': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const server = await startReplayServer({
    port: Number(values.port),
    host: values.host,
    fixturesDir: values.fixtures,
    caPath: values['ca-out'],
  });
  const { url, caPath, bases } = server;
  process.stdout.write(values.json ? `${JSON.stringify({ url, caPath, bases, env: server.env() })}\n` : `${url}\n`);
  process.stderr.write(`replay server on ${url}; trust it with NODE_EXTRA_CA_CERTS=${caPath}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`replay server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
