/**
 * The files of a site outside its database, under the names a backup or an export gives them:
 * the audit anchors, the audit key, the session secret (when kept in the data folder rather than
 * given in the environment) and every attachment. Paths inside an archive are relative and use
 * `/`; a name that would leave its folder is refused.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { AppError } from '../shared/app-error.ts';

export interface SiteFile {
  /** Name inside the archive, e.g. `attachments/2026/abc.pdf`. */
  name: string;
  path: string;
}

export interface SiteFileConfig {
  dataDir: string;
  auditAnchorFile: string;
}

/** Where each named file lives in this installation. */
export function sitePath(config: SiteFileConfig, name: string): string {
  if (name === 'audit-anchors.log') return config.auditAnchorFile;
  const root = resolve(config.dataDir);
  const full = resolve(root, name);
  const known = name === 'audit-key' || name === 'session-secret' || name.startsWith('attachments/');
  if (!known || !full.startsWith(root + sep)) throw new AppError('backup.bad_name', `备份中的文件名不合法：${name}`);
  return full;
}

export function secretFiles(config: SiteFileConfig): SiteFile[] {
  return ['audit-key', 'session-secret']
    .map((name) => ({ name, path: sitePath(config, name) }))
    .filter((f) => existsSync(f.path));
}

export function anchorFile(config: SiteFileConfig): SiteFile[] {
  return existsSync(config.auditAnchorFile) ? [{ name: 'audit-anchors.log', path: config.auditAnchorFile }] : [];
}

export function attachmentFiles(config: SiteFileConfig): SiteFile[] {
  const root = join(resolve(config.dataDir), 'attachments');
  if (!existsSync(root)) return [];
  const out: SiteFile[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push({ name: `attachments/${relative(root, p).split(sep).join('/')}`, path: p });
    }
  };
  walk(root);
  return out;
}

export async function fileDigest(path: string): Promise<{ size: number; sha256: string }> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return { size: statSync(path).size, sha256: h.digest('hex') };
}
