import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface PageVisit {
  /** Every request the page made, except for the document itself. */
  requests: string[];
  /** Scripts the page's own content got parsed (inline, handlers, javascript: URLs). */
  scripts: number;
  /** Console messages and exceptions, which only script can cause. */
  console: string[];
  title: string;
  /** Elements that can run script or fetch: script, iframe, object, embed, img, on* attributes, javascript: links. */
  activeElements: number;
  text: string;
}

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: unknown; sessionId?: string };

/**
 * Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe:
 * NUL-separated JSON on fds 3 and 4), so no WebSocket client or npm package is needed.
 * Records network requests, parsed scripts and console output while a file loads.
 */
export async function visitFile(path: string): Promise<PageVisit> {
  return withChromium((cdp) => visit(cdp, pathToFileURL(path).href));
}

export interface PageLayout {
  width: number;
  /** The page's scroll width: more than `width` means it scrolls sideways. */
  scrollWidth: number;
  /** Elements whose box reaches past their card (or past the page), as `tag.class: text`. */
  spills: string[];
  /** A PNG screenshot of the whole page. */
  screenshot: Buffer;
  /** What the caller's `probe` expression returned (JSON-serialisable), if one was given. */
  probe?: unknown;
}

/**
 * Loads a file at each viewport width (CSS pixels) and measures whether anything is
 * wider than the page or than the card it sits in; with a full-page screenshot.
 */
export async function layoutFile(path: string, widths: number[], probe?: string): Promise<PageLayout[]> {
  return withChromium(async (cdp) => {
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const s = sessionId as string;
    await cdp.send('Page.enable', {}, s);
    const layouts: PageLayout[] = [];
    for (const width of widths) {
      await cdp.send('Emulation.setDeviceMetricsOverride', { width, height: 900, deviceScaleFactor: 1, mobile: width < 600 }, s);
      const loaded = cdp.waitFor(s, 'Page.loadEventFired');
      await cdp.send('Page.navigate', { url: pathToFileURL(path).href }, s);
      await loaded;
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `JSON.stringify((() => {
          const page = document.documentElement.clientWidth;
          const spills = [];
          for (const el of document.querySelectorAll('body *')) {
            const box = el.getBoundingClientRect();
            if (box.width === 0) continue;
            const card = el.parentElement && el.parentElement.closest('.issue, main');
            const limit = card ? card.getBoundingClientRect().right : page;
            if (box.right > Math.min(limit, page) + 0.5 || box.left < -0.5) spills.push(el.tagName.toLowerCase() + '.' + el.className + ': ' + (el.textContent || '').slice(0, 40));
          }
          return { scrollWidth: document.documentElement.scrollWidth, spills };
        })())`,
        returnByValue: true,
      }, s);
      const page = JSON.parse((result as { value: string }).value) as { scrollWidth: number; spills: string[] };
      let probed: unknown;
      if (probe) {
        const answer = await cdp.send('Runtime.evaluate', { expression: `JSON.stringify(${probe})`, returnByValue: true }, s);
        probed = JSON.parse((answer.result as { value: string }).value);
      }
      const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true }, s);
      layouts.push({ width, ...page, screenshot: Buffer.from(data as string, 'base64'), ...(probe ? { probe: probed } : {}) });
    }
    return layouts;
  });
}

async function withChromium<T>(use: (cdp: PipeClient) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'earshot-chromium-'));
  const child = spawn(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true });
  const cdp = new PipeClient(child);
  try {
    return await use(cdp);
  } finally {
    // its own process group: the renderer and GPU helpers go with it
    const exited = new Promise((resolve) => { if (child.exitCode !== null || child.signalCode !== null) resolve(null); else child.once('exit', resolve); });
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

async function visit(cdp: PipeClient, url: string): Promise<PageVisit> {
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  const s = sessionId as string;
  const visit: PageVisit = { requests: [], scripts: 0, console: [], title: '', activeElements: 0, text: '' };
  cdp.on(s, (method, params) => {
    if (method === 'Network.requestWillBeSent') {
      const requested = (params.request as { url: string }).url;
      if (requested !== url) visit.requests.push(requested);
    }
    if (method === 'Debugger.scriptParsed') visit.scripts++;
    if (method === 'Runtime.consoleAPICalled') visit.console.push(JSON.stringify(params.args));
    if (method === 'Runtime.exceptionThrown') visit.console.push(JSON.stringify(params.exceptionDetails));
  });
  for (const domain of ['Network', 'Runtime', 'Page', 'Debugger']) await cdp.send(`${domain}.enable`, {}, s);
  await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true }, s);
  // the load event and Chromium's own "network idle" for this navigation (no request in
  // flight for 500 ms): a request the page makes late (a handler, a timer, a prefetch) has
  // been seen by then
  const idleLoaders = new Set<string>();
  let idle: () => void = () => undefined;
  const networkIdle = new Promise<void>((resolve) => { idle = resolve; });
  let navigation: string | undefined;
  cdp.on(s, (method, params) => {
    if (method !== 'Page.lifecycleEvent' || params.name !== 'networkIdle') return;
    idleLoaders.add(params.loaderId as string);
    if (params.loaderId === navigation) idle();
  });
  const loaded = cdp.waitFor(s, 'Page.loadEventFired');
  const { loaderId } = await cdp.send('Page.navigate', { url }, s);
  navigation = loaderId as string;
  if (idleLoaders.has(navigation)) idle();
  await Promise.all([loaded, networkIdle]);
  const scriptsSeen = visit.scripts;
  await cdp.send('Debugger.disable', {}, s); // our own evaluate below is not the page's script
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `JSON.stringify({ title: document.title, text: document.body.innerText,
      active: document.querySelectorAll('script, iframe, object, embed, img, base, meta[http-equiv="refresh"], a[href^="javascript:" i]').length
        + [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length })`,
    returnByValue: true,
  }, s);
  const page = JSON.parse((result as { value: string }).value) as { title: string; text: string; active: number };
  return { ...visit, scripts: scriptsSeen, title: page.title, activeElements: page.active, text: page.text };
}

class PipeClient {
  private nextId = 1;
  private buffer = '';
  private readonly pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private readonly listeners: Array<(m: Message) => void> = [];
  private readonly input: Writable;
  private stderr = '';

  constructor(private readonly child: ChildProcess) {
    this.input = child.stdio[3] as Writable;
    const output = child.stdio[4] as Readable;
    (child.stdio[2] as Readable).on('data', (d) => { this.stderr = (this.stderr + String(d)).slice(-2000); });
    output.on('data', (chunk: Buffer) => this.receive(chunk.toString('utf8')));
    child.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error(`chromium exited: ${this.stderr}`));
      this.pending.clear();
    });
  }

  send(method: string, params: Record<string, unknown>, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`chromium: ${method} timed out; ${this.stderr}`)), 15_000);
      this.pending.set(id, { resolve: (r) => { clearTimeout(timer); resolve(r); }, reject: (e) => { clearTimeout(timer); reject(e); } });
    });
  }

  on(sessionId: string, listener: (method: string, params: Record<string, unknown>) => void): void {
    this.listeners.push((m) => { if (m.sessionId === sessionId && m.method) listener(m.method, m.params ?? {}); });
  }

  waitFor(sessionId: string, method: string): Promise<void> {
    return new Promise((resolve) => this.on(sessionId, (m) => { if (m === method) resolve(); }));
  }

  private receive(text: string): void {
    this.buffer += text;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as Message;
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(JSON.stringify(message.error)));
        else waiter?.resolve(message.result ?? {});
      } else {
        for (const listener of this.listeners) listener(message);
      }
    }
  }
}
