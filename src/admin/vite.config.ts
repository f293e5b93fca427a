// Vite build of the admin single-page app. The app is its own Vite root (this folder) and is
// served by the Fastify server under /admin/, so asset URLs are built with that base.
// JSX goes through esbuild's automatic runtime; no React plugin is needed (or installed).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

export default defineConfig({
  root: here,
  base: '/admin/',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: resolve(repoRoot, 'dist', 'admin'),
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
