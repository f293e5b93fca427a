/**
 * Speed of the report checker (issue 15, item 6), printed with the machine's load:
 * - text and HTML: one batch run of the checkReports usecase (what `gongkai check-report DIR`
 *   does) over the fixture reports in every layout a reader meets (as published, the whole text
 *   on one line, one cell per line, a saved page), repeated to BATCH reports; target ≥ 200/s;
 * - OCR: seconds per page of the scanned two-page fixture (target ≤ 10 s), when tesseract is
 *   installed, and the whole scans (rendered from published PDFs, with hand-checked values): those
 *   of the corpus (format `scan`, judged by reportcheck.corpus.test.ts) and those of
 *   src/reportcheck/corpus/scans/ when it holds any (measured, not judged yet): seconds per page, cells of sections
 *   三 and 四 exact (target ≥ 99.5%), errors the report does not deserve, year and body.
 * Run: `npm run bench -- reportcheck` (or `node --import tsx bench/reportcheck.bench.ts`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { checkReports, type ReportFile } from '../src/reportcheck/reportcheck.usecases.ts';
import { pdfToLines } from '../src/reportcheck/reportcheck.pdf.ts';
import { readReportFile } from '../src/reportcheck/reportcheck.file.ts';
import { APPLICATION_ROW_KEYS } from '../src/report/report.model.ts';

const BATCH = 2000;
const fixture = (name: string) => readFileSync(new URL(`../src/reportcheck/fixtures/${name}`, import.meta.url));

function load(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return '(uptime unavailable)';
  }
}

const texts = ['shilong-2022.txt', 'hongze-2023.txt', 'hongze-2024.txt'].map((name) => ({ name, text: fixture(name).toString('utf8') }));
const kinds: ReportFile[] = [
  ...texts.map(({ name, text }) => ({ name, bytes: new TextEncoder().encode(text) })),
  ...texts.map(({ name, text }) => ({ name: `oneline-${name}`, bytes: new TextEncoder().encode(text.replace(/\s+/g, '')) })),
  ...texts.map(({ name, text }) => ({
    name: `cells-${name}`,
    bytes: new TextEncoder().encode(text.split('\n').flatMap((l) => l.trim().split(/\s{2,}|\t/)).join('\n')),
  })),
  { name: 'sample-county-bureau-2023.html', bytes: fixture('sample-county-bureau-2023.html') },
];
const batch = Array.from({ length: BATCH }, (_, i) => kinds[i % kinds.length]);

console.log(`load before: ${load()}`);
await checkReports({ files: kinds }); // warm-up: compile and load everything once
const cpuBefore = process.cpuUsage();
const start = performance.now();
const result = await checkReports({ files: batch });
const seconds = (performance.now() - start) / 1000;
// On a shared machine the wall clock counts the other processes' turns too; CPU time does not.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const unread = result.reports.filter((r) => r.applications.rows.total[6] === null).length;
console.log(
  `reportcheck text+HTML: ${BATCH} reports (${kinds.length} kinds: 3 real texts as published, on one line and one cell per line, 1 saved page) in one batch, ${seconds.toFixed(2)} s = ${Math.round(BATCH / seconds)} reports/s (target ≥ 200; ${cpuSeconds.toFixed(2)} s of CPU = ${Math.round(BATCH / cpuSeconds)} reports per CPU second); section 三 total unread in ${unread}`,
);
console.log(`load after:  ${load()}`);

try {
  execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
  const scan = fixture('hongze-2023-scan-p3-4.pdf');
  const pages = 2;
  const t = performance.now();
  const { lines, ocr } = await pdfToLines(scan);
  const perPage = (performance.now() - t) / 1000 / pages;
  console.log(`reportcheck OCR: ${pages} scanned pages (${ocr ? 'OCR' : 'text layer?'}, ${lines.length} lines) at ${perPage.toFixed(1)} s per page (target ≤ 10 s)`);
  console.log(`load after OCR: ${load()}`);
} catch (e) {
  console.log(`reportcheck OCR: not measured (${(e as Error).message.split('\n')[0]})`);
}

const CORPUS = new URL('../src/reportcheck/corpus/', import.meta.url);
const SCANS = new URL('../src/reportcheck/corpus/scans/', import.meta.url);

interface ScanExpected {
  body: string;
  year: number;
  applications: Record<string, number[]>;
  reviewLitigation: number[];
  trueErrors: string[];
}

/** Cells of sections 三 and 四 read as the hand-checked values say, out of all. */
function exactCells(rows: Record<string, (number | null)[] | undefined>, review: (number | null)[], e: ScanExpected): [number, number] {
  const keys = e.applications.otherHandling ? [...APPLICATION_ROW_KEYS.filter((k) => !/^otherHandling\d$/.test(k)), 'otherHandling'] : APPLICATION_ROW_KEYS;
  let exact = 0;
  let cells = 0;
  for (const key of keys) {
    e.applications[key].forEach((v, i) => {
      cells++;
      if (rows[key]?.[i] === v) exact++;
    });
  }
  e.reviewLitigation.forEach((v, i) => {
    cells++;
    if (review[i] === v) exact++;
  });
  return [exact, cells];
}

try {
  execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
  const expected = (dir: URL) => (existsSync(dir) ? readdirSync(dir) : []).filter((n) => n.endsWith('.expected.json')).sort().map((json) => ({ dir, json }));
  const isScan = ({ dir, json }: { dir: URL; json: string }) => (JSON.parse(readFileSync(new URL(json, dir), 'utf8')) as { format: string }).format === 'scan';
  const scans = [...expected(CORPUS).filter(isScan), ...expected(SCANS)];
  for (const { dir, json } of scans) {
    const id = json.slice(0, -'.expected.json'.length);
    const e = JSON.parse(readFileSync(new URL(json, dir), 'utf8')) as ScanExpected;
    const bytes = new Uint8Array(readFileSync(new URL(`${id}.pdf`, dir)));
    const pages = Number(/\/Count (\d+)/.exec(new TextDecoder('latin1').decode(bytes))?.[1] ?? 1);
    const t = performance.now();
    const r = await readReportFile({ name: `${id}.pdf`, bytes });
    const perPage = (performance.now() - t) / 1000 / pages;
    const review = [...r.reviewLitigation.review, ...r.reviewLitigation.litigationDirect, ...r.reviewLitigation.litigationAfterReview];
    const [exact, cells] = exactCells(r.applications.rows as Record<string, (number | null)[]>, review, e);
    const errors = [...new Set(r.findings.filter((f) => f.severity === 'error').map((f) => f.code))];
    const falseErrors = errors.filter((c) => !e.trueErrors.includes(c));
    console.log(
      `reportcheck OCR ${dir === SCANS ? 'scans/' : ''}${id}${dir === SCANS ? ' (not judged yet)' : ' (corpus)'}: ${pages} pages at ${perPage.toFixed(1)} s per page; ${exact}/${cells} cells exact (${((100 * exact) / cells).toFixed(1)}%); year ${r.year === e.year ? 'right' : `wrong (${r.year})`}, body ${r.body.name === e.body ? 'right' : `wrong (${r.body.name})`}; false errors: ${falseErrors.join(', ') || 'none'}`,
    );
  }
  console.log(`load after OCR of the scans: ${load()}`);
} catch (e) {
  console.log(`reportcheck OCR of the scans: not measured (${(e as Error).message.split('\n')[0]})`);
}
