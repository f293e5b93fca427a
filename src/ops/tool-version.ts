/**
 * The version recorded in backups and exports: package.json's. It is two folders up from the
 * sources (src/ops) and three from the build (dist/server/ops).
 */
import { existsSync, readFileSync } from 'node:fs';

const file = ['../../package.json', '../../../package.json'].map((p) => new URL(p, import.meta.url)).find((u) => existsSync(u));
export const TOOL_VERSION = file ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
