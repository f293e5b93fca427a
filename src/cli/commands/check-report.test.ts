import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../main.ts';
import { recordingIo } from '../test-io.ts';

const fixtures = fileURLToPath(new URL('../../reportcheck/fixtures/', import.meta.url));

const captureIo = (cwd: string) => recordingIo('', {}, cwd);

describe('gongkai check-report', () => {
  it('prints one JSON object per file in the report model with findings; exit 1 on errors', async () => {
    const { io, out } = captureIo(fixtures);
    const code = await main(['check-report', '--json', 'hongze-2023.txt', 'hongze-2024.txt'], io);
    assert.equal(code, 1); // 2023 has wrong section 四 totals
    const reports = JSON.parse(out.join(''));
    assert.equal(reports.length, 2);
    assert.deepEqual(reports[1].applications.rows.newReceived, [95, 0, 0, 0, 0, 0, 95]);
    assert.ok(reports[1].findings.some((f: { code: string }) => f.code === 'reportcheck.narrative_contradicts_table'));
  });

  it('reads a published PDF through its text layer', async () => {
    const { io, out } = captureIo(fixtures);
    assert.equal(await main(['check-report', '--json', 'hongze-2024.pdf'], io), 0);
    const [r] = JSON.parse(out.join(''));
    assert.deepEqual([r.inputKind, r.body.name, r.year], ['pdf', '淮安市洪泽区人民政府', 2024]);
    assert.deepEqual(r.applications.rows.unable1, [31, 0, 0, 0, 0, 0, 31]);
  });

  it('exits 0 and prints a Chinese summary when there are only warnings', async () => {
    const { io, out } = captureIo(fixtures);
    assert.equal(await main(['check-report', 'hongze-2024.txt'], io), 0);
    assert.match(out.join('\n'), /淮安市洪泽区人民政府 2024年度（hongze-2024\.txt，人民政府（按名称判断））：错误 0 项，警告 2 项/);
  });

  it('takes the body’s level from --level for the publication deadline', async () => {
    const { io, out } = captureIo(fixtures);
    assert.equal(await main(['check-report', '--json', 'sample-county-bureau-2023.html'], io), 0);
    const [asDepartment] = JSON.parse(out.join(''));
    assert.ok(asDepartment.findings.some((f: { code: string }) => f.code === 'report.published_late'));
    const second = captureIo(fixtures);
    assert.equal(await main(['check-report', '--json', '--level', '人民政府', 'sample-county-bureau-2023.html'], second.io), 0);
    const [asGovernment] = JSON.parse(second.out.join(''));
    assert.deepEqual(asGovernment.level, { kind: 'government', name: '人民政府', inferred: false });
    assert.ok(!asGovernment.findings.some((f: { code: string }) => f.code === 'report.published_late'));
    assert.equal(await main(['check-report', '--level', '县长', 'sample-county-bureau-2023.html'], captureIo(fixtures).io), 2);
  });

  it('reads a folder and writes the summary workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-report-'));
    try {
      for (const name of ['hongze-2023.txt', 'hongze-2024.txt']) copyFileSync(join(fixtures, name), join(dir, name));
      const { io } = captureIo(dir);
      assert.equal(await main(['check-report', '--summary', 'out.csv', '.'], io), 1);
      const csv = readFileSync(join(dir, 'out.csv'), 'utf8');
      assert.match(csv, /^\uFEFF文件或网址,机关,层级,年度,/);
      assert.match(csv, /hongze-2023\.txt,洪泽区人民政府,人民政府,2023,[^,]*,\d+,\d+,2,1,1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is a usage error (exit 2) without files or with an unknown summary format', async () => {
    const { io } = captureIo(fixtures);
    assert.equal(await main(['check-report'], io), 2);
    assert.equal(await main(['check-report', '--summary', 'x.pdf', 'hongze-2024.txt'], io), 2);
    assert.equal(await main(['check-report', 'no-such-file.txt'], io), 2);
  });
});
