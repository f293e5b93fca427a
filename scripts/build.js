// `npm run build`: everything a production install runs, as plain files under dist/ — the
// compiled server and CLI (dist/server) and the admin single-page app (dist/admin). After it,
// `npm ci --omit=dev` leaves a runnable installation without TypeScript or Vite.
import { spawnSync } from 'node:child_process';
import { checkNodeVersion } from './node-version.js';
import { buildServer } from './build-server.js';

checkNodeVersion();
const root = new URL('..', import.meta.url).pathname;
let started = Date.now();
await buildServer(root);
console.log(`» 服务端与命令行：dist/server（${Date.now() - started} ms）`);
started = Date.now();
const r = spawnSync('npx', ['vite', 'build', '--config', 'src/admin/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`» 管理端：dist/admin（${Date.now() - started} ms）`);
