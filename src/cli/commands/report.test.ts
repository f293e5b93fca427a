import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOnBothDatabases } from '../../db/test-databases.ts';
import { loadConfig } from '../../config/config.ts';
import { fixedClock } from '../../shared/clock.ts';
import { seedDemo } from '../../demo/demo.seed.ts';
import { SHILONG_2022_ENTERED, SHILONG_2022_REPORT_DAYS } from '../../demo/report.seed.ts';
import { main } from '../main.ts';
import type { CliIo } from '../command.ts';

describeOnBothDatabases('gongkai report', (t) => {
  let env: Record<string, string>;
  let dir: string;
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), readStdin: async () => '', env, cwd: dir };
    const code = await main(['report', ...args], io);
    return { code, out: out.join(''), err: err.join('\n') };
  };

  it('gives the seed report\'s sections 三 and 四 exactly from the demo records, published and computed again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-report-cli-'));
    env = { DATABASE_URL: t().url, GONGKAI_DATA_DIR: dir, LOG_LEVEL: 'silent' };
    await seedDemo({ deps: { config: loadConfig(env, dir), db: t().db, clock: fixedClock('2023-02-15T02:00:00Z') } });

    const published = await run(['--org', 'shilong', '--year', '2022', '--format', 'json']);
    assert.equal(published.code, 0, published.err);
    assert.equal(published.err, '', 'the published version was approved without a finding');
    const computed = await run(['--org', 'shilong', '--year', '2022', '--format', 'json', '--computed']);
    assert.equal(computed.code, 0, computed.err);
    const report = JSON.parse(published.out);
    assert.equal(report.publishedOn, SHILONG_2022_REPORT_DAYS.publish);
    assert.deepEqual({ ...JSON.parse(computed.out), publishedOn: report.publishedOn }, report, 'the records still give the published figures');
    const n = (k: number) => [k, 0, 0, 0, 0, 0, k];
    const rows = report.applications.rows;
    // Section 三 of spec/shilong-2022-annual-report.txt, row by row.
    assert.deepEqual(rows.newReceived, n(9));
    assert.deepEqual(rows.carriedOver, n(0));
    assert.deepEqual(rows.disclosed, n(5));
    assert.deepEqual(rows.partiallyDisclosed, n(0));
    assert.deepEqual(rows.unable1, n(2));
    assert.deepEqual(rows.notProcessed1, n(1));
    assert.deepEqual(rows.otherHandling3, n(1));
    assert.deepEqual(rows.total, n(9));
    assert.deepEqual(rows.carriedForward, n(0));
    for (const k of ['withheld1', 'withheld4', 'withheld8', 'unable2', 'unable3', 'notProcessed2', 'notProcessed5', 'otherHandling1', 'otherHandling2']) assert.deepEqual(rows[k], n(0), k);
    // Section 四: review 维持 1; suit after review 维持 1.
    assert.deepEqual(report.reviewLitigation, { review: [1, 0, 0, 0, 1], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [1, 0, 0, 0, 1] });
    assert.equal(report.fees.amountYuan, 0);
    // Section 二's entered figures (the published text lost them: demo values) are in the report as entered.
    const { licensing, punishment, enforcement, feesAmountWanYuan } = report.proactive;
    assert.deepEqual({ licensing, punishment, enforcement, feesAmountWanYuan }, { licensing: SHILONG_2022_ENTERED.licensing, punishment: SHILONG_2022_ENTERED.punishment, enforcement: SHILONG_2022_ENTERED.enforcement, feesAmountWanYuan: SHILONG_2022_ENTERED.feesAmountWanYuan });
    // The seed narrative's figures agree with the records (2400余条 = 2,437 items).
    assert.doesNotMatch(computed.err, /表格数字为|\[错误\]/);
  });

  it('writes Word to a file, refuses binary output to the terminal, and checks on request', async () => {
    const docx = await run(['--org', '石龙区人民政府', '--year', '2022', '--format', 'docx', '--out', 'r.docx']);
    assert.equal(docx.code, 0, docx.err);
    assert.equal(readFileSync(join(dir, 'r.docx')).subarray(0, 2).toString(), 'PK');
    assert.equal((await run(['--org', 'shilong', '--year', '2022', '--format', 'docx'])).code, 2);
    assert.equal((await run(['--org', 'shilong', '--year', '2022', '--check'])).code, 0);
    // 2023 has no report yet: computed now, section 二 never entered, so --check fails.
    const unchecked = await run(['--org', 'shilong', '--year', '2023', '--check']);
    assert.equal(unchecked.code, 1);
    assert.match(unchecked.err, /第二部分“行政许可·本年处理决定数量”未填报/);
    assert.equal((await run(['--org', 'nobody', '--year', '2022'])).code, 1);
  });
});
