#!/usr/bin/env node
// The `gongkai` command. It runs the compiled JavaScript in dist/server on plain Node. In a
// checkout whose sources are newer than that build (or that has none yet), it compiles them
// first (scripts/build-server.js, about a second); a production install, which has no build
// tools, runs the build it was shipped with.
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { checkNodeVersion } from '../scripts/node-version.js';
import { buildServer, serverBuildIsStale } from '../scripts/build-server.js';

checkNodeVersion();
const root = new URL('..', import.meta.url).pathname;
const entry = new URL('../dist/server/cli/main.js', import.meta.url);
// A server's worker process runs the build its primary has just checked.
if (!cluster.isWorker && serverBuildIsStale(root)) {
  try {
    await buildServer(root);
  } catch (e) {
    if (!existsSync(entry)) {
      process.stderr.write(`错误：尚未编译服务端，且无法编译（${e.message}）。请在源码目录运行 npm ci && npm run build。\n`);
      process.exit(1);
    }
    if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    // No esbuild (production install): the shipped build is what runs.
  }
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
