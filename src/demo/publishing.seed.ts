/**
 * Demo records of proactive disclosure: every body gets a 索引号 prefix and the default column
 * tree; the 发改委 gets a policy document with its interpretation, and the portal a few items so
 * that its home page, columns and search show something. Demo values, clearly fictitious.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { createDefaultColumns } from '../publishing/columns.repository.ts';
import { setOrganizationIndexCode } from '../publishing/index-numbers.ts';
import { bulkInsertPublishedItems } from '../publishing/items.bulk.ts';
import { shippedCalendar } from '../calendar/shipped-holidays.ts';
import { shanghaiDate } from '../shared/clock.ts';

/** A 统一社会信用代码-shaped demo code: 1 1 + division 410404 + 9-character body code + check. */
export function demoIndexCode(sequence: number): string {
  return `11410404${String(sequence).padStart(9, '0')}X`;
}

export async function seedPublishingDemo({ db, now }: { db: Kysely<Database>; now: Date }): Promise<void> {
  const orgs = await db.selectFrom('organizations').select(['id', 'code', 'is_body']).orderBy('id').execute();
  for (const [i, o] of orgs.entries()) {
    await setOrganizationIndexCode(db, o.id, demoIndexCode(i + 1));
    if (o.is_body === 1) await createDefaultColumns(db, o.id, now);
  }
  const id = (code: string) => orgs.find((o) => o.code === code)?.id;
  const fgw = id('shilong-fgw');
  const gov = id('shilong');
  if (!fgw || !gov) return;
  const today = shanghaiDate(now);
  const calendar = shippedCalendar();
  const [policy] = await bulkInsertPublishedItems(db, [{
    organizationId: fgw,
    kind: 'normative_document',
    title: '石龙区发展和改革委员会关于进一步规范政府定价经营服务性收费的通知',
    docNumber: '石发改〔2026〕3号',
    writtenDate: today,
    publishDate: today,
    topic: '国民经济管理、国有资产监管',
    validity: 'in_force',
    bodyHtml: '<p>各有关单位：</p><p>为进一步规范经营服务性收费行为，减轻企业负担，现就有关事项通知如下。</p><p>一、严格执行收费目录清单制度，目录清单之外不得收费。</p><p>二、本通知自印发之日起施行，有效期五年。</p>',
  }], now, { calendar });
  await bulkInsertPublishedItems(db, [
    {
      organizationId: fgw,
      kind: 'interpretation',
      title: '《关于进一步规范政府定价经营服务性收费的通知》政策解读',
      publishDate: today,
      writtenDate: today,
      interpretsItemId: policy,
      topic: '国民经济管理、国有资产监管',
      bodyHtml: '<p>一、制定背景：落实减轻企业负担的要求。</p><p>二、主要内容：收费目录清单之外不得收费。</p>',
    },
    {
      organizationId: gov,
      kind: 'announcement',
      title: '石龙区2026年重大建设项目批准情况公示',
      publishDate: today,
      writtenDate: today,
      topic: '城乡建设、环境保护',
      bodyHtml: '<p>根据《政府信息公开条例》第二十条，现将本年度重大建设项目批准情况公示如下。</p>',
    },
    {
      organizationId: gov,
      kind: 'general',
      columnCode: 'ffjz',
      title: '关于公布防范和处置非法集资举报电话的通告',
      publishDate: today,
      writtenDate: today,
      topic: '公安、安全、司法',
      bodyHtml: '<p>举报电话：0375-0000000（工作日 8:30—17:30）。请广大群众远离非法集资。</p>',
    },
    {
      organizationId: gov,
      kind: 'key_area',
      title: '石龙区2025年财政预算执行情况',
      publishDate: today,
      writtenDate: today,
      columnCode: 'czyjs',
      topic: '财政、金融、审计',
      bodyHtml: '<p>2025年全区一般公共预算收入完成情况如下。</p>',
    },
  ], now, { calendar });
}
