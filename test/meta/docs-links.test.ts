import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

/** README.md and every page of docs/: the pages a reader follows links between. */
const PAGES = ['README.md', ...readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The pages written for users (the others are for people changing earshot). */
const USER_PAGES = ['README.md', 'docs/commands.md', 'docs/sources.md', 'docs/configuration.md', 'docs/import.md',
  'docs/export.md', 'docs/detection.md', 'docs/competitors.md', 'docs/inbox.md', 'docs/labels.md', 'docs/alerts.md'];

/** Markdown outside fenced code blocks, where `# crontab` is a comment and `[x](y)` no link. */
function prose(text: string): string {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (/^\s*(```|~~~)/.test(line)) { fenced = !fenced; return false; }
    return !fenced;
  }).join('\n');
}

/** GitHub's anchor for a heading: its text as shown, lowercased, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  const shown = heading.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, (c) => (c === '_' ? '_' : ''));
  return shown.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor a page has, a repeated heading numbered as GitHub does (-1, -2, …). */
function anchors(page: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, heading] of prose(readFileSync(join(REPO, page), 'utf8')).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(heading!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n === 0 ? base : `${base}-${n}`);
  }
  return found;
}

/** The relative link targets of a page (http, mailto and the like left out). */
function links(page: string): string[] {
  const text = prose(readFileSync(join(REPO, page), 'utf8')).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

describe('the documentation', () => {
  it('anchors headings as GitHub does', () => {
    expect(slug('Install the `earshot` command')).toBe('install-the-earshot-command');
    expect(slug('E-mail, per-mention alerts and digests')).toBe('e-mail-per-mention-alerts-and-digests');
    expect(slug("Other tools' files")).toBe('other-tools-files');
    expect(slug('Real text (issue 26)')).toBe('real-text-issue-26');
  });

  it('has a relative link in every page, and every one names a file (and heading) that exists', () => {
    const broken: string[] = [];
    let count = 0;
    for (const page of PAGES) {
      for (const target of links(page)) {
        count++;
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const file = path ? resolve(dirname(join(REPO, page)), decodeURIComponent(path)) : join(REPO, page);
        if (!existsSync(file)) { broken.push(`${page}: ${target} (no such file)`); continue; }
        if (anchor === undefined) continue;
        if (!file.endsWith('.md') || statSync(file).isDirectory()) { broken.push(`${page}: ${target} (an anchor into a file that is not markdown)`); continue; }
        if (!anchors(relative(REPO, file)).has(decodeURIComponent(anchor))) broken.push(`${page}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
    expect(count).toBeGreaterThan(40);
  });

  it('finds a link that is broken (the check can fail)', () => {
    expect(links('README.md').length).toBeGreaterThan(10);
    expect(anchors('README.md').has('quick-start')).toBe(true);
    expect(anchors('README.md').has('no-such-heading')).toBe(false);
  });

  it('keeps the README short, with a quick start whose commands exist', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const quickStart = readme.slice(readme.indexOf('## Quick start'));
    for (const line of ['npm install', 'npm start', 'npm test']) expect(quickStart).toContain(`\n${line} `);
    expect(scripts.start).toBeDefined();
    expect(scripts.test).toBeDefined();
    expect(existsSync(join(REPO, 'LICENSE'))).toBe(true);
  });

  it('links every page of docs/ from the README or another page', () => {
    const linked = new Set<string>();
    for (const page of PAGES) {
      for (const target of links(page)) {
        const path = target.split('#')[0];
        if (path) linked.add(relative(REPO, resolve(dirname(join(REPO, page)), path)));
      }
    }
    expect(PAGES.filter((page) => page !== 'README.md' && !linked.has(page))).toEqual([]);
  });

  it('names only pages that exist in what the code tells people (hints, comments)', () => {
    const files = (dir: string): string[] => readdirSync(join(REPO, dir), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));
    const named = files('src').flatMap((file) => [...readFileSync(join(REPO, file), 'utf8').matchAll(/\bdocs\/[\w-]+\.md\b/g)].map((m) => ({ file, page: m[0] })));
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter(({ page }) => !existsSync(join(REPO, page)))).toEqual([]);
  });

  it('tells users no issue numbers or design history', () => {
    const found = USER_PAGES.flatMap((page) => [...prose(readFileSync(join(REPO, page), 'utf8')).matchAll(/\b(issue \d+|round two|design card)\b/gi)].map((m) => `${page}: ${m[0]}`));
    expect(found).toEqual([]);
  });
});
