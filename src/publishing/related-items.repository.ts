/** 相关信息 rows (migration 0226): one row per pair, the smaller item id first. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** The pair as it is stored: the smaller id first. */
export function pairOf(a: number, b: number): { low_item_id: number; high_item_id: number } {
  return a < b ? { low_item_id: a, high_item_id: b } : { low_item_id: b, high_item_id: a };
}

export function createRelatedItemsRepository({ db }: { db: Kysely<Database> }) {
  return {
    async exists(a: number, b: number): Promise<boolean> {
      const p = pairOf(a, b);
      return !!(await db.selectFrom('publishing_related_items').select('low_item_id')
        .where('low_item_id', '=', p.low_item_id).where('high_item_id', '=', p.high_item_id).executeTakeFirst());
    },

    async count(itemId: number): Promise<number> {
      const row = await db.selectFrom('publishing_related_items').select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('low_item_id', '=', itemId), eb('high_item_id', '=', itemId)])).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async add(a: number, b: number, by: number, at: string): Promise<void> {
      await db.insertInto('publishing_related_items').values({ ...pairOf(a, b), created_by: by, created_at: at }).execute();
    },

    /** Whether a row was removed. */
    async remove(a: number, b: number): Promise<boolean> {
      const p = pairOf(a, b);
      const res = await db.deleteFrom('publishing_related_items').where('low_item_id', '=', p.low_item_id).where('high_item_id', '=', p.high_item_id).executeTakeFirst();
      return Number(res.numDeletedRows) === 1;
    },

    /** The items on the other side of `itemId`'s links; `publishedOnly` for the public site. */
    async of(itemId: number, publishedOnly = false) {
      // Two index lookups (the primary key, then the high_item_id index), not a join on an OR.
      let q = db.selectFrom('publishing_items as i')
        .select(['i.id', 'i.title', 'i.kind', 'i.status', 'i.organization_id', 'i.publish_date'])
        .where((eb) => eb.or([
          eb('i.id', 'in', eb.selectFrom('publishing_related_items').select('high_item_id').where('low_item_id', '=', itemId)),
          eb('i.id', 'in', eb.selectFrom('publishing_related_items').select('low_item_id').where('high_item_id', '=', itemId)),
        ]));
      if (publishedOnly) q = q.where('i.status', '=', 'published');
      return q.orderBy('i.publish_date', 'desc').orderBy('i.id', 'desc').execute();
    },
  };
}
