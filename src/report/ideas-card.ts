// One idea as an HTML card, shared by the ideas page and the report's ideas section. The
// escaper is passed in (as to the daily chart), so this file needs nothing of report-html.
import type { ReportIdea } from '../domain/report.js';
import { sourceName } from './report-text.js';
import { count } from './sparkline.js';
import { readableMinute } from './when.js';

type Escape = (text: string) => string;

/** `top`: the most voices of any idea listed, the bar's full width. */
export function ideaCardHtml(idea: ReportIdea, top: number, escape: Escape): string {
  return `<article class="card idea ${escape(idea.trend)}" data-rank="${idea.rank}">
<h3><span class="rank">#${idea.rank}</span> ${escape(idea.label)} <span class="badge ${escape(idea.trend)}">${escape(idea.trend)}</span></h3>
<p class="stats">${count(idea.voices)} voice${idea.voices === 1 ? '' : 's'} · ${count(idea.mentions)} mention${idea.mentions === 1 ? '' : 's'} · ${idea.earlier} → ${idea.later} voices (first half → second half)</p>
<div class="bar" role="img" aria-label="${idea.voices} voices"><span style="width:${((idea.voices / Math.max(top, 1)) * 100).toFixed(1)}%"></span></div>
${idea.terms.length > 1 ? `<p class="terms">${idea.terms.map((t) => `<span>${escape(t)}</span>`).join(' ')}</p>` : ''}
<ul class="samples">${idea.samples.map((s) => `<li><q>${escape(s.text)}</q>
 <small>${byline(s.ref.slice(0, s.ref.indexOf(':')), s.author, s.createdAt, s.engagement, s.url, escape)} · <code>${escape(s.ref)}</code></small></li>`).join('\n')}</ul>
</article>`;
}

/** "X · amy · 27 Nov, 05:31 · 4 engagement · open on X": the link only for an http(s) URL. */
export function byline(source: string, author: string | null, createdAt: string, engagement: number, url: string | null, escape: Escape): string {
  const link = url && /^https?:\/\//i.test(url)
    ? ` · <a href="${escape(url)}" rel="noopener noreferrer nofollow" target="_blank">open on ${escape(sourceName(source))}</a>` : '';
  return `<span class="source">${escape(sourceName(source))}</span>${author ? ` · ${escape(author)}` : ''} · ${escape(readableMinute(createdAt))}`
    + ` · ${count(engagement)} engagement${link}`;
}

/** Blue: ideas are not complaints. */
export const IDEA_CARD_STYLE = `.card{background:#fff;border:1px solid #ddd;border-left:5px solid var(--trend);border-radius:6px;padding:12px 16px;margin:12px 0}
.card h3{margin:0}.card .rank{color:var(--trend)}.stats{color:#444;margin:4px 0}
.badge{border:1px solid #888;border-radius:3px;padding:0 4px;font-size:.75em;font-weight:400;vertical-align:middle}
.badge.rising,.badge.new{border-color:var(--trend);color:var(--trend)}
.bar{height:8px;background:#eee;border-radius:4px;margin:6px 0;overflow:hidden}.bar span{display:block;height:100%;background:var(--trend)}
code{font-size:12px;background:#eee;border-radius:3px;padding:0 3px}`;
