/**
 * PostgreSQL contrib extensions the schema uses where it may: pg_trgm (migration 0242) and
 * btree_gin (migration 0249). Both are shipped with Debian's postgresql package and "trusted": a
 * role with CREATE on the database may create them. Without one the migration goes on without its
 * index, says so, and what it serves stays exact but slower.
 */
import { sql, type Kysely } from 'kysely';

/**
 * Creates `name` when it is installed and this role may; false (with a warning naming it and what
 * is lost, `without`) otherwise. Migrations run in one transaction: a savepoint keeps a refused
 * CREATE from aborting it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createExtensionIfAllowed(db: Kysely<any>, name: 'pg_trgm' | 'btree_gin', without: string): Promise<boolean> {
  const available = await sql<{ installed: string | null }>`select installed_version as installed from pg_available_extensions where name = ${name}`.execute(db);
  if (available.rows[0]?.installed) return true;
  if (available.rows.length === 0) {
    console.warn(`未能创建 PostgreSQL 扩展 ${name}：服务器未安装该扩展（Debian/Ubuntu：postgresql-contrib 或 postgresql 软件包）。${without}；安装后执行 CREATE EXTENSION ${name} 并建索引即可加速。`);
    return false;
  }
  await sql`savepoint create_extension`.execute(db);
  try {
    await sql`create extension if not exists ${sql.id(name)}`.execute(db);
    await sql`release savepoint create_extension`.execute(db);
    return true;
  } catch (err) {
    await sql`rollback to savepoint create_extension`.execute(db);
    console.warn(`未能创建 PostgreSQL 扩展 ${name}（${(err as Error).message}）。${without}；由数据库管理员执行 CREATE EXTENSION ${name} 并建索引后即可加速。`);
    return false;
  }
}
