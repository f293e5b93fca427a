/**
 * General items (政务动态, 工作动态) get a column of their own, 工作动态 under 政府信息公开: they
 * used to default to 政府信息公开制度, which then listed news among the body's rules of
 * disclosure work. Bodies holding the default tree receive the column; items already filed are
 * left where they are (some general items do belong to 制度; a publisher moves the others).
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  await sql`
    insert into publishing_columns (organization_id, parent_id, code, name, kind, art20_item, default_item_kind, sort_order, update_interval_days, description, hidden, created_at)
    select r.organization_id, r.id, 'gzdt', '工作动态', 'list', null, 'general', 3, 7, '', 0, ${now}
    from publishing_columns r
    where r.code = 'xxgk' and r.parent_id is null
      and not exists (select 1 from publishing_columns c where c.organization_id = r.organization_id and c.code = 'gzdt')`.execute(db);
}
