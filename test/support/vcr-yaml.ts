/**
 * Just enough of YAML to read a vcr cassette (the Bluesky recording): each response's
 * status, headers and the body, a double-quoted scalar folded over many lines. Folding
 * and escapes follow YAML 1.2 §7.3.1; nothing else of YAML is supported.
 */
export interface CassetteResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function readVcrCassette(text: string): CassetteResponse[] {
  const responses: CassetteResponse[] = [];
  for (const part of text.split(/\n\s*- request:\n/).slice(1)) {
    const response = part.slice(part.indexOf('  response:'));
    const status = Number(/status:\s*(?:\n\s*code:\s*)?(\d{3})/.exec(response)?.[1]);
    const headerBlock = /headers:\n((?:\s{6}\S[^\n]*\n)+)/.exec(response)?.[1] ?? '';
    const headers: Record<string, string> = {};
    for (const line of headerBlock.split('\n')) {
      const match = /^\s+([^:]+):\s*'?(.*?)'?$/.exec(line);
      if (match) headers[match[1]!.toLowerCase()] = match[2]!;
    }
    const start = response.indexOf('string: "');
    responses.push({ status, headers, body: start === -1 ? '' : readDoubleQuoted(response, start + 'string: "'.length) });
  }
  return responses;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

function readDoubleQuoted(src: string, from: number): string {
  let out = '';
  let i = from;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '"') return out;
    if (c === '\\') {
      const next = src[i + 1]!;
      if (next === '\n') {
        // an escaped line break joins the lines with nothing between
        i += 2;
        while (src[i] === ' ' || src[i] === '\t') i++;
        continue;
      }
      const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
      if (width) {
        out += String.fromCodePoint(parseInt(src.slice(i + 2, i + 2 + width), 16));
        i += 2 + width;
        continue;
      }
      out += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    if (c === '\n') {
      // a line break folds to a space, an empty line to a newline
      out = out.replace(/[ \t]+$/, '');
      let breaks = 0;
      i++;
      for (;;) {
        while (src[i] === ' ' || src[i] === '\t') i++;
        if (src[i] !== '\n') break;
        breaks++;
        i++;
      }
      out += breaks ? '\n'.repeat(breaks) : ' ';
      continue;
    }
    out += c;
    i++;
  }
  throw new Error('unterminated double-quoted scalar');
}
