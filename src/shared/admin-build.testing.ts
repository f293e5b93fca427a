/**
 * Test helper for browser tests of the admin app: `npm test` builds it first; a single test file
 * run builds it here when the sources are newer than dist/admin.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function ensureAdminBuilt(): Promise<void> {
  const helper = new URL('../../scripts/admin-build.js', import.meta.url).href;
  const { adminBuildIsStale } = (await import(helper)) as { adminBuildIsStale(root: string): boolean };
  if (!adminBuildIsStale(repoRoot)) return;
  const r = spawnSync('npx', ['vite', 'build', '--config', 'src/admin/vite.config.ts', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
  assert.equal(r.status, 0, 'vite build of the admin app failed');
}
