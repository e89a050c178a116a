import type { DailyPoint } from '../domain/report.js';
import { count } from './sparkline.js';
import { monthName, readableDay, spanText } from './when.js';

const DAY = 86_400_000;

export interface ChartSpan {
  /** Where the counted data begins (the baseline's start) and ends (the report's `--at`). */
  from: string;
  to: string;
  /** The report window, shaded. */
  window: { from: string; to: string; hours: number };
}

/**
 * The daily volume chart as HTML and CSS rather than a scaled SVG: its text is real text
 * at its real size on any screen (a 720-unit SVG shrunk to a phone drew 5 px dates), bars
 * are percentage widths, and the y axis, the window's shading and the date labels line
 * up through one CSS grid. Days the data only partly covers (the first and last, unless
 * the report runs at midnight) are drawn faded with the hours counted above them, so
 * half a day does not read as a drop.
 */
export function dailyChartHtml(days: DailyPoint[], span: ChartSpan, escape: (s: string) => string): string {
  if (days.length === 0) return '';
  const start = Date.parse(`${days[0]!.day}T00:00:00Z`);
  const end = start + days.length * DAY;
  const at = (iso: string) => (Math.min(Math.max(Date.parse(iso), start), end) - start) / (end - start) * 100;
  const ticks = niceTicks(Math.max(...days.map((d) => d.mentions)));
  const top = ticks[ticks.length - 1]!;
  const from = Date.parse(span.from);
  const to = Date.parse(span.to);
  const columns = days.map((d, i) => {
    const dayStart = start + i * DAY;
    const hours = Math.round((Math.min(dayStart + DAY, to) - Math.max(dayStart, from)) / 3_600_000);
    return column(d, hours, top, escape);
  }).join('');
  const grid = ticks.map((t) => `<i style="bottom:${pct(t / top * 100)}"></i>`).join('');
  const left = at(span.window.from);
  // the last day's bar counts only hours up to the report's end, all inside the window: shade it whole
  const right = Date.parse(span.window.to) >= to ? 100 : at(span.window.to);
  return `<div class="chart" role="img" aria-label="${escape(`mentions per day, ${readableDay(days[0]!.day)} to ${readableDay(days[days.length - 1]!.day)}; the last ${spanText(span.window.hours)} shaded`)}">`
    + `<div class="y">${[...ticks].reverse().map((t) => `<span>${count(t)}</span>`).join('')}</div>`
    + `<div class="plot"><div class="win" style="left:${pct(left)};width:${pct(right - left)}"><span>last ${escape(spanText(span.window.hours))}</span></div>`
    + `<div class="area">${grid}<div class="bars">${columns}</div></div></div>`
    + `<div></div><div class="x">${dateLabels(days)}</div></div>`
    + `<p class="legend"><span class="key neg"></span>negative <span class="key neu"></span>neutral <span class="key pos"></span>positive `
    + `<span class="key win-key"></span>report window <span class="key part-key"></span>part of a day (hours counted above it)</p>`;
}

function column(d: DailyPoint, hours: number, top: number, escape: (s: string) => string): string {
  const partial = hours < 24;
  const h = (n: number) => pct(n / top * 100);
  const neutral = Math.max(0, d.mentions - d.negative - d.positive);
  const what = `${readableDay(d.day)}${partial ? ` (${hours} of 24 h)` : ''}: ${count(d.mentions)} mentions, ${count(d.negative)} negative, ${count(d.positive)} positive, ${count(d.complaints)} complaints`;
  return `<div class="col${partial ? ' partial' : ''}" title="${escape(what)}">${partial ? `<span class="hours">${hours} h</span>` : ''}`
    + `<b class="pos" style="height:${h(d.positive)}"></b><b class="neu" style="height:${h(neutral)}"></b><b class="neg" style="height:${h(d.negative)}"></b></div>`;
}

/**
 * Every day's number under its bar and, on a line of its own, the month under the first
 * and wherever it changes; over three weeks only Mondays (a label per week), over four
 * months the 1st of each month. A month name too close to the next one (a chart that
 * starts on the 31st) is left out rather than drawn over it.
 */
function dateLabels(days: DailyPoint[]): string {
  const labelled = (day: string, i: number) => {
    if (days.length <= 21) return true;
    const d = new Date(`${day}T00:00:00Z`);
    return days.length <= 120 ? d.getUTCDay() === 1 : d.getUTCDate() === 1;
  };
  const at = (i: number) => pct((i + 0.5) / days.length * 100);
  const numbers: string[] = [];
  const months: Array<{ i: number; name: string }> = [];
  days.forEach((d, i) => {
    if (!labelled(d.day, i)) return;
    numbers.push(`<span class="d" style="left:${at(i)}">${Number(d.day.slice(8, 10))}</span>`);
    const name = monthName(d.day);
    if (months[months.length - 1]?.name === name) return;
    if (months.length && i - months[months.length - 1]!.i < Math.max(2, days.length / 12)) months.pop(); // about 26 px at 390
    months.push({ i, name });
  });
  return numbers.join('') + months.map((m) => `<span class="m" style="left:${at(m.i)}">${m.name}</span>`).join('');
}

/** 0 and 3–5 round steps (1, 2 or 5 × 10ⁿ) up to at least `max`. */
export function niceTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  const ticks = [0];
  while (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + Math.max(1, step));
  return ticks;
}

function pct(x: number): string {
  return `${Math.round(x * 100) / 100}%`;
}

/** The chart's styles, part of the report page's stylesheet. */
export const CHART_STYLE = `.chart{display:grid;grid-template-columns:auto 1fr;grid-template-rows:210px auto;background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 10px 4px 4px;font-size:12px;color:#555;line-height:14px}
.chart .y{display:flex;flex-direction:column;justify-content:space-between;text-align:right;padding:11px 6px 0 0;margin-bottom:-7px}
.plot{position:relative;min-width:0}.area{position:absolute;top:18px;bottom:0;left:0;right:0;border-bottom:1px solid #999}
.area i{position:absolute;left:0;right:0;border-top:1px solid #eee}
.win{position:absolute;top:0;bottom:0;background:var(--window);border-left:1px dashed #7d95b8}.win span{position:absolute;top:2px;right:3px;white-space:nowrap;color:#2a4a78;font-weight:600}
.bars{position:absolute;inset:0;display:flex;align-items:flex-end}
.col{flex:1 1 0;min-width:0;height:100%;display:flex;flex-direction:column;justify-content:flex-end;position:relative}.col b{display:block;margin:0 14%}
.col.partial b{opacity:.45;outline:1px dashed #888;outline-offset:-1px}.hours{align-self:center;width:max-content;position:relative;z-index:1;font-size:11px;white-space:nowrap;color:#444;background:rgba(255,255,255,.85);border-radius:2px}.col:first-child .hours{align-self:flex-start}.col:last-child .hours{align-self:flex-end}
.x{position:relative;height:32px;margin-top:3px}.x span{position:absolute;top:0;transform:translateX(-50%);white-space:nowrap}.x .m{top:15px}
.key{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em;margin:0 .3em 0 .6em;border-radius:2px}.key.neg,.key.neu,.key.pos{color:transparent}
.win-key{background:var(--window);border:1px dashed #7d95b8}.part-key{background:#b7b7b0;opacity:.45;outline:1px dashed #888;outline-offset:-1px}
@media (max-width:600px){.chart{grid-template-rows:170px auto;font-size:11px;padding-right:6px}}`;
