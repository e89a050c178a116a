import { printable } from '../errors.js';

/**
 * Every way a secret can appear in a line earshot prints or stores: as is, JSON-escaped
 * (a `--debug` dump or an API's error body quoting it, once or twice over), URL- and
 * form-encoded (a query string, a login form), base64 (a header), and as printable()
 * shows it. A secret holding `"` or `\` changes under JSON escaping, so matching only the
 * raw value let `--debug` print it.
 */
export function secretForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [
    secret, json, JSON.stringify(json).slice(1, -1), encodeURIComponent(secret), encodeURI(secret),
    new URLSearchParams({ s: secret }).toString().slice(2), Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'), printable(secret),
  ];
  return [...new Set(forms)].filter((form) => form.length >= 4);
}

/** Keys whose values are secrets wherever they sit: a `--debug` dump shows none of them. */
const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|api_?key|credential|handle|username|client_?id/i;

/** A copy of `value` with the value of every secret-named key replaced, at any depth. */
export function redactSecretKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecretKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) && inner !== undefined ? '[redacted]' : redactSecretKeys(inner)]));
}
