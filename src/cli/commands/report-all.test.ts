/**
 * `gongkai report --all` on the demo data: one file per body and format, each the same as the
 * single-body command writes; a progress line per body and a summary; a body that cannot be
 * written is named, the others are still written, and the exit code is 1. On both databases.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOnBothDatabases } from '../../db/test-databases.ts';
import { loadConfig } from '../../config/config.ts';
import { fixedClock } from '../../shared/clock.ts';
import { seedDemo } from '../../demo/demo.seed.ts';
import { createOrganizationsRepository } from '../../auth/organizations.repository.ts';
import { main } from '../main.ts';
import { recordingIo } from '../test-io.ts';

describeOnBothDatabases('gongkai report --all', (t) => {
  let env: Record<string, string>;
  let dir: string;
  const run = async (args: string[]) => {
    const c = recordingIo('', env, dir);
    const code = await main(['report', ...args], c.io);
    return { code, out: c.out.join('\n'), err: c.err.join('\n') };
  };

  it('writes every body\'s report as the single-body command does, with progress and a summary', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-report-all-'));
    env = { DATABASE_URL: t().url, GONGKAI_DATA_DIR: dir };
    await seedDemo({ deps: { config: loadConfig(env, dir), db: t().db, clock: fixedClock('2023-01-15T02:00:00Z') } });
    const bodies = (await createOrganizationsRepository({ db: t().db }).list()).filter((o) => o.isBody && !o.disabled);
    assert.ok(bodies.length > 1);

    const all = await run(['--all', '--year', '2022', '--out', 'out', '--format', 'json,docx']);
    assert.equal(all.code, 0, all.err);
    const lines = all.out.split('\n');
    assert.equal(lines.filter((l) => /^\[\d+\/\d+ \d+%\] /.test(l)).length, bodies.length);
    assert.match(lines.at(-1)!, new RegExp(`^完成：${bodies.length} 个机关，成功 ${bodies.length}，失败 0；写入 ${bodies.length * 2} 个文件到 .*；校验错误共 \\d+ 个；用时 \\d+\\.\\d 秒$`));
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), bodies.flatMap((b) => [`${b.code}-2022.docx`, `${b.code}-2022.json`]).sort());
    for (const b of bodies) assert.equal(readFileSync(join(dir, 'out', `${b.code}-2022.docx`)).subarray(0, 2).toString(), 'PK');

    const single = await run(['--org', 'shilong', '--year', '2022', '--format', 'json']);
    assert.equal(single.code, 0);
    assert.equal(readFileSync(join(dir, 'out', 'shilong-2022.json'), 'utf8'), single.out);
  });

  it('names a body that fails, writes the others, and exits 1', async () => {
    const bodies = (await createOrganizationsRepository({ db: t().db }).list()).filter((o) => o.isBody && !o.disabled);
    mkdirSync(join(dir, 'out2', 'shilong-2022.json'), { recursive: true }); // a folder where the file must go
    const r = await run(['--all', '--year', '2022', '--out', 'out2', '--format', 'json']);
    assert.equal(r.code, 1);
    assert.match(r.err, /\[\d+\/\d+ \d+%\] shilong 石龙区人民政府：失败 — /);
    assert.match(r.out, new RegExp(`完成：${bodies.length} 个机关，成功 ${bodies.length - 1}，失败 1（shilong）`));
    assert.equal(readdirSync(join(dir, 'out2')).length, bodies.length);
    assert.equal((await run(['--all', '--year', '2022'])).code, 2, '--out is required');
    assert.equal((await run(['--all', '--year', '2022', '--out', 'x', '--format', 'json,exe'])).code, 2);
  });
});
