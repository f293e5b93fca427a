// Decides whether dist/admin is older than the admin sources (or missing), so that `npm start`
// and `npm test` rebuild the single-page app only when it changed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

export function adminBuildIsStale(root) {
  const index = join(root, 'dist/admin/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  // The admin app imports pure files from feature folders, so any source change may matter.
  return newestMtime(join(root, 'src')) > built;
}
