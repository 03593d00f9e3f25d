// Pages fetched from the web (`mine extract https://...`, --urls FILE, a URL list on stdin), politely: at most two
// requests at a time per host with a delay between them, robots.txt obeyed, timeouts, retries with back-off. With
// --cache, fetched pages (and answers such as 404) are kept, so a rerun makes no request.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { Page } from '../types.js';
import { decodePage } from './charset.js';
import { isUrl } from './find.js';

export interface FetchOptions {
  /** Seconds between two requests to one host (robots.txt may ask for more). */
  delaySeconds: number;
  /** Seconds a request may take before it is given up (and retried). */
  timeoutSeconds: number;
  /** Where fetched pages are kept between runs, when caching is on. */
  cacheDir?: string;
}

export type Fetched = { page: Page } | { error: InputError };

/** What mine asks of a parsed robots.txt (robots-parser's typings declare no call signature for its CommonJS export). */
interface Robots {
  isAllowed(url: string, agent: string): boolean | undefined;
  getCrawlDelay(agent: string): number | undefined;
}
type RobotsParser = (url: string, text: string) => Robots;
/** The longest Crawl-delay obeyed, in seconds: a larger one would stall a run for hours. */
const MAX_CRAWL_DELAY = 60;

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };
export const USER_AGENT = `mine/${version} (text mining of news coverage)`;
/** The token robots.txt rules are matched against. */
const ROBOT_NAME = 'mine';
const PER_HOST = 2;
/** Requests in flight over all hosts. */
const IN_FLIGHT = 16;
/** Tries of a request that times out, cannot connect, or gets 429 or 5xx. */
const TRIES = 3;
/** The first back-off, doubled at each retry; at least the host delay. */
const BACKOFF_SECONDS = 0.25;
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** The URLs of a list (one a line; blank lines and `#` comments skipped), or undefined when another line is there. */
export function urlList(text: string): string[] | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  return lines.length > 0 && lines.every(isUrl) ? lines : undefined;
}

/** Fetches web pages for a run: one per run, so that its per-host pacing and robots.txt hold across all URL inputs. */
export class Fetcher {
  private readonly hosts = new Map<string, { active: number; nextStart: number; delayMs: number; waiting: Array<() => void> }>();
  private readonly robots = new Map<string, Promise<Robots | null>>();
  /** Requests sent (robots.txt included): what a rerun from the cache must leave at 0. */
  requests = 0;

  constructor(private readonly options: FetchOptions) {}

  /** The pages of `urls`, in order, fetched up to IN_FLIGHT at a time. */
  async *pages(urls: Iterable<string>): AsyncGenerator<Fetched> {
    const started: Array<Promise<Fetched>> = [];
    for (const url of urls) {
      started.push(this.page(url));
      if (started.length >= IN_FLIGHT) yield await started.shift()!;
    }
    while (started.length > 0) yield await started.shift()!;
  }

  private async page(url: string): Promise<Fetched> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { error: new InputError(url, 'bad url', 'not a valid URL') };
    }
    const answer = await this.cachedFetch(parsed.href, async () => {
      if (!(await this.allowed(parsed))) return { status: 0, problem: 'disallowed by robots.txt' };
      return this.request(parsed.href);
    });
    if (answer.problem !== undefined) return { error: new InputError(url, answer.status === 0 ? problemReason(answer.problem) : 'http error', answer.problem) };
    const format = /^\s*text\/plain\b/i.test(answer.contentType ?? '') ? 'text' : 'html';
    return { page: { file: url, content: answer.content!, format, url: answer.url } };
  }

  /** The answer kept for `url` in the cache, or `fetch`'s, kept when it is no passing trouble (a page, a 404, robots.txt's no). */
  private async cachedFetch(url: string, fetch: () => Promise<Answer>): Promise<Answer> {
    const file = this.options.cacheDir && path.join(this.options.cacheDir, `${createHash('sha256').update(url).digest('hex')}.json`);
    if (file) {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as Answer;
      } catch {
        // Not kept yet (or unreadable): fetched again.
      }
    }
    const answer = await fetch();
    if (file && !answer.transient) {
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(answer));
        fs.renameSync(`${file}.${process.pid}`, file);
      } catch {
        // A cache that cannot be written only costs a fetch next time.
      }
    }
    return answer;
  }

  /** Whether the site's robots.txt lets mine fetch `url`; a robots.txt that cannot be had allows everything. */
  private async allowed(url: URL): Promise<boolean> {
    let robots = this.robots.get(url.origin);
    if (!robots) {
      const robotsUrl = `${url.origin}/robots.txt`;
      robots = this.cachedFetch(robotsUrl, () => this.request(robotsUrl)).then(async (a) => {
        if (a.problem !== undefined) return null;
        // Loaded when first needed: every worker loads this module, few runs fetch.
        const robotsParser = (await import('robots-parser')).default as unknown as RobotsParser;
        return robotsParser(robotsUrl, a.content!);
      });
      this.robots.set(url.origin, robots);
    }
    const rules = await robots;
    const crawlDelay = Math.min(rules?.getCrawlDelay(ROBOT_NAME) ?? 0, MAX_CRAWL_DELAY);
    const host = this.host(url.host);
    host.delayMs = Math.max(host.delayMs, crawlDelay * 1000);
    return rules?.isAllowed(url.href, ROBOT_NAME) !== false;
  }

  /** One URL fetched, retried with back-off on timeouts, connection failures, 429 and 5xx. */
  private async request(url: string): Promise<Answer> {
    let answer: Answer = { status: 0, problem: 'not fetched' };
    for (let attempt = 0; attempt < TRIES; attempt++) {
      if (attempt > 0) await sleep(1000 * Math.max(this.options.delaySeconds, BACKOFF_SECONDS) * 2 ** (attempt - 1));
      answer = await this.once(url);
      if (!answer.transient) return answer;
    }
    return { ...answer, problem: `${answer.problem} (after ${TRIES} tries)` };
  }

  private async once(url: string): Promise<Answer> {
    const host = new URL(url).host;
    const release = await this.turn(host);
    this.requests++;
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5', 'accept-encoding': 'gzip, deflate, br' },
        redirect: 'follow',
        signal: AbortSignal.timeout(this.options.timeoutSeconds * 1000),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const contentType = response.headers.get('content-type');
      if (!response.ok) return { status: response.status, problem: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, transient: RETRY_STATUS.has(response.status) };
      if (contentType && !/^\s*(text\/(html|plain)|application\/xhtml\+xml)\b/i.test(contentType)) return { status: 0, problem: `not a page (${contentType.split(';')[0]})` };
      try {
        return { status: response.status, url: response.url || url, contentType, content: decodePage(bytes, contentType, url) };
      } catch (error) {
        return { status: 0, problem: (error as InputError).detail ?? (error as Error).message };
      }
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { status: 0, problem: timedOut ? `no answer in ${this.options.timeoutSeconds} s` : `unreachable (${cause?.code ?? cause?.message ?? (error as Error).message})`, transient: true };
    } finally {
      release();
    }
  }

  /** Waits for this host's turn: fewer than PER_HOST requests running and the delay since the last one started passed. */
  private async turn(host: string): Promise<() => void> {
    const state = this.host(host);
    for (;;) {
      if (state.active >= PER_HOST) await new Promise<void>((resolve) => state.waiting.push(resolve));
      else if (Date.now() < state.nextStart) await sleep(state.nextStart - Date.now());
      else break;
    }
    state.active++;
    state.nextStart = Date.now() + state.delayMs;
    return () => {
      state.active--;
      state.waiting.shift()?.();
    };
  }

  private host(name: string) {
    let state = this.hosts.get(name);
    if (!state) this.hosts.set(name, (state = { active: 0, nextStart: 0, delayMs: this.options.delaySeconds * 1000, waiting: [] }));
    return state;
  }
}

/** What a request came to: a page's text, or the problem; `transient` problems are retried and never cached. */
interface Answer {
  status: number;
  url?: string;
  contentType?: string | null;
  content?: string;
  problem?: string;
  transient?: boolean;
}

/** The summary's word for a problem other than an HTTP status. */
function problemReason(problem: string): string {
  if (problem.startsWith('disallowed')) return 'robots.txt';
  if (problem.startsWith('no answer')) return 'timeout';
  if (problem.startsWith('not a page')) return 'not a page';
  if (problem.startsWith('unreachable')) return 'unreachable';
  return 'bad page';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
