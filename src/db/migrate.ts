/**
 * Forward-only, ordered migrations. Each file in ./migrations exports `up(db)`; the file name
 * orders it. Numbering leaves room per feature: 0001–0099 platform, 0100 calendar and
 * applications, 0200 publishing, 0300 annual report, 0400 report checking. Because each feature
 * numbers within its own range, a database may already hold a higher number when a feature adds
 * its next migration: such a migration is still applied (features never depend on a later
 * range's tables), instead of the database being refused as out of order.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Kysely } from 'kysely';

const migrationsDir = join(fileURLToPath(new URL('.', import.meta.url)), 'migrations');

class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const file of readdirSync(migrationsDir).sort()) {
      // .ts when run from the sources, .js once compiled (dist/server); the name is the same.
      if (!/^\d{4}_[\w-]+\.(ts|js)$/.test(file)) continue;
      const mod = (await import(pathToFileURL(join(migrationsDir, file)).href)) as Migration;
      out[file.replace(/\.(ts|js)$/, '')] = { up: mod.up };
    }
    return out;
  }
}

export interface MigrationReport {
  applied: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${(error as Error).message ?? error}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Migrations present in the code but not yet applied to this database (for /readyz). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(), allowUnorderedMigrations: true });
  return (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}
