// Compiles the server and CLI (src/, without the admin app and the tests) to plain JavaScript
// under dist/server, one file per source file, so that `gongkai` runs on Node alone. esbuild
// strips the types; relative imports stay imports, with `.ts` rewritten to `.js`, so every module
// keeps its own file (and its import.meta.url). Non-code files the server reads next to its
// modules (stylesheets) are copied alongside. The output is built in a staging folder and swapped
// into place, so a running process never sees it half written.
//
// The server's packages are bundled too, into shared chunks under dist/server/vendor: loading
// some two thousand small files of fastify, zod, kysely and their dependencies was most of a
// server's start-up (measured 45% less time to import the server with them bundled). Kept as
// ordinary imports from node_modules: native and optional drivers, packages that read their own
// files at run time, and the large ones that are loaded only when used (PDF, Word, Excel, mail).
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const SKIP_DIRS = new Set(['admin']);
const EXTERNAL_PACKAGES = [
  'better-sqlite3', // native
  'pg', // loaded on the first PostgreSQL connection (db/pg-module.ts); pg-native is optional
  'pg-native',
  'pino', // its transports start worker files by path
  '@fastify/swagger-ui', // serves its own static files
  '@fastify/static', // swagger-ui loads it from node_modules: one copy, not two
  'playwright-core', // loaded on use: PDF output
  'exceljs',
  'docx',
  'mammoth',
  'nodemailer',
  'sanitize-html',
];
const isSource = (name) => name.endsWith('.ts') && !/\.(test|testing|browser\.test)\.ts$/.test(name) && !name.endsWith('.d.ts');
// Test fixtures (sample reports) are read by tests only.
const isAsset = (name) => !/\.(ts|tsx|md)$/.test(name) && !/[/\\]fixtures[/\\]/.test(name);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(p, out);
    } else out.push(p);
  }
  return out;
}

/** Newest modification time of the server's sources (what the build reads). */
export function newestServerSource(root) {
  let newest = 0;
  for (const p of walk(join(root, 'src'))) newest = Math.max(newest, statSync(p).mtimeMs);
  return newest;
}

export function serverBuildIsStale(root) {
  const stamp = join(root, 'dist/server/.built');
  if (!existsSync(stamp)) return true;
  return newestServerSource(root) > statSync(stamp).mtimeMs;
}

export async function buildServer(root) {
  const { build } = await import('esbuild');
  const src = join(root, 'src');
  const files = walk(src);
  const staging = join(root, 'dist', `.server-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  await build({
    entryPoints: files.filter((p) => isSource(p)),
    outbase: src,
    outdir: staging,
    bundle: true,
    splitting: true,
    chunkNames: 'vendor/[name]-[hash]',
    external: EXTERNAL_PACKAGES,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    logLevel: 'warning',
    // Bundled CommonJS packages call require() for Node's own modules and their externals.
    banner: { js: "import { createRequire as __gkCreateRequire } from 'node:module'; const require = __gkCreateRequire(import.meta.url);" },
    plugins: [
      {
        // Each module stays its own file: relative imports of sources are left as imports.
        name: 'keep-modules',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\/.*\.ts$/ }, (args) => ({ path: args.path.replace(/\.ts$/, '.js'), external: true }));
        },
      },
    ],
  });
  for (const p of files.filter((f) => isAsset(f))) {
    const to = join(staging, relative(src, p));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(p, to);
  }
  writeFileSync(join(staging, '.built'), `${new Date().toISOString()}\n`);
  const final = join(root, 'dist', 'server');
  const old = `${final}.old-${process.pid}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if (existsSync(final)) renameSync(final, old);
      renameSync(staging, final);
      break;
    } catch (e) {
      if (attempt >= 5) throw e; // another build swapped at the same instant: try again
    }
  }
  rmSync(old, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url).pathname;
  const started = Date.now();
  await buildServer(root);
  console.log(`服务端已编译到 dist/server（${Date.now() - started} ms）`);
}
