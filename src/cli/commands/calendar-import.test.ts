import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../main.ts';
import { recordingIo } from '../test-io.ts';
import { openDatabase } from '../../db/dialect.ts';
import { loadCalendar, storedHolidayYears } from '../../calendar/calendar.repository.ts';


describe('gongkai calendar import', () => {
  it('imports years into the configured database, replaces on re-import, and refuses bad files unchanged', async () => {
    const c = recordingIo();
    const file = join(c.cwd, 'holidays-2027.json');
    writeFileSync(file, JSON.stringify({ source: '测试通知', years: { '2027': { offDays: ['2027-01-01'], workDays: ['2027-02-06'] } } }));
    assert.equal(await main(['calendar', 'import', 'holidays-2027.json'], c.io), 0);
    assert.match(c.out.join('\n'), /已导入 2027 年：放假 1 天，调休上班 1 天/);
    assert.equal(await main(['calendar', 'import', file], c.io), 0);
    assert.match(c.out.join('\n'), /已替换 2027 年/);

    writeFileSync(join(c.cwd, 'bad.json'), JSON.stringify({ years: { '2028': { offDays: ['2028-01-01'], workDays: ['2028-01-03'] } } }));
    assert.equal(await main(['calendar', 'import', 'bad.json'], c.io), 1);
    assert.match(c.err.join('\n'), /calendar\.invalid_holiday_data.*未作任何修改[\s\S]*2028-01-03 不是周六或周日/);
    writeFileSync(join(c.cwd, 'broken.json'), '{"years":');
    assert.equal(await main(['calendar', 'import', 'broken.json'], c.io), 1);
    assert.match(c.err.join('\n'), /不是有效的 JSON/);
    assert.equal(await main(['calendar', 'import', 'missing.json'], c.io), 1);
    assert.match(c.err.join('\n'), /无法读取文件/);
    assert.equal(await main(['calendar', 'import'], c.io), 2);

    const db = openDatabase(`sqlite:${join(c.cwd, 'data', 'gongkai.db')}`);
    try {
      const years = await storedHolidayYears(db);
      assert.deepEqual(years.at(-1), { year: 2027, offDays: 1, workDays: 1 });
      assert.equal(years.some((y) => y.year === 2028), false);
      const cal = await loadCalendar(db);
      assert.equal(cal.isWorkingDay('2027-01-01').value, false);
      assert.deepEqual(cal.isWorkingDay('2027-01-01').warnings, []);
    } finally {
      await db.destroy();
    }
  });
});
