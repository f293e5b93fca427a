// `npm run bench`: runs every bench/*.bench.ts (or those whose name contains an argument) one
// after another, each printing its own figures. Benchmarks are not tests: they assert nothing.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const files = readdirSync(`${root}bench`)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((q) => f.includes(q)))
  .sort();
const machine = `${process.platform} ${process.arch}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores`;
console.log(`» ${files.length} benchmarks on ${machine}`);
for (const f of files) {
  console.log(`\n» bench/${f}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${f}`], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
