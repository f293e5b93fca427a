// `npm start`: build the admin app if needed, then serve with the demo dataset on first start
// (embedded SQLite under ./data unless DATABASE_URL says otherwise).
import { spawnSync, spawn } from 'node:child_process';
import { adminBuildIsStale } from './admin-build.js';

const root = new URL('..', import.meta.url).pathname;
if (adminBuildIsStale(root)) {
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
