/**
 * The pg driver, loaded on the first PostgreSQL connection rather than at start-up. On Node 20
 * merely loading it costs about a quarter of a second (its Cloudflare check touches the global
 * `Response`, which loads Node's whole fetch implementation), and the embedded SQLite default
 * and most CLI commands never need it. pg is CommonJS, so it loads synchronously here.
 */
import { createRequire } from 'node:module';
import type pgModuleType from 'pg';

let loaded: typeof pgModuleType | null = null;

export function pgDriver(): typeof pgModuleType {
  if (!loaded) {
    loaded = createRequire(import.meta.url)('pg') as typeof pgModuleType;
    loaded.types.setTypeParser(20, (v) => Number.parseInt(v, 10)); // int8 → number
  }
  return loaded;
}
