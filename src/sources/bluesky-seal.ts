import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scryptSync } from 'node:crypto';

/**
 * The Bluesky refresh token is kept in the store only sealed (AES-256-GCM) under a key
 * derived (scrypt) from the app password, which is never stored. Whoever holds the
 * database but not the password holds nothing usable; whoever holds the password can
 * log in anyway. A changed or revoked app password makes the seal unreadable and the
 * source simply logs in again.
 */
const VERSION = 'v1';
const SCRYPT = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/**
 * The store key of one account: an HMAC of host and handle under a key derived (scrypt)
 * from the app password. A handle is public, so a plain hash of it (the key before) let
 * whoever holds the database confirm a guessed account; this one needs the password too.
 * A changed app password keys a new row: the old one, sealed under the old password, is
 * unreadable either way.
 */
export function accountKey(apiBase: string, handle: string, password: string): string {
  const key = scryptSync(password, `earshot bluesky account key\n${apiBase}`, 32, SCRYPT);
  return createHmac('sha256', key).update(`${apiBase}\n${handle.toLowerCase()}`).digest('hex').slice(0, 32);
}

/** The key sessions were saved under before: read once to carry a saved session over, then deleted. */
export function legacyAccountKey(apiBase: string, handle: string): string {
  return createHash('sha256').update(`${apiBase}\n${handle.toLowerCase()}`).digest('hex').slice(0, 32);
}

export function seal(plaintext: string, password: string, account: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(password, salt), iv);
  cipher.setAAD(Buffer.from(account));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, salt, iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The sealed text, or null when it was sealed under another password or account, or damaged. */
export function unseal(sealed: string, password: string, account: string): string | null {
  const [version, salt, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !salt || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(password, Buffer.from(salt, 'base64url')), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(account));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

function deriveKey(password: string, salt: Buffer): Buffer {
  return scryptSync(password, salt, 32, SCRYPT);
}
