// Vite build of the admin single-page app. The app is its own Vite root (this folder) and is
// served by the Fastify server under /admin/, so asset URLs are built with that base.
// JSX goes through esbuild's automatic runtime; no React plugin is needed (or installed).
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const finalDir = resolve(repoRoot, 'dist', 'admin');
const stagingDir = resolve(repoRoot, 'dist', `.admin-staging-${process.pid}`);

/**
 * Vite empties its output folder before writing, so a server (or a browser test) reading
 * dist/admin during a rebuild would find it half written. We build into a staging folder and
 * swap it into place with two renames once the bundle is complete.
 */
function swapIntoPlace(): Plugin {
  return {
    name: 'gongkai-admin-swap-into-place',
    apply: 'build',
    closeBundle() {
      if (!existsSync(join(stagingDir, 'index.html'))) {
        rmSync(stagingDir, { recursive: true, force: true }); // the build failed: keep the old app
        return;
      }
      const old = `${finalDir}.old-${process.pid}`;
      for (let attempt = 0; ; attempt++) {
        try {
          if (existsSync(finalDir)) renameSync(finalDir, old);
          renameSync(stagingDir, finalDir);
          break;
        } catch (e) {
          if (attempt >= 5) throw e; // another build swapped at the same instant: try again
        }
      }
      rmSync(old, { recursive: true, force: true });
    },
  };
}

const EDITOR_ONLY = /node_modules\/(?:@tiptap|prosemirror-[a-z-]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs)\//;

export default defineConfig({
  root: here,
  base: '/admin/',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  plugins: [swapIntoPlace()],
  build: {
    // Ends up in <repo>/dist/admin (see swapIntoPlace).
    outDir: stagingDir,
    emptyOutDir: true,
    // antd is large by nature; split it from our code so the app chunk stays small and cacheable.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless in a bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        manualChunks(id) {
          // The item body editor's libraries stay with the editor, which is loaded on demand.
          if (EDITOR_ONLY.test(id)) return undefined;
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npx vite --config src/admin/vite.config.ts` for development against a running server.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
