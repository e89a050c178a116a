import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { UserError } from '../errors.js';

/** The first four bytes of a zstd frame (RFC 8878). */
export const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);

export interface Decompressed {
  output: Readable;
  /** Resolves when zstd exited cleanly; rejects with a one-line error when it did not. */
  finished: Promise<void>;
  stop(): void;
}

/**
 * Decompresses through Debian's `zstd -dc --long=31`: Reddit dumps use windows up to
 * 2 GiB, which a streaming library would have to allocate; the zstd binary handles them
 * in its own process, so earshot's memory stays flat.
 */
export function decompressZstd(input: Readable, label: string): Decompressed {
  const child = spawn('zstd', ['-dc', '--long=31', '-q'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-400); });
  input.pipe(child.stdin);
  // zstd closing its input early (it failed, or we stopped) is not an error of ours
  child.stdin.on('error', () => undefined);
  const finished = new Promise<void>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT'
        ? new UserError(`${label} is zstd-compressed and the zstd program is not installed`, 'install it (Debian/Ubuntu: apt-get install zstd), or decompress the file first with: zstd -d --long=31')
        : new UserError(`${label}: cannot run zstd: ${error.message}`, 'check the zstd installation'));
    });
    child.on('close', (code, signal) => {
      if (code === 0 || signal === 'SIGTERM') resolve();
      else reject(new UserError(`${label}: zstd could not decompress it (${stderr.trim().split('\n').pop() || `exit ${code}`})`, 'the rows read before this were stored; check the file (zstd -t --long=31 FILE)'));
    });
  });
  // settled now, so an early failure is never an unhandled rejection; callers await it
  finished.catch(() => undefined);
  return { output: child.stdout, finished, stop: () => child.kill('SIGTERM') };
}
