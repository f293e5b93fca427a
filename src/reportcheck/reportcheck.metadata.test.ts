/**
 * Body, year and level (issue 15, item 3): titles in their published forms, the level read from
 * the body's name, and the reader's override, which sets the Art. 49 deadline checked.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { textToLines } from './reportcheck.text.ts';
import { findTitle } from './reportcheck.sections.ts';
import { readReportFile } from './reportcheck.file.ts';
import { parseLevel } from './reportcheck.usecases.ts';

const title = (text: string) => {
  const { body, year } = findTitle(textToLines(`${text}\n一、总体情况\n2022年，本机关……`));
  return [body, year];
};

describe('titles in their published forms', () => {
  const cases: [string, string | null, number][] = [
    ['石龙区人民政府2022年政府信息公开工作年度报告', '石龙区人民政府', 2022],
    ['某某县财政局2022年度政府信息公开工作年度报告', '某某县财政局', 2022],
    ['某某县财政局关于2022年度政府信息公开工作情况的报告', '某某县财政局', 2022],
    ['关于2022年度政府信息公开工作情况的报告', null, 2022],
    ['2022年度某某县财政局政府信息公开工作年度报告', '某某县财政局', 2022],
    ['2022年度某某县政府信息公开工作年度报告', '某某县政府', 2022],
    ['平潭综合实验区2022年政务公开工作年度报告', '平潭综合实验区', 2022],
    ['《某某街道办事处2022年度信息公开工作报告》', '某某街道办事处', 2022],
    ['标题:某某县财政局2022年政府信息公开工作年度报告', '某某县财政局', 2022],
  ];
  for (const [printed, body, year] of cases) {
    it(printed, () => assert.deepEqual(title(printed), [body, year]));
  }

  it('takes the body from the line above a title that starts with the year', () => {
    assert.deepEqual(title('某某县财政局\n2022年政府信息公开工作年度报告'), ['某某县财政局', 2022]);
  });
});

const sample = readFileSync(new URL('./fixtures/sample-county-bureau-2023.html', import.meta.url));

describe('the body’s level and the publication deadline', () => {
  it('reads a department from the name and holds it to 31 January', async () => {
    const r = await readReportFile({ name: 'sample.html', bytes: sample });
    assert.equal(r.body.name, '某县交通运输局');
    assert.deepEqual(r.level, { kind: 'department', name: '政府部门', inferred: true });
    const late = r.findings.find((f) => f.code === 'report.published_late');
    assert.equal(late?.details?.deadline, '2024-01-31');
  });

  it('holds the same report to 31 March when the reader says the body is a zone committee', async () => {
    const r = await readReportFile({ name: 'sample.html', bytes: sample, bodyKind: parseLevel('管委会') });
    assert.deepEqual(r.level, { kind: 'zone', name: '管委会（开发区、实验区、新区）', inferred: false });
    assert.ok(!r.findings.some((f) => f.code === 'report.published_late'));
  });

  it('reads a 综合实验区 as a zone, which publishes by 31 March like a government', async () => {
    const html = sample.toString('utf8').replaceAll('某县交通运输局', '平潭综合实验区');
    const r = await readReportFile({ name: 'zone.html', bytes: Buffer.from(html) });
    assert.equal(r.body.name, '平潭综合实验区');
    assert.equal(r.level.kind, 'zone');
    assert.ok(!r.findings.some((f) => f.code === 'report.published_late'));
  });

  it('accepts the levels in Chinese or English and refuses anything else', () => {
    assert.equal(parseLevel('人民政府'), 'government');
    assert.equal(parseLevel('township'), 'township');
    assert.equal(parseLevel(''), undefined);
    assert.equal(parseLevel('auto'), undefined);
    assert.throws(() => parseLevel('县长'), { code: 'reportcheck.level_invalid' });
  });
});
