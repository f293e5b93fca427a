/**
 * A polite, bounded HTTP client for reading portals: it names itself (User-Agent), obeys each
 * host's robots.txt, waits between two requests to one host, gives up after a time limit, reads
 * no more than a byte limit, follows redirects only within the hosts it may visit, and by default
 * refuses addresses inside the machine's networks (the resolved address is checked at connect
 * time, so a name that resolves to 127.0.0.1 or 169.254.169.254 is refused as well).
 *
 * Answers compressed with gzip, deflate or br are decoded as they arrive, and the byte limit
 * applies to the decoded body as well, so that a small compressed bomb is cut like a huge page.
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured with Node's own http and tls: an http URL is
 * asked of the proxy, an https URL goes through a CONNECT tunnel (certificate checked end to
 * end). Behind a proxy the proxy resolves names: a name is still refused when it resolves here
 * to a private address, but one that only the proxy can resolve is the proxy's to restrict.
 */
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import zlib from 'node:zlib';
import type { Duplex } from 'node:stream';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ALLOW_ALL, DISALLOW_ALL, isPrivateAddress, isWebUrl, parseRobots, USER_AGENT, webUrl, type Robots } from './reportcheck.crawl.rules.ts';
import { proxyEnv, proxyFor, ProxyError, type ProxyEnv } from './reportcheck.fetch.rules.ts';

export interface FetchLimits {
  /** Whole request, headers and body. */
  timeoutMs: number;
  /** A longer body is cut here (and marked truncated). */
  maxBytes: number;
  /** Pause between two requests to the same host. */
  delayMs: number;
  /** Loopback and private networks: only when the reader says so (an intranet portal, tests). */
  allowPrivate: boolean;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read; the process's environment by default. */
  env?: NodeJS.ProcessEnv;
}

export interface Fetched {
  /** After redirects. */
  url: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
  truncated: boolean;
}

/** Why a URL was not read; `refused` when a rule (robots.txt, another host) said no. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly refused = false,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

const MAX_REDIRECTS = 5;
const PRIVATE = 'GONGKAI_PRIVATE_ADDRESS';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that fails for private addresses: the check and the connection use one answer. */
function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) return callback(Object.assign(new Error(`${hostname} 解析为内网或本机地址 ${bad.address}`), { code: PRIVATE }), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

interface Raw {
  status: number;
  location: string | null;
  contentType: string;
  bytes: Uint8Array;
  truncated: boolean;
}

/** Streaming decoders by Content-Encoding; deflate is zlib-wrapped as the RFC says, or raw as some servers send it. */
const DECODERS: Record<string, (first: Buffer) => zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  br: () => zlib.createBrotliDecompress(),
  deflate: (first) => (first.length >= 2 && (first[0] & 0x0f) === 8 && ((first[0] << 8) | first[1]) % 31 === 0 ? zlib.createInflate() : zlib.createInflateRaw()),
};

const ACCEPT = 'text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,*/*;q=0.5';

/** Behind a proxy: a name that resolves here to a private address is refused; one that does not resolve here is left to the proxy. */
function refuseIfPrivate(url: URL, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true }, (err, addresses) => {
      const bad = err ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad) reject(new FetchError(url.href, `${host} 解析为内网或本机地址 ${bad.address}，未访问（需要时用 --allow-private）`, true));
      else resolve();
    });
  });
}

/**
 * One GET, direct or through an http:// proxy: an http URL is asked of the proxy by its full
 * address; an https URL is tunnelled (CONNECT) and TLS runs to the site itself. `cancel` also
 * stops a tunnel still being opened.
 */
function startRequest(url: URL, proxy: URL | null, lookup: typeof dnsLookup | undefined, onResponse: (res: http.IncomingMessage) => void): { req: http.ClientRequest; cancel: () => void } {
  const headers = { 'user-agent': USER_AGENT, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' };
  if (!proxy) {
    // A connection of its own (agent: false): reading a report between two requests can outlast the
    // server's keep-alive, and a pooled connection closed meanwhile fails the next request.
    const req = (url.protocol === 'https:' ? https : http).get(url, { headers, lookup, agent: false }, onResponse);
    return { req, cancel: () => req.destroy() };
  }
  const auth = proxy.username ? { 'proxy-authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}` } : {};
  const proxyPort = Number(proxy.port || 80);
  if (url.protocol === 'http:') {
    const req = http.get({ host: proxy.hostname.replace(/^\[|\]$/g, ''), port: proxyPort, path: url.href, headers: { ...headers, host: url.host, ...auth }, agent: false }, onResponse);
    return { req, cancel: () => req.destroy() };
  }
  let tunnel: http.ClientRequest | null = null;
  const target = `${url.hostname}:${url.port || 443}`;
  const createConnection = (_options: unknown, ready: (err: Error | null, socket?: Duplex) => void) => {
    tunnel = http.request({ host: proxy.hostname.replace(/^\[|\]$/g, ''), port: proxyPort, method: 'CONNECT', path: target, headers: { host: target, ...auth } });
    tunnel.once('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        return ready(new Error(`代理 ${proxy.host} 拒绝建立到 ${target} 的隧道（HTTP ${res.statusCode}）`));
      }
      const name = url.hostname.replace(/^\[|\]$/g, '');
      ready(null, tls.connect({ socket, servername: isIP(name) ? undefined : name }));
    });
    tunnel.once('error', (e) => ready(e));
    tunnel.end();
    return undefined;
  };
  const req = https.get(url, { headers, createConnection } as unknown as https.RequestOptions, onResponse);
  return { req, cancel: () => { tunnel?.destroy(); req.destroy(); } };
}

export class PoliteFetcher {
  private readonly nextAt = new Map<string, number>();
  private readonly proxies: ProxyEnv;
  private readonly robots = new Map<string, Promise<Robots>>();
  /** Every URL requested, in order (robots.txt included): what the crawl cost the sites. */
  readonly requested: string[] = [];

  constructor(
    private readonly limits: FetchLimits,
    /** Hosts a redirect may lead to; the others are not followed. */
    private readonly mayVisit: (url: URL) => boolean,
  ) {
    this.proxies = proxyEnv(limits.env ?? process.env);
  }

  /** Waits for the host's pause; the pause counts from the end of the last answer, so a slow site gets its rest too. */
  private async turn(host: string): Promise<void> {
    // Requests are made one at a time, so the last answer's end is known before the next turn.
    const wait = (this.nextAt.get(host) ?? 0) - Date.now();
    if (wait > 0) await sleep(wait);
  }

  private rested(host: string): void {
    this.nextAt.set(host, Date.now() + this.limits.delayMs);
  }

  private async once(url: URL): Promise<Raw> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!this.limits.allowPrivate && isIP(host) && isPrivateAddress(host)) {
      throw new FetchError(url.href, `${host} 是内网或本机地址，未访问（需要时用 --allow-private）`, true);
    }
    let proxy: URL | null;
    try {
      proxy = proxyFor(url, this.proxies);
    } catch (e) {
      if (e instanceof ProxyError) throw new FetchError(url.href, e.message, true);
      throw e;
    }
    // Through a proxy the connection is to the proxy: the name is checked here as far as it resolves here.
    if (proxy && !this.limits.allowPrivate && !isIP(host)) await refuseIfPrivate(url, host);
    this.requested.push(url.href);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let wire = 0;
      let settled = false;
      let decoder: (zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress) | null = null;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.rested(url.host);
        fn();
      };
      const stop = () => {
        decoder?.destroy();
        request.cancel();
      };
      const request = startRequest(url, proxy, this.limits.allowPrivate ? undefined : (guardedLookup as unknown as typeof dnsLookup), (res) => {
        const done = (truncated: boolean) =>
          finish(() =>
            resolve({
              status: res.statusCode ?? 0,
              location: typeof res.headers.location === 'string' ? res.headers.location : null,
              contentType: String(res.headers['content-type'] ?? ''),
              bytes: new Uint8Array(Buffer.concat(chunks)),
              truncated,
            }),
          );
        if ((res.statusCode ?? 0) >= 300 && (res.statusCode ?? 0) < 400) {
          res.resume();
          return done(false);
        }
        const failed = (e: Error, what: string) => {
          finish(() => reject(new FetchError(url.href, `${what}：${e.message}`)));
          stop(); // the connection is not handed to the next request with an unread body
        };
        /** Decoded bytes, kept up to the limit. */
        const keep = (chunk: Buffer) => {
          if (settled) return;
          const room = this.limits.maxBytes - size;
          if (chunk.length >= room) {
            chunks.push(chunk.subarray(0, room));
            size += room;
            done(true);
            stop();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        };
        const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
        if (encoding && encoding !== 'identity' && !DECODERS[encoding]) {
          res.resume();
          return finish(() => reject(new FetchError(url.href, `网站以不支持的编码 ${encoding.slice(0, 40)} 压缩内容`)));
        }
        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          // The compressed body counts too: a body that is no valid compression is not read without end.
          wire += chunk.length;
          if (!encoding || encoding === 'identity') return keep(chunk);
          if (!decoder) {
            decoder = DECODERS[encoding](chunk);
            decoder.on('data', keep);
            decoder.on('end', () => done(false));
            decoder.on('error', (e) => failed(e, '内容解压失败'));
          }
          decoder.write(chunk);
          if (wire > this.limits.maxBytes) {
            done(true);
            stop();
          }
        });
        res.on('end', () => (decoder ? decoder.end() : done(false)));
        res.on('error', (e) => failed(e, '读取中断'));
      });
      const timer = setTimeout(() => {
        finish(() => reject(new FetchError(url.href, `超过 ${this.limits.timeoutMs} 毫秒未完成，已放弃`)));
        stop();
      }, this.limits.timeoutMs);
      request.req.on('error', (e: NodeJS.ErrnoException) =>
        finish(() =>
          reject(
            e.code === PRIVATE
              ? new FetchError(url.href, `${e.message}，未访问（需要时用 --allow-private）`, true)
              : new FetchError(url.href, `无法连接${proxy ? `（经代理 ${proxy.host}）` : ''}：${e.message}`),
          ),
        ),
      );
    });
  }

  /** robots.txt of the URL's origin, read once: 4xx allows all, no answer or 5xx allows nothing (RFC 9309). */
  private robotsFor(url: URL): Promise<Robots> {
    let robots = this.robots.get(url.origin);
    if (!robots) {
      robots = (async () => {
        const robotsUrl = new URL('/robots.txt', url.origin);
        try {
          await this.turn(url.host);
          let raw = await this.once(robotsUrl);
          // A robots.txt moved within the site is followed a few times, as the RFC asks.
          for (let hop = 0; hop < MAX_REDIRECTS && raw.status >= 300 && raw.status < 400 && raw.location; hop++) {
            const next = webUrl(raw.location, robotsUrl.href);
            if (!next || next.origin !== url.origin) return ALLOW_ALL;
            await this.turn(url.host);
            raw = await this.once(next);
          }
          if (raw.status >= 200 && raw.status < 300) return parseRobots(new TextDecoder().decode(raw.bytes));
          return raw.status >= 400 && raw.status < 500 ? ALLOW_ALL : DISALLOW_ALL;
        } catch (e) {
          if (e instanceof FetchError && e.refused) throw e;

          return DISALLOW_ALL;
        }
      })();
      this.robots.set(url.origin, robots);
    }
    return robots;
  }

  /** GET with robots.txt, the per-host pause and the limits; redirects followed within reach. */
  async get(href: string): Promise<Fetched> {
    let url = webUrl(href);
    if (!url) throw new FetchError(href, '不是 http(s) 网址，未访问', true);
    for (let hop = 0; ; hop++) {
      if (!(await this.robotsFor(url)).allows(url)) throw new FetchError(url.href, `${url.host} 的 robots.txt 不允许抓取此网址，未访问`, true);
      await this.turn(url.host);
      const raw = await this.once(url);
      if (raw.status >= 300 && raw.status < 400 && raw.location) {
        const next = webUrl(raw.location, url.href);
        if (!next || !isWebUrl(next)) throw new FetchError(url.href, `重定向到非网页地址，未跟随`, true);
        if (!this.mayVisit(next)) throw new FetchError(url.href, `重定向到其他网站 ${next.host}，未跟随`, true);
        if (hop >= MAX_REDIRECTS) throw new FetchError(url.href, `重定向超过 ${MAX_REDIRECTS} 次，已放弃`);
        url = next;
        continue;
      }
      if (raw.status < 200 || raw.status >= 300) throw new FetchError(url.href, `网站答复 HTTP ${raw.status}`);
      return { url: url.href, status: raw.status, contentType: raw.contentType, bytes: raw.bytes, truncated: raw.truncated };
    }
  }
}
