// `npm start`: build what is missing or older than its sources (the admin app here, the server
// in bin/gongkai.js), then serve with the demo dataset on first start (embedded SQLite under
// ./data unless DATABASE_URL says otherwise). A production install without the build tools runs
// the build it was shipped with.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { checkNodeVersion } from './node-version.js';
import { adminBuildIsStale } from './admin-build.js';

checkNodeVersion();
const root = new URL('..', import.meta.url).pathname;
const canBuildAdmin = existsSync(new URL('../node_modules/vite/package.json', import.meta.url));
if (canBuildAdmin && adminBuildIsStale(root)) {
  console.log('正在构建管理端（vite build）…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'src/admin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, ['bin/gongkai.js', 'serve', '--demo', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
