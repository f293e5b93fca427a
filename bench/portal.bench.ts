/**
 * Portal throughput: wrk on loopback against our server (one Node process) and against nginx (one
 * worker) serving saved copies of the same pages, for the home page, a column list and an item
 * page; printed as requests per second and as the ratio ours / nginx. Target (issue "Proactive
 * disclosure"): cached pages at ≥ 0.35 of nginx. Needs the Debian packages `wrk` and `nginx`.
 *
 *   node --import tsx bench/portal.bench.ts [seconds-per-run]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemClock } from '../src/shared/clock.ts';
import { seedDemo } from '../src/demo/demo.seed.ts';
import { createServer } from '../src/http/server.ts';

const seconds = Number(process.argv[2] ?? 5);
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (!has('wrk') || !has('nginx')) {
  console.log('portal bench skipped: install the Debian packages wrk and nginx (apt-get install wrk nginx)');
  process.exit(0);
}

/** Runs wrk without blocking the event loop: our server runs in this very process. */
async function wrk(url: string, headers: string[] = []): Promise<number> {
  const args = ['-t1', '-c16', `-d${seconds}s`, ...headers.flatMap((h) => ['-H', h]), url];
  const child = spawn('wrk', args);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((r) => child.on('close', r));
  const m = /Requests\/sec:\s+([\d.]+)/.exec(out);
  if (!m) throw new Error(`wrk gave no figure:\n${out}`);
  return Number(m[1]);
}

const dir = mkdtempSync(join(tmpdir(), 'gongkai-portal-bench-'));
const config = loadConfig({ GONGKAI_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' }, dir);
const db = openDatabase(config.databaseUrl);
await migrateToLatest(db);
const deps = { config, db, clock: systemClock };
await seedDemo({ deps });
const app = await createServer(deps, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const ours = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

// Pick real pages: the home page, and the first column list and item page it links to.
const home = await (await fetch(`${ours}/`)).text();
const pages: [string, string][] = [['home page', '/']];
const column = /href="(\/xxgk\/lm\/[^"]+\/)"/.exec(home)?.[1];
const item = /href="(\/xxgk\/xx\/[^"]+\/)"/.exec(home)?.[1];
if (column) pages.push(['column list', column]);
if (item) pages.push(['item page', item]);

// Saved copies for nginx, one worker, no access log.
const root = join(dir, 'static');
for (const [, path] of pages) {
  mkdirSync(join(root, path), { recursive: true });
  writeFileSync(join(root, path, 'index.html'), await (await fetch(ours + path)).text());
}
const nginxPort = 20000 + Math.floor(Math.random() * 20000);
writeFileSync(
  join(dir, 'nginx.conf'),
  `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/nginx-error.log;
   events { worker_connections 256; }
   http { access_log off; default_type text/html; charset utf-8;
     server { listen 127.0.0.1:${nginxPort}; root ${root}; location / { try_files $uri $uri/index.html =404; } } }`,
);
const nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

console.log(`wrk -t1 -c16 -d${seconds}s on loopback; our server: one Node process; nginx: one worker`);
console.log('page            nginx req/s   cached req/s  ratio   uncached req/s  ratio');
for (const [label, path] of pages) {
  await fetch(ours + path); // fill the cache
  const n = await wrk(`http://127.0.0.1:${nginxPort}${path}`);
  const cached = await wrk(ours + path);
  const uncached = await wrk(ours + path, ['Cookie: gk_session=bench-bypasses-cache']);
  console.log(
    `${label.padEnd(14)}  ${n.toFixed(0).padStart(11)}  ${cached.toFixed(0).padStart(12)}  ${(cached / n).toFixed(2).padStart(5)}  ${uncached.toFixed(0).padStart(14)}  ${(uncached / n).toFixed(2).padStart(5)}`,
  );
}
nginx.kill();
await app.close();
await db.destroy();
