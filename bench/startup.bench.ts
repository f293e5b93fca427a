/**
 * Start-up cost of the compiled runtime (dist/server, built first if stale): the cold start of a
 * quick command, `gongkai fee --per-page --pages 120` (wall and CPU time, median of runs), and a
 * server's start to its first healthy /healthz over an already migrated database (one worker
 * under the supervisor), with the CPU time each took and the load average, since wall times on a
 * busy machine mostly measure the other processes. `node --import tsx bench/startup.bench.ts [runs]`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.argv[2] ?? 10);
const root = new URL('..', import.meta.url).pathname;
// One run first, so that a stale build is compiled before timing.
spawnSync(process.execPath, ['bin/gongkai.js', 'fee', '--per-page', '--pages', '1'], { cwd: root });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let lastChildCpu = 0;
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['bin/gongkai.js', 'fee', '--per-page', '--pages', '120'], { cwd: root, encoding: 'utf8' });
  wall.push(performance.now() - t);
  if (r.status !== 0) throw new Error(r.stderr);
  cpu.push(childCpuMs());
}
function childCpuMs(): number {
  // process.cpuUsage() excludes children; /proc/self/stat fields 16 and 17 are the children's times.
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  const ms = ticks * 10 - lastChildCpu;
  lastChildCpu = ticks * 10;
  return ms;
}
console.log(`gongkai fee --per-page --pages 120, cold start (${RUNS} runs): median wall ${median(wall).toFixed(0)} ms, median CPU ${median(cpu).toFixed(0)} ms (min wall ${Math.min(...wall).toFixed(0)} ms)`);

const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = s.address() as { port: number };
    s.close(() => resolve(p));
  });
});
const dir = mkdtempSync(join(tmpdir(), 'gongkai-startup-'));
const env = { ...process.env, GONGKAI_DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn' };
spawnSync(process.execPath, ['bin/gongkai.js', 'migrate'], { cwd: root, env });
/** CPU time (ms) a process and its live descendants (the server's workers) have used so far. */
function treeCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return (Number(fields[11]) + Number(fields[12])) * 10 + children.reduce((sum, c) => sum + treeCpuMs(c), 0);
  } catch {
    return 0; // gone meanwhile
  }
}
const starts: number[] = [];
const startCpu: number[] = [];
for (let i = 0; i < Math.min(RUNS, 5); i++) {
  const t = performance.now();
  const server = spawn(process.execPath, ['bin/gongkai.js', 'serve'], { cwd: root, env, stdio: 'ignore' });
  while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) await new Promise((r) => setTimeout(r, 10));
  starts.push(performance.now() - t);
  startCpu.push(treeCpuMs(server.pid!));
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}
rmSync(dir, { recursive: true, force: true });
// On a shared machine the wall time mostly measures the other processes; the CPU time (primary
// and worker together) is what the start itself costs.
console.log(`gongkai serve, start to healthy (${starts.length} runs): median ${median(starts).toFixed(0)} ms, min ${Math.min(...starts).toFixed(0)} ms; CPU median ${median(startCpu).toFixed(0)} ms`);
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (${cpus().length} cores)`);
