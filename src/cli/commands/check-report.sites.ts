/**
 * check-report's whole-site options: `--from-urls FILE` and `--crawl URL` with the crawl's limits.
 * Reaching the network from a server on a user's say-so would let anyone probe the server's own
 * networks, so this lives in the CLI only, and loopback/private addresses need --allow-private.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../command.ts';
import type { BodyKind } from '../../report/report.validate.ts';
import { CRAWL_DEFAULTS, crawlColumn, parseUrlList, readUrls, type CrawlOptions, type CrawlResult } from '../../reportcheck/reportcheck.crawl.ts';
import { webUrl } from '../../reportcheck/reportcheck.crawl.rules.ts';

export const SITE_OPTIONS = {
  'from-urls': { type: 'string' },
  crawl: { type: 'string' },
  'max-pages': { type: 'string' },
  'max-reports': { type: 'string' },
  'max-bytes': { type: 'string' },
  'timeout-ms': { type: 'string' },
  'delay-ms': { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
  'allow-private': { type: 'boolean' },
} as const;

type SiteValues = { [K in keyof typeof SITE_OPTIONS]?: (typeof SITE_OPTIONS)[K] extends { multiple: true } ? string[] : string | boolean };

export interface Sites {
  fromUrls?: string;
  crawl?: string;
  options: CrawlOptions;
}

function count(values: SiteValues, name: keyof typeof SITE_OPTIONS, fallback: number, min: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} 须是不小于 ${min} 的整数`);
  return n;
}

/** The parsed site options, or null when the command reads files only. */
export function siteOptions(values: SiteValues, progress: (message: string) => void): Sites | null {
  const fromUrls = values['from-urls'] as string | undefined;
  const crawl = values.crawl as string | undefined;
  if (fromUrls === undefined && crawl === undefined) {
    const stray = Object.keys(SITE_OPTIONS).find((k) => values[k as keyof typeof SITE_OPTIONS] !== undefined);
    if (stray) throw new UsageError(`--${stray} 只能与 --from-urls 或 --crawl 一起使用`);
    return null;
  }
  if (crawl !== undefined && !webUrl(crawl)) throw new UsageError('--crawl 须是 http 或 https 网址');
  return {
    fromUrls,
    crawl,
    options: {
      timeoutMs: count(values, 'timeout-ms', CRAWL_DEFAULTS.timeoutMs, 1),
      maxBytes: count(values, 'max-bytes', CRAWL_DEFAULTS.maxBytes, 1),
      delayMs: count(values, 'delay-ms', CRAWL_DEFAULTS.delayMs, 0),
      maxPages: count(values, 'max-pages', CRAWL_DEFAULTS.maxPages, 1),
      maxReports: count(values, 'max-reports', CRAWL_DEFAULTS.maxReports, 1),
      maxAttachments: CRAWL_DEFAULTS.maxAttachments,
      allowPrivate: values['allow-private'] === true,
      allowHosts: ((values['allow-host'] as string[] | undefined) ?? []).map((h) => h.trim()).filter(Boolean),
      progress,
    },
  };
}

/** Fetches what the options name; the files carry the reader's level like local ones. */
export async function readSites(sites: Sites, cwd: string, bodyKind: BodyKind | undefined): Promise<Omit<CrawlResult, 'requested'>> {
  const all: Omit<CrawlResult, 'requested'> = { files: [], failed: [], notices: new Map() };
  const add = (r: CrawlResult) => {
    all.files.push(...r.files.map((f) => ({ ...f, bodyKind })));
    all.failed.push(...r.failed);
    for (const [k, v] of r.notices) all.notices.set(k, v);
  };
  if (sites.fromUrls !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, sites.fromUrls), 'utf8');
    } catch {
      throw new UsageError(`找不到网址清单：${sites.fromUrls}`);
    }
    const { urls, invalid } = parseUrlList(text);
    if (invalid.length) throw new UsageError(`网址清单中有不是 http(s) 网址的行：${invalid.slice(0, 3).join('；')}`);
    if (urls.length === 0) throw new UsageError(`网址清单 ${sites.fromUrls} 中没有网址`);
    add(await readUrls(urls, sites.options));
  }
  if (sites.crawl !== undefined) add(await crawlColumn(sites.crawl, sites.options));
  return all;
}
