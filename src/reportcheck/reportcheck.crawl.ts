/**
 * Whole sites: a list of report URLs, or a portal's 年报 column followed through its list pages.
 * Each report page is read with its attached PDF/Word documents; what the crawl found becomes
 * the files of one checkReports batch (named by URL), and what it could not read becomes a
 * finding of its own so that the summary still has a row for it.
 */
import type { ReportFinding } from '../report/report.validate.ts';
import { FetchError, PoliteFetcher, type Fetched, type FetchLimits } from './reportcheck.fetch.ts';
import { isDocument, looksLikeListPage, looksLikeReport, pageLinks, scriptedListPages, webUrl } from './reportcheck.crawl.rules.ts';
import { pageMetadata } from './reportcheck.html.ts';
import { inputKind } from './reportcheck.input.ts';
import { decodePage } from './reportcheck.fetch.rules.ts';
import { unreadable, type CheckedReport, type ReportFile } from './reportcheck.file.ts';

export interface CrawlOptions extends FetchLimits {
  /** List pages of the column read at most. */
  maxPages: number;
  /** Report pages (or report URLs) read at most; each may bring its attachments. */
  maxReports: number;
  /** Attachments read per report page at most. */
  maxAttachments: number;
  /** Hosts besides the column's (or each listed URL's) own that links and redirects may reach. */
  allowHosts: string[];
  progress?: (message: string) => void;
}

export const CRAWL_DEFAULTS: Omit<CrawlOptions, 'progress'> = {
  timeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  delayMs: 1_000,
  allowPrivate: false,
  maxPages: 50,
  maxReports: 500,
  maxAttachments: 5,
  allowHosts: [],
};

export interface CrawlResult {
  files: ReportFile[];
  /** Reports that could not be read (refused by robots.txt, timed out…), as report rows. */
  failed: CheckedReport[];
  /** Per file name (URL): findings about how it was fetched (cut at the byte limit). */
  notices: Map<string, ReportFinding[]>;
  /** Every URL requested. */
  requested: string[];
}

interface Target {
  url: string;
  /** The link's text on the list page: the report's title as the column names it. */
  title?: string;
}

function failedReport(url: string, e: unknown): CheckedReport {
  const report = unreadable(url, (e as Error).message);
  const refused = e instanceof FetchError && e.refused;
  report.findings = [
    {
      code: refused ? 'reportcheck.fetch_refused' : 'reportcheck.fetch_failed',
      severity: refused ? 'warning' : 'error',
      message: `${refused ? '未读取' : '无法获取'} ${url}：${(e as Error).message}`,
      location: { file: url },
    },
  ];
  return report;
}

/** The section 三 table's first row: a page that prints it carries the report itself. */
const HOLDS_REPORT = /本年新收|新收政府信息公开申请/;

export class SiteReader {
  private readonly fetcher: PoliteFetcher;
  private readonly result: CrawlResult = { files: [], failed: [], notices: new Map(), requested: [] };
  private readonly seen = new Set<string>();

  constructor(
    private readonly options: CrawlOptions,
    /** Hosts the crawl belongs to (the column's, or every listed URL's). */
    private readonly hosts: Set<string>,
  ) {
    for (const h of options.allowHosts) hosts.add(h.toLowerCase());
    this.fetcher = new PoliteFetcher(options, (url) => this.mayVisit(url));
  }

  private mayVisit(url: URL): boolean {
    return this.hosts.has(url.host.toLowerCase()) || this.hosts.has(url.hostname.toLowerCase());
  }

  private addFile(fetched: Fetched, hints: Partial<ReportFile>): void {
    this.result.files.push({ name: fetched.url, bytes: fetched.bytes, ...hints });
    if (fetched.truncated) {
      this.result.notices.set(fetched.url, [
        {
          code: 'reportcheck.fetch_truncated',
          severity: 'warning',
          message: `${fetched.url} 超过 ${this.options.maxBytes} 字节，只读取了前 ${this.options.maxBytes} 字节，结果可能不全`,
          location: { file: fetched.url },
        },
      ]);
    }
  }

  /** One report page (or a document URL): the page, its attachments, or both. */
  async readReport(target: Target, index: number, total: number): Promise<void> {
    this.options.progress?.(`[${index}/${total}] ${target.url}`);
    let page: Fetched;
    try {
      page = await this.fetcher.get(target.url);
    } catch (e) {
      this.result.failed.push(failedReport(target.url, e));
      return;
    }
    const titles = target.title ? [target.title] : [];
    const kind = inputKind(page.url, page.bytes);
    if (kind !== 'html' && kind !== 'text') return this.addFile(page, { titles });
    const html = decodePage(page.bytes, page.contentType);
    // The reader gets the page as UTF-8: the charset the site named (GBK) is known here only.
    page = { ...page, bytes: new TextEncoder().encode(html) };
    const meta = pageMetadata(html);
    const documents = pageLinks(html, page.url)
      .filter((l) => isDocument(l.url) && this.mayVisit(new URL(l.url)))
      .filter((l, i, all) => all.findIndex((o) => o.url === l.url) === i)
      .slice(0, this.options.maxAttachments);
    const attached: Fetched[] = [];
    for (const link of documents) {
      try {
        attached.push(await this.fetcher.get(link.url));
      } catch (e) {
        this.result.failed.push(failedReport(link.url, e));
      }
    }
    // A page that only introduces its attachment is not checked as a report of its own.
    if (attached.length === 0 || HOLDS_REPORT.test(html)) this.addFile(page, { titles });
    for (const doc of attached) {
      this.addFile(doc, { titles: [...meta.titles, ...titles], publishedOn: meta.publishedOn, page: page.url });
    }
  }

  /** The reports linked from a column and its list pages (within maxPages), in the order found. */
  async findReports(start: string): Promise<Target[]> {
    const lists = [start];
    const listed = new Set(lists);
    const reports: Target[] = [];
    for (let i = 0; i < lists.length && i < this.options.maxPages; i++) {
      this.options.progress?.(`栏目页 ${i + 1}：${lists[i]}`);
      let page: Fetched;
      try {
        page = await this.fetcher.get(lists[i]);
      } catch (e) {
        // The column itself unread is a row of the summary; a later list page only a line of progress.
        if (i === 0) this.result.failed.push(failedReport(lists[i], e));
        else this.options.progress?.(`  跳过：${(e as Error).message}`);
        continue;
      }
      const html = decodePage(page.bytes, page.contentType);
      const more: string[] = scriptedListPages(html, page.url);
      for (const link of pageLinks(html, page.url)) {
        if (!this.mayVisit(new URL(link.url))) continue;
        if (looksLikeReport(link)) {
          if (!this.seen.has(link.url)) reports.push({ url: link.url, title: link.text });
          this.seen.add(link.url);
        } else if (!isDocument(link.url) && looksLikeListPage(link, start)) more.push(link.url);
      }
      for (const url of more) {
        if (!listed.has(url)) lists.push(url);
        listed.add(url);
      }
    }
    return reports;
  }

  async readAll(targets: Target[]): Promise<CrawlResult> {
    const chosen = targets.slice(0, this.options.maxReports);
    if (targets.length > chosen.length) this.options.progress?.(`共找到 ${targets.length} 份报告，按 --max-reports 只读取前 ${chosen.length} 份`);
    for (let i = 0; i < chosen.length; i++) await this.readReport(chosen[i], i + 1, chosen.length);
    this.result.requested = this.fetcher.requested;
    return this.result;
  }
}

/** `--crawl URL`: the column page, its list pages, every report found and its attachments. */
export async function crawlColumn(start: string, options: CrawlOptions): Promise<CrawlResult> {
  const url = webUrl(start);
  if (!url) throw new FetchError(start, '栏目地址须是 http 或 https 网址', true);
  const reader = new SiteReader(options, new Set([url.host.toLowerCase()]));
  return reader.readAll(await reader.findReports(url.href));
}

/** `--from-urls FILE`: one URL a line (blank lines and `#` comments skipped). */
export function parseUrlList(text: string): { urls: string[]; invalid: string[] } {
  const urls: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const url = webUrl(line);
    if (url) urls.push(url.href);
    else invalid.push(line);
  }
  return { urls: [...new Set(urls)], invalid };
}

export async function readUrls(urls: string[], options: CrawlOptions): Promise<CrawlResult> {
  const reader = new SiteReader(options, new Set(urls.map((u) => new URL(u).host.toLowerCase())));
  return reader.readAll(urls.map((url) => ({ url })));
}
