// `npm test`: type-check, lint, build the admin app when its sources changed, then run every
// `*.test.ts` under src/ with Node's own test runner (TypeScript loaded through tsx).
// Extra arguments are file filters: `npm test -- calendar` runs only files whose path contains it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { adminBuildIsStale } from './admin-build.js';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const quick = process.argv.includes('--quick');

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out.sort();
}

if (!quick && filters.length === 0) {
  console.log('» type-check (tsc --noEmit)');
  run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  console.log('» lint (eslint)');
  run('npx', ['eslint', '.']);
}
if (adminBuildIsStale(root)) {
  console.log('» building the admin app (vite build)');
  run('npx', ['vite', 'build', '--config', 'src/admin/vite.config.ts', '--logLevel', 'warn']);
}

let files = findTests(join(root, 'src'));
if (filters.length) files = files.filter((f) => filters.some((q) => f.includes(q)));
if (files.length === 0) {
  console.error('no test file matches', filters.join(' '));
  process.exit(1);
}
console.log(`» ${files.length} test files`);
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
  TZ: 'UTC',
  NODE_ENV: 'test',
});
