/**
 * `check --check-links`: the published addresses opened as an assessor opens them. HEAD first, GET
 * when HEAD is refused; redirects followed one by one (so a redirect to another domain — an expired
 * site, a parked domain — is seen); a time limit per request; a few requests per host at a time;
 * each address fetched once per run. The only network use of the command line, and opt-in.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Issue } from '../domain/check';
import { hostOf } from '../domain/check/measureRules';

export interface LinkCheckOptions {
  /** Per request, until the response headers arrive (default 15 s). */
  readonly timeoutMs?: number;
  /** Requests in flight to one host (default 2): agencies' sites are small servers. */
  readonly perHost?: number;
  /** Requests in flight overall (default 16). */
  readonly total?: number;
  readonly maxRedirects?: number;
  /** Name resolution (tests map their domains to 127.0.0.1). */
  readonly lookup?: LookupFunction;
}

/** One response on the way: the address asked and the status it answered. */
export interface Hop {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
}

type Failure = 'timeout' | 'tls' | 'unreachable' | 'too-many-redirects' | 'bad-redirect';

export interface FetchOutcome {
  readonly hops: readonly Hop[];
  /** Why the last request got no answer, when it got none. */
  readonly failure?: { readonly kind: Failure; readonly code: string; readonly url: string };
}

class HttpTimeout extends Error {
  readonly code = 'ETIMEDOUT';
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(VERIFY|GET_ISSUER)|HOSTNAME_MISMATCH|EPROTO)/;

function failureOf(e: NodeJS.ErrnoException): Failure {
  if (e instanceof HttpTimeout) return 'timeout';
  if (TLS_CODES.test(e.code ?? '')) return 'tls';
  return 'unreachable';
}

/** Runs tasks with at most `limit` at a time per key and `total` overall. */
class Limiter {
  private readonly active = new Map<string, number>();
  private running = 0;
  private readonly waiting: { key: string; start: () => void }[] = [];

  constructor(private readonly perKey: number, private readonly total: number) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        this.active.set(key, (this.active.get(key) ?? 0) + 1);
        task().then(resolve, reject).finally(() => {
          this.running--;
          this.active.set(key, (this.active.get(key) ?? 1) - 1);
          this.next();
        });
      };
      this.waiting.push({ key, start });
      this.next();
    });
  }

  private next(): void {
    for (let i = 0; i < this.waiting.length && this.running < this.total; ) {
      const w = this.waiting[i];
      if ((this.active.get(w.key) ?? 0) < this.perKey) {
        this.waiting.splice(i, 1);
        w.start();
      } else {
        i++;
      }
    }
  }
}

/** Fetches addresses with a cache: the same address in a hundred files is opened once. */
export class LinkChecker {
  private readonly cache = new Map<string, Promise<FetchOutcome>>();
  private readonly limiter: Limiter;
  private readonly timeoutMs: number;
  private readonly maxRedirects: number;

  constructor(private readonly opts: LinkCheckOptions = {}) {
    this.limiter = new Limiter(opts.perHost ?? 2, opts.total ?? 16);
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.maxRedirects = opts.maxRedirects ?? 10;
  }

  fetch(url: string): Promise<FetchOutcome> {
    const key = url.replace(/#.*$/, '');
    let p = this.cache.get(key);
    if (!p) {
      p = this.follow(key);
      this.cache.set(key, p);
    }
    return p;
  }

  private async follow(start: string): Promise<FetchOutcome> {
    const hops: Hop[] = [];
    let url = start;
    for (let n = 0; n <= this.maxRedirects; n++) {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        return { hops, failure: { kind: 'bad-redirect', code: 'EINVALIDURL', url } };
      }
      if (target.protocol !== 'http:' && target.protocol !== 'https:') return { hops, failure: { kind: 'bad-redirect', code: 'EPROTOCOL', url } };
      let hop: Hop & { location?: string };
      try {
        hop = await this.limiter.run(target.host.toLowerCase(), () => this.headThenGet(target));
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        return { hops, failure: { kind: failureOf(err), code: err.code ?? err.message, url } };
      }
      hops.push({ url, status: hop.status, statusText: hop.statusText });
      if (hop.status >= 300 && hop.status < 400 && hop.location !== undefined) {
        url = new URL(hop.location, target).toString();
        continue;
      }
      return { hops };
    }
    return { hops, failure: { kind: 'too-many-redirects', code: 'EMAXREDIRECTS', url } };
  }

  /** HEAD; servers that refuse it (405, 501, or any error status) are asked again with GET. */
  private async headThenGet(url: URL): Promise<Hop & { location?: string }> {
    const head = await this.request(url, 'HEAD').catch((e: NodeJS.ErrnoException) => {
      // A timeout or a bad certificate will not improve with GET; a dropped HEAD may.
      if (e instanceof HttpTimeout || failureOf(e) === 'tls') throw e;
      return undefined;
    });
    if (head && head.status < 400) return head;
    return this.request(url, 'GET');
  }

  private request(url: URL, method: 'HEAD' | 'GET'): Promise<Hop & { location?: string }> {
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request(url, {
        method,
        agent: false,
        headers: { 'user-agent': 'ita-forms-link-check (+ITA OIT)', accept: '*/*' },
        ...(this.opts.lookup ? { lookup: this.opts.lookup } : {}),
      });
      const timer = setTimeout(() => req.destroy(new HttpTimeout(`no answer in ${this.timeoutMs} ms`)), this.timeoutMs);
      req.on('response', (res) => {
        clearTimeout(timer);
        const location = res.headers.location;
        resolve({ url: url.toString(), status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', ...(location ? { location } : {}) });
        // Only the status matters: the body (a whole page, a PDF) is never downloaded.
        res.destroy();
      });
      req.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      req.end();
    });
  }
}

/**
 * The host an address is on, as the network sees it: lower case, Thai domain names (.ไทย) in their
 * punycode form (redirects give that form), without "www.".
 */
function siteOf(url: string): string | undefined {
  try {
    return new URL(url.trim()).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return hostOf(url);
  }
}

const UNREACHABLE_TH: Readonly<Record<string, string>> = {
  ENOTFOUND: 'ไม่พบชื่อโดเมนนี้',
  EAI_AGAIN: 'ค้นหาชื่อโดเมนไม่สำเร็จ',
  ECONNREFUSED: 'เซิร์ฟเวอร์ไม่รับการเชื่อมต่อ',
  ECONNRESET: 'การเชื่อมต่อถูกตัดกลางทาง',
  EHOSTUNREACH: 'เข้าถึงเครื่องเซิร์ฟเวอร์ไม่ได้',
  ENETUNREACH: 'เข้าถึงเครือข่ายของเซิร์ฟเวอร์ไม่ได้',
};

function onSite(host: string | undefined, sites: readonly string[]): boolean {
  return host !== undefined && sites.some((s) => host === s || host.endsWith(`.${s}`));
}

export interface LinkVerdict {
  readonly code: 'link-broken' | 'link-unreachable' | 'link-timeout' | 'link-tls' | 'link-off-domain' | 'link-redirects';
  /** The status seen, as the report shows it: "HTTP 404 Not Found", "ECONNREFUSED". */
  readonly seen: string;
  readonly th: string;
  readonly en: string;
}

/**
 * What an outcome means for the agency: nothing when the page opens on its own domain; otherwise the
 * problem, with what was seen. `website` is the agency's main site; a redirect may stay on it or on
 * the address's own domain, not go elsewhere.
 */
export function judgeLink(url: string, outcome: FetchOutcome, website: string | undefined, timeoutMs: number): LinkVerdict | undefined {
  const sites = [siteOf(url), website ? siteOf(website) : undefined].filter((s): s is string => s !== undefined);
  const offAt = outcome.hops.slice(1).find((h) => !onSite(siteOf(h.url), sites))
    ?? (outcome.failure && outcome.hops.length > 0 && !onSite(siteOf(outcome.failure.url), sites) ? { url: outcome.failure.url, status: 0, statusText: '' } : undefined);
  const last = outcome.hops[outcome.hops.length - 1];
  const chain = outcome.hops.map((h) => `${h.status}`).join(' → ');
  if (offAt) {
    const first = outcome.hops[0];
    return {
      code: 'link-off-domain',
      seen: `HTTP ${first.status} → ${offAt.url}`,
      th: `ลิงก์ ${url} พาไปยังเว็บไซต์อื่น (${siteOf(offAt.url)}) ไม่ใช่เว็บไซต์ของหน่วยงาน (${sites.join(', ')}) [${chain}]`,
      en: `${url} redirects off the agency's domain to ${offAt.url} [${chain}]`,
    };
  }
  const f = outcome.failure;
  if (f) {
    switch (f.kind) {
      case 'timeout':
        return { code: 'link-timeout', seen: `ไม่ตอบใน ${timeoutMs / 1000} วินาที`, th: `ลิงก์ ${url} ไม่ตอบภายใน ${timeoutMs / 1000} วินาที ผู้ประเมินอาจเปิดไม่ได้`, en: `${url} did not answer within ${timeoutMs / 1000} s` };
      case 'tls':
        return { code: 'link-tls', seen: f.code, th: `ลิงก์ ${url}: ใบรับรองความปลอดภัย (HTTPS) ของเว็บไซต์ใช้ไม่ได้ (${f.code}) เบราว์เซอร์จะเตือนหรือไม่ยอมเปิด`, en: `${url}: the site's HTTPS certificate is not valid (${f.code})` };
      case 'too-many-redirects':
        return { code: 'link-redirects', seen: `redirect ${outcome.hops.length} ครั้ง`, th: `ลิงก์ ${url} ส่งต่อ (redirect) วนไม่จบ ${outcome.hops.length} ครั้ง`, en: `${url} redirects more than ${outcome.hops.length} times` };
      case 'bad-redirect':
        return { code: 'link-broken', seen: `redirect → ${f.url}`, th: `ลิงก์ ${url} ส่งต่อไปยังที่อยู่ที่เปิดไม่ได้ (${f.url})`, en: `${url} redirects to an unusable address (${f.url})` };
      case 'unreachable':
        return { code: 'link-unreachable', seen: f.code, th: `ลิงก์ ${url} เปิดไม่ได้: ${UNREACHABLE_TH[f.code] ?? 'ติดต่อเว็บไซต์ไม่ได้'} (${f.code})`, en: `${url} is unreachable (${f.code})` };
    }
  }
  if (last && last.status >= 400) {
    const seen = `HTTP ${last.status}${last.statusText ? ` ${last.statusText}` : ''}`;
    return { code: 'link-broken', seen, th: `ลิงก์ ${url} เปิดไม่ได้: เว็บไซต์ตอบ ${seen}${outcome.hops.length > 1 ? ` [${chain}]` : ''}`, en: `${url} answers ${seen}` };
  }
  if (last && last.status >= 300) {
    return { code: 'link-broken', seen: `HTTP ${last.status}`, th: `ลิงก์ ${url} ตอบ HTTP ${last.status} โดยไม่บอกว่าย้ายไปที่ใด`, en: `${url} answers HTTP ${last.status} without a Location` };
  }
  return undefined;
}

/** A URL cell's problem as a check issue at that cell. */
export function linkIssue(v: LinkVerdict, cell: { row: number; column: string; templateUrl: boolean }): Issue {
  // The OIT checklist's address is what the assessor opens: a dead one scores the item 0.
  const severity = cell.templateUrl ? 'error' : 'warning';
  return { severity, code: v.code, row: cell.row, column: cell.column, field: cell.templateUrl ? 'url' : null, message: v.th, messageEn: v.en };
}
