/**
 * Reading speed of the report checker: the fixture reports (three real texts and one HTML
 * page), each read and checked 1,000 times. Run: `node --import tsx bench/reportcheck.bench.ts`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { toLines } from '../src/reportcheck/reportcheck.input.ts';
import { readLines } from '../src/reportcheck/reportcheck.read.ts';
import { checkReport } from '../src/reportcheck/reportcheck.checks.ts';

const NAMES = ['shilong-2022.txt', 'hongze-2023.txt', 'hongze-2024.txt', 'sample-county-bureau-2023.html'];
const REPEAT = 1000;

const files = NAMES.map((name) => ({ name, bytes: readFileSync(new URL(`../src/reportcheck/fixtures/${name}`, import.meta.url)) }));

async function readAll(): Promise<number> {
  let errors = 0;
  for (const file of files) {
    const { lines } = await toLines(file.name, file.bytes);
    errors += checkReport(readLines(lines, { source: file.name })).findings.filter((f) => f.severity === 'error').length;
  }
  return errors;
}

await readAll(); // warm-up: compile and load everything once
const start = performance.now();
let errors = 0;
for (let i = 0; i < REPEAT; i++) errors += await readAll();
const seconds = (performance.now() - start) / 1000;
const reports = REPEAT * files.length;
console.log(`reportcheck: ${reports} reports in ${seconds.toFixed(2)} s = ${Math.round(reports / seconds)} reports/s (${errors / REPEAT} errors per round, as expected: 10)`);
